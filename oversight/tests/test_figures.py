"""The indicators counted ahead by the beat for the periods the pages ask most
(`oversight.figures`, QUALITY.md P8): read from there they are what counting them live gives,
for every facility and for one; a page says when they were counted; figures too old, a period
not counted ahead or an indicator the count doesn't hold are counted live."""

import re
from datetime import timedelta
from unittest import mock
from unittest.mock import ANY

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import client_for
from oversight import counted, figures, registry
from oversight.models import AskedPeriod, CountedFigures
from oversight.permissions import facilities_overseen
from staff.tests.factories import make_staff

from .test_oversight import admit
from .test_timeliness import kept, task  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db


def _present(item) -> bool:
    """Whether an indicator is over what holds on a period's last day (`registry.present`)."""
    return getattr(item.counts, "base", ("",))[0] == registry.PRESENT


def live(user, places, periods) -> dict:
    items = registry.indicators_for(user)
    return registry.counted_live(items, places, periods)


def read(user, places, periods, seen=None) -> dict:
    return {item.key: found for item, found in registry.computed(user, places, periods, seen=seen)}


def asked(today) -> list[list]:
    """The periods the pages ask, as they ask them: the indicators page (a period and the one
    before), the facilities side by side (a period), an indicator's page (a period, the one
    before and the 12 months)."""
    year = (today - timedelta(days=364), today)
    month = (today - timedelta(days=29), today)
    return [
        [year, registry.previous_period(*year)],
        [month, registry.previous_period(*month)],
        [year],
        [month, registry.previous_period(*month), *registry.months(today)],
    ]


@pytest.mark.dataset
def test_the_figures_counted_ahead_are_what_counting_live_gives_for_all_and_for_one(
    cast, facility_a, woman_a
):
    """Over the generated set at its tiny scale, every indicator read from the beat's count
    for the periods the pages ask is what counting it live gives, for every facility and for
    the busiest alone, and the count says when it was made."""
    from facilities.models import Facility
    from scale.tests.test_dataset import load_beside

    today = timezone.localdate()
    load_beside(today=today)
    before = timezone.now()
    assert counted.refresh() == len(figures.slots(today)) == 16
    national = make_staff("inspector", *Facility.objects.all(), username="national")
    busiest = Facility.objects.order_by("-admissions__id").first()
    everywhere = Facility.objects.all()
    shown = read(national, everywhere, asked(today)[0])
    empty = sorted(key for key, counts in shown.items() if not counts)
    assert len(empty) <= len(shown) / 4, empty
    for periods in asked(today):
        for places in (everywhere, Facility.objects.filter(pk=busiest.pk)):
            seen: dict = {}
            assert read(national, places, periods, seen) == live(national, places, periods)
            assert before <= seen["counted_at"] <= timezone.now()
    # Periods not all counted ahead: the days since a visit, to today (what holds on its last
    # day read from a count ending today), a month beside the days before it (the month read,
    # and what holds on the last day of the month before it), a period ending yesterday
    # (nothing read); each what counting live gives.
    present = {i.key for i in registry.indicators_for(national) if _present(i)}
    month = figures.slots(today)["month-1"]
    for periods, holds in (
        ([(today - timedelta(days=44), today)], [present]),
        ([month, registry.previous_period(*month)], [None, present]),
        ([(today - timedelta(days=99), today - timedelta(days=1))], [set()]),
    ):
        periods = [*periods, registry.previous_period(*periods[0])][:2]
        holds = [*holds, set()][:2]
        for places in (everywhere, Facility.objects.filter(pk=busiest.pk)):
            expected = live(national, places, periods)
            with mock.patch.object(
                registry, "counted_live", wraps=registry.counted_live
            ) as counting:
                seen = {}
                assert read(national, places, periods, seen) == expected
            asked_for = [
                (item.key, period)
                for call in counting.call_args_list
                for item in call.args[0]
                for period in call.args[2]
            ]
            for period, read_ahead in zip(periods, holds, strict=True):
                counted_now = {key for key, at in asked_for if at == period}
                if read_ahead is None:  # the period's own count, read whole
                    assert not counted_now
                else:  # what holds on its last day read, if given; the rest counted now
                    assert counted_now == set(shown) - read_ahead, period
            assert ("counted_at" in seen) == any(h != set() for h in holds)


