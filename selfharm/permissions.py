"""The access funnel for self-harm cases and incidents (Rules 8, 16): reached through the woman,
so a case or incident of a woman outside the viewer's facilities, or seen by a role that doesn't
see self-harm cases, is the same 404 as one that doesn't exist."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404

from prisoners.permissions import access_prisoner, prisoners_visible_to

from .models import Case, SelfHarmIncident
from .services import VIEW

if TYPE_CHECKING:
    from uuid import UUID

    from django.contrib.auth.models import AnonymousUser

    from prisoners.models import Prisoner
    from staff.models import User


def access_her_cases(user: User | AnonymousUser, uuid: UUID | str, write: bool = False) -> Prisoner:
    """The woman, if the viewer sees self-harm cases in her facility; else 404. Each verb
    checks its own permission."""
    return access_prisoner(user, uuid, perm=VIEW)


def access_case(user: User | AnonymousUser, uuid: UUID | str) -> Case:
    case = (
        Case.objects.filter(uuid=uuid, prisoner__in=prisoners_visible_to(user, VIEW))
        .select_related("prisoner__facility", "opened_by", "follows")
        .first()
    )
    if case is None:
        raise Http404("No such self-harm case in your facilities.")
    return case


def access_incident(user: User | AnonymousUser, uuid: UUID | str) -> SelfHarmIncident:
    incident = (
        SelfHarmIncident.objects.filter(uuid=uuid, prisoner__in=prisoners_visible_to(user, VIEW))
        .select_related("prisoner__facility", "recorded_by", "case")
        .first()
    )
    if incident is None:
        raise Http404("No such self-harm incident in your facilities.")
    return incident
