"""Who keeps and reads what this area adds about a girl (Rules 36-39): reception, social
workers and the governor record that her parent or guardian was told; they, safeguarding
staff and the inspector read it. Her name and her guardian's are not for custody officers'
eyes here (they need neither to keep her safe), nor for health staff's, whose part of her care
is their own encounters. A woman outside the caller's facilities, or a role without the right,
is the 404 of a woman who doesn't exist.

A girl's records sealed after her release (Havana r. 19) are the governor's alone: she seals
one at once, lists the sealed records of her facilities without anyone's identity, opens one
on a recorded legal basis and decides whether a woman admitted is the person of one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404

from facilities.scope import facilities_of
from prisoners.permissions import access_woman

from .models import SealedRecord

if TYPE_CHECKING:
    from uuid import UUID

    from django.contrib.auth.models import AnonymousUser

    from prisoners.models import Prisoner
    from staff.models import User

VIEW = "girls.view_guardiannotice"
RECORD = "girls.add_guardiannotice"
SEAL = "girls.add_sealedrecord"
READ_SEALED = "girls.view_sealedrecord"
OPEN = "girls.add_opening"
DECIDE_MATCH = "girls.add_matchdecision"


def access_her(user: User | AnonymousUser, uuid: UUID | str, write: bool = False) -> Prisoner:
    """The girl whose notices the user reads (`write`: records one), else 404."""
    return access_woman(user, uuid, RECORD if write else VIEW)


def access_to_seal(user: User | AnonymousUser, uuid: UUID | str, write: bool = True) -> Prisoner:
    """A woman of the user's facilities whose record she may seal, else 404."""
    return access_woman(user, uuid, SEAL)


def access_to_decide(user: User | AnonymousUser, uuid: UUID | str, write: bool = True) -> Prisoner:
    """A woman admitted, for the decision on a sealed record that may be hers; else 404."""
    return access_woman(user, uuid, DECIDE_MATCH)


def access_sealed(
    user: User | AnonymousUser, uuid: UUID | str, write: bool = False
) -> SealedRecord:
    """A sealed record of the user's facilities (`write`: to open it), else the 404 of one
    that doesn't exist."""
    perm = OPEN if write else READ_SEALED
    if not user.is_authenticated or not user.has_perm(perm):
        raise Http404("No such record in your facilities.")
    found = (
        SealedRecord.objects.filter(uuid=uuid, facility__in=facilities_of(user))
        .select_related("facility")
        .first()
    )
    if found is None:
        raise Http404("No such record in your facilities.")
    return found
