"""Demo hygiene records (Rule 5), made through the services as staff would: each facility's
catalogue (sanitary items free, soap at a price), a week's stock checks with a stock-out, a
water interruption that ended and one still on, items issued and an entitlement for a woman
who works in the kitchens and one health approved."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from .models import Basis, Category
from .services import (
    add_item,
    end_water_interruption,
    grant_entitlement,
    issue_item,
    record_stock_check,
    record_water_interruption,
)

CATALOGUE = (
    ("Sanitary towels (pack of 10)", Category.SANITARY, Decimal("0"), 40),
    ("Tampons (box of 16)", Category.SANITARY, Decimal("0"), 20),
    ("Soap", Category.PERSONAL_CARE, Decimal("0"), 30),
    ("Shampoo", Category.PERSONAL_CARE, Decimal("1.50"), 10),
    ("Nappies (pack of 20)", Category.BABY, Decimal("0"), 15),
)


def seed(*, facility, staff, women) -> None:
    governor, officer = staff.get("governor"), staff.get("custody")
    if governor is None or officer is None:
        return
    items = [
        add_item(by=governor, facility=facility, name=name, category=c, price=p, low_stock=low)
        for name, c, p, low in CATALOGUE
    ]
    for item, counted in zip(items, (120, 0, 45, 8, 30), strict=True):
        record_stock_check(by=officer, item=item, counted=counted)
    now = timezone.now()
    unit = facility.units.order_by("code").first()
    ended = record_water_interruption(
        by=officer,
        facility=facility,
        unit=unit,
        started_at=now - timedelta(days=3, hours=6),
        cause="Burst main under the exercise yard",
        provision="Water in 20-litre containers to each landing, twice a day",
    )
    end_water_interruption(by=officer, interruption=ended, ended_at=now - timedelta(days=3))
    if facility.code != "A":
        record_water_interruption(
            by=officer,
            facility=facility,
            started_at=now - timedelta(hours=2),
            cause="Pump failure",
            provision="Bottled water for drinking and washing, from the stores",
        )
    for woman in women[:3]:
        issue_item(by=officer, prisoner=woman, item=items[0], quantity=2)
        issue_item(by=officer, prisoner=woman, item=items[2], quantity=1)
    if women:
        grant_entitlement(
            by=officer,
            prisoner=women[0],
            basis=Basis.KITCHEN,
            extra="A shower after each kitchen shift; two extra bars of soap a week",
        )
    nurse = staff.get("health")
    if nurse is not None and len(women) > 1:
        grant_entitlement(
            by=nurse,
            prisoner=women[1],
            basis=Basis.MENSTRUATION,
            extra="Extra sanitary towels and 5 litres of water a day",
        )