def test_a_page_reads_the_count_says_when_and_shows_a_later_record_once_counted_again(
    cast, facility_a, settings
):
    """The indicators page for the last year reads the count (fewer queries than counting,
    the time it was counted written on it); an admission made since is in its figures only
    once the beat counts again, over the same rows; a period the beat doesn't count for its
    own sake is counted as asked, and by the beat from its next count."""
    settings.OVERSIGHT_FIGURES_SECONDS = 300
    settings.SMALL_CELL = 1  # a figure of one woman shown
    admit(cast, facility_a, "A1", days_ago=3)
    counted.refresh()
    today = timezone.localdate()
    client = client_for(cast["inspector"])
    year = f"?start={today - timedelta(days=364)}&end={today}"
    with CaptureQueriesContext(connection) as ahead:
        page = client.get(f"/oversight/indicators/{year}")
    assert page.status_code == 200
    assert b'data-testid="counted-at"' in page.content
    with CaptureQueriesContext(connection) as counting:
        other = client.get(f"/oversight/indicators/?start={today - timedelta(days=363)}")
    # Not counted ahead: what holds on its last day read from the last year's count (the
    # page says when), the rest counted as asked.
    assert b'data-testid="counted-at"' in other.content
    assert len(ahead) < len(counting) - 10

    def held(path):
        """When the figures were counted, and the women received on the period's last day."""
        body = client.get(f"/api/v1/oversight/indicators/{path}").json()
        (found,) = [row for row in body["indicators"] if row["key"] == "pretrial-share"]
        return body["counted_at"], found["denominator"]

    counted_at, women = held(year)
    assert counted_at is not None and women == 1
    admit(cast, facility_a, "A2", days_ago=1)
    assert held(year) == (counted_at, 1)  # the count of before, as it says
    first = dict(CountedFigures.objects.values_list("slot", "counted_at"))
    counted.refresh()
    # Counted again over the same rows, one a period, each a later time; and the period asked
    # meanwhile, with the period before it (the page sets them side by side).
    again = dict(CountedFigures.objects.values_list("slot", "counted_at"))
    other = (today - timedelta(days=363), today)
    assert first.keys() == figures.slots(today).keys()
    assert again.keys() == first.keys() | figures.asked_slots([other], {}).keys()
    assert all(again[slot] > first[slot] for slot in first)
    later, women = held(year)
    assert later > counted_at and women == 2
    assert held(f"?start={other[0]}") == (later, 2)


