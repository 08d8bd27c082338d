"""Daily counts of oversight's lists and counts that must be zero, so a period of a year
across every facility is added up rather than counted again (QUALITY.md P3).

An item that declares `day` (the moment that dates its records, a field of the records'
model) and `facility` (the records' facility) is summarised: the records of a period are
those dated in it, so its count is the sum of its days'. The beat (and `manage.py
oversight_summaries`) counts every facility's past days with the item's own query grouped by
facility and day, in the project's time zone as the pages count days; running it again
writes the same counts (rows are updated in place, never deleted). An item another viewer
sees differently (`viewer_filter`) is never summarised.

A day whose records changed since it was counted is known to the database itself: triggers
on every table a count reads (the records', and what decides whether a record counts: a
search's staff, a searcher's training) write a `StaleDay` for every insert, update and
delete, whoever makes it, so a late record, a correction in the admin, a bulk update or a
training withdrawn all reach the counts. A page adds up the counted days of a period before
the first changed one, and counts the rest live (the current day always); the beat counts the
changed days again, deleting only the `StaleDay` rows it read before counting, so a change
made while it counts keeps its day live.

The indicators over a base of records dated by a day (`registry.share`) whose folds say how
long after its day a record's figures settle (`settles`) are counted the same way: per
facility and day, each indicator's numerator and denominator (keys "<indicator>:n" and
"<indicator>:d"), with the base's own query grouped by day as well, for the days that long
past; a period's figures are the sums of its counted days before the first one changed since
(or not yet settled), and the rest of it counted live (`folded_ahead`).

The one writer of the daily counts (`refresh`) adds the months of the days it counted up
again (`MonthlyCount`, once for every key, in the same transaction), so a sum over a period
reads its whole months a row a month and only the days around them a row a day (`summed`).
"""

import functools
import operator
from datetime import date, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Case, Count, F, IntegerField, Min, Q, QuerySet, Sum, When
from django.db.models.functions import TruncDate
from django.utils import timezone

from bangkok.counting import sizes

from .models import DailyCount, MonthlyCount, StaleDay, SummarisedDay


def every_facility():
    """Every facility (the model the counts point at: the registry imports no app)."""
    return DailyCount._meta.get_field("facility").related_model.objects.all()


def summarised(item) -> bool:
    return bool(getattr(item, "day", "")) and item.viewer_filter is None


def records_of(item):
    """(facilities, start, end) -> the item's records (a list's) or cases (a count's)."""
    return getattr(item, "records", None) or item.cases


def _items() -> list:
    from . import registry

    return [i for i in [*registry._LISTS.values(), *registry._ZEROS.values()] if summarised(i)]


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def settling(together: list) -> bool:
    """Whether the indicators over one base (each's `counts` a `registry.Fold` of it) are
    counted a day at a time in advance: records dated by one day (`share`), each counted once,
    and every indicator saying when its figures settle."""
    folds = [item.counts for item in together]
    return folds[0].base[0] == "share" and all(
        fold.settles is not None and fold.what == "pk" for fold in folds
    )


def _bases() -> list[list]:
    """The indicators over each base counted in advance, a list a base."""
    from . import registry

    bases: dict[tuple, list] = {}
    for item in sorted(registry._INDICATORS.values(), key=lambda i: i.key):
        if isinstance(item.counts, registry.Fold):
            bases.setdefault(item.counts.base, []).append(item)
    return [together for together in bases.values() if settling(together)]


def sides(item) -> tuple[str, str]:
    """The daily counts' keys of an indicator's numerator and denominator."""
    return f"{item.key}:n", f"{item.key}:d"


def settled_until(together: list, today: date | None = None) -> date:
    """The last day whose records' figures no longer change as time passes, for the
    indicators over one base: the day before the one their longest `settles` ago."""
    today = today or timezone.localdate()
    wait = max(item.counts.settles() for item in together)
    return min(today, timezone.localdate(timezone.now() - wait)) - timedelta(days=1)


