"""The access funnel for restraints (Rule 24): a restraint is reached through its woman, so
a restraint of a woman outside the viewer's facilities, or seen by a role that doesn't read
restraints, is the same 404 as one that doesn't exist."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404

from prisoners.permissions import access_prisoner, prisoners_visible_to

from .models import Restraint
from .services import VIEW

if TYPE_CHECKING:
    from uuid import UUID

    from django.contrib.auth.models import AnonymousUser

    from prisoners.models import Prisoner
    from staff.models import User


def access_her_restraints(
    user: User | AnonymousUser, uuid: UUID | str, write: bool = False
) -> Prisoner:
    """The woman, if the viewer reads restraints in her facility; else 404. `write` is
    checked by the verb itself (each verb has its own permission)."""
    return access_prisoner(user, uuid, perm=VIEW)


def access_restraint(user: User | AnonymousUser, uuid: UUID | str) -> Restraint:
    """One restraint, if its woman is in the viewer's scope for restraints; else 404."""
    restraint = (
        Restraint.objects.filter(uuid=uuid, prisoner__in=prisoners_visible_to(user, VIEW))
        .select_related("prisoner__facility", "prisoner__flags", "authorised_by", "applied_by")
        .select_related("removed_by", "approval", "authority_sought_from")
        .select_related("authority_requested_by", "authority_refused_by")
        .first()
    )
    if restraint is None:
        raise Http404("No such restraint in your facilities.")
    return restraint
