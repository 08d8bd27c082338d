"""The access funnel for classifications (Rules 40, 41): a classification is reached through its
woman, so one of a woman outside the viewer's facilities, or seen by a role that doesn't read
classifications, is the same 404 as one that doesn't exist."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404

from prisoners.permissions import access_prisoner, prisoners_visible_to

from .models import Classification
from .services import VIEW

if TYPE_CHECKING:
    from uuid import UUID

    from django.contrib.auth.models import AnonymousUser

    from prisoners.models import Prisoner
    from staff.models import User


def access_her_classification(
    user: User | AnonymousUser, uuid: UUID | str, write: bool = False
) -> Prisoner:
    """The woman, if the viewer reads classifications in her facility; else 404. `write` is
    checked by the verb itself."""
    return access_prisoner(user, uuid, perm=VIEW)


def access_classification(user: User | AnonymousUser, uuid: UUID | str) -> Classification:
    """One classification, if its woman is in the viewer's scope; else 404."""
    found = (
        Classification.objects.filter(uuid=uuid, prisoner__in=prisoners_visible_to(user, VIEW))
        .select_related("prisoner__facility", "classified_by", "facility")
        .first()
    )
    if found is None:
        raise Http404("No such classification in your facilities.")
    return found
