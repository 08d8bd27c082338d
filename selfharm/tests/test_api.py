"""The self-harm API: the same verbs and refusals as the pages (409 naming the rule, nothing
written), versions on a change of the case, and each case answered as the caller may read it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from selfharm.models import Assessment, Case, PlanAction
from tests import refusals
from tests.versions import VersionedAPIClient

from .factories import assess, incident, open_case, trained

pytestmark = pytest.mark.django_db


def api(user):
    client = VersionedAPIClient()
    client.force_authenticate(user)
    return client


PLAN = [{"what": "Talk with her", "team": "custody", "when": "Hourly"}]


def test_open_and_read_a_case_through_the_api(cast, woman_a):
    response = api(cast["social"]).post(
        f"/api/v1/prisoners/{woman_a.uuid}/self-harm-cases/",
        {"concern": "Crying all night.", "prompt": "distress"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["concern"] == "Crying all night."

    listed = api(cast["inspector"]).get(f"/api/v1/prisoners/{woman_a.uuid}/self-harm-cases/")
    row = listed.json()["results"][0]
    assert row["full"] is False and "concern" not in row and "plan" not in row


@pytest.mark.rule("35")
def test_the_api_refuses_an_untrained_assessor_naming_rule_35(cast, woman_a):
    case = open_case(cast, woman_a)
    with refusals.nothing_written(Assessment, PlanAction):
        response = api(cast["health"]).post(
            f"/api/v1/self-harm-cases/{case.uuid}/assessment/",
            {"took_part": True, "risk": "high", "plan": PLAN},
            format="json",
        )
    assert response.status_code == 409 and response.json()["rule"] == "35"


def test_an_assessment_names_the_version_of_the_case(cast, woman_a):
    case = open_case(cast, woman_a)
    trained(cast["health"])
    url = f"/api/v1/self-harm-cases/{case.uuid}/assessment/"
    body = {"took_part": True, "risk": "low", "plan": PLAN}

    without = api(cast["health"]).post(url, body, format="json", HTTP_IF_MATCH=None)
    assert without.status_code == 428
    stale = api(cast["health"]).post(url, body, format="json", HTTP_IF_MATCH='"99"')
    assert stale.status_code == 412
    done = api(cast["health"]).post(url, body, format="json")
    assert done.status_code == 201 and done.json()["assessment"]["risk"] == "low"


@pytest.mark.rule("16")
def test_the_api_refuses_a_review_by_one_team_naming_rule_16(cast, woman_a):
    case = open_case(cast, woman_a)
    assess(cast, case)
    response = api(cast["health"]).post(
        f"/api/v1/self-harm-cases/{case.uuid}/reviews/",
        {"participants": [], "took_part": True, "risk": "low", "close": True},
        format="json",
    )
    assert response.status_code == 409 and response.json()["rule"] == "16"
    assert Case.objects.get().is_open


@pytest.mark.rule("8")
def test_her_incidents_show_the_clinical_part_to_health_alone_in_fixed_queries(cast, woman_a):
    from selfharm.services import record_clinical

    url = f"/api/v1/prisoners/{woman_a.uuid}/self-harm-incidents/"
    first = incident(cast, woman_a)
    record_clinical(by=cast["health"], incident=first, method="m", injuries="Cuts", treatment="t")

    def count(user):
        with CaptureQueriesContext(connection) as captured:
            response = api(user).get(url)
        assert response.status_code == 200
        return len(captured), response.json()["results"]

    one, rows = count(cast["health"])
    assert rows[0]["clinical"]["injuries"] == "Cuts"
    for _n in range(3):
        record_clinical(
            by=cast["health"],
            incident=incident(cast, woman_a),
            method="m",
            injuries="x",
            treatment="t",
        )
    assert count(cast["health"])[0] == one
    _, custody_rows = count(cast["custody"])
    assert all("clinical" not in row for row in custody_rows)
    assert custody_rows[0]["place"] == "Her cell"
    _, inspector_rows = count(cast["inspector"])
    assert all("place" not in row for row in inspector_rows)


def test_her_cases_ask_as_many_queries_for_many_as_for_one(cast, woman_a):
    from .factories import closed_case, review

    url = f"/api/v1/prisoners/{woman_a.uuid}/self-harm-cases/"
    closed_case(cast, woman_a)

    def count():
        with CaptureQueriesContext(connection) as captured:
            response = api(cast["governor"]).get(url)
        assert response.status_code == 200
        return len(captured), response.json()["results"]

    count()  # her permissions read once, then cached on the user
    one, _rows = count()
    for _n in range(2):
        closed_case(cast, woman_a)
    case = open_case(cast, woman_a)
    assess(cast, case)
    review(cast, case, risk="raised")
    many, rows = count()
    assert many == one and len(rows) == 4
    assert rows[0]["reviews"][0]["participants"] == [
        cast["social"].get_full_name() or cast["social"].username
    ]
