"""The access funnel: the only way a view, API or task gets at a woman's record.

A user sees the women of the facilities she works in (`facilities.scope`), and only if her
role reads case data at all. No assignment, no records: the funnel fails closed. Missing
and forbidden are the same 404, so a user can't learn that a record exists outside her
scope.
"""

from uuid import UUID

from django.db.models import QuerySet
from django.http import Http404

from bangkok.prepared import prepared
from facilities.models import Facility
from facilities.scope import ASSIGNED, facilities_of

from .models import Prisoner
from .withheld import shown

VIEW_PRISONER = "prisoners.view_prisoner"


def prisoners_visible_to(user, perm: str = VIEW_PRISONER) -> QuerySet[Prisoner]:
    """Every list, search, count and export starts here. A woman withheld (a girl's sealed
    records, `prisoners.withheld`) is in none of them."""
    if not user.is_authenticated or not user.has_perm(perm):
        return Prisoner.objects.none()
    return _in(facilities_of(user))


def _in(facilities) -> QuerySet[Prisoner]:
    return shown(Prisoner.objects.filter(facility__in=facilities))


def women_of_facilities(*ids: int) -> QuerySet[Prisoner]:
    """What `prisoners_visible_to` gives a user whose facilities have these ids, for a query
    written once for many users (`bangkok.prepared`): the caller has checked her permission,
    and the ids are hers (`facilities.scope.ASSIGNED`)."""
    return _in(Facility.objects.filter(pk__in=ids))


def _her_row(women: QuerySet[Prisoner], uuid) -> QuerySet[Prisoner]:
    # Her uuid is unique: no order to ask for (`first` would order by name).
    return women.filter(uuid=uuid).order_by().select_related("facility", "unit", "flags")[:1]


def _her_row_in(*ids_and_uuid) -> QuerySet[Prisoner]:
    """`_her_row` among the women of the facilities of these ids (the last value her uuid)."""
    *ids, uuid = ids_and_uuid
    return _her_row(women_of_facilities(*ids), uuid)


def access_prisoner(user, uuid, perm: str = VIEW_PRISONER) -> Prisoner:
    """One woman, if her facility is in the user's scope and the role holds `perm`; else 404."""
    assigned = getattr(user, ASSIGNED, None)
    if (
        assigned  # her facilities' ids read with her account (`facilities_of`)
        and isinstance(uuid, UUID)
        and user.is_authenticated
        and user.is_active
        and user.has_perm(perm)
    ):
        # The same query as below, its SQL written once a process (`bangkok.prepared`).
        key = ("access_prisoner", len(assigned))
        found = prepared(Prisoner, key, _her_row_in, *assigned, uuid)
    else:
        found = list(_her_row(prisoners_visible_to(user, perm), uuid))
    if not found:
        raise Http404("No such woman in your facilities.")
    return found[0]


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
