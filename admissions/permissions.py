"""Access to admission episodes: through the woman's record, so the facility scope holds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404

from prisoners.permissions import prisoners_visible_to

from .models import Admission

if TYPE_CHECKING:
    from uuid import UUID

    from django.contrib.auth.models import AnonymousUser

    from staff.models import User

VIEW = "admissions.view_admission"
ADMIT = "admissions.add_admission"


def access_admission(user: User | AnonymousUser, uuid: UUID | str, perm: str = VIEW) -> Admission:
    """One admission whose woman is in the user's scope and whose role holds `perm`; else 404."""
    admission = (
        Admission.objects.filter(uuid=uuid, prisoner__in=prisoners_visible_to(user, perm))
        .select_related("prisoner", "prisoner__flags", "facility")
        .first()
    )
    if admission is None:
        raise Http404("No such admission in your facilities.")
    return admission
