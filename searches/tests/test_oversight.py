"""What searches give oversight: the facility's searches in a period, and the must-be-zero
counts computed from the records themselves (indicators 12, 13, 15). The service refuses
these breaches, so the breaching records here are written around it, as a faulty import or
a direct database write would."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from facilities.models import Facility
from oversight.registry import lists_for, zeros_for
from searches.models import Search, SearchStaff
from searches.services import record_search
from staff.models import Course, Gender

from .factories import child_with, given, pat_down, strip, trained

pytestmark = pytest.mark.django_db


def written_around_the_service(woman, people, **fields) -> Search:
    """A search row as it stands in the database, with (user, gender, role) searchers."""
    values = {
        "facility": woman.facility,
        "prisoner": woman,
        "subject": "woman",
        "kind": "pat_down",
        "trigger": "admission",
        "place": "Reception",
        "recorded_by": people[0][0],
        **fields,
    }
    search = Search.objects.create(**values)
    for user, gender, role in people:
        SearchStaff.objects.create(
            search=search, person=user, part="searcher", gender=gender, role=role
        )
    return search


def cases(inspector, key, facility):
    """The cases of the must-be-zero count `key` in the past week, as the inspector sees it."""
    today = timezone.localdate()
    zero = next(z for z in zeros_for(inspector) if z.key == key)
    facilities = Facility.objects.filter(pk=facility.pk)
    return list(zero.cases(facilities, today - timedelta(days=7), today))


def test_the_governor_and_the_inspector_see_the_searches_list_and_counts(cast):
    for role in ("governor", "inspector"):
        assert "searches" in {item.key for item in lists_for(cast[role])}
        assert {"searches-by-a-man", "body-cavity-not-health"} <= {
            item.key for item in zeros_for(cast[role])
        }
    assert not [item for item in zeros_for(cast["health"]) if item.key.startswith("searches")]


def test_the_searches_list_holds_the_facilitys_searches_in_the_period_with_links(
    officer, woman_a, woman_b, cast
):
    search = record_search(by=officer, prisoner=woman_a, searchers=[officer], **pat_down())
    record_search(
        by=officer,
        prisoner=woman_a,
        searchers=[officer],
        searched_at=timezone.now() - timedelta(days=30),
        late_reason="Written up from the unit log",
        **pat_down(),
    )
    listing = next(item for item in lists_for(cast["inspector"]) if item.key == "searches")
    today = timezone.localdate()
    found = list(listing.records(Facility.objects.filter(code="A"), today, today))
    assert found == [search]
    row = listing.row(search)
    assert row.woman == woman_a and row.url == reverse(
        "searches:detail", kwargs={"uuid": search.uuid}
    )
    assert "Pat-down" in row.what


def test_a_childs_identity_is_not_in_the_row(child_officer, woman_a, cast):
    child = child_with(woman_a, by=cast["reception"], social=cast["social"])
    search = record_search(
        by=child_officer,
        prisoner=woman_a,
        searchers=[child_officer],
        **pat_down(subject="child_in_prison", child=child),
    )
    listing = next(item for item in lists_for(cast["inspector"]) if item.key == "searches")
    assert "Ploy" not in listing.row(search).what


@pytest.mark.rule("19")
def test_a_personal_search_of_a_woman_by_a_man_is_a_case(cast, officer, man, woman_a, facility_a):
    record_search(by=officer, prisoner=woman_a, searchers=[officer], **pat_down())
    breach = written_around_the_service(
        woman_a, [(officer, Gender.WOMAN, "custody"), (man, Gender.MAN, "custody")]
    )
    assert cases(cast["inspector"], "searches-by-a-man", facility_a) == [breach]


@pytest.mark.rule("19")
def test_a_search_of_a_woman_by_staff_untrained_on_the_day_is_a_case(
    officer, cast, woman_a, facility_a
):
    today = timezone.localdate()
    untrained = cast["reception"]
    trained(untrained, completed=today - timedelta(days=1))
    record_search(by=officer, prisoner=woman_a, searchers=[officer], **pat_down())
    breach = written_around_the_service(
        woman_a,
        [(untrained, Gender.WOMAN, "reception")],
        searched_at=timezone.now() - timedelta(days=3),
    )
    assert cases(cast["inspector"], "searches-untrained", facility_a) == [breach]


@pytest.mark.rule("21")
def test_a_search_of_a_child_by_staff_without_child_training_is_a_case(
    cast, officer, woman_a, facility_a
):
    breach = written_around_the_service(
        woman_a,
        [(officer, Gender.WOMAN, "custody")],
        subject="child_visitor",
        visiting_child_name="Nok",
        visiting_child_age=6,
    )
    assert cases(cast["inspector"], "searches-of-children-untrained", facility_a) == [breach]
    trained(officer, Course.CHILD_SEARCHES)
    assert cases(cast["inspector"], "searches-of-children-untrained", facility_a) == []


@pytest.mark.rule("M52")
def test_a_body_cavity_search_not_by_health_staff_is_a_case(
    officer, nurse, woman_a, cast, facility_a
):
    body_cavity = strip(cast["governor"], kind="body_cavity")
    given(cast["governor"], woman_a, by=officer, kind="body_cavity")
    record_search(by=officer, prisoner=woman_a, searchers=[nurse], **body_cavity)
    breach = written_around_the_service(
        woman_a,
        [(officer, Gender.WOMAN, "custody")],
        authorisation=given(cast["governor"], woman_a, by=officer, kind="body_cavity"),
        **body_cavity,
    )
    assert cases(cast["inspector"], "body-cavity-not-health", facility_a) == [breach]


@pytest.mark.rule("20")
def test_strip_searches_per_100_women_held_a_month(cast, facility_a, settings):
    """Indicator 14: the strip searches of the period ÷ the days women were held in the
    facility in it, per 100 women a month; each month alike, in one query."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from oversight import registry
    from oversight.tests.test_indicators import admit

    admissions = [admit(cast, facility_a, f"A-{n}", days_ago=100) for n in range(10)]
    admit(cast, facility_a, "A-new", days_ago=4)  # five days held in the period, today's too
    now = timezone.now()
    for n in range(6):
        woman = admissions[n].prisoner
        written_around_the_service(
            woman,
            [(cast["custody"], Gender.WOMAN, "custody")],
            kind="strip",
            reason="Information that she hid a package after the visit",
            privacy="Private room, door closed",
            authorised_by=cast["governor"],
            authorisation=given(cast["governor"], woman, by=cast["custody"]),
            searched_at=now - timedelta(days=n),
        )
    written_around_the_service(  # a pat-down is not a strip search
        admissions[0].prisoner, [(cast["custody"], Gender.WOMAN, "custody")], searched_at=now
    )
    item = registry._INDICATORS["strip-searches-per-100-women"]
    today = timezone.localdate()
    facilities = Facility.objects.filter(pk=facility_a.pk)
    periods = [(today - timedelta(29), today), (today - timedelta(59), today - timedelta(30))]
    with CaptureQueriesContext(connection) as queries:
        found = item.counts(facilities, periods)
    assert len(queries) == 1
    assert found == {(0, facility_a.pk): (6, 10 * 30 + 5), (1, facility_a.pk): (0, 10 * 30)}
    settings.SMALL_CELL = 5
    rows = registry.compared(cast["inspector"], facilities, *periods[0])
    (row,) = [r for r in rows if r["key"] == item.key]
    assert (row["numerator"], row["denominator"], row["rate"]) == (6, 305, 59.9)
    assert row["previous"]["rate"] == 0 and row["change"] == 59.9 and row["better"] is False
    assert registry.written(row, row["unit"]) == (
        "59.9 per 100 women a month (6 in 305 days women were held)"
    )