def test_a_period_asked_is_counted_by_the_beat_until_a_day_after_it_was_last_asked(
    cast, facility_a, facility_b, settings
):
    """A period the beat doesn't count for its own sake (the days since a visit) is counted
    live when a page asks for it, and noted (which period, not who asked); counted within a
    minute (`refresh_asked`: nothing, in two queries, when nothing new was asked) and by the
    beat's every count since, its figures, and the period's before it, are read as the last
    year's are, the same counts as counting live, on the overview, its API and the
    indicators. A period the beat counts anyway, or one refused, is not noted; the beat
    counts the latest asked only, each in the row it has, and forgets a period a day after
    it was last asked."""
    settings.OVERSIGHT_FIGURES_SECONDS = 300
    settings.OVERSIGHT_ASKED_HOURS = 24
    settings.OVERSIGHT_ASKED_MOST = 2
    admit(cast, facility_a, "A1", days_ago=3)
    today = timezone.localdate()
    since = (today - timedelta(days=44), today - timedelta(days=1))
    query = f"?start={since[0]}&end={since[1]}"
    client = client_for(cast["inspector"])
    assert {f.name for f in AskedPeriod._meta.get_fields()} == {"id", "start", "end", "asked_at"}

    def api(path):
        body = client.get(f"/api/v1/oversight/{path}&cases=none").json()
        return body.pop("counted_at"), body

    # Neither the last 30 days nor a period refused is noted.
    assert client.get("/oversight/").status_code == 200
    assert client.get(f"/oversight/?facility={facility_b.code}").status_code == 400
    governor = client_for(cast["governor"])
    assert governor.get(f"/oversight/{query}&facility={facility_b.code}").status_code == 400
    assert not AskedPeriod.objects.exists()
    live_at, live = api(query)
    page = client.get(f"/oversight/{query}")
    assert page.status_code == 200 and b'data-testid="counted-at"' not in page.content
    assert live_at is None
    assert list(AskedPeriod.objects.values_list("start", "end")) == [since]
    assert counted.refresh_asked() == 2
    with CaptureQueriesContext(connection) as looked:
        assert counted.refresh_asked() == 0
    assert len(looked) == 2
    written = {
        row.slot: (row.start, row.end)
        for row in CountedFigures.objects.filter(slot__startswith="asked-")
    }
    assert written == {"asked-0": since, "asked-0-before": registry.previous_period(*since)}
    page = client.get(f"/oversight/{query}")
    assert page.status_code == 200 and b'data-testid="counted-at"' in page.content
    counted_at, read = api(query)
    assert counted_at is not None and read == live
    assert any(each["count"] for each in read["records"])
    indicators = client.get(f"/oversight/indicators/{query}")
    assert b'data-testid="counted-at"' in indicators.content
    # At most two, the latest asked: the first of three is no longer counted.
    others = [(since[0] - timedelta(days=n), since[1]) for n in (1, 2)]
    for start, end in others:
        assert client.get(f"/oversight/?start={start}&end={end}").status_code == 200
    counted.refresh()
    assert figures.asked_periods(timezone.now()) == others[::-1]
    counted_now = {row.slot: (row.start, row.end) for row in CountedFigures.objects.all()}
    assert since not in counted_now.values()
    assert set(others) <= set(counted_now.values())
    # No longer counted, it ends the day the others end: it reads the nearest of them, the
    # day between their first days counted now (`figures.near`), the same counts.
    near_at, near = api(query)
    assert near_at is not None and near == live
    # Asked again just now, the first period is counted at the beat's next look in the row of
    # the period asked longest ago; the other stays in its row. Once their count is old (a
    # beat missed), that look makes it again.
    row_of = {period: slot for slot, period in counted_now.items() if period in others}
    assert counted.refresh_asked() == 2
    after = {row.slot: (row.start, row.end) for row in CountedFigures.objects.all()}
    assert (after[row_of[others[1]]], after[row_of[others[0]]]) == (others[1], since)
    assert counted.refresh_asked(now=timezone.now() + timedelta(minutes=11)) == 4
    # A day after they were last asked, the beat no longer counts them; the notes are kept.
    later = timezone.now() + timedelta(hours=25)
    assert figures.asked_periods(later) == []
    assert counted.refresh_asked(now=later) == 0
    assert AskedPeriod.objects.count() == 3


def test_the_beat_looks_for_a_period_asked_every_oversight_asked_seconds(
    cast, facility_a, settings
):
    """The beat's entry runs the task that counts the periods asked since its last look, as
    often as OVERSIGHT_ASKED_SECONDS says; the task counts a period asked, then nothing."""
    from oversight.tasks import count_asked

    entry = settings.CELERY_BEAT_SCHEDULE["oversight-asked"]
    assert entry["task"] == count_asked.name
    assert entry["schedule"] == settings.OVERSIGHT_ASKED_SECONDS == 10
    today = timezone.localdate()
    figures.asked(today - timedelta(days=44), today)
    assert count_asked() == 2  # the period and the one before it
    assert count_asked() == 0


@pytest.fixture
def elsewhere():
    """Another connection to the database, in a transaction of its own: a count of the
    periods asked running in another process, once it holds their lock (`holding_the_lock`)."""
    from django.db import connections

    other = connections.create_connection("default")
    other.set_autocommit(False)
    try:
        yield other
    finally:
        other.close()


def holding_the_lock(other) -> None:
    with other.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [counted.ASKED_LOCK])


