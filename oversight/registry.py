"""What each rule area gives the governor and the inspector to oversee (Rules 25.3, 67-70).

An area declares, in its `hooks.py`:
- a `RecordList`: its records in a facility and period (searches, sanctions, segregations,
  restraints...), each shown as a `Row`;
- a `MustBeZero`: a count the Rules say must be zero (a personal search by a man, the
  segregation of a protected woman, a restraint in labour...), computed from the records
  themselves, never assumed from the refusals, and shown case by case (RULES-SPEC 3).
  Breaches staff recorded because they happened anyway (`breaches`) add to the count of
  the same key (`Recorded`): a zero means none happened, not that none could be
  written down.

A viewer sees a list or a count only if her role oversees facilities (`OVERSEE`: the
governor, the inspector) and holds the item's `perm`, and only for the facilities she is
assigned to. A `Row` carries nothing a reader of the list may not see: no reason for
a protection, no clinical detail, no child's identity.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from bangkok.hooks import takes


@dataclass(frozen=True)
class Row:
    uuid: UUID
    when: datetime | date
    woman: object | None  # a Prisoner, or None for a record about no one woman (a cell)
    what: str
    url: str = ""


@dataclass(frozen=True)
class RecordList:
    key: str
    title: str
    rules: str
    perm: str
    records: Callable  # (facilities QuerySet, start date, end date) -> QuerySet, newest first
    row: Callable  # (record) -> Row
    order: int = 100
    keyset: tuple[str, ...] = ("-id",)  # the page order (see `bangkok.pagination`)
    # (queryset, viewer) -> queryset: what this viewer may not see of it, left out (e.g. a
    # complaint that names her).
    viewer_filter: Callable | None = None


@dataclass(frozen=True)
class MustBeZero:
    key: str
    label: str
    rule: str
    perm: str
    cases: Callable  # (facilities QuerySet, start date, end date) -> QuerySet of breaches
    row: Callable  # (record) -> Row
    order: int = 100
    keyset: tuple[str, ...] = ("-id",)
    viewer_filter: Callable | None = None


_LISTS: dict[str, RecordList] = {}
_ZEROS: dict[str, MustBeZero] = {}


def register_list(item: RecordList) -> None:
    _LISTS[item.key] = item


def register_zero(item: MustBeZero) -> None:
    _ZEROS[item.key] = item


@dataclass(frozen=True)
class Recorded:
    """Breaches recorded by staff that add to the counts that must be zero of their keys."""

    cases: Callable  # (keys, facilities, start, end) -> QuerySet of them all, newest first
    key: Callable  # (record) -> the key of the count it adds to
    row: Callable  # (record) -> Row


_RECORDED: list[Recorded] = []


def register_recorded(declared: Recorded) -> None:
    if declared not in _RECORDED:
        _RECORDED.append(declared)


@dataclass(frozen=True)
class Refused:
    """How many acts the services refused under each Rule in a period (the audit trail keeps
    them): shown beside each count that must be zero of that rule."""

    counts: Callable  # (facilities, start, end) -> {rule: attempts}
    # (rule, facilities, start, end) -> the attempts refused under the rule (audit rows:
    # `at`, `actor_role`, `subject_type`/`subject_id`, `detail` with `area` and `summary`),
    # newest first by `REFUSED_KEYSET`.
    attempts: Callable | None = None


REFUSED_KEYSET = ("-at", "-id")


_REFUSED: list[Refused] = []


def register_refused(declared: Refused) -> None:
    if declared not in _REFUSED:
        _REFUSED.append(declared)


@dataclass(frozen=True)
class Breakdown:
    """A table of counts by group (Mandela 2: outcomes by ethnicity, religion, disability),
    aggregate and with small cells suppressed by the area that declares it:
    `table(facilities, start, end, viewer)`, leaving out what the viewer may not know of,
    gives {"k", "method", "columns": [{"key", "title"}], "dimensions": [{"key", "title",
    "rows": [{"group", "population", "cells": [{"count", "rate"}]}], "total"}]}, a hidden
    cell's count and rate None."""

    key: str
    title: str
    rules: str
    perm: str
    table: Callable
    order: int = 100


