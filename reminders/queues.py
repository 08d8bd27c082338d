"""Work queues: what a role works through each day, declared by the area that owns the
records (in its `hooks.py`) and shown by the dashboard, one page per queue with its counts.

A `Queue` belongs to the roles it names; for every other role it doesn't exist (its page is a
404, the dashboard doesn't count it). Its `records(viewer)` come through the area's
`reading.py`, so what the viewer may not see is never in it; `disclosed(viewer, records)`
writes the audit row of a page of confidential records (Rules 3.2, 8, 25). Each `Bucket` is a
slice of the queue by state and time (new, due, overdue...), counted on the dashboard with
every other queue's in one statement (`bangkok.counting`); each `Filter` narrows the page (by
unit, by kind...). A queue of an area's records is declared with `record_queue` (its `Column`s
and the page each row opens); a queue of tasks with `reminders.task_queues.task_queue`.

This registry imports no app of the project, so any area may declare into it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.urls import reverse

from bangkok import counting
from bangkok.hooks import takes

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

    Label = str | StrPromise


@dataclass(frozen=True)
class Bucket:
    key: str
    label: Label
    where: Callable[[datetime], Q]  # (now) -> the records in this bucket


@dataclass(frozen=True)
class Filter:
    key: str
    label: Label
    # (viewer, chosen) -> [(value, label)]; `chosen` is {key: value} of the queue's filters
    # before it (a facility chosen offers its units)
    choices: Callable
    apply: Callable  # (queryset, value) -> queryset
    # (viewer, chosen) -> what she is told in place of its choices when it offers none yet
    # (a filter offering none, told nothing, is not shown)
    hint: Callable | None = None


@dataclass(frozen=True)
class Row:
    """One line of a queue: the woman it is about (or None), the cells in the order of the
    queue's columns, and where the record that answers it is made."""

    woman: Any
    cells: tuple
    url: str = ""
    link: Label = ""


@dataclass(frozen=True)
class Queue:
    key: str
    title: Label
    rule: str  # the rule the queue serves, shown under its title; "" for several
    roles: tuple[str, ...]
    records: Callable  # (viewer) -> QuerySet, through the area's reading
    buckets: tuple[Bucket, ...]
    columns: tuple[Label, ...]
    row: Callable  # (record, viewer) -> Row
    keyset: tuple[str, ...] = ("id",)
    filters: tuple[Filter, ...] = ()
    disclosed: Callable | None = None  # (viewer, records) -> None: the read's audit row
    intro: Label = ""
    empty: Label = ""
    order: int = 100
    woman: str = "prisoner"  # each record's relation to her: a woman withheld is left out


@dataclass(frozen=True)
class Column:
    """A column of a queue of records: its heading and what it shows of each record."""

    label: Label
    cell: Callable  # (record, viewer) -> the cell


def record_queue(
    *,
    columns: tuple[Column, ...],
    opens: str | Callable,
    link: Label,
    woman: str = "prisoner",
    **declared: Any,
) -> Queue:
    """A queue of an area's records (an admission, a complaint, a child...): each row names the
    record's woman (`woman`, its relation to her), shows a cell a `Column`, and links (`link`)
    to the page where the record is worked, `opens`: a URL name taking the record's uuid, or
    (record) -> the address. `declared` is the rest of the `Queue`."""

    def address(record) -> str:
        return opens(record) if callable(opens) else reverse(opens, args=[record.uuid])

    def row(record, viewer) -> Row:
        return Row(
            woman=getattr(record, woman),
            cells=tuple(column.cell(record, viewer) for column in columns),
            url=address(record),
            link=link,
        )

    return Queue(
        columns=tuple(column.label for column in columns), row=row, woman=woman, **declared
    )


@dataclass(frozen=True)
class QueueElsewhere:
    """A queue with a page of its own (`page`, a URL name), where she acts on each record
    (the authorities waiting for the governor): the dashboard counts `parts(viewer)`,
    [(label, records)], one line a part, with the other queues (`bangkok.counting`)."""

    key: str
    title: Label
    roles: tuple[str, ...]
    page: str
    parts: Callable  # (viewer) -> [(label, QuerySet)]
    order: int = 100


_QUEUES: dict[str, Queue | QueueElsewhere] = {}


def register(queue: Queue | QueueElsewhere) -> None:
    _QUEUES[queue.key] = queue


takes(Queue, register)
takes(QueueElsewhere, register)


def _order(queue: Queue | QueueElsewhere) -> tuple:
    return (queue.order, queue.key)


def every_queue() -> list[Queue]:
    """The queues shown on a queue page of their own here (`Queue`)."""
    return sorted((q for q in _QUEUES.values() if isinstance(q, Queue)), key=_order)


def _has(user, queue: Queue | QueueElsewhere) -> bool:
    return bool(user.is_authenticated and user.role_code in queue.roles)


def queues_for(user) -> list[Queue | QueueElsewhere]:
    """The queues of her role."""
    return sorted((q for q in _QUEUES.values() if _has(user, q)), key=_order)


def queue_for(user, key: str) -> Queue | None:
    queue = _QUEUES.get(key)
    return queue if isinstance(queue, Queue) and _has(user, queue) else None


def bucket(queue: Queue, key: str | None) -> Bucket | None:
    return next((b for b in queue.buckets if b.key == key), None)


def conditions(queue: Queue, now: datetime) -> dict[str, Q]:
    """Each bucket's records, by the bucket's key (`now` the moment they are counted at)."""
    return {b.key: b.where(now) for b in queue.buckets}


def tally(queue: Queue, records: QuerySet, now: datetime) -> dict[str, int]:
    """How many of `records` are in each bucket, and in all (`""`), in one query."""
    return counting.counts([(records, conditions(queue, now))])[0]