def test_a_count_of_the_periods_asked_leaves_them_to_one_still_counting(
    cast, facility_a, elsewhere
):
    """A count of the periods asked that starts while another still counts them (the beat's
    next look, every ten seconds, at a count that takes longer) counts nothing and writes
    nothing; once the other is done, they are counted."""
    today = timezone.localdate()
    figures.asked(today - timedelta(days=44), today)
    holding_the_lock(elsewhere)  # the count still running
    assert counted.refresh_asked() == 0
    assert not CountedFigures.objects.filter(slot__startswith=figures.ASKED).exists()
    elsewhere.rollback()  # its transaction ends: the lock is free
    assert counted.refresh_asked() == 2
    assert CountedFigures.objects.filter(slot__startswith=figures.ASKED).count() == 2


def test_the_beats_count_leaves_the_periods_asked_to_a_count_of_them_still_running(
    cast, facility_a, monkeypatch, elsewhere
):
    """The five-minute count counts the periods the pages most ask whatever else runs, and
    the periods asked only where no count of them runs (the ten-second look's, which would
    write them at the same time); while it counts them, a look counts nothing."""
    today = timezone.localdate()
    asked = (today - timedelta(days=44), today)
    figures.asked(*asked)
    standard = len(figures.slots(today))
    holding_the_lock(elsewhere)  # a count of them still running
    assert counted.refresh() == standard
    assert CountedFigures.objects.count() == standard
    assert not CountedFigures.objects.filter(slot__startswith=figures.ASKED).exists()
    elsewhere.rollback()  # that count is done: the lock is free
    looked = []
    write = counted._write

    def writing(*args):  # a look from elsewhere while this count counts them
        with elsewhere.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [counted.ASKED_LOCK])
            looked.append(cursor.fetchone()[0])
        elsewhere.rollback()
        return write(*args)

    monkeypatch.setattr(counted, "_write", writing)
    assert counted.refresh() == standard + 2
    assert looked == [False]
    rows = CountedFigures.objects.filter(slot__startswith=figures.ASKED)
    assert {(row.start, row.end) for row in rows} == {asked, registry.previous_period(*asked)}


def test_a_month_asked_has_its_overview_counted_ahead_beside_its_indicators(
    cast, facility_a, settings
):
    """A calendar month, whose indicators the beat counts for the trend, asked on the overview
    is noted like any period and its overview counted ahead too; counted at once with the
    month's own row (its indicators only), the page reads the row of the month asked."""
    settings.OVERSIGHT_FIGURES_SECONDS = 300
    admit(cast, facility_a, "A1", days_ago=3)
    today = timezone.localdate()
    month = registry.months(today)[-2]  # the month before this one, whole
    assert month in figures.slots(today).values()
    query = f"?start={month[0]}&end={month[1]}"
    client = client_for(cast["inspector"])
    assert b'data-testid="counted-at"' not in client.get(f"/oversight/{query}").content
    assert list(AskedPeriod.objects.values_list("start", "end")) == [month]
    assert counted.refresh_asked() == 2
    counted.refresh()
    counted_at = set(
        CountedFigures.objects.filter(start=month[0], end=month[1]).values_list(
            "counted_at", flat=True
        )
    )
    assert len(counted_at) == 1  # the month's row and the row of the month asked, at once
    # Whichever the database finds last (the month's row written over after the other):
    month_row = CountedFigures.objects.filter(start=month[0], end=month[1], slot__startswith="m")
    assert month_row.update(counts=F("counts")) == 1
    assert b'data-testid="counted-at"' in client.get(f"/oversight/{query}").content


