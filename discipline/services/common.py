"""What every discipline verb shares: who may act, and the audit row."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied

import audit
from facilities.scope import facilities_of

if TYPE_CHECKING:
    from django.db import models

    from prisoners.models import Prisoner
    from staff.models import User

LAY_CHARGE = "discipline.add_charge"
ADJUDICATE = "discipline.adjudicate"
SEGREGATE = "discipline.add_segregation"
VISIT = "discipline.record_segregation_visit"
RESTRICT = "discipline.add_contactrestriction"
VIEW_CHARGE = "discipline.view_charge"
VIEW_SANCTION = "discipline.view_sanction"
VIEW_SEGREGATION = "discipline.view_segregation"
VIEW_RESTRICTION = "discipline.view_contactrestriction"


def require(by: User, prisoner: Prisoner, *perms: str, message: str) -> None:
    """Refuse unless `by` holds one of `perms` and works in her facility."""
    if by is None or not any(by.has_perm(perm) for perm in perms):
        raise PermissionDenied(message)
    if not facilities_of(by).filter(pk=prisoner.facility_id).exists():
        raise PermissionDenied(message)


def log(
    by: User | None, action: str, subject: models.Model, prisoner: Prisoner, **detail: object
) -> None:
    audit.record(by=by, action=action, subject=subject, facility=prisoner.facility, detail=detail)
