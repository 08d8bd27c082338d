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
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from uuid import UUID

from django.db.models import (
    Count,
    DateField,
    DateTimeField,
    F,
    Func,
    IntegerField,
    Q,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, Greatest, Least
from django.utils.formats import number_format
from django.utils.translation import gettext

from bangkok.counting import sizes
from bangkok.dates import after_day, before_day, from_day, until_day
from bangkok.hooks import takes
from bangkok.suppression import rate, suppressed

from . import figures, summaries


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
    # (viewer) -> queryset of the records' model: every record `viewer_filter` leaves out for
    # her, found from her side (the few complaints naming her). With it, the beat counts the
    # item ahead whole, read as it is by a viewer hidden nothing of it; a viewer hidden any
    # gets it counted for her when she asks (`counted_alike`, `hidden_from`).
    hidden: Callable | None = None
    # The moment that dates each record, when the records of a period are exactly those
    # dated in it and what a past day holds doesn't change with time: the list is then
    # counted a day at a time in advance (`oversight.summaries`). `facility`: the records'
    # (a field or a path, "prisoner__facility", as the records are narrowed to facilities
    # by), which the counts per facility group by (`oversight.figures`).
    day: str = ""
    facility: str = "facility"
    # The moment that dates each record when the records of a period are exactly those dated
    # in it, whatever else decides which of them count now (a deadline passed by now, her
    # custody today): a period's count is then that of a period counted ahead that ends the
    # same day, with the records of the days between their first days added or taken off
    # (`figures.near`). `until`: the moment a record stops holding (empty while it holds),
    # when the records of a period are those that held on any of its days (begun by its end,
    # not ended before its first day), whatever else decides which count: a period's count is
    # that of one counted ahead ending the same day, with the records that ended on the days
    # between their first days added or taken off. `whatever_start`: what it counts holds at
    # the period's end, whatever its first day (the women untried past the threshold by
    # then): a period's count is that of one counted ahead that ends the same day. `now`:
    # what it counts holds now, whatever the period (the women living now where the Rules
    # forbid): a period's count is that of the latest counted ahead, whatever day it ends.
    # `dated_by`: the moments that date each record when a record is of a period if any of
    # them falls in it (her decisions about visitors: consulted, or a court order recorded):
    # the records with one on the days between the two first days and none in the shorter
    # period added or taken off. `oversight/tests/test_near.py` holds each item to what it
    # declares.
    dated: str = ""
    until: str = ""
    whatever_start: bool = False
    now: bool = False
    dated_by: tuple[str, ...] = ()


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
    hidden: Callable | None = None  # as a `RecordList`'s
    day: str = ""  # as a `RecordList`'s
    facility: str = "facility"
    dated: str = ""  # as a `RecordList`'s
    until: str = ""  # as a `RecordList`'s
    whatever_start: bool = False  # as a `RecordList`'s
    now: bool = False  # as a `RecordList`'s
    dated_by: tuple[str, ...] = ()  # as a `RecordList`'s
    # As `cases`: the same records, asked so as to count them all at once where the way that
    # finds the first of them soonest would count them slowly (None: `cases` is counted).
    count: Callable | None = None


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
    # Counted ahead by the beat (`oversight.counted`): `ahead(facilities, start, end)` gives,
    # as JSON keeps it, the counts of each facility ({facility id: ...});
    # `read(those of the viewer's facilities, facilities, start, end, viewer)` gives the
    # table from them, with what the viewer may not know of counted for her now.
    ahead: Callable | None = None
    read: Callable | None = None
    # (several facilities' parts as `ahead` keeps them) -> one part for them all, kept beside
    # them for a viewer of every facility (`figures.kept`).
    whole: Callable | None = None
    # (facilities, first, last, sign) -> the counts of each facility, as `ahead` keeps them, of
    # the records dated from `first` to `last` alone (not what holds at the end whatever the
    # period), each times `sign`: a period ending the day one counted ahead ends reads that
    # one's, those of the days between the two first days added or taken off
    # (`figures.breakdown`; `read` then gives None where a count would go below none).
    dated: Callable | None = None


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


def breakdowns(user, facilities, start, end, seen: dict | None = None) -> list[dict]:
    """Each table of counts by group `user` oversees, for the period (from the beat's count
    for the last 30 days, the last year and the periods asked, `figures.breakdown`)."""
    return [
        {"item": item, "table": figures.breakdown(item, facilities, start, end, user, seen)}
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


def counter_of(item) -> Callable:
    """What counts an item: a list's records, else a count's own way of counting (`count`),
    else its cases; (facilities, start, end) -> QuerySet."""
    return getattr(item, "records", None) or item.count or item.cases


def for_viewer(item, queryset, user):
    """`queryset` without what this viewer may not see of it."""
    return item.viewer_filter(queryset, user) if item.viewer_filter else queryset


def hidden_from(user, items) -> set[Callable]:
    """Of the items' ways of finding what a viewer may not see of them (`hidden`), those
    that find anything of `user`'s (one statement; most viewers are hidden nothing)."""
    ways = {item.hidden for item in items if item.hidden is not None}
    return {way for way, n in sizes({way: way(user) for way in ways}).items() if n}


def counted_alike(item) -> bool:
    """Whether the beat counts a list or a count that must be zero for every viewer alike:
    one that every viewer sees whole, or whose records a viewer may not see are found from
    her side (`hidden`): read whole by a viewer hidden none of them, counted when she asks
    for any other."""
    return item.viewer_filter is None or item.hidden is not None


CASES_SHOWN = 10


def overview(
    user, facilities, start, end, seen: dict | None = None, cases: bool = True
) -> tuple[list[dict], list[dict]]:
    """What `user` oversees in a period: each count that must be zero with its first cases
    (as `Row`s, newest first; none read if not `cases`: the page reads each count's apart,
    `first_cases`) and the attempts refused under its rule, and the number of records in
    each list. For the last 30 days, the last year and a period asked, the counts every viewer
    sees alike are read from those the beat counted ahead while they are fresh
    (`figures.listed`; `seen`, if given, is told when). Otherwise, what is counted a day at
    a time in advance is added up; a period ending the day one counted ahead ends reads
    that one's counts of the items that declare `dated`, `until`, `dated_by`,
    `whatever_start` or `now` (`figures.near`), the records of the days between the two first
    days counted now and added or taken off (`_between`; never below none: what was made in
    those days since the count comes off too); a period ending another day reads the latest
    count of those that declare `now` (`figures.latest`); and every count left to make (the
    current day, those days, an item counted live) is made in one statement
    (`bangkok.counting`), whatever the number of items. A count that is zero (most are) reads
    no cases, one that isn't reads its first cases. A count the beat counted whole
    (`counted_alike`) is counted in that statement for a viewer hidden any of its records:
    taking hers off a count made minutes before would take off one made or late since, and a
    count below what she is shown tells her."""
    items = zeros_for(user)
    listed = lists_for(user)
    written = recorded([item.key for item in items], facilities, start, end)
    attempts = refused(facilities, start, end)
    every = [*(("zero", i) for i in items), *(("list", i) for i in listed)]
    alike = [f"{kind}:{item.key}" for kind, item in every if counted_alike(item)]
    counted = figures.listed(alike, facilities, start, end, seen)
    ahead = summaries.ahead([*items, *listed], facilities, start, end) if counted is None else {}
    near = None
    if counted is None:
        nearby = [f"{k}:{i.key}" for k, i in every if _near_by(i) and i.key not in ahead]
        near = figures.near(nearby, facilities, start, end, seen)
        if near is None:
            # None counted ahead ends that day: what holds now, read from the latest count.
            now = [f"{k}:{i.key}" for k, i in every if i.now and f"{k}:{i.key}" in nearby]
            near = figures.latest(now, facilities, start, seen)
    read = counted is not None or near is not None
    hides = hidden_from(user, [item for _kind, item in every]) if read else set()
    added: dict[tuple[str, str], int] = {}
    live, taken = {}, {}
    for kind, item in every:
        if counted is not None and counted_alike(item) and item.hidden not in hides:
            added[(kind, item.key)] = counted[f"{kind}:{item.key}"]
            continue
        if item.key in ahead:
            added[(kind, item.key)], rest = ahead[item.key]
        elif (
            near is not None
            and f"{kind}:{item.key}" in near.counts
            and item.hidden not in hides
            and (_at_end(item) or near.apart < (end - start).days + 1)
        ):
            # A period counted ahead ending the same day, the days between their first days
            # counted now, added or taken off.
            added[(kind, item.key)] = near.counts[f"{kind}:{item.key}"]
            if not _at_end(item) and near.start != start:
                first, last, sign = figures.between(start, near.start)
                days = for_viewer(item, _between(item, facilities, first, last, end), user)
                (live if sign > 0 else taken)[(kind, item.key)] = days
            continue
        else:
            rest = for_viewer(item, counter_of(item)(facilities, start, end), user)
        if rest is not None:
            live[(kind, item.key)] = rest
    found = sizes(
        {
            **{("+", *key): q for key, q in live.items()},
            **{("-", *key): q for key, q in taken.items()},
        }
    )

    def count(kind: str, key: str) -> int:
        made = added.get((kind, key), 0) + found.get(("+", kind, key), 0)
        # Records of the days taken off that counted after the period counted ahead was (a
        # deadline passed since): never below none.
        return max(0, made - found.get(("-", kind, key), 0))

    zeros = []
    for item in items:
        breaches_count, breaches = written[item.key]
        first = []
        if cases and count("zero", item.key):
            first = _first(item, user, facilities, start, end)
        zeros.append(
            {
                "item": item,
                "count": count("zero", item.key) + breaches_count,
                "recorded": breaches_count,
                "refused": attempts.get(item.rule, 0),
                "cases": (breaches + first)[:CASES_SHOWN] if cases else [],
            }
        )
    lists = [{"item": item, "count": count("list", item.key)} for item in listed]
    return zeros, lists


def _near_by(item) -> bool:
    """Whether a period's count of the item may be read from one counted ahead that ends the
    same day (`dated`, `until`, `whatever_start`, `now`), as the beat counts it for every
    viewer alike."""
    return counted_alike(item) and bool(item.dated or item.until or _at_end(item) or item.dated_by)


def _at_end(item) -> bool:
    """Whether what the item counts holds at the period's end whatever its first day
    (`whatever_start`, `now`): read as it was counted, no days between counted."""
    return item.whatever_start or item.now


def _between(item, facilities, first: date, last: date, end: date):
    """The item's records that make the difference between two periods ending on `end` whose
    first days are `first` and the day after `last`: those dated on the days between
    (`dated`), those that held then and ended on one of them (`until`), or those with a
    moment on one of them and none in the shorter period (`dated_by`)."""
    records = counter_of(item)(facilities, first, last)
    model = records.model
    if item.until:
        return records.filter(_within(_day_of(model, item.until), first, last))
    for moment in item.dated_by:
        records = records.exclude(_within(_day_of(model, moment), last + timedelta(days=1), end))
    return records


def _day_of(model, name: str) -> str:
    """The lookup of a field's day: a day's own, a moment's `__date`."""
    return name + (_DAY if isinstance(model._meta.get_field(name), DateTimeField) else "")


def _first(item: MustBeZero, user, facilities, start, end) -> list[Row]:
    found = for_viewer(item, item.cases(facilities, start, end), user)
    return [item.row(case) for case in found.order_by(*item.keyset)[:CASES_SHOWN]]


def first_cases(user, keys: list[str], facilities, start, end) -> dict[str, list[Row]]:
    """The first cases of the counts that must be zero of `keys` in a period, as the overview
    shows them (the breaches staff recorded first, then the records', newest first), for
    those of the keys that are counts `user` has. The overview's page loads them once the
    counts are shown: reading them is most of what the national view costs (a query a count,
    each built, compiled and planned: 4-13 ms)."""
    items = [item for key in dict.fromkeys(keys) if (item := zero_for(user, key)) is not None]
    written = recorded([item.key for item in items], facilities, start, end)
    return {
        item.key: (written[item.key][1] + _first(item, user, facilities, start, end))[:CASES_SHOWN]
        for item in items
    }


# --- Indicators (RULES-SPEC 3; Rules 25.3, 67-70) ---------------------------------------------
#
# An indicator is a figure the inspector follows over time and across facilities: a rate
# (numerator ÷ denominator: admissions screened within 24 hours ÷ admissions), a count
# (restraints of pregnant women), a rate per 100 women a month (strip searches ÷ the days
# women spent in custody) or a median (how long the restraints of pregnant women lasted).
# Each is computed in aggregate, in one query whatever the number of periods and facilities
# asked for, and never reads a woman's or a child's record: the query counts, it loads no one.
# The indicators over one base (the same records, dated the same way: `Fold`) are computed
# in one query together, each figure what it gives alone.

SMALLER = "smaller"  # smaller is better
LARGER = "larger"  # larger is better
MONITOR = "monitor"  # neither: a change is a question to ask
DIRECTIONS = (SMALLER, LARGER, MONITOR)
RATE = "rate"
COUNT = "count"
PER_MONTH = "per-month"  # per 100 women a month: the denominator is the days women were held
MEDIAN = "median"  # the middle of the values (in the indicator's `measure`)
UNITS = (RATE, COUNT, PER_MONTH, MEDIAN)
DAYS_A_MONTH = 365.25 / 12

# Periods are (first day, last day) pairs, both included; `Counts` are what an indicator's
# `counts` gives for them: {(index of the period, facility id): (numerator, denominator)},
# a missing key meaning (0, 0). A count's denominator is 0; a rate per month's is the days
# women spent in custody in the facility over the period. A median's `counts` gives, instead
# of a pair, the values found and how many times each (`Spread`: {value: how many}), so that
# the facilities' values make the total's median.
type Periods = list[tuple[date, date]]
type Spread = dict[int, int]
type Counts = dict[tuple[int, int], tuple[int, int]] | dict[tuple[int, int], Spread]


@dataclass(frozen=True)
class Indicator:
    """One of RULES-SPEC 3's indicators, declared by the area that keeps its data.

    `counts(facilities, periods) -> Counts` computes it for every period and facility at
    once, in one query (`share` and `present` make one from a QuerySet, a `Fold` computed
    together with the others over its base). `cases` names the
    counts that must be zero (`MustBeZero` keys) whose cases lie behind it, `records` a
    `RecordList`: the inspector opens them from the indicator. `target` is a percentage for a
    rate, a number for a count, where the Rules imply one. `measure` is what a median's
    values are in ("km", "minutes")."""

    key: str
    number: str
    title: str
    rules: str
    perm: str
    counts: Callable
    direction: str = LARGER
    target: float | None = None
    unit: str = RATE
    cases: tuple[str, ...] = ()
    records: str = ""
    order: int = 100
    measure: str = ""

    def __post_init__(self):
        if self.direction not in DIRECTIONS or self.unit not in UNITS:
            raise ValueError(f"Indicator {self.key}: direction or unit unknown.")


_INDICATORS: dict[str, Indicator] = {}


def register_indicator(item: Indicator) -> None:
    _INDICATORS[item.key] = item


takes(Indicator, register_indicator)


def _ids(facilities):
    """The facilities' ids, as a subquery for a QuerySet (no query of its own)."""
    if hasattr(facilities, "values"):
        return facilities.values("pk")
    return [getattr(place, "pk", place) for place in facilities]


_DAY = "__date"
_COMPARED = {"gte": from_day, "lte": until_day, "gt": after_day, "lt": before_day}


def _days(lookup: str, op: str, day: date) -> Q:
    """`lookup` `op` `day` ("gte", "lte", "gt", "lt"), `lookup` a date field or a moment's day
    ("admitted_at__date"), which is compared as a range of moments an index serves, with the
    same days (`bangkok.dates`)."""
    if lookup.endswith(_DAY):
        return Q(**_COMPARED[op](lookup.removesuffix(_DAY), day))
    return Q(**{f"{lookup}__{op}": day})


def _still(until: str, day: date) -> Q:
    """Still holding after `day`: `until` (a date or a moment's day, empty while it holds) is
    empty or later."""
    return Q(**{f"{until.removesuffix(_DAY)}__isnull": True}) | _days(until, "gt", day)


def _within(day: str, first: date, last: date) -> Q:
    return _days(day, "gte", first) & _days(day, "lte", last)


@dataclass(frozen=True)
class Fold:
    """An indicator's `counts` as conditions over a base it may share with other indicators
    (`share`, `present`): the indicators over one base are computed in one query together
    (`computed`), each figure what the indicator computed alone gives. `base` is what they
    share: how the periods narrow the records (`kind`: "share" by the day that dates them,
    "present" by the days they held), the records (`records()`, a function the declarations
    share: a manager's `all`, or a function of the area's), their lookups and their
    facility's. `numerator` and `denominator` give the period's conditions, `(first, last) ->
    Q`; `what` is counted once; `count` keeps the denominator alone, as the count.
    `settles`: how long after its day a record's figures no longer change as time passes (a
    function, asked at each computation), for a base of records dated by a day (`share`)
    whose tables mark their days changed: the base is then counted a day at a time in
    advance (`oversight.summaries`) once that long past. None: counted live."""

    base: tuple
    numerator: Callable
    denominator: Callable
    what: str = "pk"
    count: bool = False
    settles: Callable[[], timedelta] | None = None

    def __call__(self, facilities, periods: Periods) -> Counts:
        return _folded([self], facilities, periods)[0]


def _narrowed(base: tuple, periods: Periods) -> Q:
    """The base's records that may count in any of the periods."""
    kind, _records, facility, since, until = base
    if kind == "share":
        return _within(since, min(p[0] for p in periods), max(p[1] for p in periods))
    still = Q() if until is None else _still(until, min(p[1] for p in periods))
    return still & _days(since, "lte", max(p[1] for p in periods))


def _repeats_rows(query) -> bool:
    """Whether a row of the query's base may come out more than once: a join (of its filters
    or of its counts' conditions) to a relation that holds many (a reverse foreign key, a
    many-to-many)."""
    for join in query.alias_map.values():
        field = getattr(join, "join_field", None)
        if field is not None and (field.one_to_many or field.many_to_many):
            return True
    return False


class CountOnce(Count):
    """COUNT(DISTINCT what), written COUNT(what) where that is the same count: `what` is the
    base's primary key and the query joins nothing that holds many (`_repeats_rows`), so each
    row of the base comes out once. PostgreSQL then need not sort every group's rows for each
    such count (the children of the register, 150,000 rows and eight counts: 301 ms to 163)."""

    def as_sql(self, compiler, connection, **extra_context):
        what = self.get_source_expressions()[0]
        once = (
            getattr(what, "alias", None) == compiler.query.base_table
            and getattr(getattr(what, "target", None), "primary_key", False)
            and not _repeats_rows(compiler.query)
        )
        if not (self.distinct and once):
            return super().as_sql(compiler, connection, **extra_context)
        plain = self.copy()
        plain.distinct = False
        return super(CountOnce, plain).as_sql(compiler, connection, **extra_context)


def folded_query(folds: list[Fold], facilities, periods: Periods, **by):
    """The query of `_folded`: the base's records grouped by facility (and by the expressions
    `by`), with two conditional counts (of distinct `what`) an indicator and period,
    `n{fold}_{period}` and `d{fold}_{period}`."""
    kind, records, facility, since, until = folds[0].base
    within = records().filter(
        _narrowed(folds[0].base, periods), **{f"{facility}__in": _ids(facilities)}
    )
    aggregates = {}
    for number, fold in enumerate(folds):
        for index, (first, last) in enumerate(periods):
            for side, condition in (("n", fold.numerator), ("d", fold.denominator)):
                aggregates[f"{side}{number}_{index}"] = CountOnce(
                    fold.what, filter=condition(first, last), distinct=True
                )
    return within.order_by().annotate(**by).values(facility, *by).annotate(**aggregates)


def as_counted(fold: Fold, figures: tuple[int, int]) -> tuple[int, int]:
    """A fold's (numerator, denominator) as its indicator gives them: a count's denominator
    as the count."""
    return (figures[1], 0) if fold.count else figures


def _folded(folds: list[Fold], facilities, periods: Periods) -> list[Counts]:
    """One query for indicators of one base: its records grouped by facility, with two
    conditional counts (of distinct `what`) an indicator and period."""
    if not periods:
        return [{} for _fold in folds]
    facility = folds[0].base[2]
    found: list[dict] = [{} for _fold in folds]
    for group in folded_query(folds, facilities, periods):
        for number, fold in enumerate(folds):
            for index in range(len(periods)):
                figures = (group[f"n{number}_{index}"], group[f"d{number}_{index}"])
                if figures != (0, 0):
                    found[number][(index, group[facility])] = as_counted(fold, figures)
    return found


def share(
    records: Callable,
    day: str,
    numerator: Q,
    *,
    facility: str = "facility",
    what="pk",
    among: Callable | None = None,
    settles: Callable[[], timedelta] | None = None,
) -> Fold:
    """An indicator's `counts` over records dated by `day` (a date lookup, e.g.
    "admitted_at__date"): the denominator those of the period (and, if `among` is given,
    that match `among()`, a Q asked at each computation), the numerator those of them
    matching `numerator`. `records()` is the QuerySet of them all, of every facility; `what`
    is what is counted once (the record, or e.g. the day of a stock-out). Indicators over the
    same `records`, `day` and `facility` are computed together: a condition cheap to test on
    each record is better an `among` over a base shared with others than a base of its
    own. `settles`: as `Fold`'s (the same for every indicator over the base)."""

    def of(first: date, last: date) -> Q:
        return _within(day, first, last) & (among() if among else Q())

    return Fold(
        ("share", records, facility, day, None),
        lambda first, last: of(first, last) & numerator,
        of,
        what,
        settles=settles,
    )


def once_past() -> timedelta:
    """`settles` for records whose figures no longer change once their day is past."""
    return timedelta(0)


def tally(
    records: Callable,
    day: str,
    *,
    facility: str = "facility",
    what="pk",
    among=None,
    settles: Callable[[], timedelta] | None = None,
) -> Fold:
    """A count indicator's `counts`: the records dated by `day` in each period."""
    return counted(
        share(records, day, Q(), facility=facility, what=what, among=among, settles=settles)
    )


def counted(counts: Callable) -> Callable:
    """A count indicator's `counts` from a rate's: its denominator, as the count."""
    if isinstance(counts, Fold):
        return replace(counts, count=True)

    def count(facilities, periods: Periods) -> Counts:
        return {key: (d, 0) for key, (_n, d) in counts(facilities, periods).items()}

    return count


PRESENT = "present"


def present(
    records: Callable,
    since: str,
    until: str | None,
    numerator: Callable,
    *,
    facility: str = "facility",
    among: Callable | None = None,
) -> Fold:
    """An indicator's `counts` over what holds on the last day of each period (a child living
    with her mother, a woman in custody): the denominator the records whose `since` (a date
    lookup) is on or before that day and whose `until` (if any) is empty or after it (and, if
    `among` is given, that match `among(day)`, a Q: the women eligible that day), the
    numerator those of them matching `numerator(day)`, a Q. Indicators over the same
    `records`, `since`, `until` and `facility` are computed together."""

    def on(day: date) -> Q:
        still = Q() if until is None else _still(until, day)
        return _days(since, "lte", day) & still & (among(day) if among else Q())

    return Fold(
        (PRESENT, records, facility, since, until),
        lambda first, last: on(last) & numerator(last),
        lambda first, last: on(last),
    )


def spread(
    records: Callable, day: str, value, *, facility: str = "facility", what: str = "pk"
) -> Callable:
    """A median's `counts`: the values (`value`, an expression giving a whole number, e.g.
    minutes or km; records without one are left out) of the records dated by `day` in each
    period, and how many records had each, by facility, in one query."""

    def counts(facilities, periods: Periods) -> Counts:
        if not periods:
            return {}
        first, last = min(p[0] for p in periods), max(p[1] for p in periods)
        within = records().filter(
            _within(day, first, last), **{f"{facility}__in": _ids(facilities)}
        )
        aggregates = {
            f"c{index}": Count(what, filter=_within(day, s, e), distinct=True)
            for index, (s, e) in enumerate(periods)
        }
        found: dict[tuple[int, int], Spread] = {}
        grouped = within.order_by().annotate(measured=value).filter(measured__isnull=False)
        for group in grouped.values(facility, "measured").annotate(**aggregates):
            for index in range(len(periods)):
                if group[f"c{index}"]:
                    values = found.setdefault((index, group[facility]), {})
                    values[group["measured"]] = group[f"c{index}"]
        return found

    return counts


def _days_held(since: str, until: str, first: date, last: date):
    """The days from `first` to `last` (included) on which a record held: from the day of
    `since` to the day before `until` (a date lookup, empty while it holds)."""
    before_until = Func(F(until), template="(%(expressions)s - 1)", output_field=DateField())
    end = Least(Coalesce(before_until, Value(last)), Value(last))
    days = Func(
        end,
        Greatest(F(since), Value(first)),
        template="(%(expressions)s + 1)",
        arg_joiner=" - ",
        output_field=IntegerField(),
    )
    return Greatest(days, Value(0))


def per_month(
    events: Callable,
    day: str,
    held: Callable,
    since: str,
    until: str,
    *,
    facility: str = "facility",
) -> Callable:
    """A rate per 100 women a month's `counts`: the numerator the `events()` dated by `day`
    in each period (strip searches), the denominator the days the women of `held()` (her
    admissions, each from the day of `since` to the day before `until`, date lookups) spent
    in custody in the facility in it. One query: the two counts grouped by facility, put
    together (`UNION ALL`)."""

    def counts(facilities, periods: Periods) -> Counts:
        if not periods:
            return {}
        first, last = min(p[0] for p in periods), max(p[1] for p in periods)
        ids = {f"{facility}__in": _ids(facilities)}
        happened, days = {}, {}
        for index, (s, e) in enumerate(periods):
            happened[f"n{index}"] = Count("pk", filter=_within(day, s, e))
            happened[f"d{index}"] = Value(0)
            days[f"n{index}"] = Value(0)
            days[f"d{index}"] = Coalesce(Sum(_days_held(since, until, s, e)), 0)
        counted = (
            events().filter(_within(day, first, last), **ids).order_by().values(facility)
        ).annotate(**happened)
        stays = (
            held()
            .filter(_still(until, first), _days(since, "lte", last), **ids)
            .order_by()
            .values(facility)
            .annotate(**days)
        )
        found: dict[tuple[int, int], tuple[int, int]] = {}
        for group in counted.union(stays, all=True).order_by():
            for index in range(len(periods)):
                n, d = found.get((index, group[facility]), (0, 0))
                figures = (n + group[f"n{index}"], d + group[f"d{index}"])
                if figures != (0, 0):
                    found[(index, group[facility])] = figures
        return found

    return counts


def indicators_for(user) -> list[Indicator]:
    return [i for i in sorted(_INDICATORS.values(), key=_by_number) if _may(user, i)]


def indicator_for(user, key: str) -> Indicator | None:
    item = _INDICATORS.get(key)
    return item if item is not None and _may(user, item) else None


def _by_number(item: Indicator) -> tuple:
    number = "".join(c for c in item.number if c.isdigit())
    return (int(number) if number else 999, item.number, item.order, item.key)


def small_cell() -> int:
    from django.conf import settings

    return settings.SMALL_CELL


def median(values: Spread) -> float | None:
    """The middle of the values (the mean of the two middle ones for an even number)."""
    count = sum(values.values())
    if not count:
        return None
    middle, seen, found = ((count - 1) // 2, count // 2), 0, []
    for value, times in sorted(values.items()):
        found += [value for position in middle if seen <= position < seen + times]
        seen += times
    return round(sum(found) / 2, 1)


def _sizes(item: Indicator, found) -> tuple[int, int]:
    """(numerator, denominator) of a figure; a median's (0, how many values)."""
    if item.unit == MEDIAN:
        return 0, sum(found.values())
    return found


def figure(item: Indicator, found, *, hidden: bool = False) -> dict:
    """What is shown of an indicator for one period and facility set, from its (numerator,
    denominator), or a median's values: a rate whose denominator is fewer than k women (k
    is `SMALL_CELL`), or a median of fewer than k values, is suppressed (numerator,
    denominator and rate None); a count whose target is zero never is (its cases are shown
    one by one to the inspector), another count from 1 to k-1 is, and so is a rate per month
    of 1 to k-1 events or of fewer than k women held over a month."""
    k = small_cell()
    numerator, denominator = _sizes(item, found)
    extra = {}
    if item.unit == RATE:
        hidden = hidden or 0 < denominator < k
        value = rate(numerator, denominator)
    elif item.unit == PER_MONTH:
        hidden = hidden or 0 < numerator < k or 0 < denominator < k * DAYS_A_MONTH
        value = round(100 * DAYS_A_MONTH * numerator / denominator, 1) if denominator else None
    elif item.unit == MEDIAN:
        hidden = hidden or 0 < denominator < k
        value = None
        extra = {"median": None if hidden else median(found)}
    else:
        hidden = hidden or (item.target != 0 and 0 < numerator < k)
        value = None
    if hidden:
        return {"numerator": None, "denominator": None, "rate": None, "suppressed": True, **extra}
    return {
        "numerator": None if item.unit == MEDIAN else numerator,
        "denominator": None if item.unit == COUNT else denominator,
        "rate": value,
        "suppressed": False,
        **extra,
    }


def written(figure: dict, unit: str, measure: str = "") -> str:
    """A figure as the pages and files write it: "42.5 % (17 of 40)", "fewer than 5", "3",
    "1.2 per 100 women a month (7 in 17650 days women were held)", "45 minutes (the median of
    12)"
    (what another area shows of the figures it keeps, such as an inspection's frozen ones)."""
    if figure["suppressed"]:
        return gettext("fewer than %(k)s") % {"k": small_cell()}
    if unit == COUNT:
        return number_format(figure["numerator"])
    if not figure["denominator"]:
        return gettext("none in the period")
    if unit == MEDIAN:
        return gettext("%(median)s %(measure)s (the median of %(count)s)") % {
            "median": number_format(figure["median"], 1 if figure["median"] % 1 else 0),
            "measure": measure,
            "count": number_format(figure["denominator"]),
        }
    if unit == PER_MONTH:
        return gettext(
            "%(rate)s per 100 women a month (%(numerator)s in %(days)s days women were held)"
        ) % {
            "rate": number_format(figure["rate"], 1),
            "numerator": number_format(figure["numerator"]),
            "days": number_format(figure["denominator"]),
        }
    return gettext("%(rate)s %% (%(numerator)s of %(denominator)s)") % {
        "rate": number_format(figure["rate"], 1),
        "numerator": number_format(figure["numerator"]),
        "denominator": number_format(figure["denominator"]),
    }


def described(item: Indicator) -> dict:
    return {
        "key": item.key,
        "number": item.number,
        "title": str(item.title),
        "rules": item.rules,
        "unit": item.unit,
        "measure": str(item.measure),
        "direction": item.direction,
        "target": item.target,
        "cases": list(item.cases),
        "records": item.records,
    }


def _total(item: Indicator, found: Counts, index: int):
    """The facilities' figures of period `index` together: a pair summed, or a median's
    values put together."""
    if item.unit == MEDIAN:
        values: Spread = {}
        for (i, _facility), spread_of in found.items():
            if i == index:
                for value, times in spread_of.items():
                    values[value] = values.get(value, 0) + times
        return values
    n = d = 0
    for (i, _facility), (numerator, denominator) in found.items():
        if i == index:
            n, d = n + numerator, d + denominator
    return n, d


def _empty(item: Indicator):
    return {} if item.unit == MEDIAN else (0, 0)


def every_indicator() -> list[Indicator]:
    return list(_INDICATORS.values())


def computed(
    user, facilities, periods: Periods, key=None, seen: dict | None = None
) -> list[tuple[Indicator, Counts]]:
    """Every indicator `user` may see (or only `key`), computed for `periods`: of a period the
    beat counted ahead, read from its count while fresh; of any other, the indicators over
    what holds on its last day (`present`: nothing else of the period counts) read from a
    period counted ahead that ends that day (the days since a visit, to today), the rest
    counted live (`counted_live`, each base's query over the periods it is counted for).
    One query reads them all (`figures.counted_each`; `seen`, if given, is told when the
    oldest count read was made)."""
    items = [i for i in indicators_for(user) if key is None or i.key == key]
    over_last_day = {
        i.key for i in items if isinstance(i.counts, Fold) and i.counts.base[0] == PRESENT
    }
    present = [i for i in items if i.key in over_last_day]
    rest = [i for i in items if i.key not in over_last_day]
    found, how = figures.counted_each(
        [item.key for item in items], [i.key for i in present], facilities, periods, seen
    )
    # The periods counted now: of those not read, every indicator; of those read in part
    # (what holds on their last day), the others.
    for these, chosen in (
        (rest, [index for index, read in enumerate(how) if not read]),
        (present, [index for index, read in enumerate(how) if read is None]),
    ):
        if chosen and these:
            counted = counted_live(these, facilities, [periods[index] for index in chosen])
            for name, values in counted.items():
                found[name].update(((chosen[i], p), value) for (i, p), value in values.items())
    return [(item, found[item.key]) for item in items]


def counted_live(items: list[Indicator], facilities, periods: Periods) -> dict[str, Counts]:
    """{key: its counts} for the indicators `items`, counted now: one query for the
    indicators over each base (`Fold`), and one for each other, whatever the periods and
    facilities. The bases counted a day at a time in advance are added up from their daily
    counts, with what is left of the periods counted live (`summaries.folded_ahead`)."""
    bases: dict[tuple, list[Indicator]] = {}
    for item in items:
        if isinstance(item.counts, Fold):
            bases.setdefault(item.counts.base, []).append(item)
    found: dict[str, Counts] = summaries.folded_ahead(
        [together for together in bases.values() if summaries.settling(together)],
        facilities,
        periods,
    )
    for together in bases.values():
        if together[0].key not in found:
            answers = _folded([item.counts for item in together], facilities, periods)
            found.update(zip((item.key for item in together), answers, strict=True))
    for item in items:
        if item.key not in found:
            found[item.key] = item.counts(facilities, periods)
    return found


def indicators(user, facilities, start: date, end: date, seen: dict | None = None) -> list[dict]:
    """The indicators `user` oversees for `facilities` from `start` to `end` (both included),
    in aggregate: the stable shape other parts of the system read (an inspection freezes
    them at its visit, statistics export them). Each is a dict:

    - `key`, `number` (in RULES-SPEC 3), `title`, `rules`;
    - `unit`: "rate" (numerator ÷ denominator, `rate` per 100), "count" (`numerator`;
      `denominator` and `rate` None), "per-month" (`rate` per 100 women a month: the
      numerator ÷ the denominator, days women were held, × 100 × the days of a month) or
      "median" (`median` of the `denominator` values, in `measure`; `numerator` and `rate`
      None);
    - `numerator`, `denominator`, `rate`, or all three None when `suppressed` (a denominator
      of fewer than `SMALL_CELL` women, or a count from 1 to k-1 whose target isn't zero);
    - `direction`: "smaller", "larger" or "monitor"; `target` (a percentage for a rate, a
      number for a count) or None where the Rules imply none;
    - `cases` (keys of the counts that must be zero behind it) and `records` (a list key).
    """
    return [
        {**described(item), **figure(item, _total(item, found, 0))}
        for item, found in computed(user, facilities, [(start, end)], seen=seen)
    ]


def previous_period(start: date, end: date) -> tuple[date, date]:
    """The period of the same length just before."""
    length = end - start
    last = start - timedelta(days=1)
    return last - length, last


def compared(
    user, facilities, start: date, end: date, key=None, seen: dict | None = None
) -> list[dict]:
    """Each indicator for the period and the period of the same length just before (as
    `computed`): `previous` has the figures of the earlier period, `change` the rate's (or
    the count's) difference, None where either side is hidden or empty."""
    before = previous_period(start, end)
    return [
        _compared(item, found, before)
        for item, found in computed(user, facilities, [(start, end), before], key, seen)
    ]


def _compared(item: Indicator, found: Counts, before: tuple[date, date]) -> dict:
    """An indicator's row of `compared` from its counts (the period's at 0, the one before's
    at 1)."""
    now, then = figure(item, _total(item, found, 0)), figure(item, _total(item, found, 1))
    key = {COUNT: "numerator", MEDIAN: "median"}.get(item.unit, "rate")
    change = None
    if now[key] is not None and then[key] is not None:
        change = round(now[key] - then[key], 1)
    return {
        **described(item),
        **now,
        "previous": {"start": before[0], "end": before[1], **then},
        "change": change,
        "better": _better(item, change),
    }


def _better(item: Indicator, change) -> bool | None:
    """Whether the change is for the better (None: no change, or nothing to judge by)."""
    if not change or item.direction == MONITOR:
        return None
    return (change > 0) == (item.direction == LARGER)


def months(end: date, count: int = 12) -> Periods:
    """The `count` calendar months up to the one `end` is in, the last ending on `end`."""
    periods: Periods = []
    year, month = end.year, end.month
    for _i in range(count):
        first = date(year, month, 1)
        following = date(year + month // 12, month % 12 + 1, 1)
        periods.append((first, min(end, following - timedelta(days=1))))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return periods[::-1]


def trend(
    user, facilities, end: date, key: str | None = None, seen: dict | None = None
) -> list[dict]:
    """Month by month for the 12 months up to `end`: each indicator (or only `key`) with a
    figure a month, oldest first (as `computed`, whatever the months)."""
    periods = months(end)
    return [
        _trend(item, found, periods)
        for item, found in computed(user, facilities, periods, key, seen)
    ]


def _trend(item: Indicator, found: Counts, periods: Periods, first: int = 0) -> dict:
    """An indicator's row of `trend` from its counts (the months' from index `first`)."""
    return {
        **described(item),
        "months": [
            {"start": start, "end": end, **figure(item, _total(item, found, first + index))}
            for index, (start, end) in enumerate(periods)
        ],
    }


def by_facility(
    user, facilities, start: date, end: date, key=None, seen: dict | None = None
) -> tuple[list, list[dict]]:
    """Each indicator side by side for each of `facilities` and in total (as `computed`,
    whatever the facilities): (the facilities, rows with `facilities`, a figure each in that
    order, and `total`). A facility's rate is hidden when its denominator is fewer than k
    women, and then, since the total is shown beside it, the smallest other facility's too
    (complementary suppression, `bangkok.suppression`)."""
    places = list(facilities)
    found = computed(user, facilities, [(start, end)], key, seen)
    return places, [_by_facility(item, counts, places) for item, counts in found]


def _by_facility(item: Indicator, found: Counts, places: list) -> dict:
    """An indicator's row of `by_facility` from its counts (the period's at 0)."""
    k = small_cell()
    each = {place.pk: found.get((0, place.pk), _empty(item)) for place in places}
    sizes = {str(pk): _sizes(item, of) for pk, of in each.items()}
    # What the total would give a hidden facility away by: the women (or values) a rate
    # (a median) is of, the events of a count or a rate per month.
    base = {pk: (d if item.unit in (RATE, MEDIAN) else n) for pk, (n, d) in sizes.items()}
    # A rate per month is also hidden where fewer than k women were held over a month.
    few = {pk for pk, (_n, d) in sizes.items() if 0 < d < k * DAYS_A_MONTH}
    small = few if item.unit == PER_MONTH else set()
    protects = item.unit != COUNT or item.target != 0
    total = figure(item, _total(item, found, 0))
    if not protects:
        hidden = set()
    elif total["suppressed"] or len(places) == 1:
        # No total to read a hidden facility back from: only the small ones are hidden.
        hidden = small | {key for key, value in base.items() if 0 < value < k}
    else:
        hidden = suppressed(base, small, k)
    return {
        **described(item),
        "facilities": [
            figure(item, each[place.pk], hidden=str(place.pk) in hidden) for place in places
        ],
        "total": total,
    }


def one(
    user, facilities, start: date, end: date, key: str, seen: dict | None = None
) -> tuple[dict, dict, list, dict]:
    """The indicator `key` as its page shows it, in one query: its row of `compared`, of
    `trend` (the 12 months to `end`), and of `by_facility` with the facilities."""
    before, periods = previous_period(start, end), months(end)
    places = list(facilities)
    ((item, found),) = computed(user, facilities, [(start, end), before, *periods], key, seen)
    return (
        _compared(item, found, before),
        _trend(item, found, periods, first=2),
        places,
        _by_facility(item, found, places),
    )