def test_a_count_too_old_or_without_an_indicator_is_not_read(cast, facility_a, settings):
    """Figures counted longer than twice the beat's interval ago (a beat missed), or that
    lack one of the indicators asked (one added since), are counted live instead; of a
    period whose own row lacks one, those over what holds on its last day are read from
    another row ending that day."""
    settings.OVERSIGHT_FIGURES_SECONDS = 300
    admit(cast, facility_a, "A1", days_ago=3)
    counted.refresh()
    today = timezone.localdate()
    periods = asked(today)[0]
    inspector = cast["inspector"]
    places = facilities_overseen(inspector)
    items = registry.indicators_for(inspector)
    keys = [item.key for item in items]
    present = [i.key for i in items if _present(i)]
    assert len(present) >= 5 and "occupancy" not in present

    def each(keys) -> list:
        return figures.counted_each(keys, present, places, periods, None)[1]

    assert each(keys) == [True, True]
    CountedFigures.objects.update(counted_at=timezone.now() - timedelta(seconds=601))
    assert each(keys) == [None, None]
    CountedFigures.objects.update(counted_at=timezone.now())
    row = CountedFigures.objects.get(slot="last-365")
    del row.counts["occupancy"]
    row.save()
    assert each(keys) == [False, True]
    found, _how = figures.counted_each(keys, present, places, periods, None)
    of_the_year = {key for key, counts in found.items() if any(i == 0 for i, _p in counts)}
    # Exactly what holds on the last day, as any count ending that day holds it.
    ids = figures.ids_of(places)
    month = CountedFigures.objects.get(slot="last-30").counts
    assert of_the_year == {key for key in present if ids & month[key].keys()} != set()
    assert each([k for k in keys if k != "occupancy"]) == [True, True]
    assert read(inspector, places, periods) == live(inspector, places, periods)


def test_a_governor_reads_only_her_facilitys_figures_from_the_count(cast, facility_a, facility_b):
    """The count holds every facility; the governor of one reads hers alone, as counting
    hers live gives, and nothing of the other's."""
    from facilities.models import Facility

    for number in ("A1", "A2"):
        admit(cast, facility_a, number, days_ago=5)
    admit(cast, facility_b, "B1", days_ago=5, by=cast["outsider"])
    counted.refresh()
    today = timezone.localdate()
    governor = cast["governor"]
    hers = Facility.objects.filter(pk=facility_a.pk)
    periods = asked(today)[2]
    found = read(governor, hers, periods)
    assert found == live(governor, hers, periods)
    assert {facility for counts in found.values() for (_i, facility) in counts} <= {facility_a.pk}


@pytest.mark.dataset
def test_the_overview_counted_ahead_per_facility_is_what_each_facility_counted_live_gives(
    cast, facility_a, woman_a
):
    """Over the generated set at its tiny scale, each list and count that must be zero the
    beat counts for every viewer alike (whole), counted ahead for every facility at once
    (grouped by its records' facility), gives for each facility what counting that facility
    alone gives."""
    from bangkok.counting import sizes
    from facilities.models import Facility
    from oversight import summaries
    from scale.tests.test_dataset import load_beside

    today = timezone.localdate()
    load_beside(today=today)
    summaries.refresh(today - timedelta(days=400), today - timedelta(days=1))
    items = {
        f"{kind}:{item.key}": item
        for kind, declared in (("zero", registry._ZEROS), ("list", registry._LISTS))
        for item in declared.values()
        if registry.counted_alike(item)
    }
    for days in figures.WINDOWS:
        start, end = today - timedelta(days=days - 1), today
        found = counted._listed(start, end)
        assert found.keys() == items.keys()
        assert sum(1 for each in found.values() if each) >= len(items) / 5, found
        for place in Facility.objects.all():
            alone = Facility.objects.filter(pk=place.pk)
            live = sizes(
                {name: registry.counter_of(item)(alone, start, end) for name, item in items.items()}
            )
            ahead = {name: each.get(str(place.pk), 0) for name, each in found.items()}
            assert ahead == live, place.code


