"""What the visits services share: the role check within her facilities, and names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied

import audit
from prisoners.permissions import access_prisoner

if TYPE_CHECKING:
    from django.db import models
    from django_stubs_ext import StrPromise

    from prisoners.models import Prisoner
    from staff.models import User


def require(by: User, prisoner: Prisoner, perm: str, *, message: str | StrPromise) -> Prisoner:
    """The woman in the user's facilities, if the role holds `perm`; else PermissionDenied
    (or 404 for a woman outside her facilities)."""
    if not by.has_perm(perm):
        raise PermissionDenied(message)
    return access_prisoner(by, prisoner.uuid)


def normal(name: str) -> str:
    """A name as compared: case and spacing don't matter."""
    return " ".join((name or "").lower().split())


def log(by: User, action: str, subject: models.Model, prisoner: Prisoner, **detail: object) -> None:
    audit.record(by=by, action=action, subject=subject, facility=prisoner.facility, detail=detail)
