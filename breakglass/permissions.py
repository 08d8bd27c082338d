"""Who breaks the glass, who reads what it opened, who reviews it (Rule 8; RULES-SPEC 1, T4).

Custody officers and the governor, who may not read her clinical file and act first in an
emergency, open its emergency part by break-glass (`BREAK`), for a woman of their facilities;
only she who opened it reads it, while it lasts. Health staff (the file's keepers) and the
governor review the accesses (`REVIEW`), never their own; they and the inspector list them
(`VIEW`), without anything clinical. A role without the right, a woman outside the caller's
facilities and an access she may not reach are the 404 of one that doesn't exist."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404

from facilities.scope import facilities_of
from health.permissions import READ as READ_CLINICAL
from prisoners.permissions import access_woman
from prisoners.withheld import without_withheld

from .models import Access

if TYPE_CHECKING:
    from uuid import UUID

    from django.contrib.auth.models import AnonymousUser

    from prisoners.models import Prisoner
    from staff.models import User

BREAK = "breakglass.add_access"
VIEW = "breakglass.view_access"
REVIEW = "breakglass.add_review"


def may_break(user: User | AnonymousUser) -> bool:
    """A role that breaks the glass: never one that reads her clinical file already."""
    return user.is_authenticated and user.has_perm(BREAK) and not user.has_perm(READ_CLINICAL)


def access_her(user: User | AnonymousUser, uuid: UUID | str, write: bool = True) -> Prisoner:
    """A woman of the user's facilities whose file she may open by break-glass, else 404."""
    if not may_break(user):
        raise Http404("No such woman in your facilities.")
    return access_woman(user, uuid, BREAK)


def lists_accesses(user: User | AnonymousUser) -> bool:
    """A role that lists break-glass reads: all of her facilities', or her own."""
    return user.is_authenticated and (user.has_perm(VIEW) or may_break(user))


def accesses_in_scope(user: User | AnonymousUser):
    """The accesses of her facilities she may reach: every one for a role that lists them, her
    own for one who breaks the glass; none of a woman withheld (a sealed girl's)."""
    if not user.is_authenticated:
        return Access.objects.none()
    found = Access.objects.filter(facility__in=facilities_of(user))
    if not user.has_perm(VIEW):
        if not user.has_perm(BREAK):
            return Access.objects.none()
        found = found.filter(opened_by=user)
    return without_withheld(found)


def access_access(user: User | AnonymousUser, uuid: UUID | str, perm: str) -> Access:
    """An access of her facilities, for a role holding `perm`, else the 404 of one that
    doesn't exist."""
    if not user.is_authenticated or not user.has_perm(perm):
        raise Http404("No such record in your facilities.")
    found = (
        accesses_in_scope(user)
        .filter(uuid=uuid)
        .select_related("prisoner", "facility", "opened_by")
        .first()
    )
    if found is None:
        raise Http404("No such record in your facilities.")
    return found