def test_the_overview_reads_the_count_says_when_and_its_cases_are_read_now(
    cast, facility_a, settings
):
    """The overview of the last 30 days reads the counts the beat made and says when: it
    doesn't count them (no statement of counts); an admission made since is counted once the
    beat counts again; another period is counted as asked but for what holds now whatever
    the period (read from the latest count: the page says when), and by the beat from its
    next count."""
    settings.OVERSIGHT_FIGURES_SECONDS = 300
    admit(cast, facility_a, "A1", days_ago=3)
    counted.refresh()
    client = client_for(cast["governor"])
    today = timezone.localdate()

    def admissions(path):
        body = client.get(f"/api/v1/oversight/{path}").json()
        (found,) = [entry for entry in body["records"] if entry["key"] == "admissions"]
        return body["counted_at"], found["count"]

    with CaptureQueriesContext(connection) as ahead:
        page = client.get("/oversight/")
    assert page.status_code == 200 and b'data-testid="counted-at"' in page.content
    # A period ending another day than any counted ahead (one ending today would read the
    # last 30 days', `figures.near`): what holds now is read from the latest count.
    other_period = f"?start={today - timedelta(days=28)}&end={today - timedelta(days=1)}"
    with CaptureQueriesContext(connection) as counting:
        other = client.get(f"/oversight/{other_period}")
    assert other.status_code == 200 and b'data-testid="counted-at"' in other.content

    def counted_live(queries) -> int:
        """How many counts the page's statements of counts make."""
        found = [q["sql"] for q in queries.captured_queries if " s) t0" in q["sql"]]
        return sum(len(re.findall(r" s\) t\d+", statement)) for statement in found)

    governor = cast["governor"]
    own = [*registry.zeros_for(governor), *registry.lists_for(governor)]
    # Counted ahead, the one statement of counts asks only whether anything is hidden from
    # her (once for each way of finding it): she is named in nothing, so nothing is taken off.
    assert all(i.hidden for i in own if i.viewer_filter)
    assert counted_live(ahead) == len({i.hidden for i in own if i.hidden}) > 0
    now = [i for i in own if i.now]
    assert now and counted_live(counting) == len(own) - len(now) + counted_live(ahead)
    counted_at, count = admissions("")
    assert counted_at is not None and count == 1
    admit(cast, facility_a, "A2", days_ago=1)
    assert admissions("") == (counted_at, 1)
    counted.refresh()
    later, count = admissions("")
    assert later > counted_at and count == 2
    # Asked before that count, the other period was counted with the others.
    assert admissions(other_period) == (later, 2)


@pytest.mark.rule("25")
@pytest.mark.usefixtures("kept")
def test_the_timeliness_counted_ahead_is_what_counting_gives_and_hides_what_she_may_not_know(
    cast, facility_a, facility_b
):
    """The tasks' timeliness of the last 30 days read from the beat's count is, for each
    viewer and facility, what counting it now gives; a task hidden from the governor (about
    a report that names her) is in neither her counts nor the count's total she reads, while
    the inspector counts it; one made after the count is in neither until it counts again."""
    from facilities.models import Facility
    from reminders.models import Reminder
    from reminders.services import timeliness

    hidden = Reminder.objects.get(key=f"timeliness:{facility_a.code}:4")
    hidden.hidden_from.add(cast["governor"])
    counted.refresh()
    today = timezone.localdate()
    month = (today - timedelta(days=29), today)
    for viewer in (cast["governor"], cast["inspector"]):
        for places in (
            Facility.objects.filter(pk=facility_a.pk),
            Facility.objects.all(),
        ):
            seen: dict = {}
            found = counted.timeliness(places, *month, viewer=viewer, seen=seen)
            assert found == timeliness(places, *month, viewer=viewer)
            assert seen["counted_at"] is not None
    places = Facility.objects.filter(pk=facility_a.pk)
    [hers] = counted.timeliness(places, *month, viewer=cast["governor"])
    [theirs] = counted.timeliness(places, *month, viewer=cast["inspector"])
    assert (hers["due"], hers["overdue"]) == (4, 0)
    assert (theirs["due"], theirs["overdue"]) == (5, 1)
    task(facility_a, Reminder.objects.get(pk=hidden.pk).prisoner, 10, due=timezone.now())
    assert counted.timeliness(places, *month, viewer=cast["inspector"]) == [theirs]
    counted.refresh()
    [again] = counted.timeliness(places, *month, viewer=cast["inspector"])
    assert again["due"] == theirs["due"] + 1


