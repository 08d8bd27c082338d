"""Her restraints as a viewer may read them (Rule 24; Mandela 43.2, 47-49), for her page, the
restraint pages and the API alike: roles that read restraints see them, and the method health
staff approved (its devices and term); only health staff read its conditions and who approved
it (Rule 8). Nothing here is confidential enough to be audited."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .services import APPLY, APPROVE_METHOD, VIEW, approval_in_force, next_review_due

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from prisoners.models import Prisoner
    from staff.models import User

    from .models import Restraint

SECTION_PAST = 5


def her_restraints(prisoner: Prisoner) -> QuerySet[Restraint]:
    """Her restraints, newest first, with what a list shows in a fixed number of queries."""
    return prisoner.restraints.select_related(
        "authorised_by", "applied_by", "removed_by", "authority_sought_from"
    ).select_related("authority_refused_by", "authority_requested_by")


def approval_shown(viewer: User, woman: Prisoner) -> dict | None:
    """The method approval in force, if any: its devices (`devices`, and their names in
    `device_labels`) and term for everyone who reads restraints; its conditions and who
    approved it for health staff only."""
    approval = approval_in_force(woman)
    if approval is None:
        return None
    shown = {
        "in_force": True,
        "devices": approval.devices,
        "device_labels": approval.device_labels(),
        "valid_until": approval.valid_until,
    }
    if viewer.has_perm(APPROVE_METHOD):
        shown.update(conditions=approval.conditions, approved_by=approval.approved_by)
    return shown


def devices_offered(woman: Prisoner) -> list[str] | None:
    """The devices the apply form offers for her: under "Restraints only as health approves",
    those of the approval in force (none without one); None (every approved instrument)
    otherwise. The service judges what is posted (Rule 24)."""
    flags = woman.flags
    if not flags.restraint_health_approval or flags.no_restraint_obstetric:
        return None
    approval = approval_in_force(woman)
    return list(approval.devices) if approval is not None else []


def restraints_section(*, viewer: User, prisoner: Prisoner) -> dict | None:
    """Her restraints on her page, for roles that read restraints (absent for the others)."""
    if not viewer.has_perm(VIEW):
        return None
    restraints = list(her_restraints(prisoner)[: SECTION_PAST + 1])
    applied = [r for r in restraints if r.is_applied]
    for restraint in applied:
        restraint.review_due = next_review_due(restraint)  # type: ignore[attr-defined]
    past = [r for r in restraints if not r.is_applied][:SECTION_PAST]
    return {
        "woman": prisoner,
        "applied": applied,
        "past": past,
        "more": len(restraints) > SECTION_PAST,
        "approval": approval_shown(viewer, prisoner),
        "flags": prisoner.flags,
        "can_apply": viewer.has_perm(APPLY),
        "can_approve": viewer.has_perm(APPROVE_METHOD),
    }