def by_day(together: list, facilities, first: date, last: date):
    """The base's query (`registry.folded_query`) over `first` to `last`, by facility and day."""
    from . import registry

    day = together[0].counts.base[3]
    on = TruncDate(day.removesuffix("__date")) if day.endswith("__date") else F(day)
    folds = [item.counts for item in together]
    return registry.folded_query(folds, facilities, [(first, last)], on=on)


def refresh(first: date, last: date) -> int:
    """Count every summarised item for every facility on each day from `first` to `last`
    (both included; never the current day or later, which are counted live), one query an
    item, in one transaction. The days' `StaleDay` rows are read first and deleted last: a
    change committed after the read keeps its row, and its day stays counted live. Returns
    the number of days counted."""
    last = min(last, timezone.localdate() - timedelta(days=1))
    if first > last:
        return 0
    everywhere = every_facility()
    with transaction.atomic():
        seen = list(StaleDay.objects.filter(day__range=(first, last)).values_list("pk", flat=True))
        for item in _items():
            found = (
                records_of(item)(everywhere, first, last)
                .order_by()
                .annotate(on=TruncDate(item.day))
                .values(item.facility, "on")
                .annotate(n=Count("pk"))
            )
            counted = {(row[item.facility], row["on"]): row["n"] for row in found}
            _write(item.key, first, last, counted)
        for together in _bases():
            _refresh_base(together, everywhere, first, min(last, settled_until(together)))
        with connection.cursor() as cursor:
            cursor.execute(_MONTHS_ADDED_UP, [_month(first), _next_month(last)])
        StaleDay.objects.filter(pk__in=seen).delete()
    return len(_days(first, last))


def _refresh_base(together: list, everywhere, first: date, last: date) -> None:
    """The numerator and denominator of each indicator over one base, per facility and day."""
    if first > last:
        return
    facility = together[0].counts.base[2]
    counted: dict[str, dict] = {key: {} for item in together for key in sides(item)}
    for group in by_day(together, everywhere, first, last):
        for number, item in enumerate(together):
            for side, key in zip("nd", sides(item), strict=True):
                if group[f"{side}{number}_0"]:
                    counted[key][(group[facility], group["on"])] = group[f"{side}{number}_0"]
    for key, found in counted.items():
        _write(key, first, last, found)


def _write(key: str, first: date, last: date, counted: dict) -> None:
    now = timezone.now()
    # A day whose count has gone to nothing keeps its row, at zero (rows are never deleted).
    emptied = DailyCount.objects.filter(key=key, day__range=(first, last)).exclude(count=0)
    for facility, day in emptied.values_list("facility_id", "day"):
        counted.setdefault((facility, day), 0)
    DailyCount.objects.bulk_create(
        [
            DailyCount(facility_id=facility, day=day, key=key, count=n)
            for (facility, day), n in counted.items()
        ],
        update_conflicts=True,
        unique_fields=["key", "day", "facility"],
        update_fields=["count"],
        batch_size=5000,
    )
    SummarisedDay.objects.bulk_create(
        [SummarisedDay(day=day, key=key, computed_at=now) for day in _days(first, last)],
        update_conflicts=True,
        unique_fields=["key", "day"],
        update_fields=["computed_at"],
        batch_size=5000,
    )


# The months of the days counted added up again from their daily counts (every day of each),
# every key at once.
_MONTHS_ADDED_UP = """
INSERT INTO oversight_monthlycount (key, month, facility_id, count)
SELECT key, date_trunc('month', day)::date, facility_id, SUM(count)
FROM oversight_dailycount WHERE day >= %s AND day < %s GROUP BY 1, 2, 3
ON CONFLICT (key, month, facility_id) DO UPDATE SET count = EXCLUDED.count
"""


def _month(day: date) -> date:
    return day.replace(day=1)


def _next_month(day: date) -> date:
    return _month(_month(day) + timedelta(days=32))


type Span = tuple[date, date]


