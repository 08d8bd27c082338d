"""Visits: booked with the visitors she approved, then held or cancelled (Rules 27, 28, 43).

Every visitor on a booking is on her list and approved (Rule 44), except her lawyer on a
legal visit. Conjugal visits follow the service's rule for men (Rule 27). A visit involving
a child is open contact in a child-friendly setting unless an individual reason is written
(Rule 28). A security restriction of visits with a named person refuses that person (Mandela
43.3), never her children (Rule 23).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bangkok.errors import RuleBroken
from bangkok.formats import human_day
from bangkok.hooks import takes
from bangkok.plausible import check_after_arrest
from reminders.services import resolve_reminder

from ..models import (
    CHILD_KINDS,
    CancelledBy,
    Visit,
    VisitKind,
    Visitor,
    VisitorStatus,
    VisitStatus,
    VisitVisitor,
)
from ..permissions import ADD_VISIT, CHANGE_VISIT
from .common import log, normal, require
from .reminders import child_visit_prefix, family_contact_prefix

if TYPE_CHECKING:
    from collections.abc import Iterable

    from prisoners.models import Prisoner
    from staff.models import User

BOOK = gettext_lazy("Only custody officers and social workers book and record visits.")


@dataclass(frozen=True)
class VisitBar:
    """What keeps her from a visit with one person on a day, declared by the area that decides
    it (discipline's security restrictions of contact, Mandela 43.3): `until(visitor, day)` is
    the last day it holds, or None when nothing bars the visit."""

    until: Callable[[Visitor, date], date | None]


_BARS: list[VisitBar] = []


def bar(declared: VisitBar) -> None:
    _BARS.append(declared)


takes(VisitBar, bar)


def barred_until(visitor: Visitor, day: date) -> date | None:
    """The end of what bars a visit with this person on `day`, if anything does. Her children
    are never kept from her (Rule 23), whatever an area declares."""
    if visitor.is_her_child:
        return None
    return next((end for b in _BARS if (end := b.until(visitor, day)) is not None), None)


def not_on_her_list(who: str, field: str = "visitors") -> RuleBroken:
    return RuleBroken(
        _(
            "%(who)s is not among the visitors she agreed to: only people she agreed to, or a "
            "court ordered, can visit her"
        )
        % {"who": who},
        rule="44",
        field=field,
    )


def _visitors(
    prisoner: Prisoner, visitors: Iterable[Visitor], names: Iterable[str]
) -> list[Visitor]:
    """The visitors chosen and the people named, each on her list and approved (Rule 44)."""
    ids = [visitor.pk for visitor in visitors]
    chosen = list(Visitor.objects.filter(pk__in=ids).order_by("added_at", "id"))
    if len(chosen) != len(set(ids)):
        raise not_on_her_list(_("One of the visitors"))
    for visitor in chosen:
        if visitor.prisoner_id != prisoner.id or visitor.status != VisitorStatus.APPROVED:
            raise not_on_her_list(_("One of the visitors"))
    approved = list(prisoner.visitors.filter(status=VisitorStatus.APPROVED))
    for name in names:
        if not normal(name):
            continue
        match = next((v for v in approved if normal(v.name) == normal(name)), None)
        if match is None:
            raise not_on_her_list(name.strip(), field="names")
        chosen.append(match)
    return list(dict.fromkeys(chosen))


def _check_kind(
    kind: str, people: list[Visitor], *, lawyer_name: str, lawyer_registration: str
) -> None:
    if kind not in VisitKind.values:
        raise ValidationError({"kind": _("Choose the kind of visit.")})
    if kind == VisitKind.CONJUGAL and not settings.CONJUGAL_VISITS_FOR_MEN:
        raise RuleBroken(
            _(
                "Conjugal visits are not allowed in this prison service, for men either; where "
                "they are allowed for men, women have them on equal terms"
            ),
            rule="27",
            field="kind",
        )
    if kind == VisitKind.LEGAL:
        if not lawyer_name.strip() or not lawyer_registration.strip():
            raise ValidationError(
                {"lawyer_name": _("Give her lawyer's name and bar or registration number.")}
            )
    elif not people:
        raise ValidationError({"visitors": _("Choose who visits her, from her approved list.")})


def _check_restrictions(people: list[Visitor], day: date) -> None:
    for visitor in people:
        until = barred_until(visitor, day)
        if until is not None:
            raise RuleBroken(
                _("Visits with %(name)s are restricted for security until %(end)s")
                % {"name": visitor.name, "end": human_day(until)},
                rule="M43",
                field="visitors",
            )


def _check_child_setting(
    kind: str,
    people: list[Visitor],
    day: date,
    *,
    open_contact: bool,
    child_friendly: bool,
    reason: str,
) -> bool:
    """Whether a child visits; if so, open contact in a child-friendly setting unless an
    individual reason is written (Rule 28)."""
    children = [v for v in people if v.under_18_on(day) or v.is_her_child]
    if kind in CHILD_KINDS and not children:
        raise ValidationError({"visitors": _("A visit with children needs a child visiting.")})
    involves_child = kind in CHILD_KINDS or any(v.under_18_on(day) for v in people)
    if involves_child and not (open_contact and child_friendly) and not reason.strip():
        raise RuleBroken(
            _(
                "A visit involving a child allows open contact with her mother in a "
                "child-friendly setting; anything else needs an individual written reason"
            ),
            rule="28",
            field="setting_reason",
        )
    return involves_child


@transaction.atomic
def book_visit(
    *,
    by: User,
    prisoner: Prisoner,
    kind: str,
    starts_at: datetime,
    visitors: Iterable[Visitor] = (),
    names: Iterable[str] = (),
    open_contact: bool = True,
    child_friendly: bool = True,
    setting_reason: str = "",
    lawyer_name: str = "",
    lawyer_registration: str = "",
) -> Visit:
    """Book a family, child, extended-contact, legal or conjugal visit (Rules 26-28, 43, 44;
    Mandela 43.3). Visitors are chosen from her approved list, or named (a name must match
    an approved visitor)."""
    prisoner = require(by, prisoner, ADD_VISIT, message=BOOK)
    if starts_at is None:
        raise ValidationError({"starts_at": _("Give the date and hour of the visit.")})
    check_after_arrest(prisoner, starts_at, "starts_at")
    people = _visitors(prisoner, visitors, names)
    _check_kind(kind, people, lawyer_name=lawyer_name, lawyer_registration=lawyer_registration)
    day = timezone.localtime(starts_at).date()
    _check_restrictions(people, day)
    involves_child = _check_child_setting(
        kind,
        people,
        day,
        open_contact=open_contact,
        child_friendly=child_friendly,
        reason=setting_reason,
    )
    visit = Visit(
        prisoner=prisoner,
        facility=prisoner.facility,
        kind=kind,
        starts_at=starts_at,
        involves_child=involves_child,
        open_contact=open_contact,
        child_friendly=child_friendly,
        setting_reason=setting_reason.strip(),
        lawyer_name=lawyer_name.strip() if kind == VisitKind.LEGAL else "",
        lawyer_registration=lawyer_registration.strip() if kind == VisitKind.LEGAL else "",
        booked_by=by,
    )
    visit.full_clean()
    visit.save()
    VisitVisitor.objects.bulk_create(VisitVisitor(visit=visit, visitor=v) for v in people)
    log(by, "visits.visit_booked", visit, prisoner, kind=kind)
    return visit


def booked_visit(by: User, visit: Visit) -> Visit:
    """The visit, locked, if it is still booked and `by` may change it."""
    require(by, visit.prisoner, CHANGE_VISIT, message=BOOK)
    visit = Visit.objects.select_for_update().select_related("prisoner").get(pk=visit.pk)
    if visit.status != VisitStatus.BOOKED:
        raise ValidationError(_("This visit is already recorded as held or cancelled."))
    return visit


def _closed(visit: Visit, *, by: User) -> None:
    from .prison import visit_closed

    visit_closed(visit, by=by)


@transaction.atomic
def record_visit_held(*, by: User, visit: Visit, held_at: datetime | None = None) -> Visit:
    """Record that the visit took place; it answers the reminders about family contact
    (Rules 26, 43) and, with a child, about visits with her children (Rule 28)."""
    visit = booked_visit(by, visit)
    held_at = held_at or timezone.now()
    if held_at > timezone.now():
        raise ValidationError({"held_at": _("That date and hour is in the future.")})
    check_after_arrest(visit.prisoner, held_at, "held_at")
    visit.status, visit.closed_at, visit.closed_by = VisitStatus.HELD, held_at, by
    visit.save(update_fields=["status", "closed_at", "closed_by"])
    _closed(visit, by=by)
    prisoner = visit.prisoner
    if visit.kind != VisitKind.LEGAL:
        resolve_reminder(key_prefix=family_contact_prefix(prisoner), by=by, outcome="Visit held")
    if visit.involves_child:
        resolve_reminder(key_prefix=child_visit_prefix(prisoner), by=by, outcome="Visit held")
    log(by, "visits.visit_held", visit, prisoner)
    return visit


@transaction.atomic
def cancel_visit(*, by: User, visit: Visit, cancelled_by: str, reason: str = "") -> Visit:
    """Record that the visit was cancelled, and by whom. Visits are encouraged and
    facilitated (Rule 43): the prison cancels one only for a reason it writes down, and only
    once a governor confirms it (`prison.ask_to_cancel_visit`): until then the visit stays
    booked, for every woman alike (Rules 7.3, 25.1)."""
    from .prison import ask_to_cancel_visit

    visit = booked_visit(by, visit)
    if cancelled_by not in CancelledBy.values:
        raise ValidationError({"cancelled_by": _("Say who cancelled the visit.")})
    reason = (reason or "").strip()
    if cancelled_by == CancelledBy.PRISON:
        ask_to_cancel_visit(by=by, visit=visit, reason=reason)
        visit.refresh_from_db()
        return visit
    visit.status, visit.cancelled_by, visit.cancel_reason = (
        VisitStatus.CANCELLED,
        cancelled_by,
        reason,
    )
    visit.closed_at, visit.closed_by = timezone.now(), by
    visit.full_clean()
    visit.save(update_fields=["status", "cancelled_by", "cancel_reason", "closed_at", "closed_by"])
    _closed(visit, by=by)
    log(by, "visits.visit_cancelled", visit, visit.prisoner, cancelled_by=cancelled_by)
    return visit
