"""Oversight's daily counts (QUALITY.md P3): a period added up from them gives what counting it
live gives, the current day and a day changed since counted live (whoever changed it: the
database itself marks the day), the same days at every midnight, the beat's run written once
and only over the days due, a change made while it counts kept live, and the pages' queries
the same whatever the number of facilities or the length of the period."""

import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from admissions.models import Admission
from conftest import client_for
from oversight import registry, summaries
from oversight.models import DailyCount, MonthlyCount, StaleDay, SummarisedDay
from staff.tests.factories import make_staff

from .test_oversight import OVERVIEW, admit, in_period, register_admissions

pytestmark = pytest.mark.django_db


@pytest.fixture
def dated(monkeypatch):
    """A list and a count that must be zero dated by the admission, summarised."""
    register_admissions(monkeypatch, day="admitted_at")


def bases() -> list[list]:
    return summaries._bases()


def counted(user, facilities, start, end) -> dict[str, int]:
    zeros, lists = registry.overview(user, facilities, start, end)
    return {row["item"].key: row["count"] for row in [*zeros, *lists]}


def live(user, facilities, start, end, monkeypatch) -> dict[str, int]:
    """The overview with nothing added up from the daily counts: every count made live."""
    with monkeypatch.context() as m:
        m.setattr(summaries, "ahead", lambda *args: {})
        return counted(user, facilities, start, end)


def facilities_of(*places):
    from facilities.models import Facility

    return Facility.objects.filter(pk__in=[p.pk for p in places])


def test_a_period_added_up_from_the_days_is_what_counting_it_live_gives(
    cast, dated, facility_a, facility_b, monkeypatch
):
    for number, days_ago, girl in (("A1", 1, True), ("A2", 2, False), ("A3", 40, True)):
        admit(cast, facility_a, number, days_ago=days_ago, girl=girl)
    admit(cast, facility_b, "B1", days_ago=3, girl=True, by=cast["outsider"])
    today = timezone.localdate()
    assert summaries.refresh(today - timedelta(days=60), today) == 60
    inspector = make_staff("inspector", facility_a, facility_b, username="national")
    for start, end in (
        (today - timedelta(days=29), today),
        (today - timedelta(days=59), today - timedelta(days=1)),
        (today - timedelta(days=2), today - timedelta(days=2)),
    ):
        for places in (facilities_of(facility_a), facilities_of(facility_a, facility_b)):
            ahead = summaries.counts(
                [*registry.zeros_for(inspector), *registry.lists_for(inspector)],
                places,
                start,
                end,
            )
            assert set(ahead) == {"admissions", "girls"}  # from the daily counts
            assert counted(inspector, places, start, end) == live(
                inspector, places, start, end, monkeypatch
            )


def test_the_current_day_is_counted_live(cast, dated, facility_a):
    today = timezone.localdate()
    summaries.refresh(today - timedelta(days=10), today)
    admit(cast, facility_a, "A1", days_ago=0, girl=True)
    assert counted(cast["inspector"], facilities_of(facility_a), today, today) == {
        "girls": 1,
        "admissions": 1,
    }
    start = today - timedelta(days=9)
    assert counted(cast["inspector"], facilities_of(facility_a), start, today)["girls"] == 1


def test_a_day_changed_since_it_was_counted_is_counted_live_until_counted_again(
    cast, dated, facility_a, monkeypatch
):
    today = timezone.localdate()
    summaries.refresh(today - timedelta(days=10), today)
    assert not StaleDay.objects.exists()
    late = admit(cast, facility_a, "A1", days_ago=5, girl=True)  # recorded after the count
    start, end = today - timedelta(days=9), today - timedelta(days=1)
    places = facilities_of(facility_a)
    assert counted(cast["inspector"], places, start, end)["girls"] == 1
    # The days before the changed one (and the day either side) still come from the counts.
    ahead = summaries.counts(registry.zeros_for(cast["inspector"]), places, start, end)
    assert ahead == {"girls": 1}
    # A period that starts on a changed day is counted live.
    changed = min(StaleDay.objects.values_list("day", flat=True))
    assert summaries.counts(registry.zeros_for(cast["inspector"]), places, changed, end) == {}
    # Moved to another day by a write no signal reports: both days are counted live.
    assert summaries.refresh_due() > 0
    assert not StaleDay.objects.exists()
    Admission.objects.filter(pk=late.pk).update(admitted_at=late.admitted_at + timedelta(days=2))
    assert counted(cast["inspector"], places, start, end) == live(
        cast["inspector"], places, start, end, monkeypatch
    )
    assert summaries.refresh_due() > 0
    assert summaries.counts(registry.zeros_for(cast["inspector"]), places, start, end) == {
        "girls": 1
    }
    assert DailyCount.objects.get(key="girls", day=timezone.localdate(late.admitted_at)).count == 0


