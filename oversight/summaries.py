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
"""

from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Min, QuerySet, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from bangkok.counting import sizes

from .models import DailyCount, StaleDay, SummarisedDay


def _facilities():
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


def refresh(first: date, last: date) -> int:
    """Count every summarised item for every facility on each day from `first` to `last`
    (both included; never the current day or later, which are counted live), one query an
    item, in one transaction. The days' `StaleDay` rows are read first and deleted last: a
    change committed after the read keeps its row, and its day stays counted live. Returns
    the number of days counted."""
    last = min(last, timezone.localdate() - timedelta(days=1))
    if first > last:
        return 0
    everywhere = _facilities()
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
        StaleDay.objects.filter(pk__in=seen).delete()
    return len(_days(first, last))


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
    keys = [i.key for i in _items()]
    complete = set(
        SummarisedDay.objects.filter(
            key__in=keys, day__range=(first, last), computed_at__isnull=False
        )
        .values("day")
        .annotate(items=Count("key"))
        .filter(items=len(keys))
        .values_list("day", flat=True)
    )
    changed = set(StaleDay.objects.filter(day__range=(first, last)).values_list("day", flat=True))
    due = [day for day in _days(first, last) if day not in complete or day in changed]
    return sum(refresh(start, end) for start, end in _runs(due))


def counts(items: list, facilities, start: date, end: date) -> dict[str, int]:
    """{key: its count in the period} for the summarised `items` whose past days in the
    period are all counted (`ahead`), what is left counted live in one statement."""
    found = ahead(items, facilities, start, end)
    live = sizes({key: rest for key, (_added, rest) in found.items() if rest is not None})
    return {key: added + live.get(key, 0) for key, (added, _rest) in found.items()}


def ahead(
    items: list, facilities, start: date, end: date
) -> dict[str, tuple[int, QuerySet | None]]:
    """{key: (the sum of its counted days, its records still to count live, or None)} for the
    summarised `items` whose past days in the period are all counted: the days before the
    first one changed since are added up from the daily counts (one query for all of them),
    that day and the rest of the period (the current day at least) are left to count live.
    An item not in the answer, or whose period starts with a changed day, is to be counted
    live. Three queries, whatever the items, the period and the facilities."""
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
    sums = dict(
        DailyCount.objects.filter(
            key__in=ready,
            day__range=(start, live_from - timedelta(days=1)),
            facility__in=facilities,
        )
        .values("key")
        .annotate(total=Sum("count"))
        .values_list("key", "total")
    )
    return {
        item.key: (
            sums.get(item.key) or 0,
            records_of(item)(facilities, live_from, end) if end >= live_from else None,
        )
        for item in items
        if item.key in ready
    }
