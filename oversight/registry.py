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
    """Breaches recorded by staff that add to the count that must be zero of their key."""

    cases: Callable  # (key, facilities, start, end) -> QuerySet, newest first
    row: Callable  # (record) -> Row


_RECORDED: list[tuple[Callable, Callable]] = []


def register_recorded(cases: Callable, row: Callable) -> None:
    if (cases, row) not in _RECORDED:
        _RECORDED.append((cases, row))


takes(RecordList, register_list)
takes(MustBeZero, register_zero)
takes(Recorded, lambda declared: register_recorded(declared.cases, declared.row))


def recorded(key: str, facilities, start, end) -> tuple[int, list[Row]]:
    """How many breaches staff recorded add to the count `key`, and the first of them."""
    count, first = 0, []
    for cases, row in _RECORDED:
        found = cases(key, facilities, start, end)
        count += found.count()
        first += [row(record) for record in found[:CASES_SHOWN]]
    return count, first


OVERSEE = "facilities.oversee_facility"


def lists_for(user) -> list[RecordList]:
    return [i for i in sorted(_LISTS.values(), key=_order) if _may(user, i)]


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
    (as `Row`s, newest first), and the number of records in each list."""
    zeros = []
    for item in zeros_for(user):
        cases = for_viewer(item, item.cases(facilities, start, end), user)
        first = [item.row(case) for case in cases.order_by(*item.keyset)[:CASES_SHOWN]]
        written, breaches = recorded(item.key, facilities, start, end)
        zeros.append(
            {
                "item": item,
                "count": cases.count() + written,
                "recorded": written,
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
