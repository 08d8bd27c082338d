"""The indicators (RULES-SPEC 3; Rules 25.3, 67-70): rates with their numerator and
denominator, small rates suppressed, counts that must be zero never; this period against the
one before, month by month and facility by facility, each in one query whatever the months
and facilities; pages and API for the governor and the inspector only, read-only."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.db.models import F, IntegerField, Q
from django.db.models.functions import Cast, ExtractDay
from django.db.models.signals import post_init
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from admissions.models import Admission, RightsItem, RightsOffer
from admissions.services import admit_woman
from admissions.tests.factories import commitment, identity
from conftest import client_for
from oversight import registry
from oversight.registry import (
    COUNT,
    MEDIAN,
    MONITOR,
    PER_MONTH,
    SMALLER,
    Indicator,
    per_month,
    share,
    spread,
    tally,
)
from prisoners.models import Prisoner
from register.models import Child
from signin.tests.factories import token_for
from staff.tests.factories import make_staff

pytestmark = pytest.mark.django_db

PAGE = "/oversight/indicators/"
API = "/api/v1/oversight/indicators/"


def api_get(user, url):
    return client_for(None).get(url, HTTP_AUTHORIZATION=f"Token {token_for(user)}")


def admit(cast, facility, number, *, days_ago=3, offered=True):
    admission = admit_woman(
        by=cast["reception"] if facility.code == "A" else cast["outsider"],
        facility=facility,
        commitment=commitment(arrested_at=timezone.now() - timedelta(days=days_ago + 1)),
        identity=identity(prison_number=number),
        admitted_at=timezone.now() - timedelta(days=days_ago),
    )
    if offered:
        RightsOffer.objects.create(
            admission=admission,
            item=RightsItem.FAMILY_CONTACT,
            offered_by=cast["reception"],
            language="en",
            outcome="accepted",
        )
    return admission


OFFERED = Q(rights__item=RightsItem.FAMILY_CONTACT)


@pytest.fixture
def declared(monkeypatch):
    """Two sample indicators over admissions: a rate and a count whose target is zero,
    computed together (one base)."""
    monkeypatch.setattr(registry, "_INDICATORS", {})
    registry.register_indicator(
        Indicator(
            key="offered",
            number="10",
            title="Family contact offered",
            rules="2.1",
            perm="admissions.view_admission",
            counts=share(Admission.objects.all, "admitted_at__date", OFFERED),
            target=100,
        )
    )
    registry.register_indicator(
        Indicator(
            key="admitted",
            number="",
            title="Admissions",
            rules="2",
            perm="admissions.view_admission",
            counts=tally(Admission.objects.all, "admitted_at__date"),
            unit=COUNT,
            target=0,
        )
    )


def by_key(rows):
    return {row["key"]: row for row in rows}


@pytest.mark.rule("2.1")
def test_a_rate_gives_its_numerator_and_denominator(cast, declared, facility_a):
    for number in range(6):
        admit(cast, facility_a, f"A-{number}", offered=number < 4)
    today = timezone.localdate()
    rows = by_key(
        registry.indicators(cast["inspector"], [facility_a], today - timedelta(29), today)
    )
    assert rows["offered"] == {
        "key": "offered",
        "number": "10",
        "title": "Family contact offered",
        "rules": "2.1",
        "unit": "rate",
        "measure": "",
        "direction": "larger",
        "target": 100,
        "cases": [],
        "records": "",
        "numerator": 4,
        "denominator": 6,
        "rate": 66.7,
        "suppressed": False,
    }
    assert rows["admitted"]["numerator"] == 6 and rows["admitted"]["denominator"] is None


@pytest.mark.rule("2.1")
def test_a_rate_of_fewer_than_k_women_is_suppressed_and_a_zero_count_never(
    cast, declared, facility_a, settings
):
    settings.SMALL_CELL = 5
    for number in range(3):
        admit(cast, facility_a, f"A-{number}")
    today = timezone.localdate()
    rows = by_key(
        registry.indicators(cast["inspector"], [facility_a], today - timedelta(29), today)
    )
    assert rows["offered"]["suppressed"] is True
    assert rows["offered"]["numerator"] is rows["offered"]["rate"] is None
    assert rows["admitted"] == {**rows["admitted"], "numerator": 3, "suppressed": False}
    page = client_for(cast["inspector"]).get(PAGE).content.decode()
    assert "fewer than 5" in page
    assert "(3 of 3)" not in page


def test_this_period_against_the_one_before(cast, declared, facility_a):
    for number in range(5):
        admit(cast, facility_a, f"A-{number}", days_ago=3)
    for number in range(5):
        admit(cast, facility_a, f"B-{number}", days_ago=40, offered=number < 2)
    today = timezone.localdate()
    (row,) = [
        r
        for r in registry.compared(cast["inspector"], [facility_a], today - timedelta(29), today)
        if r["key"] == "offered"
    ]
    assert (row["rate"], row["previous"]["rate"], row["change"], row["better"]) == (
        100.0,
        40.0,
        60.0,
        True,
    )
    assert row["previous"]["end"] == today - timedelta(30)


def test_month_by_month_in_one_query_whatever_the_months(cast, declared, facility_a):
    admit(cast, facility_a, "A-1", days_ago=3)
    today = timezone.localdate()
    registry.indicators_for(cast["inspector"])  # her permissions, read once
    with CaptureQueriesContext(connection) as one:
        registry.compared(cast["inspector"], [facility_a], today, today)
    with CaptureQueriesContext(connection) as twelve:
        (row, _count) = registry.trend(cast["inspector"], [facility_a], today)
    # One look for the period's count (none: it wasn't asked before), then one query for the
    # two indicators over admissions.
    assert len(one) == 2
    # The 12 months to today are counted ahead by the beat: one look for them (none here).
    assert len(twelve) == 2
    assert len(row["months"]) == 12
    assert row["months"][-1]["end"] == today
    assert row["months"][0]["start"] == registry.months(today)[0][0]


def test_the_months_are_calendar_months_ending_on_the_last_day():
    periods = registry.months(date(2026, 3, 15))
    assert periods[0] == (date(2025, 4, 1), date(2025, 4, 30))
    assert periods[-2] == (date(2026, 2, 1), date(2026, 2, 28))
    assert periods[-1] == (date(2026, 3, 1), date(2026, 3, 15))


def test_facilities_side_by_side_with_their_total_in_one_query(
    cast, declared, facility_a, facility_b, settings
):
    settings.SMALL_CELL = 3
    national = make_staff("inspector", facility_a, facility_b, username="national")
    for number in range(6):
        admit(cast, facility_a, f"A-{number}", offered=number < 3)
    for number in range(4):
        admit(cast, facility_b, f"B-{number}")
    today = timezone.localdate()
    registry.indicators_for(national)
    with CaptureQueriesContext(connection) as queries:
        places, rows = registry.by_facility(
            national, registry_facilities(national), today - timedelta(29), today
        )
    # The facilities, one look for the last 30 days counted ahead by the beat (none here), and
    # one query for the indicators over admissions.
    assert len(queries) == 3
    assert [p.code for p in places] == ["B", "A"] or [p.code for p in places] == ["A", "B"]
    row = by_key(rows)["offered"]
    figures = {p.code: f for p, f in zip(places, row["facilities"], strict=True)}
    assert (figures["A"]["numerator"], figures["A"]["denominator"]) == (3, 6)
    assert (figures["B"]["numerator"], figures["B"]["denominator"]) == (4, 4)
    assert (row["total"]["numerator"], row["total"]["denominator"]) == (7, 10)


def test_an_indicator_s_page_is_one_query_giving_what_the_three_views_give(
    cast, declared, facility_a, facility_b, settings
):
    settings.SMALL_CELL = 3
    national = make_staff("inspector", facility_a, facility_b, username="national")
    for number in range(6):
        admit(cast, facility_a, f"A-{number}", days_ago=3 + 20 * number, offered=number < 4)
    for number in range(4):
        admit(cast, facility_b, f"B-{number}", days_ago=40 + number)
    today = timezone.localdate()
    places = list(registry_facilities(national))
    start = today - timedelta(29)
    registry.indicators_for(national)
    with CaptureQueriesContext(connection) as queries:
        now, months, shown, side = registry.one(national, places, start, today, "offered")
    assert len(queries) == 2  # the look for the periods counted ahead (none here), the count
    assert now == by_key(registry.compared(national, places, start, today))["offered"]
    assert months == by_key(registry.trend(national, places, today))["offered"]
    beside, rows = registry.by_facility(national, places, start, today)
    assert (shown, side) == (beside, by_key(rows)["offered"])
    assert now["previous"]["denominator"] and any(m["denominator"] for m in months["months"])


def registry_facilities(user):
    from oversight.permissions import facilities_overseen

    return facilities_overseen(user)


def test_a_small_facility_is_hidden_with_another_beside_it_since_the_total_shows(
    cast, declared, facility_a, facility_b, settings
):
    settings.SMALL_CELL = 5
    national = make_staff("inspector", facility_a, facility_b, username="national")
    for number in range(8):
        admit(cast, facility_a, f"A-{number}")
    for number in range(2):
        admit(cast, facility_b, f"B-{number}")
    today = timezone.localdate()
    places, rows = registry.by_facility(
        national, registry_facilities(national), today - timedelta(29), today
    )
    row = by_key(rows)["offered"]
    assert all(figure["suppressed"] for figure in row["facilities"])
    assert row["total"]["denominator"] == 10
    assert by_key(rows)["admitted"]["facilities"][0]["suppressed"] is False  # target zero


def test_query_counts_do_not_grow_with_facilities(cast, declared, facility_a, facility_b):
    national = make_staff("inspector", facility_a, facility_b, username="national")
    admit(cast, facility_a, "A-1")
    today = timezone.localdate()
    registry.indicators_for(cast["inspector"])
    registry.indicators_for(national)
    with CaptureQueriesContext(connection) as one:
        registry.by_facility(
            cast["inspector"], registry_facilities(cast["inspector"]), today, today
        )
    for number in range(3):
        admit(cast, facility_b, f"B-{number}")
    with CaptureQueriesContext(connection) as two:
        registry.by_facility(national, registry_facilities(national), today, today)
    assert len(one) == len(two)


# Every indicator the areas declare.


def _declared():
    return sorted(registry._INDICATORS.values(), key=registry._by_number)


def _marked(item):
    marks = [pytest.mark.rule(rule.strip()) for rule in item.rules.split(",")]
    return pytest.param(item.key, marks=marks, id=item.key)


@pytest.fixture
def loaded():
    """Every woman and child whose record a computation loaded."""
    seen = []

    def count(sender, instance, **kwargs):
        seen.append(sender.__name__)

    post_init.connect(count, sender=Prisoner)
    post_init.connect(count, sender=Child)
    yield seen
    post_init.disconnect(count, sender=Prisoner)
    post_init.disconnect(count, sender=Child)


@pytest.mark.parametrize("key", [_marked(item) for item in _declared()])
def test_each_indicator_is_computed_in_aggregate_in_one_query_without_identities(
    key, cast, facility_a, facility_b, woman_a, loaded
):
    """Month by month for a year over two facilities: one query (occupancy two, with the
    places), no woman's or child's record read."""
    item = registry._INDICATORS[key]
    both = list(registry_facilities(make_staff("inspector", facility_a, facility_b)))
    with CaptureQueriesContext(connection) as queries:
        found = item.counts(both, registry.months(timezone.localdate()))
    assert len(queries) == (2 if key == "occupancy" else 1)
    assert loaded == []
    if item.unit == registry.MEDIAN:
        assert all(times > 0 for values in found.values() for times in values.values())
    else:
        assert all(n >= 0 and d >= 0 for n, d in found.values())
    assert item.number == "" or item.number.isdigit()


@pytest.mark.dataset
def test_the_indicators_computed_together_give_each_what_it_gives_alone(
    cast, facility_a, woman_a, loaded
):
    """Over the generated set at its tiny scale (varied records in every area: NULLs, records
    that match one indicator's conditions and not another's, relations), each indicator
    computed in one query with the others over its base gives, for the last two months and
    the year, facility by facility, the figures it gives computed alone; one query a base, however
    many indicators share it."""
    from facilities.models import Facility
    from scale.tests.test_dataset import load_beside

    today = timezone.localdate()
    load_beside(today=today)
    national = make_staff("inspector", *Facility.objects.all(), username="national")
    places = list(registry_facilities(national))
    periods = [*registry.months(today)[-2:], (today - timedelta(days=364), today)]
    items = registry.indicators_for(national)
    with CaptureQueriesContext(connection) as queries:
        together = {item.key: found for item, found in registry.computed(national, places, periods)}
    alone = {item.key: item.counts(places, periods) for item in items}
    assert together == alone
    bases = {i.counts.base if isinstance(i.counts, registry.Fold) else i.key for i in items}
    # Occupancy reads the places too; the figures the beat counted ahead for these periods,
    # the bases counted ahead by day, the days changed, those counted and their sums (none
    # counted here: counted live).
    assert len(queries) == len(bases) + 1 + 1 + 3
    assert len(bases) < len(items) - 10
    shown = [key for key, found in together.items() if found]
    assert len(shown) > len(items) // 2, shown
    assert loaded == []


def test_the_indicators_the_rules_call_for_are_declared():
    numbers = {item.number for item in _declared()}
    expected = "2 3 4 5 6 7 8 9 10 11 12 13 14 22 25 26 27 29 30 31 32 33 34 35 36 37 38 39 40"
    expected += " 41 42 43 46 47 48 49 52 54"
    assert set(expected.split()) <= numbers
    units = {(item.number, item.unit) for item in _declared()}
    assert {("14", "per-month"), ("22", "median"), ("39", "median"), ("39", "rate")} <= units


# Pages and API


def test_the_inspector_reads_the_indicators_page_and_api(cast, facility_a):
    admit(cast, facility_a, "A-1")
    page = client_for(cast["inspector"]).get(PAGE)
    assert page.status_code == 200
    body = page.content.decode()
    assert 'data-testid="indicator-family-contact-offered"' in body
    data = api_get(cast["inspector"], API).json()
    rows = by_key(data["indicators"])
    assert rows["family-contact-offered"]["number"] == "10"
    assert {"numerator", "denominator", "rate", "suppressed", "previous", "change"} <= set(
        rows["family-contact-offered"]
    )
    assert data["facilities"] == ["A"]


def test_the_overview_links_to_the_indicators(cast):
    body = client_for(cast["governor"]).get("/oversight/").content.decode()
    assert 'data-testid="indicators-link"' in body


@pytest.mark.parametrize("role", ["reception", "custody", "health", "social", "sysadmin"])
def test_other_roles_are_refused_the_indicators(role, cast):
    user = cast[role]
    for url in (PAGE, f"{PAGE}facilities/", f"{PAGE}occupancy/"):
        assert client_for(user).get(url).status_code == 404
    for url in (API, f"{API}facilities/", f"{API}occupancy/"):
        assert api_get(user, url).status_code in (403, 404)


def test_an_indicator_page_draws_its_year_and_facilities_as_accessible_svg(cast, facility_a):
    admit(cast, facility_a, "A-1")
    page = client_for(cast["inspector"]).get(f"{PAGE}family-contact-offered/")
    body = page.content.decode()
    assert page.status_code == 200
    assert body.count('role="img"') == 2
    assert body.count("<title id=") == 2 and body.count("<desc id=") == 2
    assert body.count('data-testid="month-') == 12
    assert 'data-testid="place-A"' in body and 'data-testid="place-total"' in body
    assert "<script" not in body.split("<main", 1)[-1].split("</main>", 1)[0]


def test_an_unknown_indicator_is_a_404(cast):
    assert client_for(cast["inspector"]).get(f"{PAGE}nothing-like-it/").status_code == 404
    assert api_get(cast["inspector"], f"{API}nothing-like-it/").status_code == 404


def test_the_api_gives_a_year_and_the_facilities_side_by_side(cast, facility_a):
    admit(cast, facility_a, "A-1")
    trend = api_get(cast["inspector"], f"{API}family-contact-offered/").json()
    assert len(trend["months"]) == 12
    side = api_get(cast["inspector"], f"{API}facilities/").json()
    row = by_key(side["indicators"])["family-contact-offered"]
    assert [f["facility"] for f in row["facilities"]] == ["A"]
    assert "total" in row


def test_a_bad_period_is_refused_with_a_message(cast):
    query = "?start=2026-02-01&end=2026-01-01"
    assert client_for(cast["inspector"]).get(PAGE + query).status_code == 400
    answer = api_get(cast["inspector"], API + query)
    assert answer.status_code == 400


@pytest.mark.parametrize("url", [PAGE, f"{PAGE}facilities/", f"{PAGE}family-contact-offered/"])
def test_the_pages_ask_as_many_queries_for_many_facilities_and_records(
    url, cast, facility_a, facility_b
):
    national = make_staff("inspector", facility_a, facility_b, username="national")
    admit(cast, facility_a, "A-1")
    client = client_for(national)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for number in range(4):
        admit(cast, facility_b, f"B-{number}", days_ago=40 + number)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(few) == len(many)


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_is_read_only(method, cast):
    client = client_for(None)
    answer = getattr(client, method)(
        API, HTTP_AUTHORIZATION=f"Token {token_for(cast['inspector'])}"
    )
    assert answer.status_code == 405


def test_no_other_facility_is_hidden_when_the_total_is_hidden_too(
    cast, declared, facility_a, facility_b, settings
):
    settings.SMALL_CELL = 5
    national = make_staff("inspector", facility_a, facility_b, username="national")
    admit(cast, facility_b, "B-1")
    today = timezone.localdate()
    places, rows = registry.by_facility(
        national, registry_facilities(national), today - timedelta(29), today
    )
    row = by_key(rows)["offered"]
    figures = {p.code: f for p, f in zip(places, row["facilities"], strict=True)}
    assert figures["B"]["suppressed"] and row["total"]["suppressed"]
    assert figures["A"] == {"numerator": 0, "denominator": 0, "rate": None, "suppressed": False}


# A median and a rate per 100 women a month


def admit_held(cast, facility, number, days, *, ago=3):
    """An admission `ago` days ago after `days` days in police custody."""
    return admit_woman(
        by=cast["reception"] if facility.code == "A" else cast["outsider"],
        facility=facility,
        commitment=commitment(arrested_at=timezone.now() - timedelta(days=ago + days)),
        identity=identity(prison_number=number),
        admitted_at=timezone.now() - timedelta(days=ago),
    )


@pytest.fixture
def measured(monkeypatch):
    """A sample median (days in police custody before admission) and a sample rate per 100
    women a month (admissions, of the days women were held)."""
    monkeypatch.setattr(registry, "_INDICATORS", {})
    registry.register_indicator(
        Indicator(
            key="days-before",
            number="",
            title="Days in police custody",
            rules="2",
            perm="admissions.view_admission",
            counts=spread(
                lambda: Admission.objects.all(),
                "admitted_at__date",
                Cast(ExtractDay(F("admitted_at") - F("arrested_at")), IntegerField()),
            ),
            direction=SMALLER,
            unit=MEDIAN,
            measure="days",
        )
    )
    registry.register_indicator(
        Indicator(
            key="admitted-a-month",
            number="",
            title="Admissions per 100 women a month",
            rules="2",
            perm="admissions.view_admission",
            counts=per_month(
                lambda: Admission.objects.all(),
                "admitted_at__date",
                lambda: Admission.objects.all(),
                "admitted_at__date",
                "released_at__date",
            ),
            direction=MONITOR,
            unit=PER_MONTH,
        )
    )


def test_a_median_for_each_facility_and_for_all_of_their_values_together(
    cast, measured, facility_a, facility_b, settings
):
    national = make_staff("inspector", facility_a, facility_b, username="national")
    for number, days in enumerate((1, 2, 3, 10)):
        admit_held(cast, facility_a, f"A-{number}", days)
    for number in range(6):
        admit_held(cast, facility_b, f"B-{number}", 5)
    today = timezone.localdate()
    period = (today - timedelta(29), today)
    settings.SMALL_CELL = 3
    places, rows = registry.by_facility(national, registry_facilities(national), *period)
    row = by_key(rows)["days-before"]
    figures = {p.code: f for p, f in zip(places, row["facilities"], strict=True)}
    assert figures["A"] == {
        "numerator": None,
        "denominator": 4,
        "rate": None,
        "median": 2.5,
        "suppressed": False,
    }
    assert (figures["B"]["median"], figures["B"]["denominator"]) == (5, 6)
    # The median of the ten values, not of the two medians.
    assert (row["total"]["median"], row["total"]["denominator"]) == (5, 10)
    assert registry.written(figures["A"], MEDIAN, "days") == "2.5 days (the median of 4)"
    # Fewer than k values: hidden, and the other facility beside it since the total shows.
    settings.SMALL_CELL = 5
    places, rows = registry.by_facility(national, registry_facilities(national), *period)
    row = by_key(rows)["days-before"]
    assert all(f["suppressed"] and f["median"] is None for f in row["facilities"])
    assert row["total"]["median"] == 5
    (now,) = [
        r
        for r in registry.compared(national, [facility_a, facility_b], *period)
        if r["key"] == "days-before"
    ]
    assert (now["median"], now["previous"]["median"], now["change"]) == (5, None, None)


def test_the_pages_files_and_api_write_a_median_and_a_rate_a_month(
    cast, measured, facility_a, settings
):
    settings.SMALL_CELL = 1
    for number, days in enumerate((1, 2, 4)):
        admit_held(cast, facility_a, f"A-{number}", days, ago=20)
    inspector = client_for(cast["inspector"])
    page = inspector.get(PAGE).content.decode()
    assert "2 days (the median of 3)" in page
    # Three admissions over the days the three were held (twenty days and today each).
    assert "144.9 per 100 women a month (3 in 63 days women were held)" in page
    one = inspector.get(f"{PAGE}days-before/").content.decode()
    assert one.count('role="img"') == 2 and "2 days (the median of 3)" in one
    rows = by_key(api_get(cast["inspector"], API).json()["indicators"])
    assert (rows["days-before"]["median"], rows["days-before"]["measure"]) == (2.0, "days")
    assert rows["days-before"]["unit"] == "median" and rows["admitted-a-month"]["median"] is None
    monthly = rows["admitted-a-month"]
    assert (monthly["numerator"], monthly["denominator"], monthly["rate"]) == (3, 63, 144.9)
    trend = api_get(cast["inspector"], f"{API}days-before/").json()
    assert [m["median"] for m in trend["months"] if m["median"] is not None] == [2.0]
    exported = inspector.get("/oversight/export/indicators/?format=csv").content.decode()
    assert "Median" in exported.splitlines()[0] and "2 days (the median of 3)" in exported
