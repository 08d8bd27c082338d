"""Hygiene (Rule 5): sanitary towels free of charge, a regular supply of water for the
personal care of women and children, and more of both for women who are pregnant,
breastfeeding or menstruating and for women who work in the kitchens (RULES-SPEC 2.4).

- The catalogue (`add_item`, `change_item`): a sanitary item at a price above zero is refused
  under Rule 5 here, and by the database's constraint at every other door.
- What is issued to her (`issue_item`): at the item's price, which for a sanitary item is 0.
- The weekly stock check (`record_stock_check`): a count below the item's low mark tells the
  governor; a stock-out too, and stays on oversight. The beat asks custody for the check
  when a facility has had none for HYGIENE_STOCK_CHECK_DAYS (`schedule_stock_checks`).
- Water interruptions (`record_water_interruption`, `end_water_interruption`): the governor
  is told at once and it stays on her task list until the water is back.
- Her extra entitlements (`grant_entitlement`, `end_entitlement`): on clinical grounds only
  by health staff, and read by others as "approved by health" (Rule 8).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import audit
from bangkok.errors import RuleBroken
from facilities.models import Facility
from facilities.scope import may_act
from reminders.services import resolve_reminder, schedule_reminder

from .models import (
    CLINICAL_BASES,
    Basis,
    Category,
    Entitlement,
    Issue,
    Item,
    StockCheck,
    WaterInterruption,
)
from .permissions import (
    CHECK_STOCK,
    GRANT,
    GRANT_CLINICAL,
    ISSUE,
    KEEP_CATALOGUE,
    RECORD_WATER,
    reads_basis,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    from prisoners.models import Prisoner, Unit
    from staff.models import User

STOCK_CHECK_KIND = "hygiene.stock_check"
LOW_STOCK_KIND = "hygiene.low_stock"
WATER_KIND = "hygiene.water"
GOVERNOR = "governor"
CUSTODY = "custody"
FREE = Decimal("0")


def _free_if_sanitary(category: str, price: Decimal) -> None:
    if price < 0:
        raise ValidationError({"price": _("A price can't be below zero.")})
    if category == Category.SANITARY and price > 0:
        raise RuleBroken(
            _("Sanitary towels and other menstrual products are provided free of charge."),
            rule="5",
            field="price",
        )


def _named(facility: Facility, name: str, item: Item | None = None) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Name the item.")})
    taken = Item.objects.filter(facility=facility, name__iexact=name)
    if item is not None:
        taken = taken.exclude(pk=item.pk)
    if taken.exists():
        raise ValidationError({"name": _("The facility already has an item of that name.")})
    return name


def _save_named(item: Item, **kwargs: Any) -> None:
    """Save it; two adding the same name at once: the database keeps one, the other is told."""
    try:
        with transaction.atomic():
            item.save(**kwargs)
    except IntegrityError:
        raise ValidationError(
            {"name": _("The facility already has an item of that name.")}
        ) from None


@transaction.atomic
def add_item(
    *,
    by: User,
    facility: Facility,
    name: str,
    category: str,
    price: Decimal = FREE,
    low_stock: int = 20,
) -> Item:
    """Add a hygiene item to the facility's catalogue (the governor). A sanitary item is free
    (Rule 5)."""
    may_act(by, KEEP_CATALOGUE, facility, _("Your role can't change the hygiene catalogue."))
    if category not in Category.values:
        raise ValidationError({"category": _("Choose a category.")})
    _free_if_sanitary(category, price)
    item = Item(
        facility=facility,
        name=_named(facility, name),
        category=category,
        price=price,
        low_stock=low_stock,
    )
    _save_named(item)
    audit.record(
        by=by,
        action="hygiene.item_added",
        subject=item,
        facility=facility,
        detail={"category": category, "price": str(price)},
    )
    return item


CHANGEABLE = ("name", "category", "price", "low_stock", "in_use")


@transaction.atomic
def change_item(*, by: User, item: Item, **fields: Any) -> Item:
    """Change an item of the catalogue: its name, category, price, low mark, or take it out of
    use (items are never deleted: what was issued names them). A sanitary item is free
    (Rule 5), whatever else changes."""
    unknown = set(fields) - set(CHANGEABLE)
    if unknown:
        raise ValidationError({name: _("This can't be changed here.") for name in unknown})
    item = Item.objects.select_for_update().get(pk=item.pk)
    may_act(by, KEEP_CATALOGUE, item.facility, _("Your role can't change the hygiene catalogue."))
    category = fields.get("category", item.category)
    price = fields.get("price", item.price)
    if category not in Category.values:
        raise ValidationError({"category": _("Choose a category.")})
    _free_if_sanitary(category, price)
    if item.category == Category.SANITARY and category != Category.SANITARY:
        # Else one change could call sanitary towels "other" and price them, and what she paid
        # would no longer count as a sanitary item charged for.
        raise RuleBroken(
            _("A sanitary item stays sanitary, and free: add another item instead."),
            rule="5",
            field="category",
        )
    if "name" in fields:
        fields["name"] = _named(item.facility, fields["name"], item)
    before = {name: str(getattr(item, name)) for name in fields}
    for name, value in fields.items():
        setattr(item, name, value)
    _save_named(item, update_fields=list(fields))
    audit.record(
        by=by,
        action="hygiene.item_changed",
        subject=item,
        facility=item.facility,
        detail={"before": before, "after": {name: str(v) for name, v in fields.items()}},
    )
    return item


@transaction.atomic
def issue_item(*, by: User, prisoner: Prisoner, item: Item, quantity: int) -> Issue:
    """Issue an item to her, at the item's price (a sanitary item's is 0, Rule 5)."""
    may_act(by, ISSUE, prisoner.facility, _("Your role can't issue hygiene items."))
    if item.facility_id != prisoner.facility_id or not item.in_use:
        raise ValidationError({"item": _("Choose an item in use at her facility.")})
    if quantity < 1:
        raise ValidationError({"quantity": _("Issue at least one.")})
    _free_if_sanitary(item.category, item.price)  # the constraint holds it; said here too
    issue = Issue.objects.create(
        facility=prisoner.facility,
        prisoner=prisoner,
        item=item,
        quantity=quantity,
        price=item.price,
        issued_by=by,
    )
    audit.record(
        by=by,
        action="hygiene.issued",
        subject=issue,
        facility=prisoner.facility,
        detail={"item": str(item.uuid), "quantity": quantity},
    )
    return issue


def stock_check_key(facility: Facility, when: datetime) -> str:
    year, week, _day = timezone.localtime(when).isocalendar()
    return f"hygiene:stock-check:{facility.uuid}:{year}-W{week:02d}"


@transaction.atomic
def record_stock_check(*, by: User, item: Item, counted: int, note: str = "") -> StockCheck:
    """Count an item in store (RULES-SPEC 2.4, weekly). Below the item's low mark, the
    governor is told; at zero it is a stock-out, which oversight shows. The week's
    stock-check task of the facility is answered once every item in use has a count in the
    last HYGIENE_STOCK_CHECK_DAYS."""
    facility = item.facility
    may_act(by, CHECK_STOCK, facility, _("Your role can't count the hygiene stock."))
    if counted < 0:
        raise ValidationError({"counted": _("A count can't be below zero.")})
    now = timezone.now()
    check = StockCheck.objects.create(
        facility=facility, item=item, counted=counted, checked_by=by, note=(note or "").strip()
    )
    low_key = f"hygiene:low:{item.uuid}"
    if counted < item.low_stock:
        schedule_reminder(
            key=f"{low_key}:{check.uuid}",
            kind=LOW_STOCK_KIND,
            rule="5",
            title=(
                gettext_lazy("Hygiene stock-out: %(item)s. Order more now.")
                if counted == 0
                else gettext_lazy("Hygiene stock low: %(item)s (%(counted)s left). Order more.")
            ),
            title_params={"item": item.name, "counted": counted},
            facility=facility,
            assignee_role=GOVERNOR,
            due_at=now,
        )
    else:
        # Stock is back above the mark: the earlier low-stock tasks of this item are answered.
        resolve_reminder(
            key_prefix=f"{low_key}:", by=by, outcome=_("Stock counted above the low mark.")
        )
    if not uncounted(facility, now).exists():
        # The week's check is done when every item in use has been counted, not one of them.
        resolve_reminder(key=stock_check_key(facility, now), by=by, outcome=_("Stock counted."))
    audit.record(
        by=by,
        action="hygiene.stock_checked",
        subject=check,
        facility=facility,
        detail={"item": str(item.uuid), "counted": counted},
    )
    return check


def uncounted(facility: Facility, now: datetime) -> QuerySet[Item]:
    """The facility's items in use with no count in the last HYGIENE_STOCK_CHECK_DAYS."""
    since = now - timedelta(days=settings.HYGIENE_STOCK_CHECK_DAYS)
    return (
        facility.hygiene_items.filter(in_use=True)
        .annotate(last=Max("stock_checks__checked_at"))
        .filter(Q(last__isnull=True) | Q(last__lt=since))
    )


