"""Verbs of the register of children (Rules 2.2 and 3)."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

import audit
from health.services.screening import child_living_with_her
from prisoners.permissions import access_prisoner
from prisoners.services import refresh_protection_flags
from reminders.models import Basis
from reminders.services import cancel_reminder, schedule_reminder

from .models import Child
from .permissions import ADD_CHILD, CHANGE_CHILD, READ_IDENTITY, can_read_child_identity

CHILD_FIELDS = {
    "given_names",
    "family_name",
    "date_of_birth",
    "lives_with_mother",
    "location",
    "location_unknown",
    "custody",
    "carer_contact",
    "dependent",
    "arrangements",
    "no_arrangements_reason",
}


@transaction.atomic
def record_child(*, by, mother, **fields) -> Child:
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
def update_child(*, by, child: Child, **fields) -> Child:
    """Keep a child's record current (social workers, Rule 3)."""
    if not by.has_perm(CHANGE_CHILD):
        raise PermissionDenied(_("Only social workers keep the register of children current."))
    access_prisoner(by, child.mother.uuid)
    _refuse_unknown(fields)
    for name, value in fields.items():
        setattr(child, name, value)
    child.full_clean()
    child.save(update_fields=list(fields))
    _after_change(child, by=by, action="child.updated")
    return child


def _refuse_unknown(fields) -> None:
    unknown = set(fields) - CHILD_FIELDS
    if unknown:
        raise ValueError(f"Unknown child fields: {sorted(unknown)}")


def _after_change(child: Child, *, by, action: str) -> None:
    mother = child.mother
    key = f"register.whereabouts:{child.uuid}"
    if child.whereabouts_unknown:
        due = timezone.now() + timedelta(hours=settings.CHILD_WHEREABOUTS_FOLLOW_UP_HOURS)
        schedule_reminder(
            key=key,
            kind="register.whereabouts_unknown",
            rule="3",
            basis=Basis.CONFIG,
            title=_("Find out where a child lives and who cares for them"),
            facility=mother.facility,
            assignee_role="social",
            prisoner=mother,
            due_at=due,
        )
    else:
        cancel_reminder(key=key, by=by, reason="whereabouts recorded")
    refresh_protection_flags(prisoner=mother, by=by, source="register")
    child_living_with_her(child=child, by=by)
    # The audit row names the child by id only: identity stays in the register.
    audit.record(by=by, action=action, subject=child, facility=mother.facility)


# What sets each flag here (`prisoners.services.register_flag_source`).
FLAG_REASONS = {
    "child_in_prison": ("a child living with her",),
    "no_segregation": ("a child living with her",),
}


def flags_from_register(mother) -> dict:
    """A child living with her in prison is an infant in her care: no segregation (Rule 22)."""
    in_prison = mother.children.filter(lives_with_mother=True).exists()
    return {"child_in_prison": in_prison, "no_segregation": in_prison}


def children_count(mother) -> int:
    return mother.children.count()


def children_of(*, viewer, mother) -> list[Child]:
    """Her children's records, for a role that may know them; the read is audited (Rule 3.2)."""
    if not viewer.has_perm(READ_IDENTITY):
        raise PermissionDenied(_("Children's identities are confidential (Rule 3.2)."))
    children = list(mother.children.all())
    if children:
        audit.record(
            by=viewer,
            action="child.identity_read",
            subject=mother,
            facility=mother.facility,
            disclosed=[child.uuid for child in children],
        )
    return children


def children_section(*, viewer, mother) -> dict:
    """Her page's children section: identities for those who may know them, else a count."""
    if can_read_child_identity(viewer):
        children = children_of(viewer=viewer, mother=mother)
        return {"identity": True, "children": children, "count": len(children)}
    return {"identity": False, "count": children_count(mother)}