def whole_months(first: date, last: date) -> tuple[Span | None, list[Span]]:
    """The days from `first` to `last` (both included) as the whole months among them (the
    first days of the first and of the last such month, or None) and the days outside them
    (a span before, a span after, or neither)."""
    start = first if first.day == 1 else _next_month(first)
    end = _month(last + timedelta(days=1)) - timedelta(days=1)  # the last whole month's end
    if start > end:
        return None, [(first, last)]
    around = [(first, start - timedelta(days=1))] if first < start else []
    return (start, _month(end)), around + ([(end + timedelta(days=1), last)] if end < last else [])


def _any(conditions) -> Q:
    """Any of the `conditions`; none given, no row (a sum over nothing)."""
    given = list(conditions)
    return functools.reduce(operator.or_, given) if given else Q(pk__lt=0)


def _end_of_month(day: date) -> date:
    return _next_month(day) - timedelta(days=1)


def _length(spans: list[Span]) -> int:
    return sum((last - first).days + 1 for first, last in spans)


def read_as(first: date, last: date) -> tuple[Span | None, list[Span], list[Span]]:
    """The days from `first` to `last` (both included) as the fewest daily counts to read: the
    months whose sums to read (the first days of the first and the last, or None), the days to
    add to them and the days to take from them. A month the span covers only in part is read
    whole, less the days of it outside the span, when those are fewer than the days inside
    (the first week of a month is added, its last three weeks are its month less its first
    week): a month's count is the sum of its days' counts, as its one writer keeps it."""
    whole, around = whole_months(first, last)
    added: list[Span] = []
    for a, b in around:  # a span a month: two months with no whole one between are two
        while _month(a) != _month(b):
            added.append((a, _end_of_month(a)))
            a = _next_month(a)
        added.append((a, b))
    taken: list[Span] = []
    for inside in list(added):
        month = _month(inside[0])
        outside = [
            span
            for span in (
                (month, inside[0] - timedelta(days=1)),
                (inside[1] + timedelta(days=1), _end_of_month(month)),
            )
            if span[0] <= span[1]
        ]
        if _length(outside) < _length([inside]):
            added.remove(inside)
            taken += outside
            whole = (min(whole[0], month), max(whole[1], month)) if whole else (month, month)
    return whole, added, taken


def summed(keys, facilities, spans: dict[str, Span], by: tuple[str, ...]):
    """{the values of `by` ("key", "facility"): {name: the sum of the daily counts of `keys`
    over the days of `spans[name]`}} for the `facilities`: each span's months read from the
    monthly counts, the days added to them and taken from them (`read_as`) from the daily
    counts, in one query."""
    if not spans:
        return {}
    days, months, every_day, every_month = {}, {}, [], []
    for name, (first, last) in spans.items():
        whole, added, taken = read_as(first, last)
        less = _any(Q(day__range=span) for span in taken)
        days[name] = Sum(
            Case(When(less, then=-F("count")), default=F("count"), output_field=IntegerField()),
            filter=_any(Q(day__range=span) for span in added + taken),
        )
        months[name] = Sum("count", filter=_any([Q(month__range=whole)] if whole else []))
        every_day += added + taken
        every_month += [whole] if whole else []
    daily = DailyCount.objects.filter(_any(Q(day__range=s) for s in sorted(set(every_day))))
    monthly = MonthlyCount.objects.filter(_any(Q(month__range=s) for s in sorted(set(every_month))))
    found: dict[tuple, dict[str, int]] = {}
    for row in (
        daily.filter(key__in=keys, facility__in=facilities).values(*by).annotate(**days)
    ).union(
        monthly.filter(key__in=keys, facility__in=facilities).values(*by).annotate(**months),
        all=True,
    ):
        sums = found.setdefault(tuple(row[column] for column in by), dict.fromkeys(spans, 0))
        for name in spans:
            sums[name] += row[name] or 0
    return found


