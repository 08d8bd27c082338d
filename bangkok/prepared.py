"""A query built and compiled once a connection for each shape, run again with new values.

Django builds a query anew each time it is asked: the filters resolved, the joins set up, the
columns chosen and the SQL written. For the read through the access funnel that every page of
a woman makes (her row, her facility, unit and flags, in her viewer's facilities, not
withheld) that was 3.5 ms of CPU a request on a 12 ms page, for SQL that differs from one
request to the next only in its values.

`prepared(model, key, build, *values)` builds the query (`build(*values)`, a QuerySet of
`model`) the first time a connection is asked for `key`, with a stand-in for each value (a
random UUID, a random large integer, a random string), compiles it, and finds where each
stand-in went among the SQL's parameters; after that it runs the same SQL with the values put
in their places and makes the records from its rows as Django would (the same compiler:
related records, converters). `key` must name everything the query's shape turns on apart
from `values` (how many values there are included); a stand-in that doesn't come out as a
parameter (a value written into the SQL, or turned into another, as a pattern of LIKE turns
a word, or a number too large for its column's type, which Django writes as a condition
always true or false) is refused when the query is first built. A value is a UUID, a whole
number (of a column of 64 bits) or a string.
A query with a day, a time or a length of time written into it (a condition built from the
clock, which would keep its first moment) is not kept but built each time (`EACH_TIME`). A
condition made elsewhere and kept (the same object for the same condition) is named in a key
by `Same(condition)`. A connection keeps its last `MOST_SHAPES` shapes.
"""

import copy
import random
import uuid
from collections.abc import Callable, Hashable
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import connections, router
from django.db.models import Model, QuerySet

from bangkok.planned import PlannedConnection

_SHAPES = "_bangkok_prepared"
MOST_SHAPES = 256
# What a connection keeps for a shape found to hold a moment: it is built each time, and not
# built with stand-ins again to find that out.
EACH_TIME = object()


class Same:
    """A part of a key that is this very object, compared by identity (and held while the
    shape is kept, so no other object takes its id meanwhile)."""

    __slots__ = ("held",)

    def __init__(self, held: object):
        self.held = held

    def __hash__(self) -> int:
        return id(self.held)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Same) and other.held is self.held


def _stand_in(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return uuid.uuid4()
    if isinstance(value, int) and not isinstance(value, bool):
        return random.randrange(2**61, 2**62)  # noqa: S311 (a stand-in, not a secret)
    if isinstance(value, str):
        return f"stand-in {uuid.uuid4()}"
    raise TypeError(f"No stand-in for a {type(value).__name__}: build this query each time.")


def _a_moment(param: Any) -> bool:
    """A day, a time or a length of time: what a condition built from the clock (now, today)
    writes into a query, and a query kept for the connection's life would keep unchanged."""
    return isinstance(param, date | datetime | time | timedelta)


class _Shape:
    def __init__(self, build: Callable[..., QuerySet], values: tuple, alias: str):
        stand_ins = tuple(_stand_in(value) for value in values)
        self.queryset = build(*stand_ins)
        self.compiler = self.queryset.query.get_compiler(using=alias)
        # Run with its statement prepared: PostgreSQL plans it once a connection too.
        self.compiler.connection = PlannedConnection(self.compiler.connection)
        self.sql, params = self.compiler.as_sql()
        self.params = tuple(params)
        self.slots = [
            (position, number)
            for position, param in enumerate(self.params)
            for number, stand_in in enumerate(stand_ins)
            if type(param) is type(stand_in) and param == stand_in
        ]
        missing = set(range(len(stand_ins))) - {number for _position, number in self.slots}
        if missing:
            raise ValueError(f"Values {sorted(missing)} are not parameters of the query's SQL.")
        filled = {position for position, _number in self.slots}
        # A moment written into the SQL (a condition built from the clock) would stay the
        # first one for as long as the shape is kept: such a query is built each time.
        self.keep = not any(_a_moment(p) for n, p in enumerate(self.params) if n not in filled)

    def run(self, values: tuple) -> list:
        params = list(self.params)
        for position, number in self.slots:
            params[position] = values[number]
        sql, bound = self.sql, tuple(params)
        compiler = copy.copy(self.compiler)
        compiler.as_sql = lambda *args, **kwargs: (sql, bound)
        queryset = self.queryset._chain()
        queryset.query.get_compiler = lambda *args, **kwargs: compiler
        return list(queryset)


def prepared(
    model: type[Model], key: Hashable, build: Callable[..., QuerySet], *values: Any
) -> list:
    """The records (or values) of `build(*values)`, a QuerySet of `model`, its SQL written
    once for `key` on the connection it reads from."""
    alias = router.db_for_read(model)
    shapes = connections[alias].__dict__.setdefault(_SHAPES, {})
    shape = shapes.get(key)
    if shape is EACH_TIME:
        return list(build(*values))
    if shape is None:
        shape = _Shape(build, values, alias)
        if len(shapes) >= MOST_SHAPES:
            del shapes[next(iter(shapes))]  # the oldest
        if not shape.keep:
            shapes[key] = EACH_TIME  # not tried again
            return list(build(*values))
        shapes[key] = shape
    return shape.run(values)