def test_the_beat_counts_again_only_the_days_changed(cast, dated, facility_a):
    today = timezone.localdate()
    summaries.refresh(today - timedelta(days=800), today)
    assert summaries.refresh_due() == 0
    admit(cast, facility_a, "A1", days_ago=300, girl=True)  # a record made very late
    assert summaries.refresh_due() <= 3  # the day in UTC and the day either side, not 300
    assert summaries.refresh_due() == 0
    assert DailyCount.objects.filter(key="girls").values_list("count", flat=True).get() == 1


def test_a_change_made_while_the_beat_counts_keeps_its_day_counted_live(
    cast, dated, facility_a, monkeypatch
):
    today = timezone.localdate()
    summaries.refresh(today - timedelta(days=10), today)
    counting = summaries.records_of
    made = []

    def meanwhile(item):
        if not made:  # another transaction, after the beat read the changed days
            made.append(admit(cast, facility_a, "A1", days_ago=4, girl=True))
        return counting(item)

    admit(cast, facility_a, "A0", days_ago=6, girl=False)
    monkeypatch.setattr(summaries, "records_of", meanwhile)
    summaries.refresh_due()
    monkeypatch.undo()
    register_admissions(monkeypatch, day="admitted_at")
    day = timezone.localdate(made[0].admitted_at)
    assert StaleDay.objects.filter(day=day).exists()  # its row read by nobody, kept
    assert not StaleDay.objects.filter(day=today - timedelta(days=8)).exists()
    start = today - timedelta(days=9)
    assert summaries.counts(
        registry.zeros_for(cast["inspector"]), facilities_of(facility_a), start, today
    ) == {"girls": 1}


def test_her_nationalities_changed_mark_the_days_of_her_admissions_and_nothing_else_does(
    cast, facility_a
):
    """Consular access offered is counted ahead over admissions of foreign nationals: her
    nationalities changed (by SQL, which no signal reports) mark the days of her admissions,
    and any other change of her row marks nothing (it changes often)."""
    from prisoners.models import Prisoner

    admission = admit(cast, facility_a, "A1", days_ago=40)
    StaleDay.objects.all().delete()
    Prisoner.objects.filter(pk=admission.prisoner_id).update(given_names="Renamed")
    assert not StaleDay.objects.exists()
    assert admission.prisoner.nationalities != ["FR"]
    Prisoner.objects.filter(pk=admission.prisoner_id).update(nationalities=["FR"])
    day = timezone.localdate(admission.admitted_at)
    assert set(StaleDay.objects.values_list("day", flat=True)) >= {day}
    assert max(StaleDay.objects.values_list("day", flat=True)) <= day + timedelta(days=1)


