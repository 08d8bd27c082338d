"""A period the beat doesn't count ahead, ending the day one it counts ends (the days since an
inspection, to today), reads the overview's counts of that one (`figures.near`): what holds at
the end whatever the first day (`whatever_start`, `now`) as it is, what is dated in the period
(`dated`) with the records of the days between the two first days added or taken off, what
held on any day of it (`until`) with the records that ended on those days added or taken
off; a period ending another day reads what holds now whatever the period (`now`) from the
latest count (`figures.latest`). Each item declares what it is, and the declarations are held
to the SQL of its count; read so, the counts (and the tasks' timeliness, and the outcomes by
group) are what counting them live gives."""

import re
from dataclasses import replace
from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone

from bangkok.counting import sizes
from facilities.models import Facility
from oversight import counted, figures, registry, summaries
from oversight.models import CountedFigures
from reminders.services import timeliness as counted_now
from staff.tests.factories import make_staff

from .test_oversight import admit
from .test_timeliness import kept  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db


def _read(item, places, start, end) -> tuple[str, tuple]:
    sql, params = registry.counter_of(item)(places, start, end).query.sql_with_params()
    return sql, tuple(params)


def _apart(params: tuple, other: tuple) -> list[int]:
    """Where two periods' parameters of one SQL differ."""
    return [n for n, (a, b) in enumerate(zip(params, other, strict=True)) if a != b]


_COLUMN = re.compile(r'"(\w+)"\."(\w+)" (>=|<=|<|BETWEEN)$')


def _compared(sql: str, position: int) -> tuple[str, str, str] | None:
    """The table, column and comparison a parameter of the SQL is compared by (None: none of
    those, or `AND` after a BETWEEN, given as the BETWEEN's)."""
    before = sql.split("%s")[position].strip()
    if before == "AND" and position:
        found = _compared(sql, position - 1)
        return found and (found[0], found[1], "BETWEEN")
    found = _COLUMN.search(before)
    return found.groups() if found else None


def shape(item, places, now) -> tuple[str, str]:
    """What the SQL of an item's count shows of how a period narrows its records, at one
    moment: ("now", "") when the same SQL counts it whatever the period; ("whatever_start",
    "") when the same SQL counts it whatever the first day;
    ("dated", column) when two periods' SQL differ only in a first and a last moment (or
    day) of one column; ("until", column) when they differ only in a column compared
    with the first day (`>=`: not ended before it) and another with the last (`<`, `<=`:
    begun by then); else ("", "")."""
    end = timezone.localdate(now)
    month = _read(item, places, end - timedelta(days=29), end)
    longer = _read(item, places, end - timedelta(days=200), end)
    earlier = _read(item, places, end - timedelta(days=200), end - timedelta(days=40))
    if month == longer == earlier:
        return "now", ""
    if month == longer:
        return "whatever_start", ""
    if not month[0] == longer[0] == earlier[0]:
        return "", ""
    sql, params = month
    by_start, by_both = _apart(params, longer[1]), _apart(params, earlier[1])
    if len(by_start) >= 2 and len(by_both) == 2 * len(by_start):
        return _dated_by(sql, by_start, by_both)
    if len(by_start) != 1 or len(by_both) != 2 or by_start[0] not in by_both:
        return "", ""
    (by_end,) = set(by_both) - set(by_start)
    first, last = _compared(sql, by_start[0]), _compared(sql, by_end)
    if first is None or last is None or first[0] != last[0]:
        return "", ""
    if first[1] == last[1] and (first[2], last[2]) in {(">=", "<"), (">=", "<="), ("BETWEEN",) * 2}:
        return "dated", first[1]
    if first[1] != last[1] and first[2] == ">=" and last[2] in ("<", "<="):
        return "until", first[1]
    return "", ""


