"""The access funnel for safeguarding records (Rules 25.1, 31; Mandela 1, 5.2): a woman's
records are reached through her, an incident through its facility, so a record of a facility
outside the viewer's, or seen by a role that doesn't see safeguarding records, is the same 404
as one that doesn't exist."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404

from facilities.scope import facilities_of
from prisoners.permissions import access_prisoner, prisoners_visible_to

from .models import CareNeed, FamilyConcern, Incident, Plan
from .services import VIEW

if TYPE_CHECKING:
    from uuid import UUID

    from django.contrib.auth.models import AnonymousUser

    from prisoners.models import Prisoner
    from staff.models import User

MISSING = "No such safeguarding record in your facilities."


def access_her_records(
    user: User | AnonymousUser, uuid: UUID | str, write: bool = False
) -> Prisoner:
    """The woman, if the viewer sees safeguarding records in her facility; else 404. Each verb
    checks its own permission."""
    return access_prisoner(user, uuid, perm=VIEW)


def incidents_visible_to(user: User | AnonymousUser):
    if not user.is_authenticated or not user.has_perm(VIEW):
        return Incident.objects.none()
    return Incident.objects.filter(facility__in=facilities_of(user))


def access_incident(user: User | AnonymousUser, uuid: UUID | str) -> Incident:
    incident = incidents_visible_to(user).filter(uuid=uuid).select_related("unit").first()
    if incident is None:
        raise Http404(MISSING)
    return incident


def find_incident(user: User, address: dict) -> tuple[Incident, Prisoner]:
    """An incident acted on (`bangkok.actions.Area.find`), with the first woman named in it."""
    incident = access_incident(user, address["uuid"])
    first = incident.involved.select_related("prisoner__facility").first()
    if first is None:
        raise Http404(MISSING)
    return incident, first.prisoner


def _hers(user: User | AnonymousUser, model, uuid: UUID | str):
    found = (
        model.objects.filter(uuid=uuid, prisoner__in=prisoners_visible_to(user, VIEW))
        .select_related("prisoner__facility")
        .first()
    )
    if found is None:
        raise Http404(MISSING)
    return found


def access_plan(user: User | AnonymousUser, uuid: UUID | str) -> Plan:
    return _hers(user, Plan, uuid)


def access_concern(user: User | AnonymousUser, uuid: UUID | str) -> FamilyConcern:
    return _hers(user, FamilyConcern, uuid)


def access_need(user: User | AnonymousUser, uuid: UUID | str) -> CareNeed:
    return _hers(user, CareNeed, uuid)