def overview_count(inspector, key, facility) -> int:
    """The count `key` of the past ten days on the overview, as the inspector sees it."""
    from oversight.registry import overview

    today = timezone.localdate()
    zeros, _lists = overview(
        inspector, Facility.objects.filter(pk=facility.pk), today - timedelta(days=10), today
    )
    return next(row["count"] for row in zeros if row["item"].key == key)


def counted_ahead(key) -> int:
    from oversight.models import DailyCount

    return sum(DailyCount.objects.filter(key=key).values_list("count", flat=True))


@pytest.mark.rule("19")
def test_a_searcher_found_later_not_to_be_a_woman_counts_at_once_after_the_day_was_counted(
    cast, officer, woman_a, facility_a
):
    """The day is counted ahead with no breach; then the searcher's row is corrected by a
    write no signal reports. The overview shows the breach at once, and the beat counts it."""
    from oversight import summaries

    search = written_around_the_service(
        woman_a,
        [(officer, Gender.WOMAN, "custody")],
        searched_at=timezone.now() - timedelta(days=3),
    )
    today = timezone.localdate()
    summaries.refresh(today - timedelta(days=10), today)
    assert overview_count(cast["inspector"], "searches-by-a-man", facility_a) == 0
    SearchStaff.objects.filter(search=search).update(gender=Gender.MAN)
    assert overview_count(cast["inspector"], "searches-by-a-man", facility_a) == 1
    summaries.refresh_due()
    assert counted_ahead("searches-by-a-man") == 1
    assert overview_count(cast["inspector"], "searches-by-a-man", facility_a) == 1


@pytest.mark.rule("19")
def test_a_searchers_training_recorded_after_the_day_was_counted_counts_at_once(
    cast, woman_a, facility_a
):
    """Not the search but the searcher's training changes (a record in effect before the
    search, as an import writes it; training records are never changed or deleted): the
    days of her searches are counted live until counted again."""
    from oversight import summaries

    written_around_the_service(
        woman_a,
        [(cast["reception"], Gender.WOMAN, "reception")],
        searched_at=timezone.now() - timedelta(days=3),
    )
    today = timezone.localdate()
    summaries.refresh(today - timedelta(days=10), today)
    assert overview_count(cast["inspector"], "searches-untrained", facility_a) == 1
    trained(cast["reception"])
    assert overview_count(cast["inspector"], "searches-untrained", facility_a) == 0
    summaries.refresh_due()
    assert counted_ahead("searches-untrained") == 0
    assert overview_count(cast["inspector"], "searches-untrained", facility_a) == 0
