"""The access funnel for uses of force (Rules 24, 31; Mandela 82): a use of force is reached
through its woman, so one of a woman outside the viewer's facilities, or seen by a role that
doesn't read uses of force, is the same 404 as one that doesn't exist."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404

from prisoners.permissions import access_prisoner, prisoners_visible_to

from .models import UseOfForce
from .services import VIEW

if TYPE_CHECKING:
    from uuid import UUID

    from django.contrib.auth.models import AnonymousUser

    from prisoners.models import Prisoner
    from staff.models import User


def access_her_force(user: User | AnonymousUser, uuid: UUID | str, write: bool = False) -> Prisoner:
    """The woman, if the viewer reads uses of force in her facility; else 404. `write` is
    checked by the verb itself (each verb has its own permission)."""
    return access_prisoner(user, uuid, perm=VIEW)


def access_force(user: User | AnonymousUser, uuid: UUID | str) -> UseOfForce:
    """One use of force, if its woman is in the viewer's scope for uses of force; else 404."""
    force = (
        UseOfForce.objects.filter(uuid=uuid, prisoner__in=prisoners_visible_to(user, VIEW))
        .select_related("prisoner__facility", "prisoner__flags", "recorded_by", "restraint")
        .first()
    )
    if force is None:
        raise Http404("No such use of force in your facilities.")
    return force
