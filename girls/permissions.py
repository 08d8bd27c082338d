"""Who keeps and reads what this area adds about a girl (Rules 36-39): reception, social
workers and the governor record that her parent or guardian was told; they, safeguarding
staff and the inspector read it. Her name and her guardian's are not for custody officers'
eyes here (they need neither to keep her safe), nor for health staff's, whose part of her care
is their own encounters. A woman outside the caller's facilities, or a role without the right,
is the 404 of a woman who doesn't exist."""

from __future__ import annotations

from typing import TYPE_CHECKING

from prisoners.permissions import access_woman

if TYPE_CHECKING:
    from uuid import UUID

    from django.contrib.auth.models import AnonymousUser

    from prisoners.models import Prisoner
    from staff.models import User

VIEW = "girls.view_guardiannotice"
RECORD = "girls.add_guardiannotice"


def access_her(user: User | AnonymousUser, uuid: UUID | str, write: bool = False) -> Prisoner:
    """The girl whose notices the user reads (`write`: records one), else 404."""
    return access_woman(user, uuid, RECORD if write else VIEW)
