"""The safeguarding API: the same verbs and refusals as the pages (409 naming the rule, nothing
written), POST and PATCH, versions on a change of a plan, and each record answered as the
caller may read it."""

import pytest
from django.utils import timezone

from safeguarding.models import CareNeed, FamilyConcern, Incident, Plan
from tests import refusals
from tests.versions import VersionedAPIClient

from .factories import concern, incident, make_support, other_woman, plan_of

pytestmark = pytest.mark.django_db


def api(user):
    client = VersionedAPIClient()
    client.force_authenticate(user)
    return client


def test_record_and_read_an_incident_through_the_api(cast, woman_a):
    bully = other_woman(woman_a, "S09901", family_name="Chaiyo")
    response = api(cast["health"]).post(
        f"/api/v1/prisoners/{woman_a.uuid}/safeguarding-incidents/",
        {
            "kind": "sexual_harassment",
            "her_part": "victim",
            "occurred_at": timezone.now().isoformat(),
            "place": "The showers",
            "account": "Touched against her will.",
            "injured": False,
            "reported_by": "another_woman",
            "others": [{"prisoner": "S09901", "part": "perpetrator"}],
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    names = [one.get("name") for one in response.json()["involved"]]
    assert bully.full_name in names

    listed = api(cast["inspector"]).get(f"/api/v1/prisoners/{woman_a.uuid}/safeguarding-incidents/")
    row = listed.json()["results"][0]
    assert row["full"] is False and "account" not in row
    assert all("name" not in one and "woman" not in one for one in row["involved"])


def test_a_woman_of_another_facility_is_a_bad_field(cast, woman_a, woman_b):
    with refusals.nothing_written(Incident):
        response = api(cast["custody"]).post(
            f"/api/v1/prisoners/{woman_a.uuid}/safeguarding-incidents/",
            {
                "kind": "threats",
                "her_part": "victim",
                "occurred_at": timezone.now().isoformat(),
                "place": "Yard",
                "account": "x",
                "injured": False,
                "reported_by": "staff",
                "others": [{"prisoner": woman_b.prison_number, "part": "perpetrator"}],
            },
            format="json",
        )
    assert response.status_code == 400 and "others" in response.json()


@pytest.mark.rule("25.1")
def test_the_api_refuses_segregating_a_victim_naming_rule_25_1(cast, woman_a):
    plan = plan_of(incident(cast, woman_a))
    with refusals.nothing_written(Plan):
        response = api(cast["safeguarding"]).post(
            f"/api/v1/safeguarding-plans/{plan.uuid}/make/",
            {"measures": ["segregation"], "support_offered": True},
            format="json",
        )
    assert response.status_code == 409 and response.json()["rule"] == "25.1"
    plan.refresh_from_db()
    assert plan.made_at is None


@pytest.mark.rule("25.1")
def test_a_patch_is_held_to_rule_25_1_and_names_the_version(cast, woman_a):
    plan = make_support(cast, plan_of(incident(cast, woman_a)))
    url = f"/api/v1/safeguarding-plans/{plan.uuid}/"
    client = api(cast["safeguarding"])

    with refusals.nothing_written(Plan):
        refused = client.patch(url, {"measures": ["segregation"]}, format="json")
    assert refused.status_code == 409 and refused.json()["rule"] == "25.1"
    without = client.patch(url, {"notes": "x"}, format="json", HTTP_IF_MATCH=None)
    assert without.status_code == 428
    stale = client.patch(url, {"notes": "x"}, format="json", HTTP_IF_MATCH='"99"')
    assert stale.status_code == 412
    done = client.patch(url, {"measures": ["no_contact", "counselling"]}, format="json")
    assert done.status_code == 200 and done.json()["measures"] == ["no_contact", "counselling"]
    read = client.get(url)
    assert read.status_code == 200 and read.json()["her_views"] == "I want to stay on my unit."
    custody = api(cast["custody"]).get(url).json()
    assert "her_views" not in custody and custody["measures"] == ["no_contact", "counselling"]


@pytest.mark.rule("25.1")
def test_the_api_refuses_telling_her_family_the_perpetrators_name(cast, woman_a):
    bully = other_woman(woman_a, "S09902", family_name="Kaewkla")
    found = incident(cast, woman_a, other=bully)
    record = concern(cast, woman_a)
    with refusals.nothing_written(FamilyConcern):
        response = api(cast["safeguarding"]).post(
            f"/api/v1/family-concerns/{record.uuid}/triage/",
            {"outcome": "incident", "incident": str(found.uuid), "family_told": "Kaewkla did it"},
            format="json",
        )
    assert response.status_code == 409 and response.json()["rule"] == "25.1"
    record.refresh_from_db()
    assert record.awaiting


@pytest.mark.rule("M5.2")
def test_the_api_refuses_a_need_without_adjustments_naming_mandela_5_2(cast, woman_a):
    with refusals.nothing_written(CareNeed):
        response = api(cast["social"]).post(
            f"/api/v1/prisoners/{woman_a.uuid}/care-needs/",
            {"kind": "older_age", "description": "Seventy-two; frail."},
            format="json",
        )
    assert response.status_code == 409 and response.json()["rule"] == "M5.2"


def test_a_role_without_the_right_gets_the_404_of_a_missing_record(cast, woman_a):
    plan = plan_of(incident(cast, woman_a))
    response = api(cast["custody"]).post(
        f"/api/v1/safeguarding-plans/{plan.uuid}/make/",
        {"measures": ["no_contact"], "support_offered": True},
        format="json",
    )
    assert response.status_code == 404
    assert api(cast["sysadmin"]).get(f"/api/v1/safeguarding-plans/{plan.uuid}/").status_code == 404


def test_a_record_named_by_a_bad_uuid_is_a_bad_field(cast, woman_a):
    record = concern(cast, woman_a)
    response = api(cast["safeguarding"]).post(
        f"/api/v1/family-concerns/{record.uuid}/triage/",
        {"outcome": "incident", "incident": "not-a-uuid"},
        format="json",
    )
    assert response.status_code == 400 and "incident" in response.json()