def schedule_stock_checks(*, now: datetime | None = None) -> int:
    """The beat: ask custody for the week's stock check of each facility with items in use and
    no check for HYGIENE_STOCK_CHECK_DAYS. One task a facility a week, however often it runs."""
    now = now or timezone.now()
    since = now - timedelta(days=settings.HYGIENE_STOCK_CHECK_DAYS)
    # A facility with any item in use that no count has reached in that time.
    stale = (
        Item.objects.filter(in_use=True)
        .annotate(last=Max("stock_checks__checked_at"))
        .filter(Q(last__isnull=True) | Q(last__lt=since))
        .values("facility")
    )
    made = 0
    for facility in Facility.objects.filter(pk__in=stale):
        schedule_reminder(
            key=stock_check_key(facility, now),
            kind=STOCK_CHECK_KIND,
            rule="5",
            title=gettext_lazy("Count the hygiene stock: the week's check is due."),
            facility=facility,
            assignee_role=CUSTODY,
            due_at=now,
        )
        made += 1
    return made


@transaction.atomic
def record_water_interruption(
    *,
    by: User,
    facility: Facility,
    started_at: datetime,
    cause: str,
    provision: str,
    unit: Unit | None = None,
) -> WaterInterruption:
    """Record that the water stopped (Rule 5: a regular supply for the personal care of women
    and children). The governor is told at once; the task stays open until the water is
    back."""
    may_act(by, RECORD_WATER, facility, _("Your role can't record a water interruption."))
    if unit is not None and unit.facility_id != facility.pk:
        raise ValidationError({"unit": _("Choose a unit of this facility.")})
    now = timezone.now()
    if started_at > now:
        raise ValidationError({"started_at": _("Record it once the water has stopped.")})
    cause, provision = (cause or "").strip(), (provision or "").strip()
    if not cause:
        raise ValidationError({"cause": _("Say why the water stopped, as far as you know.")})
    if not provision:
        raise ValidationError(
            {"provision": _("Say what was provided meanwhile, or that nothing was.")}
        )
    interruption = WaterInterruption.objects.create(
        facility=facility,
        unit=unit,
        started_at=started_at,
        cause=cause,
        provision=provision,
        recorded_by=by,
    )
    schedule_reminder(
        key=f"hygiene:water:{interruption.uuid}",
        kind=WATER_KIND,
        rule="5",
        title=gettext_lazy("The water supply is interrupted (%(where)s): restore it."),
        title_params={"where": unit.name if unit is not None else _("the whole facility")},
        facility=facility,
        assignee_role=GOVERNOR,
        due_at=now,
    )
    audit.record(by=by, action="hygiene.water_interrupted", subject=interruption, facility=facility)
    return interruption


