"""Who keeps her regime (Rule 42; Mandela 23, 44): custody officers and the governor keep the
facility's activities, allocate women to them, record attendance and each day's time out of
cell; social workers allocate to programmes and family activities; the governor alone answers
a day of de facto solitary confinement. Regime is not confidential: health staff and the
inspector read it too. A woman or facility outside the caller's, or a role without the
right, is the 404 of a record that doesn't exist."""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilities.scope import facility_in_reach
from prisoners.permissions import access_prisoner

if TYPE_CHECKING:
    from uuid import UUID

    from django.contrib.auth.models import AnonymousUser

    from facilities.models import Facility
    from prisoners.models import Prisoner
    from staff.models import User

VIEW = "regime.view_activity"
KEEP_ACTIVITIES = "regime.change_activity"
ALLOCATE = "regime.add_allocation"
ALLOCATE_ANY = "regime.allocate_any"
END = "regime.change_allocation"
ATTEND = "regime.add_attendance"
RECORD_TIME = "regime.add_timeoutofcell"
CORRECT_TIME = "regime.change_timeoutofcell"
REVIEW_SOLITARY = "regime.add_solitaryreview"


def access_facility(user: User | AnonymousUser, uuid: UUID | str, perm: str = VIEW) -> Facility:
    return facility_in_reach(user, uuid, perm)


def access_her(user: User | AnonymousUser, uuid: UUID | str, write: bool = False) -> Prisoner:
    """The woman, if the viewer reads regimes in her facility; else 404. `write` is checked by
    each verb's own permission."""
    return access_prisoner(user, uuid, perm=VIEW)
