"""Daily counts of oversight's lists and counts that must be zero, so a period of a year
across every facility is added up rather than counted again (QUALITY.md P3).

An item that declares `day` (the moment that dates its records, a field of the records'
model) and `facility` (the records' facility) is summarised: the records of a period are
those dated in it, so its count is the sum of its days'. The beat (and `manage.py
oversight_summaries`) counts every facility's past days with the item's own query grouped by
facility and day, in the project's time zone as the pages count days; running it again
writes the same counts (rows are updated in place, never deleted). A page counts a period
from the summaries only where every past day of it is summarised and fresh; the current day,
and any day not summarised or changed since (a record of the day saved again), is counted
live. An item another viewer sees differently (`viewer_filter`) is never summarised.
"""

from collections.abc import Iterable
from datetime import date, timedelta
from functools import cache

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from .models import DailyCount, SummarisedDay


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


def refresh(first: date, last: date, items: Iterable | None = None) -> int:
    """Count every summarised item (or `items`) for every facility on each day from `first`
    to `last` (both included; never the current day or later, which are counted live), one
    query an item. Returns the number of days counted."""
    last = min(last, timezone.localdate() - timedelta(days=1))
    if first > last:
        return 0
    chosen = list(_items() if items is None else items)
    everywhere = _facilities()
    with transaction.atomic():
        for item in chosen:
            found = (
                records_of(item)(everywhere, first, last)
                .order_by()
                .annotate(on=TruncDate(item.day))
                .values(item.facility, "on")
                .annotate(n=Count("pk"))
            )
            counted = {(row[item.facility], row["on"]): row["n"] for row in found}
            _write(item.key, first, last, counted)
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


def refresh_due(today: date | None = None) -> int:
    """The beat's run: every day of the last `OVERSIGHT_SUMMARY_DAYS` before today that some
    item has not counted, or counted before a record of the day changed, is counted again
    (from the first such day to yesterday). Nothing to do, nothing written."""
    today = today or timezone.localdate()
    first = today - timedelta(days=settings.OVERSIGHT_SUMMARY_DAYS)
    last = today - timedelta(days=1)
    items = _items()
    fresh = SummarisedDay.objects.filter(
        key__in=[i.key for i in items], day__range=(first, last), computed_at__isnull=False
    )
    have = set(fresh.values_list("key", "day"))
    wanted = [(i.key, day) for i in items for day in _days(first, last)]
    missing = [day for key, day in wanted if (key, day) not in have]
    if not missing:
        return 0
    return refresh(min(missing), last, items)


def counts(items: list, facilities, start: date, end: date) -> dict[str, int]:
    """{key: its count in the period} for the summarised `items` whose past days in the
    period are all summarised and fresh (two queries for all of them), the current day and
    any later one added live (a query an item); an item not in the answer is to be counted
    live."""
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
    if not ready:
        return {}
    sums = dict(
        DailyCount.objects.filter(
            key__in=ready, day__range=(start, last_past), facility__in=facilities
        )
        .values("key")
        .annotate(total=Sum("count"))
        .values_list("key", "total")
    )
    found = {key: sums.get(key) or 0 for key in ready}
    if end > last_past:
        for item in items:
            if item.key in ready:
                found[item.key] += records_of(item)(facilities, today, end).count()
    return found


_ANY_DAY = date(2000, 1, 1)  # what the query of an item is made for, to know its model


@cache
def _dated_models() -> dict:
    """{model: [(key, the moment's field)]} of the summarised items."""
    models: dict = {}
    for item in _items():
        model = records_of(item)(_facilities().none(), _ANY_DAY, _ANY_DAY).model
        models.setdefault(model, []).append((item.key, item.day))
    return models


def changing(sender, instance, **kwargs) -> None:
    """A record of a summarised item about to be saved: the day it was dated and the day it
    will be are counted live until counted again."""
    dated = _dated_models().get(sender)
    if not dated:
        return
    fields = sorted({field for _key, field in dated})
    moments = [getattr(instance, field, None) for field in fields]
    if instance.pk is not None:
        before = sender._base_manager.filter(pk=instance.pk).values_list(*fields).first()
        moments += list(before or ())
    days = {timezone.localdate(moment) for moment in moments if moment is not None}
    if days:
        SummarisedDay.objects.filter(key__in=[key for key, _f in dated], day__in=days).update(
            computed_at=None
        )
