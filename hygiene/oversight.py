"""Hygiene on oversight (Rule 5; RULES-SPEC 2.4, aggregate data for the inspector): the
stock-outs and the interruptions of the water supply of the period, and the sanitary items
she was charged for, a count that must be zero (the database refuses the price, and a
charge that happened anyway is recorded as a breach, `breaches`, which adds to it)."""

from django.db.models.functions import TruncDate
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bangkok.dates import during
from oversight.registry import COUNT, SMALLER, Indicator, MustBeZero, RecordList, Row, tally

from .models import Category, Issue, StockCheck, WaterInterruption
from .permissions import VIEW


def stock_outs(facilities, start, end):
    return (
        StockCheck.objects.filter(
            facility__in=facilities,
            counted=0,
            **during("checked_at", start, end),
        )
        .select_related("item")
        .order_by("-id")
    )


def stock_out_row(check: StockCheck) -> Row:
    return Row(
        uuid=check.uuid,
        when=check.checked_at,
        woman=None,
        what=_("Stock-out: %(item)s") % {"item": check.item.name},
    )


def water(facilities, start, end):
    return (
        WaterInterruption.objects.filter(
            facility__in=facilities, **during("started_at", start, end)
        )
        .select_related("unit")
        .order_by("-id")
    )


def water_row(interruption: WaterInterruption) -> Row:
    where = interruption.unit.name if interruption.unit else _("the whole facility")
    if interruption.ended_at is None:
        what = _("Water interrupted (%(where)s), not yet back") % {"where": where}
    else:
        what = _("Water interrupted (%(where)s) for %(hours)s hours") % {
            "where": where,
            "hours": interruption.hours,
        }
    return Row(uuid=interruption.uuid, when=interruption.started_at, woman=None, what=what)


def sanitary_charged(facilities, start, end):
    return (
        Issue.objects.filter(
            facility__in=facilities,
            item__category=Category.SANITARY,
            price__gt=0,
            **during("issued_at", start, end),
        )
        .select_related("item", "prisoner")
        .order_by("-id")
    )


def issue_row(issue: Issue) -> Row:
    return Row(
        uuid=issue.uuid,
        when=issue.issued_at,
        woman=issue.prisoner,
        what=_("Sanitary item charged for: %(item)s") % {"item": issue.item.name},
    )


LISTS = (
    RecordList(
        key="hygiene-stock-outs",
        dated="checked_at",
        title=gettext_lazy("Hygiene stock-outs"),
        rules="5",
        perm=VIEW,
        records=stock_outs,
        row=stock_out_row,
        order=80,
    ),
    RecordList(
        key="water-interruptions",
        dated="started_at",
        title=gettext_lazy("Interruptions of the water supply"),
        rules="5",
        perm=VIEW,
        records=water,
        row=water_row,
        order=81,
    ),
)
ZEROS = (
    MustBeZero(
        key="hygiene-sanitary-charged",
        dated="issued_at",
        label=gettext_lazy("Sanitary items she was charged for"),
        rule="5",
        perm=VIEW,
        cases=sanitary_charged,
        row=issue_row,
        order=80,
    ),
)
INDICATORS = (
    Indicator(
        key="sanitary-stock-out-days",
        number="46",
        title=gettext_lazy("Days a sanitary product was out of stock"),
        rules="5",
        perm=VIEW,
        counts=tally(
            lambda: StockCheck.objects.filter(counted=0, item__category=Category.SANITARY),
            "checked_at__date",
            what=TruncDate("checked_at"),
        ),
        direction=SMALLER,
        target=0,
        unit=COUNT,
        records="hygiene-stock-outs",
    ),
)