def _dated_by(sql: str, by_start: list[int], by_both: list[int]) -> tuple[str, tuple]:
    """("dated_by", its columns) when each parameter the first day changes is a first moment
    (`>=`) of a column of one table, and the last day changes the last moment of each: a
    record is of the period if any of them falls in it."""
    first = [_compared(sql, position) for position in by_start]
    last = [_compared(sql, position) for position in sorted(set(by_both) - set(by_start))]
    if None in first or None in last or {f[2] for f in first} != {">="}:
        return "", ""
    columns = sorted(column for _table, column, _op in first)
    if len(set(columns)) != len(columns) or len({t for t, _c, _o in first + last}) != 1:
        return "", ""
    if sorted(column for _t, column, op in last if op in ("<", "<=")) != columns:
        return "", ""
    return "dated_by", tuple(columns)


def declared(item) -> tuple[str, str]:
    """What an item declares of how a period narrows its records, as `shape` shows it."""
    if item.now:
        return "now", ""
    if item.whatever_start:
        return "whatever_start", ""
    if item.dated_by:
        today = timezone.localdate()
        model = registry.counter_of(item)(Facility.objects.none(), today, today).model
        return "dated_by", tuple(sorted(model._meta.get_field(n).column for n in item.dated_by))
    for kind in ("dated", "until"):
        if getattr(item, kind):
            today = timezone.localdate()
            model = registry.counter_of(item)(Facility.objects.none(), today, today).model
            return kind, model._meta.get_field(getattr(item, kind)).column
    return "", ""


def _items():
    """Each item counted live for a period (every viewer alike, not added up from days)."""
    return {
        f"{kind}:{item.key}": item
        for kind, items in (("zero", registry._ZEROS), ("list", registry._LISTS))
        for item in items.values()
        if not summaries.summarised(item) and registry.counted_alike(item)
    }


def test_what_each_item_declares_is_what_the_sql_of_its_count_holds():
    """An item declared `now` is counted by the same SQL whatever the period, one declared
    `whatever_start` whatever the period's first day (not its last); one declared `dated` by
    SQL in which two periods differ only in the first and the last moment of the column it
    names; one declared `until` only in that column compared with the first day and another
    with the last (all else of the present, not of the period); and every item whose SQL is
    so declares it, so that none is counted whole without need."""
    places = Facility.objects.filter(pk__in=[1, 2])
    now = timezone.now()
    with mock.patch("django.utils.timezone.now", return_value=now):
        found = {
            name: (declared(item), shape(item, places, now)) for name, item in _items().items()
        }
    wrong = {name: pair for name, pair in found.items() if pair[0] != pair[1]}
    assert not wrong, wrong
    kinds = [kind for (kind, _column), _shape in found.values()]
    assert kinds.count("dated") >= 30 and kinds.count("until") >= 10, kinds
    assert kinds.count("now") >= 4 and kinds.count("whatever_start") >= 2, kinds
    neither = sorted(name for name, ((kind, _c), _s) in found.items() if not kind)
    assert neither == ["zero:restraints-authority-late-or-refused"]
    assert kinds.count("dated_by") == 3, kinds


def test_an_item_declared_otherwise_than_its_sql_is_found_out():
    """The check holds an item to its declaration: dated by a moment its SQL doesn't bound,
    dated where its records overlap the period, or holding until another moment."""
    from discipline.oversight import LISTS

    (segregations,) = [item for item in LISTS if item.key == "segregations"]
    (sanctions,) = [item for item in LISTS if item.key == "sanctions"]
    places = Facility.objects.filter(pk__in=[1, 2])
    now = timezone.now()
    assert declared(sanctions) == shape(sanctions, places, now) == ("dated", "imposed_at")
    assert declared(segregations) == shape(segregations, places, now) == ("until", "ended_at")
    for item, changed in (
        (sanctions, {"dated": "id"}),
        (segregations, {"until": "", "dated": "started_at"}),
        (segregations, {"until": "started_at"}),
    ):
        wrong = replace(item, **changed)
        assert declared(wrong) != shape(wrong, places, now)