def _runs(days: list[date], apart: int = 7) -> list[tuple[date, date]]:
    """Sorted `days` as (first, last) spans, days fewer than `apart` apart in one span."""
    spans: list[tuple[date, date]] = []
    for day in days:
        if spans and (day - spans[-1][1]).days < apart:
            spans[-1] = (spans[-1][0], day)
        else:
            spans.append((day, day))
    return spans


def refresh_due(today: date | None = None) -> int:
    """The beat's run: every day of the last `OVERSIGHT_SUMMARY_DAYS` before today that some
    item has not counted, or whose records changed since, is counted again (a span of days
    at a time, each in its own transaction). Nothing to do, nothing written. Returns the
    number of days counted."""
    today = today or timezone.localdate()
    first = today - timedelta(days=settings.OVERSIGHT_SUMMARY_DAYS)
    last = today - timedelta(days=1)
    # Each key's last day to count: yesterday, or the last day settled of an indicator's.
    lasts = {i.key: last for i in _items()}
    for together in _bases():
        until = settled_until(together, today)
        lasts.update({key: until for item in together for key in sides(item)})
    counted = dict(
        SummarisedDay.objects.filter(
            key__in=list(lasts), day__range=(first, last), computed_at__isnull=False
        )
        .values("day")
        .annotate(items=Count("key"))
        .values_list("day", "items")
    )
    changed = set(StaleDay.objects.filter(day__range=(first, last)).values_list("day", flat=True))
    due = [
        day
        for day in _days(first, last)
        if counted.get(day, 0) < len([key for key, until in lasts.items() if day <= until])
        or day in changed
    ]
    return sum(refresh(start, end) for start, end in _runs(due))


def counts(items: list, facilities, start: date, end: date) -> dict[str, int]:
    """{key: its count in the period} for the summarised `items` whose past days in the
    period are all counted (`ahead`), what is left counted live in one statement."""
    found = ahead(items, facilities, start, end)
    live = sizes({key: rest for key, (_added, rest) in found.items() if rest is not None})
    return {key: added + live.get(key, 0) for key, (added, _rest) in found.items()}


def ahead(
    items: list, facilities, start: date, end: date, *, by_facility: bool = False
) -> dict[str, tuple[int | dict, QuerySet | None]]:
    """{key: (the sum of its counted days, its records still to count live, or None)} for the
    summarised `items` whose past days in the period are all counted: the days before the
    first one changed since are added up from the daily counts (one query for all of them),
    that day and the rest of the period (the current day at least) are left to count live.
    An item not in the answer, or whose period starts with a changed day, is to be counted
    live. Three queries, whatever the items, the period and the facilities. `by_facility`:
    each sum is {facility id: its sum} instead."""
    items = [i for i in items if summarised(i)]
    today = timezone.localdate()
    last_past = min(end, today - timedelta(days=1))
    if not items or start > last_past:
        return {}
    wanted = len(_days(start, last_past))
    complete = (
        SummarisedDay.objects.filter(
            key__in=[i.key for i in items],
            day__range=(start, last_past),
            computed_at__isnull=False,
        )
        .values("key")
        .annotate(days=Count("day"))
        .filter(days=wanted)
        .values_list("key", flat=True)
    )
    ready = set(complete)
    changed = StaleDay.objects.filter(day__range=(start, last_past)).aggregate(first=Min("day"))
    live_from = changed["first"] or last_past + timedelta(days=1)
    if not ready or live_from == start:
        return {}
    by = ("key", "facility") if by_facility else ("key",)
    added = summed(ready, facilities, {"total": (start, live_from - timedelta(days=1))}, by)
    sums: dict = {}
    for (key, *facility), found in added.items():
        if by_facility:
            sums.setdefault(key, {})[facility[0]] = found["total"]
        else:
            sums[key] = found["total"]
    return {
        item.key: (
            sums.get(item.key) or ({} if by_facility else 0),
            records_of(item)(facilities, live_from, end) if end >= live_from else None,
        )
        for item in items
        if item.key in ready
    }


