"""The governor's and the inspector's oversight pages and API: counts that must be zero with
each case shown, the records of a period, their facilities only (Rules 25.3, 67-70)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from admissions.models import Admission
from admissions.services import admit_woman
from admissions.tests.factories import commitment, identity
from conftest import client_for
from oversight import registry
from oversight.registry import MustBeZero, RecordList, Row
from oversight.tests.pages import first_cases_url, with_first_cases
from prisoners.models import Prisoner
from signin.tests.factories import token_for
from staff.tests.factories import make_staff

pytestmark = pytest.mark.django_db


def in_period(facilities, start, end):
    return Admission.objects.filter(
        facility__in=facilities, admitted_at__date__range=(start, end)
    ).select_related("prisoner")


def row(admission) -> Row:
    return Row(
        admission.uuid,
        admission.admitted_at,
        admission.prisoner,
        "Admitted",
        f"/admissions/{admission.uuid}/",
    )


def girls(facilities, start, end):
    return in_period(facilities, start, end).filter(prisoner__in=Prisoner.objects.juveniles())


def register_admissions(monkeypatch, day: str = "") -> None:
    """In place of the areas' declarations: a list of the admissions and a count that must be
    zero of the girls among them (dated by the admission for the daily counts if `day`)."""
    monkeypatch.setattr(registry, "_LISTS", {})
    monkeypatch.setattr(registry, "_ZEROS", {})
    registry.register_list(
        RecordList(
            "admissions", "Admissions", "2", "admissions.view_admission", in_period, row, day=day
        )
    )
    registry.register_zero(
        MustBeZero("girls", "Girls admitted", "M11", "prisoners.view_prisoner", girls, row, day=day)
    )


@pytest.fixture
def areas(monkeypatch):
    """Sample registrations over admissions: a list, a count that must be zero (girls), and
    one whose permission the governor lacks."""
    register_admissions(monkeypatch)
    registry.register_zero(
        MustBeZero("clinical", "Clinical count", "8", "health.read_clinical", in_period, row)
    )


def admit(cast, facility, number, *, days_ago=1, girl=False, by=None):
    born = timezone.localdate() - timedelta(days=365 * (16 if girl else 30))
    return admit_woman(
        by=by or cast["reception"],
        facility=facility,
        commitment=commitment(arrested_at=timezone.now() - timedelta(days=days_ago + 1)),
        identity=identity(prison_number=number, date_of_birth=born),
        admitted_at=timezone.now() - timedelta(days=days_ago),
    )


OVERVIEW = "/oversight/"
API = "/api/v1/oversight/"


def api_get(user, url):
    token = token_for(user)
    return client_for(None).get(url, HTTP_AUTHORIZATION=f"Token {token}")


@pytest.mark.parametrize("role", ["governor", "inspector"])
def test_the_governor_and_the_inspector_see_each_case_that_must_not_happen(
    role, cast, areas, facility_a
):
    girl = admit(cast, facility_a, "A1", girl=True)
    admit(cast, facility_a, "A2")
    page, body = with_first_cases(client_for(cast[role]), OVERVIEW)
    assert page.status_code == 200
    assert "Girls admitted" in body and girl.prisoner.full_name in body
    assert f"/admissions/{girl.uuid}/" in body
    admitted = timezone.localtime(girl.admitted_at)
    assert date_format(admitted, "j M Y, H:i") in body  # as every page writes a moment
    assert "Clinical count" not in body  # her role doesn't hold the item's permission
    data = api_get(cast[role], API).json()
    girls = next(z for z in data["must_be_zero"] if z["key"] == "girls")
    assert girls["count"] == 1
    assert girls["cases"][0]["woman"]["uuid"] == str(girl.prisoner.uuid)
    assert [r["count"] for r in data["records"]] == [2]
    assert [z["key"] for z in data["must_be_zero"]] == ["girls"]


def test_a_system_may_ask_the_counts_without_their_cases(cast, areas, facility_a):
    """The API's overview with `cases=none`: the same counts, no case read or sent (no woman
    named in it); anything else than `first` or `none` is refused."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    girl = admit(cast, facility_a, "A1", girl=True)
    with CaptureQueriesContext(connection) as with_cases:
        first = api_get(cast["inspector"], API).json()
    with CaptureQueriesContext(connection) as without:
        answer = api_get(cast["inspector"], f"{API}?cases=none")
    assert answer.status_code == 200
    assert girl.prisoner.full_name not in answer.content.decode()
    counts = answer.json()
    assert [(z["key"], z["count"]) for z in counts["must_be_zero"]] == [("girls", 1)]
    assert all("cases" not in z for z in counts["must_be_zero"])
    assert {k: v for k, v in counts.items() if k != "must_be_zero"} == {
        k: v for k, v in first.items() if k != "must_be_zero"
    }
    assert len(without.captured_queries) < len(with_cases.captured_queries)
    refused = api_get(cast["inspector"], f"{API}?cases=all")
    assert refused.status_code == 400 and refused.json() == {"cases": ["Give first or none."]}