_BREAKDOWNS: dict[str, Breakdown] = {}


def register_breakdown(item: Breakdown) -> None:
    _BREAKDOWNS[item.key] = item


takes(RecordList, register_list)
takes(MustBeZero, register_zero)
takes(Breakdown, register_breakdown)
takes(Recorded, register_recorded)
takes(Refused, register_refused)


def refused(facilities, start, end) -> dict[str, int]:
    """The attempts refused under each rule in the period."""
    total: dict[str, int] = {}
    for source in _REFUSED:
        for rule, attempts in source.counts(facilities, start, end).items():
            total[rule] = total.get(rule, 0) + attempts
    return total


def attempts_under(rule: str, facilities, start, end):
    """The attempts refused under `rule` in the period, newest first (None if nothing keeps
    them)."""
    for source in _REFUSED:
        if source.attempts is not None:
            return source.attempts(rule, facilities, start, end)
    return None


def recorded(keys: list[str], facilities, start, end) -> dict[str, tuple[int, list[Row]]]:
    """For each key, how many breaches staff recorded add to its count, and the first of them
    (one query a source of breaches, whatever the number of keys: breaches are few)."""
    found: dict[str, tuple[int, list[Row]]] = {key: (0, []) for key in keys}
    for source in _RECORDED:
        for record in source.cases(keys, facilities, start, end):
            count, first = found[source.key(record)]
            if len(first) < CASES_SHOWN:
                first.append(source.row(record))
            found[source.key(record)] = (count + 1, first)
    return found


OVERSEE = "facilities.oversee_facility"


def lists_for(user) -> list[RecordList]:
    return [i for i in sorted(_LISTS.values(), key=_order) if _may(user, i)]


def breakdowns_for(user) -> list[Breakdown]:
    return [i for i in sorted(_BREAKDOWNS.values(), key=_order) if _may(user, i)]


def breakdowns(user, facilities, start, end) -> list[dict]:
    """Each table of counts by group `user` oversees, for the period."""
    return [
        {"item": item, "table": item.table(facilities, start, end, user)}
        for item in breakdowns_for(user)
    ]


def zeros_for(user) -> list[MustBeZero]:
    return [i for i in sorted(_ZEROS.values(), key=_order) if _may(user, i)]


def list_for(user, key: str) -> RecordList | None:
    item = _LISTS.get(key)
    return item if item is not None and _may(user, item) else None


def zero_for(user, key: str) -> MustBeZero | None:
    item = _ZEROS.get(key)
    return item if item is not None and _may(user, item) else None


def _may(user, item) -> bool:
    return user.has_perm(OVERSEE) and user.has_perm(item.perm)


def _order(item) -> tuple:
    return (item.order, item.key)


def for_viewer(item, queryset, user):
    """`queryset` without what this viewer may not see of it."""
    return item.viewer_filter(queryset, user) if item.viewer_filter else queryset


CASES_SHOWN = 10


def overview(user, facilities, start, end) -> tuple[list[dict], list[dict]]:
    """What `user` oversees in a period: each count that must be zero with its first cases
    (as `Row`s, newest first) and the attempts refused under its rule, and the number of
    records in each list. A count that is zero (most are) reads no cases."""
    items = zeros_for(user)
    written = recorded([item.key for item in items], facilities, start, end)
    attempts = refused(facilities, start, end)
    zeros = []
    for item in items:
        cases = for_viewer(item, item.cases(facilities, start, end), user)
        count = cases.count()
        first = (
            [item.row(case) for case in cases.order_by(*item.keyset)[:CASES_SHOWN]] if count else []
        )
        breaches_count, breaches = written[item.key]
        zeros.append(
            {
                "item": item,
                "count": count + breaches_count,
                "recorded": breaches_count,
                "refused": attempts.get(item.rule, 0),
                "cases": (breaches + first)[:CASES_SHOWN],
            }
        )
    lists = [
        {
            "item": item,
            "count": for_viewer(item, item.records(facilities, start, end), user).count(),
        }
        for item in lists_for(user)
    ]
    return zeros, lists