def _live(user, places, start, end) -> dict:
    mine = [("zero", i) for i in registry.zeros_for(user)]
    mine += [("list", i) for i in registry.lists_for(user)]
    return sizes(
        {
            (kind, i.key): registry.for_viewer(i, registry.counter_of(i)(places, start, end), user)
            for kind, i in mine
        }
    )


def _overview(user, places, start, end) -> tuple[dict, dict]:
    seen: dict = {}
    zeros, lists = registry.overview(user, places, start, end, seen=seen, cases=False)
    read = {("zero", z["item"].key): z["count"] - z["recorded"] for z in zeros}
    read |= {("list", each["item"].key): each["count"] for each in lists}
    return read, seen


@pytest.mark.dataset
def test_a_period_ending_the_day_a_counted_one_ends_reads_it_and_is_what_counting_gives(
    cast, facility_a, woman_a
):
    """Over the generated set at its tiny scale, counted by the beat: the overview of periods
    ending today, longer and shorter than the two the beat counts and between them, for every
    facility and for the busiest alone, is what counting each list and count live gives, and
    says when the count it read was made; a period ending yesterday reads only what holds
    now (`now`), and is what counting gives too."""
    from scale.tests.test_dataset import load_beside

    today = timezone.localdate()
    load_beside(today=today)
    summaries.refresh(today - timedelta(days=800), today - timedelta(days=1))
    before = timezone.now()
    counted.refresh()
    national = make_staff("inspector", *Facility.objects.all(), username="national")
    busiest = Facility.objects.order_by("-admissions__id").first()
    shown = 0
    tables = registry.breakdowns_for(national)
    assert [item.key for item in tables if item.dated] == ["equality-outcomes"]
    for days in (400, 364, 300, 200, 45, 29, 20, 3):
        start = today - timedelta(days=days)
        for places in (Facility.objects.all(), Facility.objects.filter(pk=busiest.pk)):
            read, seen = _overview(national, places, start, today)
            assert read == _live(national, places, start, today), days
            assert before <= seen["counted_at"] <= timezone.now()
            shown += sum(1 for n in read.values() if n)
            found = counted.timeliness(places, start, today, viewer=national)
            assert found == counted_now(places, start, today, viewer=national), days
            for item in tables:
                table = figures.breakdown(item, places, start, today, national)
                assert table == item.table(places, start, today, national), days
    assert shown > 50
    yesterday = today - timedelta(days=1)
    now = [tuple(key.split(":", 1)) for key, item in _items().items() if item.now]
    shown = 0
    for places in (Facility.objects.all(), Facility.objects.filter(pk=busiest.pk)):
        read, seen = _overview(national, places, today - timedelta(days=200), yesterday)
        assert before <= seen["counted_at"] <= timezone.now()
        assert read == _live(national, places, today - timedelta(days=200), yesterday)
        shown += sum(read[key] for key in now)
    assert shown > 0


def _asked(monkeypatch) -> list[tuple]:
    """The (item's key, first day, last day) of every count made from now on, in order."""
    asked = []
    real = registry.counter_of

    def spy(item):
        def counts(facilities, start, end):
            asked.append((item.key, start, end))
            return real(item)(facilities, start, end)

        return counts

    monkeypatch.setattr(registry, "counter_of", spy)
    return asked