def folded_ahead(bases: list[list], facilities, periods) -> dict[str, dict]:
    """{indicator key: its `registry.Counts`} for the indicators over each base of `bases`
    (each counted in advance, `settling`) and the `periods`: of each period, the days counted
    before the first one changed since (or not settled yet) are added up from the daily
    counts, and the rest (the current day at least) counted live with the base's query. A
    period whose counted days aren't all there is counted live whole. Three queries, and one a
    base, whatever the periods and the facilities."""
    from . import registry

    if not bases or not periods:
        return {}
    span = (min(p[0] for p in periods), max(p[1] for p in periods))
    changed = sorted(set(StaleDay.objects.filter(day__range=span).values_list("day", flat=True)))
    # Each base's days counted ahead in each period (None: none), first to last.
    ranges: dict[tuple[int, int], tuple[date, date] | None] = {}
    for b, together in enumerate(bases):
        until = settled_until(together)
        for index, (start, end) in enumerate(periods):
            last = min(end, until, *(d - timedelta(days=1) for d in changed if start <= d <= end))
            ranges[(b, index)] = (start, last) if start <= last else None
    wanted = sorted({r for r in ranges.values() if r is not None})
    keys = [key for together in bases for item in together for key in sides(item)]
    complete: dict[str, dict] = {}
    sums: dict[str, dict[int, dict]] = {}  # key -> facility -> its sums
    if wanted:
        each = {f"r{j}": Count("day", filter=Q(day__range=r)) for j, r in enumerate(wanted)}
        complete = {
            row["key"]: row
            for row in SummarisedDay.objects.filter(
                key__in=keys, day__range=span, computed_at__isnull=False
            )
            .values("key")
            .annotate(**each)
        }
        spans = {f"r{j}": r for j, r in enumerate(wanted)}
        added = summed(keys, registry._ids(facilities), spans, ("key", "facility"))
        for (key, place), found in added.items():
            sums.setdefault(key, {})[place] = found
    found: dict[str, dict] = {}
    for b, together in enumerate(bases):
        ahead = _counted_ahead(together, ranges, b, len(periods), wanted, complete)
        rest = []  # (period index, what of it is left to count live)
        for index, (start, end) in enumerate(periods):
            if index not in ahead:
                rest.append((index, (start, end)))
            elif ranges[(b, index)][1] < end:
                rest.append((index, (ranges[(b, index)][1] + timedelta(days=1), end)))
        live = registry._folded(
            [item.counts for item in together], facilities, [period for _i, period in rest]
        )
        for number, item in enumerate(together):
            numerator, denominator = sides(item)
            counts: dict = {}
            of_n, of_d = sums.get(numerator, {}), sums.get(denominator, {})
            for place in of_n.keys() | of_d.keys():
                n, d = of_n.get(place, {}), of_d.get(place, {})
                for index, j in ahead.items():
                    pair = (n.get(j) or 0, d.get(j) or 0)
                    counts[(index, place)] = registry.as_counted(item.counts, pair)
            for (position, place), (n_live, d_live) in live[number].items():
                index = rest[position][0]
                was = counts.get((index, place), (0, 0))
                counts[(index, place)] = (was[0] + n_live, was[1] + d_live)
            found[item.key] = {key: pair for key, pair in counts.items() if pair != (0, 0)}
    return found


def _counted_ahead(together, ranges, b, periods: int, wanted, complete) -> dict[int, str]:
    """{period index: the annotation of its days counted ahead} for the periods whose days
    to add up are all counted for every indicator of base `b`."""
    ahead = {}
    for index in range(periods):
        r = ranges[(b, index)]
        if r is None:
            continue
        j, days = f"r{wanted.index(r)}", (r[1] - r[0]).days + 1
        keys = [key for item in together for key in sides(item)]
        if all(complete.get(key, {}).get(j) == days for key in keys):
            ahead[index] = j
    return ahead