def test_every_table_a_daily_count_reads_marks_its_days_stale():
    """Each table a summarised count's query reads (but the facilities it groups by) has the
    triggers that write `StaleDay` on insert, update and delete (oversight's migrations)."""
    from django.db.models import Count
    from django.db.models.functions import TruncDate

    facilities = summaries.every_facility()
    today = timezone.localdate()
    queries = []
    for item in summaries._items():
        queries.append(
            summaries.records_of(item)(facilities, today, today)
            .order_by()
            .annotate(on=TruncDate(item.day))
            .values(item.facility, "on")
            .annotate(n=Count("pk"))
        )
    # The indicators counted ahead: their bases' queries by day.
    queries += [summaries.by_day(together, facilities, today, today) for together in bases()]
    read = set()
    for query in queries:
        read |= set(re.findall(r'(?:FROM|JOIN) "(\w+)"', str(query.query)))
    read.discard(facilities.model._meta.db_table)
    assert "searches_searchstaff" in read and "staff_trainingrecord" in read
    assert "health_screeningitem" in read and "release_recordscopy" in read
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE t.tgname LIKE 'oversight_stale_%%'"
        )
        marked = set(cursor.fetchall())
    missing = {
        (table, f"oversight_stale_{event}")
        for table in read
        for event in ("insert", "update", "delete")
    } - marked
    assert not missing, f"tables a daily count reads without the triggers: {sorted(missing)}"


def test_counting_the_days_again_writes_the_same_and_a_day_emptied_is_kept_at_zero(
    cast, dated, facility_a
):
    today = timezone.localdate()
    girl = admit(cast, facility_a, "A1", days_ago=4, girl=True)
    summaries.refresh(today - timedelta(days=5), today)
    first = set(DailyCount.objects.values_list("facility", "day", "key", "count"))
    assert summaries.refresh_due() > 0  # the days before, never counted
    assert summaries.refresh_due() == 0  # then nothing left to do
    summaries.refresh(today - timedelta(days=5), today)
    assert set(DailyCount.objects.values_list("facility", "day", "key", "count")) == first
    moved = girl.admitted_at + timedelta(days=3)
    Admission.objects.filter(pk=girl.pk).update(admitted_at=moved)
    summaries.refresh(today - timedelta(days=5), today)
    day = timezone.localdate(girl.admitted_at)
    assert DailyCount.objects.get(key="girls", day=day).count == 0
    assert DailyCount.objects.get(key="girls", day=timezone.localdate(moved)).count == 1
    assert not SummarisedDay.objects.filter(day__gte=today).exists()  # never the current day
    assert months_of_days() == set(
        MonthlyCount.objects.values_list("facility", "month", "key", "count")
    )


def months_of_days() -> set[tuple]:
    """The daily counts added up by facility, month and key."""
    added: dict[tuple, int] = {}
    for facility, day, key, count in DailyCount.objects.values_list(
        "facility", "day", "key", "count"
    ):
        month = (facility, day.replace(day=1), key)
        added[month] = added.get(month, 0) + count
    return {(*month, count) for month, count in added.items()}


@pytest.mark.parametrize(
    ("first", "last", "whole", "around"),
    [
        (
            "2026-01-15",
            "2026-03-10",
            ("2026-02-01", "2026-02-01"),
            [("2026-01-15", "2026-01-31"), ("2026-03-01", "2026-03-10")],
        ),
        ("2026-01-01", "2026-01-31", ("2026-01-01", "2026-01-01"), []),
        ("2026-01-05", "2026-01-20", None, [("2026-01-05", "2026-01-20")]),
        ("2026-01-01", "2026-12-31", ("2026-01-01", "2026-12-01"), []),
        ("2028-02-01", "2028-02-29", ("2028-02-01", "2028-02-01"), []),
        ("2028-02-01", "2028-02-28", None, [("2028-02-01", "2028-02-28")]),
        ("2025-12-15", "2026-01-31", ("2026-01-01", "2026-01-01"), [("2025-12-15", "2025-12-31")]),
        ("2026-03-31", "2026-04-01", None, [("2026-03-31", "2026-04-01")]),
    ],
)
def test_a_span_of_days_is_its_whole_months_and_the_days_around_them(first, last, whole, around):
    day = date.fromisoformat
    got = summaries.whole_months(day(first), day(last))
    assert got == (
        tuple(map(day, whole)) if whole else None,
        [(day(a), day(b)) for a, b in around],
    )