def test_the_days_between_are_counted_now_added_or_taken_off_never_below_none(
    cast, facility_a, settings, monkeypatch
):
    """The women not classified within the set time of their admission (dated by her
    admission), over periods ending today: the count of the last 30 days is read, and only the
    days between the two first days are counted now, added (a longer period) or taken off (a
    shorter one); what holds at the end whatever the first day isn't counted at all. An
    admission of the days added made after the count is in the count at once; one of the days
    both periods hold, once the beat counts again; one of the days taken off is taken off at
    once though the count never held it, never below none (figures of up to twice the beat's
    interval before, as every count read ahead)."""
    settings.OVERSIGHT_FIGURES_SECONDS = 300
    settings.CLASSIFICATION_DAYS = 14
    governor = cast["governor"]
    places = Facility.objects.filter(pk=facility_a.pk)
    today = timezone.localdate()
    month_start = today - timedelta(days=29)
    admit(cast, facility_a, "A1", days_ago=20)
    counted.refresh()
    key = ("list", "classification-not-in-time")
    asked = _asked(monkeypatch)

    def count(days) -> int:
        start = today - timedelta(days=days)
        read, seen = _overview(governor, places, start, today)
        assert seen["counted_at"] is not None
        return read[key]

    assert [count(days) for days in (40, 25, 21, 19)] == [1, 1, 1, 0]
    assert all(
        read == _live(governor, places, today - timedelta(days=d), today)
        for d in (40, 19)
        for read in [_overview(governor, places, today - timedelta(days=d), today)[0]]
    )
    asked.clear()
    count(40)
    items = {i.key: i for i in [*registry.zeros_for(governor), *registry.lists_for(governor)]}
    assert (key[1], today - timedelta(days=40), month_start - timedelta(days=1)) in asked
    assert (key[1], today - timedelta(days=40), today) not in asked
    assert not [k for k, _s, _e in asked if items[k].whatever_start or items[k].now]
    assert all(
        (start, end) == (today - timedelta(days=40), month_start - timedelta(days=1))
        for k, start, end in asked
        if items[k].dated and not summaries.summarised(items[k])
    )
    asked.clear()
    count(25)
    assert (key[1], month_start, today - timedelta(days=26)) in asked
    # Made after the count: in the days only the longer period holds, in the days both hold,
    # in the days the shorter one leaves out.
    admit(cast, facility_a, "A2", days_ago=35)
    admit(cast, facility_a, "A3", days_ago=22)
    admit(cast, facility_a, "A4", days_ago=27)
    assert count(40) == 2  # A1 from the count, A2 counted now
    assert count(25) == 0  # A1 from the count, less A4 counted now
    counted.refresh()
    assert count(40) == 4 == _live(governor, places, today - timedelta(days=40), today)[key]
    assert count(25) == 2 == _live(governor, places, today - timedelta(days=25), today)[key]


@pytest.mark.rule("25.3")
@pytest.mark.usefixtures("kept")
@pytest.mark.parametrize("slowest", [10, 1])
def test_the_timeliness_of_a_period_ending_the_day_a_counted_one_ends_reads_it(
    slowest, cast, facility_a, woman_a, monkeypatch
):
    """The tasks' timeliness of a period ending today reads the last 30 days' count, the tasks
    due on the days between the two first days counted now: added (a task due on them made
    since is counted at once) or taken off, the longest delay of what is left found among the
    longest the beat kept with their days; counted now whole where none of those is left
    and there were more late tasks than it kept."""
    from reminders.models import Status

    from .test_timeliness import task

    monkeypatch.setattr(counted, "SLOWEST", slowest)
    now = timezone.now()
    # Done ten days late: the longest delay of the last 30 days.
    task(
        facility_a,
        woman_a,
        11,
        due=now - timedelta(days=25),
        status=Status.DONE,
        closed=now - timedelta(days=15),
    )
    counted.refresh()
    inspector = cast["inspector"]
    places = Facility.objects.filter(pk=facility_a.pk)
    today = timezone.localdate()

    def read(days) -> tuple[list, bool]:
        seen: dict = {}
        start = today - timedelta(days=days)
        found = counted.timeliness(places, start, today, viewer=inspector, seen=seen)
        assert found == counted_now(places, start, today, viewer=inspector), days
        return found, "counted_at" in seen

    # Added; taken off (the ten days late left); taken off with it (three days the longest
    # left, among those kept, or unknown if only the longest was kept).
    assert [read(days)[1] for days in (40, 26, 20)] == [True, True, slowest > 1]
    (row,), _ahead = read(26)
    assert (row["late"], row["longest"]) == (3, timedelta(days=10))
    (row,), _ahead = read(20)
    assert (row["late"], row["longest"]) == (2, timedelta(days=3))
    task(facility_a, woman_a, 10, due=now - timedelta(days=35))
    (row,), ahead = read(40)
    assert ahead and row["overdue"] == 2


