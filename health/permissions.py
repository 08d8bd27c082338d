"""Who may read the clinical file (Rule 8; ARCHITECTURE.md 4, tier T3/T4).

Health staff read and record it for the women of their facilities. An inspector reads it only
while the woman's recorded, time-limited consent is in force, and never writes. Every other
role gets the same 404 as for a woman who doesn't exist.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404
from django.utils import timezone

from prisoners.permissions import VIEW_PRISONER, access_prisoner

if TYPE_CHECKING:
    from uuid import UUID

    from django.contrib.auth.models import AnonymousUser

    from health.models import ClinicalConsent
    from prisoners.models import Prisoner
    from staff.models import User

READ = "health.read_clinical"
RECORD = "health.record_clinical"
READ_WITH_CONSENT = "health.read_with_consent"


def consent_in_force(prisoner: Prisoner) -> ClinicalConsent | None:
    """Her consent to inspection of the file, if one is in force now."""
    now = timezone.now()
    return (
        prisoner.clinical_consents.filter(
            granted_at__lte=now, expires_at__gt=now, withdrawn_at__isnull=True
        )
        .order_by("-expires_at")
        .first()
    )


def can_read_clinical(user: User | AnonymousUser, prisoner: Prisoner) -> bool:
    """For a woman already in the user's scope: may she read the file?"""
    if not user.is_authenticated:
        return False
    if user.has_perm(READ):
        return True
    return user.has_perm(READ_WITH_CONSENT) and consent_in_force(prisoner) is not None


def access_clinical_file(
    user: User | AnonymousUser, uuid: UUID | str, *, write: bool = False
) -> Prisoner:
    """The woman whose file the user may read (or, with `write`, record in); else 404."""
    if write or user.has_perm(READ):
        return access_prisoner(user, uuid, perm=RECORD if write else READ)
    prisoner = access_prisoner(user, uuid, perm=VIEW_PRISONER)
    if not can_read_clinical(user, prisoner):
        raise Http404("No such woman in your facilities.")
    return prisoner
