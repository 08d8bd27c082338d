"""Who may see or touch a woman's discipline records: the access funnel with the area's
permissions. Missing, outside her facilities, and forbidden are the same 404."""

from prisoners.permissions import access_woman

from .services.common import (
    VIEW_CHARGE,
    VIEW_RESTRICTION,
    VIEW_SANCTION,
    VIEW_SEGREGATION,
)

ANY_VIEW = (VIEW_CHARGE, VIEW_SANCTION, VIEW_SEGREGATION, VIEW_RESTRICTION)


def access_with(*perms: str):
    """An access function for `bangkok.actions.Area`: (user, uuid, write=) -> woman."""

    def access(user, uuid, write: bool = True):
        return access_woman(user, uuid, *perms)

    return access