def test_her_decisions_about_visitors_dated_by_either_moment_read_the_nearest_count(
    cast, facility_a, woman_a, settings
):
    """Her decisions about visitors (consulted, or a court order recorded, in the period:
    `dated_by`) over periods ending today: the last 30 days' count read, the visitors with a
    moment on the days between the two first days and none in the shorter period added or
    taken off (one consulted on those days and ordered in both periods counts in both)."""
    from visits.models import Visitor
    from visits.tests.factories import visitor

    settings.OVERSIGHT_FIGURES_SECONDS = 300
    governor = cast["governor"]
    assert "visitor-decisions" in {item.key for item in registry.lists_for(governor)}
    now = timezone.now()
    for number, (consulted, ordered) in enumerate(
        ((40, 10), (27, None), (35, 27), (27, 5), (3, None)), start=1
    ):
        person = visitor(cast, woman_a, name=f"Visitor {number}", answer="agrees")
        Visitor.objects.filter(pk=person.pk).update(
            consulted_at=now - timedelta(days=consulted),
            court_order_recorded_at=ordered and now - timedelta(days=ordered),
        )
    counted.refresh()
    places = Facility.objects.filter(pk=facility_a.pk)
    today = timezone.localdate()
    key = ("list", "visitor-decisions")
    for days, expected in ((29, 5), (25, 3), (45, 5), (3, 1)):
        start = today - timedelta(days=days)
        read, seen = _overview(governor, places, start, today)
        assert read[key] == expected == _live(governor, places, start, today)[key], days
        assert seen["counted_at"] is not None


def test_what_holds_now_is_read_from_the_latest_count_whatever_day_the_period_ends(
    cast, facility_a, settings, monkeypatch
):
    """The women in custody with no place on any activity (what holds now, whatever the
    period: `now`), for a period ending yesterday, which no period counted ahead ends: read
    from the latest count, not counted; what is dated in the period is counted live. A woman
    admitted after the count is in once the beat counts again (as every count read ahead); a
    count older than twice the beat's interval isn't read."""
    settings.OVERSIGHT_FIGURES_SECONDS = 300
    governor = cast["governor"]
    places = Facility.objects.filter(pk=facility_a.pk)
    today = timezone.localdate()
    start, end = today - timedelta(days=40), today - timedelta(days=1)
    admit(cast, facility_a, "A1", days_ago=20)
    counted.refresh()
    asked = _asked(monkeypatch)
    key = ("list", "regime-no-activity")
    read, seen = _overview(governor, places, start, end)
    assert seen["counted_at"] is not None
    assert read[key] == 1
    items = {i.key: i for i in [*registry.zeros_for(governor), *registry.lists_for(governor)]}
    assert items[key[1]].now
    assert key[1] not in [k for k, _s, _e in asked]
    assert ("classification-not-in-time", start, end) in asked
    assert read == _live(governor, places, start, end)
    admit(cast, facility_a, "A2", days_ago=2)
    assert _overview(governor, places, start, end)[0][key] == 1
    counted.refresh()
    assert _overview(governor, places, start, end)[0][key] == 2
    assert _live(governor, places, start, end)[key] == 2
    CountedFigures.objects.update(counted_at=timezone.now() - timedelta(seconds=601))
    asked.clear()
    read, seen = _overview(governor, places, start, end)
    assert "counted_at" not in seen
    assert read[key] == 2 and (key[1], start, end) in asked
