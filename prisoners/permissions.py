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


def access_woman(user, uuid, *perms: str) -> Prisoner:
    """The woman, if the user holds one of `perms` and she is in the user's facilities; else
    404, as for a woman who doesn't exist."""
    if not user.is_authenticated or not any(user.has_perm(perm) for perm in perms):
        raise Http404("No such woman in your facilities.")
    return access_prisoner(user, uuid, perm=VIEW_PRISONER)


def access_record(user, model, uuid, *perms: str):
    """One record of a woman (a `model` with `uuid` and `prisoner`), on the same terms as
    `access_woman`."""
    record = model.objects.filter(uuid=uuid).select_related("prisoner").first()
    if record is None:
        raise Http404("No such record in your facilities.")
    record.prisoner = access_woman(user, record.prisoner.uuid, *perms)
    return record


def can_change_core_record(user) -> bool:
    return user.has_perm("prisoners.change_prisoner")


def staff_of(facilities) -> QuerySet:
    """Active staff who work in a facility, or in any of a QuerySet of facilities, by name
    (one query)."""
    from django.db.models import CharField
    from django.db.models.functions import Cast
    from guardian.models import UserObjectPermission

    from staff.models import User

    if isinstance(facilities, Facility):
        facilities = Facility.objects.filter(pk=facilities.pk)
    app_label, codename = WORK_IN_FACILITY.split(".", 1)
    keys = facilities.annotate(key=Cast("pk", CharField())).values("key")
    grants = UserObjectPermission.objects.filter(
        permission__codename=codename,
        permission__content_type__app_label=app_label,
        object_pk__in=keys,
    )
    return User.objects.filter(is_active=True, pk__in=grants.values("user_id")).order_by(
        "last_name", "first_name", "username"
    )


def staff_holding(perm: str, facility) -> QuerySet:
    """Active staff of the facility whose role grants `perm` ("app_label.codename")."""
    from staff.models import User

    app_label, codename = perm.split(".", 1)
    holders = User.objects.filter(
        groups__permissions__codename=codename,
        groups__permissions__content_type__app_label=app_label,
    )
    return staff_of(facility).filter(pk__in=holders.values("pk"))
