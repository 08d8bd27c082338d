"""The access funnel for inspections (Rule 25.3): a visit, and what hangs on it, is reached
through its facility. The inspector and the governor assigned to the facility see its visits;
every other role, and a visit of another facility, is the same 404 as one that doesn't exist.
Each verb asks its own permission (the inspector writes the visit, the governor answers its
recommendations)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404

from facilities.models import Facility
from facilities.scope import facilities_of

from .models import ActionPlan, Recommendation, SampledWoman, Visit
from .reading import VIEW, visits_visible_to

if TYPE_CHECKING:
    from uuid import UUID

    from django.contrib.auth.models import AnonymousUser

    from staff.models import User

MISSING = "No such inspection record in your facilities."


def access_visit(user: User | AnonymousUser, uuid: UUID | str) -> Visit:
    visit = visits_visible_to(user).filter(uuid=uuid).select_related("facility").first()
    if visit is None:
        raise Http404(MISSING)
    return visit


def access_facility(user: User | AnonymousUser, uuid: UUID | str) -> Facility:
    if not user.is_authenticated or not user.has_perm(VIEW):
        raise Http404(MISSING)
    facility = facilities_of(user).filter(uuid=uuid).first()
    if facility is None:
        raise Http404(MISSING)
    return facility


def _of_visit(user: User | AnonymousUser, model, uuid: UUID | str, path: str):
    found = (
        model.objects.filter(uuid=uuid, **{f"{path}__in": visits_visible_to(user)})
        .select_related(f"{path}__facility")
        .first()
    )
    if found is None:
        raise Http404(MISSING)
    return found


def access_recommendation(user: User | AnonymousUser, uuid: UUID | str) -> Recommendation:
    return _of_visit(user, Recommendation, uuid, "visit")


def access_sampled(user: User | AnonymousUser, uuid: UUID | str) -> SampledWoman:
    return _of_visit(user, SampledWoman, uuid, "sample__visit")


def access_plan(user: User | AnonymousUser, uuid: UUID | str) -> ActionPlan:
    return _of_visit(user, ActionPlan, uuid, "recommendation__visit")


def find(model, path: str):
    """`bangkok.actions.Area.find` for a record of a visit (no woman is acted on)."""

    def found(user, address):
        return _of_visit(user, model, address["uuid"], path) if path else access_visit(
            user, address["uuid"]
        ), None

    return found


def find_facility(user, address):
    return access_facility(user, address["uuid"]), None