@pytest.mark.parametrize("role", ["reception", "custody", "health", "social", "safeguarding"])
def test_other_roles_are_refused_oversight(role, cast, areas):
    assert client_for(cast[role]).get(OVERVIEW).status_code == 404
    assert api_get(cast[role], API).status_code == 404
    assert api_get(cast[role], f"{API}records/admissions/").status_code == 404


def test_a_governor_sees_only_her_own_facilities(cast, areas, facility_a, facility_b):
    admit(cast, facility_a, "A1", girl=True)
    governor_b = make_staff("governor", facility_b, username="governor_b")
    body = client_for(governor_b).get(OVERVIEW).content.decode()
    assert "Thandar" not in body
    data = api_get(governor_b, API).json()
    assert data["facilities"] == ["B"]
    assert data["must_be_zero"][0]["count"] == 0
    # Naming another facility is refused like a code that doesn't exist.
    assert api_get(governor_b, f"{API}?facility=A").status_code == 400


def test_the_period_bounds_what_is_counted(cast, areas, facility_a):
    admit(cast, facility_a, "A1", days_ago=40, girl=True)
    admit(cast, facility_a, "A2", days_ago=2, girl=True)
    data = api_get(cast["governor"], API).json()
    assert data["must_be_zero"][0]["count"] == 1  # the last 30 days by default
    start = (timezone.localdate() - timedelta(days=60)).isoformat()
    data = api_get(cast["governor"], f"{API}?start={start}").json()
    assert data["must_be_zero"][0]["count"] == 2


def test_a_period_that_ends_before_it_starts_is_refused_with_a_message(cast, areas):
    today = timezone.localdate()
    query = f"?start={today.isoformat()}&end={(today - timedelta(days=3)).isoformat()}"
    page = client_for(cast["governor"]).get(OVERVIEW + query)
    assert page.status_code == 400
    assert "The start of the period must be before its end." in page.content.decode()
    answer = api_get(cast["governor"], API + query)
    assert answer.status_code == 400
    assert "before its end" in str(answer.json())


def test_a_list_pages_newest_first(cast, areas, facility_a):
    older = admit(cast, facility_a, "A1", days_ago=3)
    newer = admit(cast, facility_a, "A2", days_ago=1)
    first = api_get(cast["inspector"], f"{API}records/admissions/?page_size=1").json()
    assert [r["uuid"] for r in first["results"]] == [str(newer.uuid)]
    second = api_get(cast["inspector"], first["next"]).json()
    assert [r["uuid"] for r in second["results"]] == [str(older.uuid)]
    assert second["next"] is None
    page = client_for(cast["inspector"]).get("/oversight/records/admissions/?page_size=1")
    assert page.status_code == 200 and "Next" in page.content.decode()
    body = page.content.decode()
    assert newer.prisoner.full_name in body


def test_every_case_of_a_count_is_listed_on_its_own_page(cast, areas, facility_a):
    girls = [admit(cast, facility_a, f"A{i}", girl=True) for i in range(3)]
    page = client_for(cast["governor"]).get("/oversight/must-be-zero/girls/")
    assert page.status_code == 200
    for girl in girls:
        assert f"/admissions/{girl.uuid}/" in page.content.decode()
    cases = api_get(cast["governor"], f"{API}must-be-zero/girls/").json()
    assert len(cases["results"]) == 3


