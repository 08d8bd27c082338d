"""Verbs of the register of children (Rules 2.2 and 3)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import audit
from bangkok.errors import RuleBroken
from bangkok.hooks import takes
from prisoners.permissions import access_prisoner
from prisoners.services import refresh_protection_flags
from reminders.models import Basis
from reminders.services import resolve_reminder, schedule_reminder

from .models import CHILD_FIELDS, Child, Custody, Separation
from .permissions import ADD_CHILD, CHANGE_CHILD, may_change_child

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Any

    from prisoners.models import Prisoner
    from staff.models import User


@transaction.atomic
def record_child(*, by: User, mother: Prisoner, **fields: Any) -> Child:
    """Record one of her children at admission (Rule 3.1; Mandela Rule 7(f)).

    Name and age are required; a child not with her needs a location and a custody status,
    where "not known" is allowed and asks social workers to find out within 48 hours.
    """
    if not by.has_perm(ADD_CHILD):
        raise PermissionDenied(_("Your role can't add to the register of children (Rule 3.2)."))
    mother = access_prisoner(by, mother.uuid)
    _refuse_unknown(fields)
    child = Child(mother=mother, recorded_by=by, **fields)
    child.full_clean()
    child.save()
    _after_change(child, by=by, action="child.recorded")
    return child


@transaction.atomic
def update_child(*, by: User, child: Child, **fields: Any) -> Child:
    """Keep a child's record current (social workers, Rule 3; reception while she is still in
    reception, Rule 2.2). A child living with her leaves only by `separate_child` (Rule 52):
    no edit switches "lives with her" off."""
    if not may_change_child(by, child):
        raise PermissionDenied(
            _(
                "Only social workers keep the register of children current; reception corrects "
                "it while she is still in reception."
            )
        )
    access_prisoner(by, child.mother.uuid)
    _refuse_unknown(fields)
    child = _locked(child)
    if child.lives_with_mother and fields.get("lives_with_mother") is False:
        raise RuleBroken(
            _(
                "A child living with her mother is separated from her only as a decision of "
                "its own, in the child's best interests and once another carer is found: "
                "record the separation instead of editing the child."
            ),
            rule="52",
            field="lives_with_mother",
        )
    for name, value in fields.items():
        setattr(child, name, value)
    child.full_clean()
    child.save(update_fields=list(fields))
    _after_change(child, by=by, action="child.updated")
    return child


@transaction.atomic
def separate_child(
    *,
    by: User,
    child: Child,
    reason: str,
    carer: str,
    location: str,
    custody: str,
    carer_contact: str = "",
    separated_on: date | None = None,
) -> Separation:
    """A child living with her mother leaves prison (Rule 52): a social worker records when,
    why (the child's best interests, 52.1) and who will care for the child where (52.2: only
    once another carer is found). Only this step lifts the protections the child gave her
    (Rule 22: no segregation), and the database refuses any other way out (a trigger)."""
    if not by.has_perm(CHANGE_CHILD):
        raise PermissionDenied(_("Only social workers keep the register of children current."))
    access_prisoner(by, child.mother.uuid)
    child = _locked(child)
    if not child.lives_with_mother:
        raise ValidationError(_("This child does not live with her mother in prison."))
    reason, carer, location = reason.strip(), carer.strip(), location.strip()
    if not reason:
        raise RuleBroken(
            _("Say why the child leaves, in the child's best interests."),
            rule="52.1",
            field="reason",
        )
    if not carer or not location or custody not in Custody.values or custody == Custody.UNKNOWN:
        raise RuleBroken(
            _(
                "A child leaves her mother only once another carer is found: say who will "
                "care for the child, where, and who has custody."
            ),
            rule="52.2",
            field="carer" if not carer else ("location" if not location else "custody"),
        )
    separated_on = separated_on or timezone.localdate()
    if separated_on > timezone.localdate():
        raise ValidationError({"separated_on": _("That date is in the future.")})
    separation = Separation(
        child=child,
        separated_on=separated_on,
        reason=reason,
        carer=carer,
        carer_contact=carer_contact.strip(),
        location=location,
        custody=custody,
        decided_by=by,
    )
    separation.full_clean()
    separation.save()
    child.lives_with_mother = False
    child.location, child.location_unknown, child.custody = location, False, custody
    child.carer_contact = separation.carer_contact or carer
    child.separation = separation
    child.full_clean()
    child.save(
        update_fields=[
            "lives_with_mother",
            "location",
            "location_unknown",
            "custody",
            "carer_contact",
            "separation",
        ]
    )
    audit.record(
        by=by, action="child.separated", subject=separation, facility=child.mother.facility
    )
    _after_change(child, by=by, action="child.updated")
    return separation


def _locked(child: Child) -> Child:
    # Her row and her facility's are read, not locked: a flag refresh running beside this
    # one writes rows that refer to her.
    return (
        Child.objects.select_for_update(of=("self",))
        .select_related("mother__facility")
        .get(pk=child.pk)
    )


def _refuse_unknown(fields: Iterable[str]) -> None:
    unknown = set(fields) - set(CHILD_FIELDS)
    if unknown:
        raise ValueError(f"Unknown child fields: {sorted(unknown)}")


@dataclass(frozen=True)
class ChildWatcher:
    """What an area does when a child's record is written (declared in its hooks):
    `watch(child=, by=)` runs in the same transaction, e.g. health screens a child who lives
    with her mother (Rule 9)."""

    watch: Callable


_CHILD_WATCHERS: list[Callable] = []


def _watch_children(declared: ChildWatcher) -> None:
    if declared.watch not in _CHILD_WATCHERS:
        _CHILD_WATCHERS.append(declared.watch)


takes(ChildWatcher, _watch_children)


def _after_change(child: Child, *, by: User, action: str) -> None:
    mother = child.mother
    key = f"register.whereabouts:{child.uuid}"
    if child.whereabouts_unknown:
        due = timezone.now() + timedelta(hours=settings.CHILD_WHEREABOUTS_FOLLOW_UP_HOURS)
        schedule_reminder(
            key=key,
            kind="register.whereabouts_unknown",
            rule="3",
            basis=Basis.CONFIG,
            title=gettext_lazy("Find out where a child lives and who cares for them"),
            facility=mother.facility,
            assignee_role="social",
            prisoner=mother,
            due_at=due,
        )
    else:
        # Where she lives and who has custody are recorded: that answers the task (Rule 3).
        resolve_reminder(key=key, by=by, outcome="whereabouts recorded")
    refresh_protection_flags(prisoner=mother, by=by, source="register")
    for watch in _CHILD_WATCHERS:
        watch(child=child, by=by)
    # The audit row names the child by id only: identity stays in the register.
    audit.record(by=by, action=action, subject=child, facility=mother.facility)


# What sets each flag here (`prisoners.services.register_flag_source`).
FLAG_REASONS = {
    "child_in_prison": ("a child living with her",),
    "no_segregation": ("a child living with her",),
}


def flags_from_register(mother: Prisoner) -> dict:
    """A child living with her in prison is an infant in her care: no segregation (Rule 22)."""
    in_prison = mother.children.filter(lives_with_mother=True).exists()
    return {"child_in_prison": in_prison, "no_segregation": in_prison}
