"""The access funnel: the only way a view, API or task gets at a woman's record.

A user sees the women of the facilities she is assigned to (a guardian object permission
on the facility) and only if her role reads case data at all. No assignment, no records:
the funnel fails closed. Missing and forbidden are the same 404, so a user can't learn that
a record exists outside her scope.
"""

from django.db.models import QuerySet
from django.http import Http404
from guardian.shortcuts import get_objects_for_user

from .models import Facility, Prisoner

WORK_IN_FACILITY = "prisoners.work_in_facility"
VIEW_PRISONER = "prisoners.view_prisoner"


def facilities_of(user) -> QuerySet[Facility]:
    """The facilities she is assigned to (never all of them by a global permission)."""
    if not user.is_authenticated or not user.is_active:
        return Facility.objects.none()
    return get_objects_for_user(
        user, WORK_IN_FACILITY, klass=Facility, accept_global_perms=False, with_superuser=False
    )


def prisoners_visible_to(user, perm: str = VIEW_PRISONER) -> QuerySet[Prisoner]:
    """Every list, search, count and export starts here."""
    if not user.is_authenticated or not user.has_perm(perm):
        return Prisoner.objects.none()
    return Prisoner.objects.filter(facility__in=facilities_of(user))


def access_prisoner(user, uuid, perm: str = VIEW_PRISONER) -> Prisoner:
    """One woman, if her facility is in the user's scope and the role holds `perm`; else 404."""
    prisoner = (
        prisoners_visible_to(user, perm)
        .select_related("facility", "unit", "flags")
        .filter(uuid=uuid)
        .first()
    )
    if prisoner is None:
        raise Http404("No such woman in your facilities.")
    return prisoner


def can_change_core_record(user) -> bool:
    return user.has_perm("prisoners.change_prisoner")
