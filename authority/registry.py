"""The areas whose actions wait for someone's authority declare it (in their `hooks.py`), so that
one queue, one set of verbs and one sweep serve them all."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

    from authority.models import AwaitsAuthority

from bangkok.hooks import takes


@dataclass(frozen=True)
class Authority:
    """What an area declares about the actions that need someone's authority.

    `model` is an `AwaitsAuthority` model with `uuid`, `prisoner` and `facility`. `perm` is
    held by whoever gives the authority (the governor), `role` is her role (for reminders).
    `check(record)` makes again, at confirmation, the checks the Rules call for (a
    `RuleBroken` refuses the confirmation, nothing written). `confirmed(record, by=)` and
    `refused(record, by=)` set going what follows, in the same transaction, before the record
    is saved: each may set fields of the record and returns their names, saved with the
    decision. `late(record)` runs once when a record taken at once in an emergency is still
    unconfirmed at its `authority_due_at` and still in effect (`in_effect`, a filter: e.g. a
    restraint not yet removed). `undecided`, a filter, narrows the pending records that still
    await a decision: one that ended before it was decided (a transfer proposed for a woman
    released since) leaves the queue, and neither confirming nor refusing it changes it."""

    key: str
    model: type[AwaitsAuthority]
    perm: str
    title: str | StrPromise
    rule: str
    describe: Callable
    url: Callable
    role: str = "governor"
    check: Callable | None = None
    confirmed: Callable | None = None
    refused: Callable | None = None
    late: Callable | None = None
    in_effect: dict | None = None
    undecided: dict | None = None
    related: tuple[str, ...] = ("prisoner", "facility", "authority_requested_by")
    order: int = 100


_AREAS: dict[str, Authority] = {}


def register(area: Authority) -> None:
    _AREAS[area.key] = area


takes(Authority, register)


def areas() -> list[Authority]:
    return sorted(_AREAS.values(), key=lambda area: (area.order, area.key))


def area(key: str) -> Authority | None:
    return _AREAS.get(key)


@dataclass(frozen=True)
class Hold:
    """A check made before anyone decides a record awaiting authority, declared by the area
    that may hold it: `refuse(record)` raises to refuse deciding it now (an act asked for after
    her report waits for both reviews, Rules 7.3, 25.1); `lapse(record, by=, reason=)`, when
    the record's cause ended before anyone decided it, ends what was held on it (nothing is
    left to review)."""

    refuse: Callable
    lapse: Callable | None = None


_HOLDS: list[Hold] = []


def hold(declared: Hold) -> None:
    _HOLDS.append(declared)


takes(Hold, hold)


def holds() -> tuple[Hold, ...]:
    return tuple(_HOLDS)