@pytest.mark.rule("25")
def test_the_breakdown_counted_ahead_is_what_counting_gives_and_hides_what_names_her(
    cast, facility_a, facility_b, settings
):
    """The outcomes by group of the last 30 days read from the beat's count are, for each
    viewer, what counting them now gives, read by facility or, for every facility, as their
    whole (a group in two facilities added up): a complaint that names the governor is in
    none of her tables (the count is whole; what names her is counted now and taken off)."""
    from complaints.tests.factories import complaint
    from equality.oversight import BREAKDOWNS
    from equality.tests.test_equality import consented
    from facilities.models import Facility
    from prisoners.tests.factories import PrisonerFactory

    settings.EQUALITY_SMALL_CELL = 1
    (item,) = BREAKDOWNS
    women = [PrisonerFactory(facility=facility_a) for _n in range(3)]
    women += [PrisonerFactory(facility=facility_b)]
    staff = {facility_a: cast, facility_b: {"social": make_staff("social", facility_b)}}
    for woman, religion in zip(women, ("buddhist", "none", "buddhist", "buddhist"), strict=True):
        consented(staff[woman.facility], woman, religion=religion, disability="no")
    complaints = [complaint(cast["social"], woman) for woman in women[:3]]
    complaints[0].named_staff.add(cast["governor"])
    counted.refresh()
    today = timezone.localdate()
    month = (today - timedelta(days=29), today)
    places = Facility.objects.all()
    for viewer in (cast["governor"], cast["inspector"], None):
        for asked in (places, places.filter(pk=facility_a.pk)):
            seen: dict = {}
            assert figures.breakdown(item, asked, *month, viewer, seen) == item.table(
                asked, *month, viewer
            )
            assert seen["counted_at"] is not None

    def complaints_counted(viewer):
        table = figures.breakdown(item, places, *month, viewer)
        column = [c["key"] for c in table["columns"]].index("complaints")
        return table["dimensions"][0]["total"]["cells"][column]["count"]

    assert complaints_counted(cast["governor"]) == 2
    assert complaints_counted(cast["inspector"]) == 3
    # One naming her lodged since the count takes nothing off the complaints she may see.
    complaint(cast["social"], women[1]).named_staff.add(cast["governor"])
    assert figures.breakdown(item, places, *month, cast["governor"]) == item.table(
        places, *month, cast["governor"]
    )
    assert complaints_counted(cast["governor"]) == 2


@pytest.mark.rule("25")
@pytest.mark.parametrize("days", [30, 45], ids=["the last 30 days", "a period asked"])
def test_the_overview_counted_ahead_leaves_out_what_names_her_counted_from_her_side(
    days, cast, facility_a
):
    """The overview's complaints and held actions of the last 30 days (and of a period a page
    asked, counted by the beat since) are counted ahead whole;
    read by a viewer, each count is what counting it now without what she may not see gives:
    a complaint naming the governor, and an action held against the woman whose complaint
    names her, are in none of her counts (counted for her when she asks), while the
    inspector reads them from the count; one naming her lodged after the count changes none
    of hers. What an item declares hidden from her (`hidden`) is exactly what its
    `viewer_filter` leaves out."""
    from bangkok.counting import sizes
    from complaints.tests.factories import complaint, held_action, report
    from facilities.models import Facility
    from prisoners.tests.factories import PrisonerFactory

    governor, inspector = cast["governor"], cast["inspector"]
    women = [PrisonerFactory(facility=facility_a) for _n in range(3)]
    for woman in women:
        complaint(cast["social"], woman)
        report(cast["social"], woman, received_at=timezone.now() - timedelta(days=3))
        held_action(cast["custody"], woman)
    named = complaint(cast["social"], women[0])
    named.named_staff.add(governor)
    today = timezone.localdate()
    month = (today - timedelta(days=days - 1), today)
    figures.asked(*month)
    counted.refresh()
    places = Facility.objects.filter(pk=facility_a.pk)
    hidden = [i for i in (*registry._ZEROS.values(), *registry._LISTS.values()) if i.hidden]
    assert {i.key for i in hidden} >= {"complaints", "held-actions", "complaints-overdue"}

    def read_and_now(viewer) -> tuple[dict, dict]:
        seen: dict = {}
        zeros, lists = registry.overview(viewer, places, *month, seen=seen)
        assert seen["counted_at"] is not None
        read = {("zero", z["item"].key): z["count"] - z["recorded"] for z in zeros}
        read |= {("list", each["item"].key): each["count"] for each in lists}
        mine = [("zero", i) for i in registry.zeros_for(viewer)]
        mine += [("list", i) for i in registry.lists_for(viewer)]
        now = sizes(
            {
                (kind, i.key): registry.for_viewer(
                    i, registry.counter_of(i)(places, *month), viewer
                )
                for kind, i in mine
            }
        )
        return read, now

    counts = {}
    for viewer in (governor, inspector):
        for item in hidden:
            records = registry.counter_of(item)(places, *month)
            shown = registry.for_viewer(item, records, viewer).count()
            hidden_now = records.filter(pk__in=item.hidden(viewer)).count()
            assert records.count() == shown + hidden_now, item.key
        read, now = read_and_now(viewer)
        assert read == now
        counts[viewer.username] = read
    assert counts["governor"][("list", "held-actions")] == 2
    assert counts["inspector"][("list", "held-actions")] == 3
    assert counts["inspector"][("list", "complaints")] == 7
    # An action held since the count, against a woman whose complaint since names her, is
    # in none of her counts and takes nothing off them (taken off the count made before, it
    # would show her one held action fewer than there are for her to see).
    late = PrisonerFactory(facility=facility_a)
    held_action(cast["custody"], late)
    complaint(cast["social"], late).named_staff.add(governor)
    read, now = read_and_now(governor)
    keys = {i.key for i in hidden}
    assert {k: n for k, n in read.items() if k[1] in keys} == {
        k: n for k, n in now.items() if k[1] in keys
    }
    assert read[("list", "held-actions")] == 2