@transaction.atomic
def end_water_interruption(
    *, by: User, interruption: WaterInterruption, ended_at: datetime | None = None
) -> WaterInterruption:
    """The water is back: the interruption ends and the governor's task is answered."""
    interruption = WaterInterruption.objects.select_for_update().get(pk=interruption.pk)
    may_act(
        by, RECORD_WATER, interruption.facility, _("Your role can't record a water interruption.")
    )
    if interruption.ended_at is not None:
        raise ValidationError({NON_FIELD_ERRORS: _("This interruption has already ended.")})
    now = timezone.now()
    ended_at = ended_at or now
    if ended_at > now:
        raise ValidationError({"ended_at": _("Record it once the water is back.")})
    if ended_at < interruption.started_at:
        raise ValidationError({"ended_at": _("The water came back after it stopped.")})
    interruption.ended_at, interruption.ended_by = ended_at, by
    interruption.save(update_fields=["ended_at", "ended_by"])
    resolve_reminder(
        key=f"hygiene:water:{interruption.uuid}", by=by, outcome=_("The water is back.")
    )
    audit.record(
        by=by,
        action="hygiene.water_restored",
        subject=interruption,
        facility=interruption.facility,
    )
    return interruption


@transaction.atomic
def grant_entitlement(*, by: User, prisoner: Prisoner, basis: str, extra: str) -> Entitlement:
    """Give her more than the standard issue (Rule 5). On clinical grounds (pregnant,
    breastfeeding, menstrual needs) only health staff grant it, and others read it as
    "approved by health" (Rule 8)."""
    may_act(by, GRANT, prisoner.facility, _("Your role can't grant a hygiene entitlement."))
    if basis not in Basis.values:
        raise ValidationError({"basis": _("Say why she has it.")})
    if basis in CLINICAL_BASES and not by.has_perm(GRANT_CLINICAL):
        raise PermissionDenied(
            _("An entitlement on clinical grounds is granted by health staff (Rule 8).")
        )
    extra = (extra or "").strip()
    if not extra:
        raise ValidationError({"extra": _("Say what she has besides the standard issue.")})
    entitlement = Entitlement.objects.create(
        prisoner=prisoner, basis=basis, extra=extra, granted_by=by
    )
    audit.record(
        by=by,
        action="hygiene.entitlement_granted",
        subject=entitlement,
        facility=prisoner.facility,
    )
    return shown_to(by, entitlement)


