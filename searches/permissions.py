"""Who may see and record searches (Rules 19-21), and who works where.

Custody officers record searches; the governor authorises strip and body cavity searches and,
with the inspector, reads the searches and the training records that say who may search. A
search is seen by those who read searches in the facility where it was done or where the
woman now is; missing and forbidden are the same 404.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from authority.models import AuthorityState
from facilities.scope import facilities_of, staff_holding
from prisoners.withheld import without_withheld
from staff.models import User

from .models import Search, SearchAuthorisation, SearchStaff

if TYPE_CHECKING:
    from uuid import UUID

    from django.contrib.auth.models import AnonymousUser

    from facilities.models import Facility
    from prisoners.models import Prisoner

VIEW = "searches.view_search"
RECORD = "searches.add_search"
AUTHORISE = "searches.authorise_search"
READ_TRAINING = "staff.view_trainingrecord"


def authorisers_of(facility: Facility) -> QuerySet[User]:
    """Staff of the facility whose role may authorise a strip or body cavity search."""
    return staff_holding(AUTHORISE, facility)


def given_authorities(woman: Prisoner) -> QuerySet[SearchAuthorisation]:
    """The authorities the governor gave for a search of her, not yet used by one."""
    return (
        SearchAuthorisation.objects.filter(
            prisoner=woman, authority=AuthorityState.CONFIRMED, search__isnull=True
        )
        .select_related("authorised_by")
        .order_by("-authority_decided_at", "-id")
    )


def searches_visible_to(user: User | AnonymousUser) -> QuerySet[Search]:
    """Every list and count of searches starts here."""
    if not user.is_authenticated or not user.has_perm(VIEW):
        return Search.objects.none()
    facilities = facilities_of(user)
    return without_withheld(
        Search.objects.filter(Q(facility__in=facilities) | Q(prisoner__facility__in=facilities))
    )


def access_search(user: User | AnonymousUser, uuid: UUID | str) -> Search:
    """One search, if the user reads searches where it was done or where she now is; else 404."""
    search = (
        searches_visible_to(user)
        .select_related("facility", "prisoner", "unit", "child", "authorised_by", "recorded_by")
        .select_related("authorisation")
        .prefetch_related(Prefetch("staff", SearchStaff.objects.select_related("person")))
        .filter(uuid=uuid)
        .first()
    )
    if search is None:
        raise Http404("No such search in your facilities.")
    return search


def can_read_training(user: User | AnonymousUser) -> bool:
    return user.is_authenticated and user.has_perm(READ_TRAINING) and user.has_perm(VIEW)
