"""The searches API: a refusal is a 409 naming the Rule with nothing written; another
facility's woman is a 404; a role without the permission is refused."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from prisoners.models import Unit
from searches.models import Search, SearchAuthorisation
from searches.services import record_search
from staff.models import Course, User
from staff.tests.factories import make_staff
from tests import refusals
from tests.versions import VersionedAPIClient

from .factories import given, pat_down, strip, trained

pytestmark = pytest.mark.django_db


def api(user) -> VersionedAPIClient:
    client = VersionedAPIClient()
    client.force_authenticate(user)
    return client


def her_searches(woman) -> str:
    return f"/api/v1/prisoners/{woman.uuid}/searches/"


def body(**overrides) -> dict:
    return {
        "kind": "pat_down",
        "trigger": "admission",
        "place": "Reception search room",
        "searchers": ["custody"],
        **overrides,
    }


@pytest.mark.rule("19")
def test_custody_records_a_pat_down_and_reads_it_back(officer, woman_a):
    response = api(officer).post(her_searches(woman_a), body(), format="json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["searchers"] == [
        {
            "name": officer.get_full_name(),
            "username": "custody",
            "gender": "woman",
            "role": "custody",
        }
    ]
    detail = api(officer).get(f"/api/v1/searches/{data['uuid']}/")
    assert detail.status_code == 200 and detail.json()["kind"] == "pat_down"


@pytest.mark.rule("19")
def test_a_search_by_a_man_is_a_409_naming_rule_19_and_nothing_is_written(officer, man, woman_a):
    with refusals.nothing_written(Search, SearchAuthorisation):
        response = api(officer).post(
            her_searches(woman_a), body(searchers=[man.username]), format="json"
        )
    assert response.status_code == 409
    assert response.json()["rule"] == "19" and man.get_full_name() in response.json()["detail"]


@pytest.mark.rule("M51")
def test_a_strip_search_without_a_reason_is_a_409_naming_mandela_51(officer, woman_a):
    with refusals.nothing_written(Search, SearchAuthorisation):
        response = api(officer).post(
            her_searches(woman_a),
            body(kind="strip", privacy="Private room", authorised_by="governor"),
            format="json",
        )
    assert response.status_code == 409 and response.json()["rule"] == "M51"


@pytest.mark.rule("20")
def test_a_strip_search_when_a_scanner_was_available_without_why_is_a_409_naming_rule_20(
    officer, woman_a
):
    with refusals.nothing_written(Search, SearchAuthorisation):
        response = api(officer).post(
            her_searches(woman_a),
            body(
                kind="strip",
                privacy="Private room",
                reason="Seen hiding something",
                scanner_available=True,
            ),
            format="json",
        )
    assert response.status_code == 409 and response.json()["rule"] == "20"


@pytest.mark.rule("21")
def test_a_visiting_child_searched_by_untrained_staff_is_a_409_naming_rule_21(officer, woman_a):
    visitor = {"subject": "child_visitor", "visiting_child_name": "Nok", "visiting_child_age": 8}
    with refusals.nothing_written(Search):
        response = api(officer).post(her_searches(woman_a), body(**visitor), format="json")
    assert response.status_code == 409 and response.json()["rule"] == "21"


@pytest.mark.rule("M52")
def test_a_body_cavity_search_by_custody_staff_is_a_409_naming_mandela_52(officer, woman_a):
    with refusals.nothing_written(Search, SearchAuthorisation):
        response = api(officer).post(
            her_searches(woman_a),
            body(
                kind="body_cavity",
                privacy="Health unit",
                reason="X-ray showed an object",
                authorised_by="governor",
            ),
            format="json",
        )
    assert response.status_code == 409 and response.json()["rule"] == "M52"


def test_staff_of_another_facility_are_not_accepted_as_searchers(officer, woman_a, facility_b):
    trained(make_staff("custody", facility_b, username="far_away"))
    with refusals.nothing_written(Search):
        response = api(officer).post(
            her_searches(woman_a), body(searchers=["far_away"]), format="json"
        )
    assert response.status_code == 400 and "searchers" in response.json()


def test_another_facilitys_woman_is_a_404_to_read_and_to_record(officer, woman_b):
    assert api(officer).get(her_searches(woman_b)).status_code == 404
    assert api(officer).post(her_searches(woman_b), body(), format="json").status_code == 404


def test_roles_without_the_permission_are_refused(cast, officer, woman_a):
    assert (
        api(cast["governor"]).post(her_searches(woman_a), body(), format="json").status_code == 404
    )
    assert api(cast["health"]).get(her_searches(woman_a)).status_code == 404
    search = record_search(by=officer, prisoner=woman_a, searchers=[officer], **pat_down())
    assert api(cast["reception"]).get(f"/api/v1/searches/{search.uuid}/").status_code == 404
    assert not Search.objects.exclude(pk=search.pk).exists()


def test_a_search_in_another_facility_is_a_404(officer, woman_a, facility_b):
    search = record_search(by=officer, prisoner=woman_a, searchers=[officer], **pat_down())
    governor_b = make_staff("governor", facility_b, username="governor_b")
    assert api(governor_b).get(f"/api/v1/searches/{search.uuid}/").status_code == 404


def test_her_search_list_costs_the_same_queries_however_many_searches(officer, woman_a, cast):
    def count_queries() -> int:
        inspector = User.objects.get(pk=cast["inspector"].pk)  # no permissions cached yet
        with CaptureQueriesContext(connection) as queries:
            response = api(inspector).get(her_searches(woman_a))
        assert response.status_code == 200
        return len(queries)

    record_search(by=officer, prisoner=woman_a, searchers=[officer], **pat_down())
    few = count_queries()
    for _ in range(5):
        given(cast["governor"], woman_a, by=officer)
        record_search(
            by=officer,
            prisoner=woman_a,
            searchers=[officer],
            witnesses=[cast["reception"]],
            **strip(cast["governor"]),
        )
    assert count_queries() == few
    assert len(api(cast["inspector"]).get(her_searches(woman_a)).json()["results"]) == 6


def test_custody_records_a_cell_search(officer, facility_a):
    unit = Unit.objects.create(facility=facility_a, code="W1", name="Wing 1")
    response = api(officer).post(
        "/api/v1/cell-searches/",
        {"unit": str(unit.uuid), "cell": "7", "trigger": "random", "searchers": ["custody"]},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["subject"] == "cell" and response.json()["prisoner"] is None


def test_a_unit_of_another_facility_is_not_accepted_for_a_cell_search(officer, facility_b):
    unit = Unit.objects.create(facility=facility_b, code="W1", name="Wing 1")
    response = api(officer).post(
        "/api/v1/cell-searches/",
        {"unit": str(unit.uuid), "cell": "7", "trigger": "random", "searchers": ["custody"]},
        format="json",
    )
    assert response.status_code == 400 and "unit" in response.json()


def test_the_governor_reads_the_training_records_of_her_facilitys_staff_only(
    officer, cast, facility_b
):
    trained(cast["custody"], Course.CHILD_SEARCHES)
    trained(make_staff("custody", facility_b, username="custody_b"))
    response = api(cast["governor"]).get("/api/v1/training-records/")
    assert response.status_code == 200
    rows = response.json()["results"]
    assert {row["username"] for row in rows} == {"custody"}
    assert {row["course"] for row in rows} == {"search_methods", "child_searches"}
    assert all(row["status"] == "valid" for row in rows)
    assert api(cast["custody"]).get("/api/v1/training-records/").status_code == 404


def test_a_cell_search_is_not_recorded_as_a_search_of_her(officer, woman_a):
    with refusals.nothing_written(Search):
        response = api(officer).post(her_searches(woman_a), body(kind="cell"), format="json")
    assert response.status_code == 400 and "kind" in response.json()
