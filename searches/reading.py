"""Her searches as a viewer may read them (Rules 19-21; Mandela 51-52), for her page, the
search pages and the API alike: roles that read searches see those done where they work or of
a woman now held there (`permissions.searches_visible_to`), with their staff, in a fixed
number of queries; a child living with her is named by the register's id only. Nothing here
is confidential enough to be audited."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .models import Search
from .permissions import RECORD, VIEW, can_read_training
from .services.searches import authorities_of, with_staff

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from prisoners.models import Prisoner
    from staff.models import User

SECTION_LIMIT = 20


def her_searches(prisoner: Prisoner) -> QuerySet[Search]:
    """Searches of her, of her child with her, and of children visiting her."""
    return with_staff(Search.objects.filter(prisoner=prisoner))


def shown(search: Search) -> Search:
    """The search read again with its staff, as a list shows it."""
    return with_staff(Search.objects.filter(pk=search.pk)).get()


def searches_section(*, viewer: User, prisoner: Prisoner) -> dict | None:
    """Her page's searches section, for roles that read searches; absent for the others."""
    if not viewer.has_perm(VIEW):
        return None
    searches = her_searches(prisoner).order_by("-searched_at", "-id")
    return {
        "woman": prisoner,
        "searches": list(searches[:SECTION_LIMIT]),
        "count": searches.count(),
        "authorities": list(authorities_of(prisoner)[:SECTION_LIMIT]),
        "can_record": viewer.has_perm(RECORD),
        "can_read_training": can_read_training(viewer),
    }
