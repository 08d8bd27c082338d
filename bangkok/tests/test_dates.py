"""A moment's day compared as a range of moments (`bangkok.dates.during` and the rest) gives
the same days as casting the moment to a date in the project's time zone, at every midnight:
the last microsecond of a day, its first, and across a change of the clocks."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from audit.models import AuditEvent
from bangkok.dates import after_day, before_day, during, from_day, until_day

DAY = date(2026, 9, 6)  # Chile's clocks go forward at its midnight: 00:00 doesn't exist there

ZONES = ["UTC", "Asia/Bangkok", "America/Santiago", "Europe/London", "Pacific/Kiritimati"]


def edges(zone: ZoneInfo) -> list[datetime]:
    """The moments either side of each midnight around DAY, in `zone`, and the hour of the
    clock change."""
    moments = []
    for day in (DAY - timedelta(days=1), DAY, DAY + timedelta(days=1), DAY + timedelta(days=2)):
        midnight = datetime.combine(day, datetime.min.time())
        first = timezone.make_aware(midnight, zone)
        moments += [first - timedelta(microseconds=1), first, first + timedelta(hours=1)]
    return moments


@pytest.mark.django_db
@pytest.mark.parametrize("name", ZONES)
def test_the_ranges_keep_the_days_of_a_cast_to_a_date(name):
    zone = ZoneInfo(name)
    ids = [AuditEvent.objects.create(action="test.moment", at=at).pk for at in edges(zone)]
    events = AuditEvent.objects.filter(pk__in=ids)
    following = DAY + timedelta(days=1)
    with timezone.override(zone):
        pairs = [
            (during("at", DAY, following), {"at__date__gte": DAY, "at__date__lte": following}),
            (during("at", DAY, DAY), {"at__date__range": (DAY, DAY)}),
            (from_day("at", DAY), {"at__date__gte": DAY}),
            (until_day("at", DAY), {"at__date__lte": DAY}),
            (after_day("at", DAY), {"at__date__gt": DAY}),
            (before_day("at", DAY), {"at__date__lt": DAY}),
        ]
        for ranged, cast in pairs:
            got = set(events.filter(**ranged).values_list("pk", flat=True))
            expected = set(events.filter(**cast).values_list("pk", flat=True))
            assert got == expected, (name, cast)
            assert 0 < len(expected) < len(ids), cast  # each pair does split the moments


@pytest.mark.django_db
def test_the_first_and_the_last_day_bound_nothing():
    moment = AuditEvent.objects.create(action="test.moment").pk
    events = AuditEvent.objects.filter(pk=moment)
    with timezone.override(ZoneInfo("Asia/Bangkok")):
        assert events.filter(**during("at", date.min, date.max)).exists()
        assert not events.filter(**after_day("at", date.max)).exists()
        assert not events.filter(**before_day("at", date.min)).exists()


def test_a_range_starts_at_the_start_of_the_day_in_the_time_zone():
    with timezone.override(ZoneInfo("Asia/Bangkok")):
        (start,) = from_day("at", DAY).values()
        (end,) = until_day("at", DAY).values()
    assert start == datetime(2026, 9, 5, 17, 0, tzinfo=ZoneInfo("UTC"))
    assert end - start == timedelta(days=1)
