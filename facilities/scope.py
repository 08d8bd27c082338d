"""Facility scope: which facilities a member of staff works in, and who works in one.

A user works in the facilities she is assigned to (a guardian object permission on the
facility, granted by `staff.services`). No assignment, no facility: scope fails closed.
Everything above (staff, reminders, the women's records and every area) starts here.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import CharField, QuerySet
from django.db.models.functions import Cast
from django.http import Http404
from django.utils.translation import gettext as _
from guardian.models import UserObjectPermission

from .models import Facility, facility_label

WORK_IN_FACILITY = "facilities.work_in_facility"


def facilities_of(user) -> QuerySet[Facility]:
    """The facilities she is assigned to (never all of them by a global permission)."""
    if not user.is_authenticated or not user.is_active:
        return Facility.objects.none()
    assigned = getattr(user, ASSIGNED, None)
    if assigned is not None:  # read with her account at the start of this request
        return Facility.objects.filter(pk__in=assigned)
    # Her assignments, asked within the query that uses them (guardian's own shortcut first
    # asks, in a query of its own, which content type the permission is for).
    mine = _grants(Facility.objects.all()).filter(user=user).values("object_pk")
    return Facility.objects.annotate(key=Cast("pk", CharField())).filter(key__in=mine)


# Where the account read at the start of a request keeps the ids of her facilities
# (`staff.backends.account_columns`): every scoped query of the request names them, rather
# than asking for her assignments again inside each (a query the ORM took 3.4 ms to build,
# against 2.0 ms with the ids). A user read any other way asks each time.
ASSIGNED = "_facility_ids"


def works_in_several(user) -> bool:
    """Whether she works in more than one facility (their ids read with her account, if they
    were)."""
    assigned = getattr(user, ASSIGNED, None)
    return len(assigned) > 1 if assigned is not None else facilities_of(user).count() > 1


def facilities_to_choose(user) -> list[tuple[str, str]]:
    """Her facilities to filter a list by, each (code, `Facility.__str__`), when she works in
    several: none for staff of one (a choice of one is no choice)."""
    if not works_in_several(user):
        return []
    facilities = facilities_of(user).order_by("code").values_list("code", "name")
    return [(code, facility_label(code, name)) for code, name in facilities]


def assigned_sql(user: str) -> str:
    """A column: the ids of the facilities the account `user` names (e.g. "u.id") is assigned
    to."""
    from django.db import connection

    app_label, codename = WORK_IN_FACILITY.split(".", 1)
    quote = connection.ops.quote_name
    grants = quote(UserObjectPermission._meta.db_table)
    permission, kinds = Permission._meta, ContentType._meta
    # Table names from the models; the permission's name is the module's constant.
    return f"""ARRAY(SELECT g.object_pk::bigint FROM {grants} g
                 JOIN {quote(permission.db_table)} p ON p.id = g.permission_id
                 JOIN {quote(kinds.db_table)} ct ON ct.id = p.content_type_id
                WHERE g.user_id = {user} AND p.codename = '{codename}'
                  AND ct.app_label = '{app_label}')"""  # noqa: S608


def _grants(facilities):
    """The assignments to work in any of `facilities`, a QuerySet."""
    app_label, codename = WORK_IN_FACILITY.split(".", 1)
    keys = facilities.annotate(key=Cast("pk", CharField())).values("key")
    return UserObjectPermission.objects.filter(
        permission__codename=codename,
        permission__content_type__app_label=app_label,
        object_pk__in=keys,
    )


def postings_in(facilities) -> QuerySet:
    """(facility pk as text, member of staff's pk) of every assignment to `facilities`."""
    return _grants(facilities).values_list("object_pk", "user_id")


def may_act(user, perm: str, facility: Facility, refusal: str) -> None:
    """Refuse (PermissionDenied, with `refusal`) a service's act by a member of staff whose
    role lacks `perm` or who doesn't work in `facility`."""
    if not user.has_perm(perm):
        raise PermissionDenied(refusal)
    if not facilities_of(user).filter(pk=facility.pk).exists():
        raise PermissionDenied(_("You don't work in that facility."))


def facility_in_reach(user, uuid, perm: str) -> Facility:
    """One of her facilities, if her role holds `perm`; else the 404 of a missing one (a
    facility outside her assignments and a role without the right answer alike)."""
    if not user.is_authenticated or not user.has_perm(perm):
        raise Http404("No such facility in your facilities.")
    facility = facilities_of(user).filter(uuid=uuid).first()
    if facility is None:
        raise Http404("No such facility in your facilities.")
    return facility


def record_in_reach(user, model, uuid, *related: str):
    """The `model` record named by `uuid` (a record that belongs to a facility), if it belongs
    to one of her facilities; else the 404 of a missing one."""
    found = (
        model.objects.filter(uuid=uuid, facility__in=facilities_of(user))
        .select_related("facility", *related)
        .first()
    )
    if found is None:
        raise Http404("No such record in your facilities.")
    return found


def staff_of(facilities) -> QuerySet:
    """Active staff who work in a facility, or in any of a QuerySet of facilities, by name
    (one query)."""
    if isinstance(facilities, Facility):
        facilities = Facility.objects.filter(pk=facilities.pk)
    grants = _grants(facilities)
    return (
        get_user_model()
        .objects.filter(is_active=True, pk__in=grants.values("user_id"))
        .order_by("last_name", "first_name", "username")
    )


def staff_holding(perm: str, facility) -> QuerySet:
    """Active staff of the facility whose role grants `perm` ("app_label.codename")."""
    app_label, codename = perm.split(".", 1)
    holders = get_user_model().objects.filter(
        groups__permissions__codename=codename,
        groups__permissions__content_type__app_label=app_label,
    )
    return staff_of(facility).filter(pk__in=holders.values("pk"))