@transaction.atomic
def end_entitlement(*, by: User, entitlement: Entitlement) -> Entitlement:
    """End an entitlement: by whoever may grant one of its kind."""
    entitlement = Entitlement.objects.select_for_update().get(pk=entitlement.pk)
    prisoner = entitlement.prisoner
    may_act(by, GRANT, prisoner.facility, _("Your role can't end a hygiene entitlement."))
    if entitlement.is_clinical and not by.has_perm(GRANT_CLINICAL):
        raise PermissionDenied(
            _("An entitlement on clinical grounds is ended by health staff (Rule 8).")
        )
    if entitlement.ended_at is not None:
        raise ValidationError({NON_FIELD_ERRORS: _("This entitlement has already ended.")})
    entitlement.ended_at, entitlement.ended_by = timezone.now(), by
    entitlement.save(update_fields=["ended_at", "ended_by"])
    audit.record(
        by=by, action="hygiene.entitlement_ended", subject=entitlement, facility=prisoner.facility
    )
    return shown_to(by, entitlement)


def shown_to(user: User, entitlement: Entitlement) -> Entitlement:
    """The entitlement as `user` may read it: a clinical basis shown as "approved by health"."""
    entitlement.basis_shown = (  # type: ignore[attr-defined]
        entitlement.get_basis_display()
        if reads_basis(user, entitlement)
        else _("Approved by health")
    )
    return entitlement


def shown_all(user: User, entitlements: Iterable[Entitlement]) -> list[Entitlement]:
    """Her entitlements as `user` may read them (`shown_to`); a read that showed a clinical
    basis is audited with their ids (Rule 8)."""
    shown = [shown_to(user, entitlement) for entitlement in entitlements]
    clinical = [e for e in shown if e.is_clinical and reads_basis(user, e)]
    if clinical:
        prisoner = clinical[0].prisoner
        audit.record(
            by=user,
            action="hygiene.clinical_basis_read",
            subject=prisoner,
            facility=prisoner.facility,
            disclosed=[e.uuid for e in clinical],
        )
    return shown


def her_entitlements(prisoner: Prisoner) -> QuerySet[Entitlement]:
    return prisoner.hygiene_entitlements.select_related("granted_by").order_by(
        "ended_at", "-granted_at", "-id"
    )


def her_issues(prisoner: Prisoner) -> QuerySet[Issue]:
    return prisoner.hygiene_issues.select_related("item", "issued_by").order_by("-issued_at", "-id")


def latest_counts(facility: Facility) -> QuerySet[Item]:
    """The facility's items with their last count and when (one query)."""
    last = StockCheck.objects.filter(item=OuterRef("pk")).order_by("-checked_at", "-id")
    return facility.hygiene_items.annotate(
        last_count=Subquery(last.values("counted")[:1]),
        last_checked=Subquery(last.values("checked_at")[:1]),
    ).order_by("-in_use", "category", "name")
