"""Who may see or touch a woman's discipline records: the access funnel with the area's
permissions. Missing, outside her facilities, and forbidden are the same 404."""

from __future__ import annotations

from typing import TYPE_CHECKING

from prisoners.permissions import access_woman

from .services.common import (
    VIEW_CHARGE,
    VIEW_RESTRICTION,
    VIEW_SANCTION,
    VIEW_SEGREGATION,
)

if TYPE_CHECKING:
    from collections.abc import Callable
    from uuid import UUID

    from django.contrib.auth.models import AnonymousUser

    from prisoners.models import Prisoner
    from staff.models import User

ANY_VIEW = (VIEW_CHARGE, VIEW_SANCTION, VIEW_SEGREGATION, VIEW_RESTRICTION)


def access_with(*perms: str) -> Callable[..., Prisoner]:
    """An access function for `bangkok.actions.Area`: (user, uuid, write=) -> woman."""

    def access(user: User | AnonymousUser, uuid: UUID | str, write: bool = True) -> Prisoner:
        return access_woman(user, uuid, *perms)

    return access