def test_an_item_her_role_may_not_see_is_missing(cast, areas):
    assert client_for(cast["governor"]).get("/oversight/must-be-zero/clinical/").status_code == 404
    assert api_get(cast["governor"], f"{API}must-be-zero/clinical/").status_code == 404
    assert api_get(cast["governor"], f"{API}records/nothing/").status_code == 404


def test_the_overview_counts_every_item_in_one_statement_however_many_the_areas_declare(
    cast, areas, facility_a
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(cast["governor"])
    admit(cast, facility_a, "A0")
    with CaptureQueriesContext(connection) as few:
        assert client.get(OVERVIEW).status_code == 200
    for n in range(3):
        registry.register_list(
            RecordList(f"more-{n}", "Admissions", "2", "admissions.view_admission", in_period, row)
        )
        registry.register_zero(
            MustBeZero(f"girls-{n}", "Girls", "M11", "prisoners.view_prisoner", girls, row)
        )
    with CaptureQueriesContext(connection) as many:
        assert client.get(OVERVIEW).status_code == 200
    assert len(many) == len(few)
    today = timezone.localdate()
    zeros, lists = registry.overview(
        cast["governor"], [facility_a], today - timedelta(days=29), today
    )
    assert {z["item"].key: z["count"] for z in zeros} == {
        "girls": 0,
        **{f"girls-{n}": 0 for n in range(3)},
    }
    assert {i["item"].key: i["count"] for i in lists} == {
        "admissions": 1,
        **{f"more-{n}": 1 for n in range(3)},
    }


def test_the_overview_costs_the_same_queries_however_many_cases(
    cast, areas, facility_a, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(cast["governor"])
    admit(cast, facility_a, "A0", girl=True)
    with CaptureQueriesContext(connection) as one:
        with_first_cases(client, OVERVIEW)
    for i in range(1, 6):
        admit(cast, facility_a, f"A{i}", girl=True)
    with django_assert_max_num_queries(len(one.captured_queries)):
        _page, body = with_first_cases(client, OVERVIEW)
    assert "A5" in body


@pytest.mark.rule("25.3")
def test_the_first_cases_come_in_one_request_once_the_counts_are_shown(
    cast, areas, facility_a, facility_b
):
    """The page shows the counts and a link to each count's cases; the first cases of the
    counts that aren't zero are read in one request after it, each list put in its count's
    place, for the counts the viewer has and her facilities only (Rules 25.3, 67)."""
    girl = admit(cast, facility_a, "A1", girl=True)
    client = client_for(cast["governor"])
    page = client.get(OVERVIEW)
    body = page.content.decode()
    assert girl.prisoner.full_name not in body  # read apart
    assert 'id="cases-girls"' in body and 'data-testid="all-cases-girls"' in body
    loader = first_cases_url(body)
    assert loader is not None and "key=girls" in loader and "key=clinical" not in loader
    cases = client.get(loader)
    assert cases.status_code == 200
    fragment = cases.content.decode()
    assert "<html" not in fragment
    assert 'id="cases-girls"' in fragment and 'hx-swap-oob="true"' in fragment
    assert girl.prisoner.full_name in fragment and f"/admissions/{girl.uuid}/" in fragment
    # A count she doesn't have, asked by name, is left out; so is another facility's woman.
    asked = client.get("/oversight/first-cases/?key=clinical&key=girls&key=nothing")
    assert asked.status_code == 200
    assert "cases-clinical" not in asked.content.decode()
    governor_b = client_for(make_staff("governor", facility_b, username="governor_b"))
    theirs = governor_b.get("/oversight/first-cases/?key=girls").content.decode()
    assert 'id="cases-girls"' in theirs and "Thandar" not in theirs
    assert governor_b.get("/oversight/first-cases/?key=girls&facility=A").status_code == 400
    # Without a count that isn't zero there is nothing to load.
    nothing = client_for(cast["inspector"]).get(f"{OVERVIEW}?facility=B").content.decode()
    assert 'id="cases-girls"' not in nothing and first_cases_url(nothing) is None


@pytest.mark.parametrize("role", ["reception", "custody", "health", "social", "safeguarding"])
def test_other_roles_are_refused_the_first_cases(role, cast, areas, facility_a):
    admit(cast, facility_a, "A1", girl=True)
    answer = client_for(cast[role]).get("/oversight/first-cases/?key=girls")
    assert answer.status_code == 404
    assert "Thandar" not in answer.content.decode()
