"""What the visits services share: the role check within her facilities, and names."""

from django.core.exceptions import PermissionDenied

import audit
from prisoners.permissions import access_prisoner


def require(by, prisoner, perm: str, *, message: str):
    """The woman in the user's facilities, if the role holds `perm`; else PermissionDenied
    (or 404 for a woman outside her facilities)."""
    if not by.has_perm(perm):
        raise PermissionDenied(message)
    return access_prisoner(by, prisoner.uuid)


def normal(name: str) -> str:
    """A name as compared: case and spacing don't matter."""
    return " ".join((name or "").lower().split())


def log(by, action: str, subject, prisoner, **detail) -> None:
    audit.record(by=by, action=action, subject=subject, facility=prisoner.facility, detail=detail)