def test_a_span_is_read_as_months_with_days_added_and_taken_and_no_more_days_than_around():
    """Every span of up to 400 days starting in 70 days around a leap year's February: its
    months' days, with the days added and without the days taken, are exactly its days, and
    no more daily counts are read than the days around its whole months."""

    def days(first, last):
        return {first + timedelta(days=n) for n in range((last - first).days + 1)}

    for offset in range(70):
        first = date(2028, 1, 1) + timedelta(days=offset)
        for length in (1, 2, 9, 16, 27, 31, 45, 60, 100, 365, 400):
            last = first + timedelta(days=length - 1)
            months, added, taken = summaries.read_as(first, last)
            counted = set()
            if months:
                counted = days(months[0], summaries._end_of_month(months[1]))
                assert months[0].day == 1 and months[1].day == 1
            for span in added:
                assert not counted & days(*span)
                counted |= days(*span)
            for span in taken:
                assert days(*span) <= counted
                counted -= days(*span)
            assert counted == days(first, last), (first, last)
            _whole, around = summaries.whole_months(first, last)
            assert sum(len(days(*s)) for s in added + taken) <= sum(len(days(*s)) for s in around)


@pytest.mark.parametrize("zone", ["Asia/Bangkok", "America/Santiago"])
def test_the_days_are_the_pages_days_at_midnight(cast, dated, facility_a, settings, zone):
    settings.TIME_ZONE = zone
    today = timezone.localdate()
    day = today - timedelta(days=3)
    midnight = timezone.make_aware(timezone.datetime.combine(day, timezone.datetime.min.time()))
    for number, at in (
        ("A1", midnight - timedelta(microseconds=1)),
        ("A2", midnight),
        ("A3", midnight + timedelta(days=1) - timedelta(microseconds=1)),
        ("A4", midnight + timedelta(days=1)),
    ):
        admission = admit(cast, facility_a, number, days_ago=5)
        Admission.objects.filter(pk=admission.pk).update(admitted_at=at)
    summaries.refresh(today - timedelta(days=10), today)
    places = facilities_of(facility_a)
    for start, end in ((day, day), (day - timedelta(days=1), day), (day, day + timedelta(days=1))):
        ahead = summaries.counts(registry.lists_for(cast["inspector"]), places, start, end)
        assert ahead["admissions"] == in_period(places, start, end).count()
    assert summaries.counts(registry.lists_for(cast["inspector"]), places, day, day) == {
        "admissions": 2
    }


