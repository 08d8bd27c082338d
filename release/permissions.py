"""Who reads and keeps her release plan and her copy of her records (Rules 45-47; Mandela 9).

Social workers record her earliest release date and keep the plan; reception and the governor
release her and hand her the copy of her records; health staff keep the plan's health part
(Rule 8) and release her clinical copy; the inspector reads. A woman outside the caller's
facilities, or a role without the right, is the 404 of a missing record."""

from __future__ import annotations

from typing import TYPE_CHECKING

from admissions.permissions import access_admission

if TYPE_CHECKING:
    from uuid import UUID

    from django.contrib.auth.models import AnonymousUser

    from admissions.models import Admission
    from staff.models import User

VIEW = "release.view_releaseplan"
KEEP = "release.keep_plan"
RECORD_DATE = "release.record_release_date"
CLEAR = "release.clear_release"
HAND_OVER = "release.hand_over_copy"
READ_HEALTH = "health.read_clinical"
RECORD_HEALTH = "health.record_clinical"
DEAL_WITH_COMPLAINTS = "complaints.change_complaint"
# Who produces each copy: her records, the release officers; her clinical copy, health staff
# alone (Rule 8); her complaints and their answers, the safeguarding staff who deal with them
# (Rule 25). A copy never holds what its producer may not read.
PRODUCES = {"general": HAND_OVER, "clinical": RECORD_HEALTH, "complaints": DEAL_WITH_COMPLAINTS}


def access_episode(user: User | AnonymousUser, uuid: UUID | str, perm: str = VIEW) -> Admission:
    """Her admission, if the user holds `perm` and she is in the user's facilities; else 404."""
    return access_admission(user, uuid, perm=perm)


def may_produce(user: User | AnonymousUser, kind: str) -> bool:
    """Whether `user` may produce and hand over a copy of `kind` (`PRODUCES`)."""
    return kind in PRODUCES and user.has_perm(PRODUCES[kind])
