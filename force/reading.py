"""Her uses of force as a viewer may read them (Rules 8, 24, 31; Mandela 82), for her page, the
use-of-force pages and the API alike.

Every role that reads uses of force (custody, health staff, the governor, the inspector) reads
the record itself, whether she was "protected" (never why) and that a health check was done
and when. The health check's findings are clinical (Rule 8): only a viewer who may read her
clinical file sees them, and that read is audited with the ids it showed. The governor's
review (outcome, findings, lessons) is for the governor and the inspector; other readers see
that it was reviewed, and when.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import audit
from health.permissions import can_read_clinical

from .models import ForceHealthCheck, ForceReview
from .services import CHECK, READ_REVIEW, RECORD, REVIEW, VIEW, staff_notes

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from prisoners.models import Prisoner
    from staff.models import User

    from .models import UseOfForce

SECTION_SHOWN = 5


def her_force(prisoner: Prisoner) -> QuerySet[UseOfForce]:
    """Her uses of force, newest first, with what a list shows in a fixed number of queries."""
    return prisoner.uses_of_force.select_related(
        "recorded_by", "health_check__seen_by", "review", "restraint"
    ).prefetch_related("staff_involved")


def _check_of(force: UseOfForce) -> ForceHealthCheck | None:
    try:
        return force.health_check
    except ForceHealthCheck.DoesNotExist:
        return None


def _review_of(force: UseOfForce) -> ForceReview | None:
    try:
        return force.review
    except ForceReview.DoesNotExist:
        return None


def health_check_shown(
    viewer: User, force: UseOfForce, *, clinical: bool | None = None, audited: bool = True
) -> dict | None:
    """The health check after the force: when it was done, for every reader; who did it and
    what was found, for a viewer who reads her clinical file (audited). A list of her uses of
    force says once whether the viewer reads her file (`clinical`) and audits its page once
    (`checks_read`, with `audited=False` here)."""
    check = _check_of(force)
    if check is None:
        return None
    shown: dict = {"seen_at": check.seen_at, "late_reason": check.late_reason, "clinical": False}
    if clinical is None:
        clinical = can_read_clinical(viewer, force.prisoner)
    if clinical:
        shown.update(
            clinical=True,
            seen_by=check.seen_by,
            examined=check.examined,
            findings=check.findings,
            treatment=check.treatment,
        )
        if audited:
            checks_read(viewer, [force])
    return shown


def checks_read(viewer: User, forces: list[UseOfForce]) -> None:
    """Audit, once, a read that showed the findings of these uses of force's health checks
    (Rule 8): the checks' ids, those without one left out."""
    checks = [check for force in forces if (check := _check_of(force)) is not None]
    if checks:
        force = forces[0]
        audit.record(
            by=viewer,
            action="force.health_check_read",
            subject=force.prisoner,
            facility=force.facility,
            disclosed=[str(check.uuid) for check in checks],
        )


def review_shown(viewer: User, force: UseOfForce) -> dict | None:
    """The governor's review: when, for every reader; its outcome, findings and lessons for
    the governor and the inspector."""
    review = _review_of(force)
    if review is None:
        return None
    shown: dict = {"reviewed_at": review.reviewed_at, "full": False}
    if viewer.has_perm(READ_REVIEW):
        shown.update(
            full=True,
            reviewed_by=review.reviewed_by,
            outcome=review.outcome,
            outcome_label=review.get_outcome_display(),
            findings=review.findings,
            lessons=review.lessons,
            referred_to=review.referred_to,
        )
    return shown


def force_shown(viewer: User, force: UseOfForce) -> dict:
    """One use of force as `viewer` may read it."""
    return {
        "force": force,
        "woman": force.prisoner,
        "staff": staff_notes(force),
        "health_check": health_check_shown(viewer, force),
        "review": review_shown(viewer, force),
        "can_check": viewer.has_perm(CHECK) and _check_of(force) is None,
        "can_review": viewer.has_perm(REVIEW) and _review_of(force) is None,
    }


def force_section(*, viewer: User, prisoner: Prisoner) -> dict | None:
    """Her uses of force on her page, for roles that read them (absent for the others): the
    latest, each with whether its health check and review are done; nothing clinical."""
    if not viewer.has_perm(VIEW):
        return None
    latest = list(her_force(prisoner)[: SECTION_SHOWN + 1])
    return {
        "woman": prisoner,
        "uses": latest[:SECTION_SHOWN],
        "more": len(latest) > SECTION_SHOWN,
        "can_record": viewer.has_perm(RECORD),
    }