def queries_of(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_the_overview_asks_the_same_queries_whatever_the_facilities_and_the_period(
    cast, dated, facility_a, facility_b
):
    today = timezone.localdate()
    for number, days_ago in (("A1", 1), ("A2", 200)):
        admit(cast, facility_a, number, days_ago=days_ago, girl=True)
    admit(cast, facility_b, "B1", days_ago=3, girl=True, by=cast["outsider"])
    client = client_for(make_staff("inspector", facility_a, facility_b, username="national"))
    year = f"?start={(today - timedelta(days=364)).isoformat()}"
    one = f"?facility={facility_a.code}"
    urls = ("", year, one, f"{one}&{year[1:]}")
    same_queries_before_and_after_the_count(client, [OVERVIEW], urls)


def same_queries_before_and_after_the_count(client, pages, urls) -> None:
    """Each page asks as many queries for each of `urls`, before the days are counted in
    advance and after."""
    today = timezone.localdate()
    for counted_ahead in (False, True):
        if counted_ahead:
            summaries.refresh(today - timedelta(days=800), today)
        for page in pages:
            asked = {url: queries_of(client, page + url) for url in urls}
            assert len(set(asked.values())) == 1, asked


def summarised_for(user) -> list:
    return [
        i for i in [*registry.zeros_for(user), *registry.lists_for(user)] if summaries.summarised(i)
    ]


@pytest.mark.dataset
def test_every_count_added_up_from_the_days_is_what_counting_it_live_gives_on_the_generated_set(
    cast, facility_a, woman_a, monkeypatch, settings
):
    """Over the generated set at its tiny scale (every area's records, released women with and
    without a plan, late changes), each summarised count of a year, a month, a day and the
    period to yesterday, for every facility and for one, equals its live count; and a bulk
    change to a plan or its health part (no signal, the database's triggers) of an old
    release keeps it so until the beat counts the day again."""
    from facilities.models import Facility
    from release.models import HealthContinuity, ReleasePlan
    from scale.tests.test_dataset import load_beside

    today = timezone.localdate()
    load_beside(today=today)
    summaries.refresh(today - timedelta(days=400), today)
    national = make_staff("inspector", *Facility.objects.all(), username="national")
    items = summarised_for(national)
    keys = {item.key for item in items}
    assert {"releases-without-plan", "releases-health-incomplete", "admissions"} <= keys
    # The overview of what is counted ahead alone: the rest is counted live either way, and
    # `test_a_period_added_up_from_the_days_is_what_counting_it_live_gives` reads it whole.
    ahead = {"zeros_for": registry.zeros_for(national), "lists_for": registry.lists_for(national)}
    for name, found in ahead.items():
        kept = [item for item in found if summaries.summarised(item)]
        monkeypatch.setattr(registry, name, lambda user, kept=kept: kept)
    busiest = Facility.objects.order_by("-admissions__id").first()
    periods = (
        (today - timedelta(days=364), today),
        (today - timedelta(days=29), today),
        (today - timedelta(days=200), today - timedelta(days=1)),
        (today - timedelta(days=3), today - timedelta(days=3)),
    )

    def same_as_live():
        for start, end in periods:
            for places in (Facility.objects.all(), facilities_of(busiest)):
                found = counted(national, places, start, end)
                assert found == live(national, places, start, end, monkeypatch), (start, end)

    same_as_live()
    assert set(summaries.counts(items, Facility.objects.all(), *periods[0])) == keys
    year = counted(national, Facility.objects.all(), *periods[0])
    assert year["releases-without-plan"] and year["releases-health-incomplete"]
    assert len([key for key in keys if year[key]]) >= len(keys) // 2, year
    # Changed after the count, by SQL no signal reports: a plan of an old release started
    # late, then its health part done, then the release moved.
    released = Admission.objects.filter(
        released_at__date__range=(today - timedelta(days=300), today - timedelta(days=2)),
        release_plan__isnull=True,
    ).earliest("released_at")
    ReleasePlan.objects.bulk_create(
        [
            ReleasePlan(
                admission=released,
                prisoner_id=released.prisoner_id,
                facility_id=released.facility_id,
                started_at=released.released_at - timedelta(days=1),
            )
        ]
    )
    assert StaleDay.objects.filter(day=timezone.localdate(released.released_at)).exists()
    same_as_live()
    summaries.refresh_due()
    HealthContinuity.objects.bulk_create(
        [
            HealthContinuity(
                plan=released.release_plan,
                complete=True,
                community_provider="Clinic",
                handed_over_on=released.released_at.date(),
                recorded_by=national,
            )
        ]
    )
    same_as_live()
    summaries.refresh_due()
    # The release itself moved to another day.
    moved = released.released_at - timedelta(days=5)
    Admission.objects.filter(pk=released.pk).update(released_at=moved)
    assert StaleDay.objects.filter(day=timezone.localdate(moved)).exists()
    same_as_live()
    assert summaries.refresh_due() > 0
    first = today - timedelta(days=settings.OVERSIGHT_SUMMARY_DAYS)
    assert not StaleDay.objects.filter(day__gte=first, day__lt=today).exists()
    same_as_live()


def indicators_live(user, places, periods) -> dict:
    """Each indicator's figures counted live (each computed alone, from its records)."""
    return {item.key: item.counts(places, periods) for item in registry.indicators_for(user)}


def indicators_now(user, places, periods) -> dict:
    return {item.key: found for item, found in registry.computed(user, places, periods)}


def read_ahead(places, periods, monkeypatch) -> set[str]:
    """The indicators whose figures `summaries.folded_ahead` adds up from the daily counts
    up to the last day settled, in every period, counting live only the days since."""
    asked = []
    real = registry._folded

    def spy(folds, facilities, live):
        asked.append(live)
        return real(folds, facilities, live)

    with monkeypatch.context() as m:
        m.setattr(registry, "_folded", spy)
        summaries.folded_ahead(bases(), places, periods)
    return {
        item.key
        for together, live in zip(bases(), asked, strict=True)
        if all(start == summaries.settled_until(together) + timedelta(days=1) for start, _ in live)
        for item in together
    }


@pytest.mark.dataset
def test_every_indicator_added_up_from_the_days_is_what_counting_it_live_gives_on_the_generated_set(
    cast, facility_a, woman_a, monkeypatch
):
    """Over the generated set at its tiny scale, each indicator counted a day at a time in
    advance (searches, screening in time and for the risk of suicide, entry screenings
    complete, reproductive health items declined, rights offered at admission, child visits
    with open contact, release plans and records copies), added up for a year, 30 days, a
    past span and one day, and for a year beside the year before and month by month, for
    every facility and for one, gives what counting it live gives; and so it does after
    changes no signal reports (SQL: a screening completed late, a suicide screening item
    added, a records copy offered, a search's staff changed, a right offered late, a
    woman's nationalities changed, a screening moved three days on and its completion undone, a
    reproductive health item moved three days on and declined after all), before the beat
    counts the days again and after."""
    from django.db.models import F

    from admissions.models import RightsItem, RightsOffer
    from facilities.models import Facility
    from health.models import Answer, Item, Screening, ScreeningItem
    from prisoners.models import Prisoner
    from release.models import RecordsCopy
    from scale.tests.test_dataset import load_beside
    from searches.models import SearchStaff

    today = timezone.localdate()
    load_beside(today=today)
    summaries.refresh(today - timedelta(days=800), today)
    national = make_staff("inspector", *Facility.objects.all(), username="national")
    ahead = {item.key for together in bases() for item in together}
    assert {
        "searched-by-women",
        "screening-in-time",
        "release-plans-in-time",
        "consular-access-offered",
        "screening-complete",
        "reproductive-declined",
    } <= ahead
    # Only the indicators counted ahead are compared: every other one is counted live whichever
    # way it is asked (`test_indicators`: computed together, each gives what it gives alone).
    every = registry.indicators_for
    monkeypatch.setattr(
        registry, "indicators_for", lambda user: [i for i in every(user) if i.key in ahead]
    )
    busiest = Facility.objects.order_by("-admissions__id").first()
    year = (today - timedelta(days=364), today)
    spans = (
        [year],
        [(today - timedelta(days=29), today)],
        [(today - timedelta(days=200), today - timedelta(days=10))],
        [(today - timedelta(days=3), today - timedelta(days=3))],
        [year, registry.previous_period(*year)],
        registry.months(today),
    )

    def same_as_live(asked=spans):
        for periods in asked:
            for places in (list(Facility.objects.all()), [busiest]):
                found = indicators_now(national, places, periods)
                assert found == indicators_live(national, places, periods), periods

    same_as_live()
    assert read_ahead(list(Facility.objects.all()), [year], monkeypatch) == ahead
    shown = indicators_now(national, list(Facility.objects.all()), [year])
    assert len([key for key in ahead if shown[key]]) >= len(ahead) - 1, shown
    # Changed after the count, by SQL no signal reports, one after another.
    old = today - timedelta(days=100)
    admission = Admission.objects.filter(
        admitted_at__date__lte=old, health_screening__isnull=False
    ).latest("admitted_at")
    screening = (
        Screening.objects.filter(admission__admitted_at__date__lte=old)
        .exclude(items__item=Item.SUICIDE_SELF_HARM)
        .first()
    )
    released = Admission.objects.filter(
        released_at__date__lte=old, records_copies__isnull=True, stage="released"
    ).latest("released_at")
    searcher = SearchStaff.objects.filter(
        search__searched_at__date__range=(old, today - timedelta(days=2)),
        part="searcher",
        gender="woman",
    ).earliest("id")
    suicide = ScreeningItem(
        screening=screening,
        item=Item.SUICIDE_SELF_HARM,
        answered_at=screening.started_at,
        answered_by=national,
    )
    copy = RecordsCopy(
        admission=released,
        prisoner_id=released.prisoner_id,
        facility_id=released.facility_id,
        handed_by=national,
    )
    unoffered = (
        Admission.objects.filter(admitted_at__date__lte=old)
        .exclude(rights__item=RightsItem.FAMILY_CONTACT)
        .latest("admitted_at")
    )
    offer = RightsOffer(
        admission=unoffered,
        item=RightsItem.FAMILY_CONTACT,
        offered_at=unoffered.admitted_at,
        offered_by=national,
        language="en",
        outcome="accepted",
    )
    abroad = Admission.objects.filter(admitted_at__date__lte=old).latest("admitted_at")
    completed = Screening.objects.filter(
        started_at__date__lte=old, completed_at__isnull=False
    ).latest("started_at")
    reproductive = ScreeningItem.objects.filter(
        item=Item.REPRODUCTIVE, answer=Answer.ANSWERED, answered_at__date__lte=old
    ).latest("answered_at")
    for change in (
        lambda: Screening.objects.filter(admission=admission).update(
            completed_at=admission.admitted_at + timedelta(days=5)
        ),
        lambda: len(ScreeningItem.objects.bulk_create([suicide])),
        lambda: len(RecordsCopy.objects.bulk_create([copy])),
        lambda: SearchStaff.objects.filter(pk=searcher.pk).update(gender="man"),
        lambda: len(RightsOffer.objects.bulk_create([offer])),
        lambda: Prisoner.objects.filter(pk=abroad.prisoner_id).update(nationalities=["ZZ"]),
        # Days after her admission's: marked by their own days, not only hers.
        lambda: Screening.objects.filter(pk=completed.pk).update(
            started_at=F("started_at") + timedelta(days=3), completed_at=None
        ),
        lambda: ScreeningItem.objects.filter(pk=reproductive.pk).update(
            answered_at=F("answered_at") + timedelta(days=3),
            answer=Answer.DECLINED,
            finding="",
            needs_follow_up=False,
        ),
    ):
        assert change() == 1
        # A year holds each change's days: counted live until the beat counts them again,
        # then added up (a day it didn't count again, its count would be as it was).
        same_as_live([[year]])
        assert summaries.refresh_due() > 0
        same_as_live([[year]])
    same_as_live()
    assert not StaleDay.objects.filter(day__lt=today).exists()
    assert read_ahead(list(Facility.objects.all()), [year], monkeypatch) == ahead


def test_an_indicator_counted_ahead_settles_after_its_time(cast, facility_a, settings):
    """Admissions screened in time are counted ahead only once the screening of every
    admission of the day is due: the days since are counted live."""
    settings.HEALTH_SCREENING_DUE_HOURS = 72
    today = timezone.localdate()
    (screening,) = [t for t in bases() if "screening-in-time" in {i.key for i in t}]
    assert summaries.settled_until(screening) == today - timedelta(days=4)
    summaries.refresh(today - timedelta(days=10), today)
    assert not SummarisedDay.objects.filter(
        key="screening-in-time:n", day__gt=today - timedelta(days=4)
    ).exists()
    assert SummarisedDay.objects.filter(key="screening-in-time:n", day=today - timedelta(days=4))
    assert summaries.refresh_due() > 0  # the days before, never counted
    assert summaries.refresh_due() == 0  # the days not settled yet are not due


def test_the_indicators_ask_the_same_queries_whatever_the_facilities_and_the_period(
    cast, facility_a, facility_b
):
    from .test_indicators import PAGE
    from .test_indicators import admit as admit_offered

    today = timezone.localdate()
    for number, days_ago in (("A1", 1), ("A2", 200)):
        admit_offered(cast, facility_a, number, days_ago=days_ago)
    admit_offered(cast, facility_b, "B1", days_ago=3)
    client = client_for(make_staff("inspector", facility_a, facility_b, username="national"))
    year = f"?start={(today - timedelta(days=364)).isoformat()}"
    month = f"?start={(today - timedelta(days=29)).isoformat()}"
    same_queries_before_and_after_the_count(client, [PAGE, f"{PAGE}facilities/"], ("", year, month))