def test_a_figure_is_kept_when_it_counts_something_a_median_of_zeros_too():
    from oversight.counted import _counts_something

    assert not _counts_something((0, 0)) and _counts_something((0, 4))
    assert _counts_something({0: 3}) and not _counts_something({})
    assert figures._read(figures.as_kept({0: 3, 12: 1})) == {0: 3, 12: 1}
    assert figures._read(figures.as_kept((2, 5))) == (2, 5)


def test_a_part_kept_by_facility_is_read_for_her_facilities_only_picked_or_whole():
    """Of a part kept by facility, a viewer reads her facilities' alone: picked in the
    database when they are fewer than half of those counted, read whole and picked after
    when they are more, nothing when she has none; the part of every facility together only
    when hers are every facility it counted (a facility made since changes nothing)."""
    from facilities.models import Facility
    from prisoners.tests.factories import FacilityFactory

    month = figures.slots(timezone.localdate())["last-30"]
    places = [FacilityFactory() for _n in range(5)]
    per_facility = {str(place.pk): [{"n": number}] for number, place in enumerate(places)}
    counted_then = figures.ids_of(places)
    CountedFigures.objects.create(
        slot="last-30",
        start=month[0],
        end=month[1],
        counted_at=timezone.now(),
        counts={},
        tables=figures.kept("timeliness", per_facility, [{"n": 10}], counted_then),
    )
    every = {figures.EVERY: [{"n": 10}]}
    assert read_part(month, places) == every
    assert read_part(month, [*places, FacilityFactory()]) == every
    assert read_part(month, places[1:]) == {
        str(p.pk): [{"n": n}] for n, p in enumerate(places) if n
    }

    def read(*chosen):
        return read_part(month, chosen)

    assert read(places[1]) == {str(places[1].pk): [{"n": 1}]}  # picked
    assert read(*places[:3]) == {str(p.pk): [{"n": n}] for n, p in enumerate(places[:3])}
    assert read() == {}
    assert figures.counted_row(*month, "tables", "breakdown:none", Facility.objects.all()) == {
        "start": month[0],
        "end": month[1],
        "counted_at": ANY,
        "tables": None,
    }


def read_part(month, chosen) -> dict:
    from facilities.models import Facility

    asked = Facility.objects.filter(pk__in=[place.pk for place in chosen])
    return figures.counted_row(*month, "tables", "timeliness", asked)["tables"]
