"""Who oversees which facilities (Rules 25.3, 67-70): the governor and the inspector, only
the facilities they are assigned to; everyone else is refused the oversight pages."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from facilities.models import Facility
from facilities.scope import facilities_of
from prisoners.models import Prisoner
from prisoners.withheld import shown

from .registry import OVERSEE, Row

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from staff.models import User


def facilities_overseen(user: User | AnonymousUser) -> QuerySet[Facility]:
    if not user.is_authenticated or not user.has_perm(OVERSEE):
        raise PermissionDenied
    return facilities_of(user)


def unnamed(rows: list[Row]) -> list[Row]:
    """`rows` without the identity and the link of a woman withheld (a girl's sealed records,
    Havana r. 19; `prisoners.withheld`): the row still counts, she is no longer named. One
    query for the page."""
    named: set[int] = {pk for row in rows if (pk := _her_pk(row)) is not None}
    if not named:
        return rows
    hidden = set(
        Prisoner.objects.filter(pk__in=named)
        .exclude(pk__in=shown(Prisoner.objects.filter(pk__in=named)).values("pk"))
        .values_list("pk", flat=True)
    )
    if not hidden:
        return rows
    return [replace(row, woman=None, url="") if _her_pk(row) in hidden else row for row in rows]


def _her_pk(row: Row) -> int | None:
    return getattr(row.woman, "pk", None)


def unnamed_cases(zeros: list[dict]) -> list[dict]:
    """The overview's counts that must be zero, their cases `unnamed` (one query for all)."""
    everyone = unnamed([row for zero in zeros for row in zero["cases"]])
    found = iter(everyone)
    return [{**zero, "cases": [next(found) for _ in zero["cases"]]} for zero in zeros]
