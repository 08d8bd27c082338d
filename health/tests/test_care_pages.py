"""The care part of the clinical file page: her choice of a woman clinician, encounters,
mental health; refusals name the rule; nobody but health staff (or an inspector while she
consents) sees any of it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import client_for
from health.models import DistressEvent, Encounter, MentalHealthAssessment
from health.services import care
from health.services.screening import record_clinical_consent
from prisoners.models import ObservationLevel
from reminders.models import Reminder
from staff.models import Gender
from staff.tests.factories import make_staff
from tests.her_page import open_her_page

pytestmark = pytest.mark.django_db

ROUTES = [
    "health:request-woman-clinician",
    "health:withdraw-woman-clinician",
    "health:record-encounter",
    "health:record-assessment",
    "health:set-observation",
    "health:clear-for-segregation",
    "health:record-distress",
]


@pytest.fixture
def staff(facility_a):
    return {
        "man_doctor": make_staff("health", facility_a, username="dr_man", gender=Gender.MAN),
        "woman_doctor": make_staff("health", facility_a, username="dr_woman", gender=Gender.WOMAN),
        "woman_officer": make_staff(
            "custody", facility_a, username="officer_w", gender=Gender.WOMAN
        ),
        "man_officer": make_staff("custody", facility_a, username="officer_m", gender=Gender.MAN),
    }


def file_url(woman):
    return reverse("health:file", kwargs={"uuid": woman.uuid})


def post(user, name, woman, data=None):
    return client_for(user).post(reverse(name, kwargs={"uuid": woman.uuid}), data or {})


@pytest.mark.rule("10")
def test_health_staff_record_and_withdraw_her_request(cast, woman_a):
    response = post(cast["health"], "health:request-woman-clinician", woman_a)
    assert response.status_code == 302 and response.url == file_url(woman_a)
    woman_a.flags.refresh_from_db()
    assert woman_a.flags.woman_clinician_requested
    page = client_for(cast["health"]).get(file_url(woman_a)).content.decode()
    assert 'data-testid="woman-clinician-request"' in page

    response = post(cast["health"], "health:withdraw-woman-clinician", woman_a)
    assert response.status_code == 302
    woman_a.flags.refresh_from_db()
    assert not woman_a.flags.woman_clinician_requested
    # Nothing left to withdraw: refused on the page.
    assert post(cast["health"], "health:withdraw-woman-clinician", woman_a).status_code == 400


@pytest.mark.rule("10")
def test_custody_sees_the_flag_only(cast, woman_a, staff):
    care.request_woman_clinician(by=cast["health"], prisoner=woman_a)
    care.record_encounter(
        by=cast["health"],
        prisoner=woman_a,
        kind="mental_health",
        clinician=staff["woman_doctor"],
        notes="Talked about her nightmares",
    )
    page = open_her_page(client_for(cast["custody"]), woman_a)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Woman clinician" in text
    assert "nightmares" not in text
    assert "She asked on" not in text
    assert 'data-testid="encounter"' not in text


@pytest.mark.rule("10")
def test_the_rule_10_2_refusal_is_shown_and_nothing_is_written(cast, woman_a, staff):
    care.request_woman_clinician(by=cast["health"], prisoner=woman_a)
    response = post(
        cast["health"],
        "health:record-encounter",
        woman_a,
        {"encounter-kind": "general", "encounter-clinician": staff["man_doctor"].pk},
    )
    assert response.status_code == 400
    assert "10.2" in response.content.decode()
    assert not Encounter.objects.exists()

    response = post(
        cast["health"],
        "health:record-encounter",
        woman_a,
        {
            "encounter-kind": "general",
            "encounter-clinician": staff["man_doctor"].pk,
            "encounter-woman_unavailable_reason": "No woman doctor on duty tonight",
            "encounter-woman_present": staff["woman_officer"].pk,
        },
    )
    assert response.status_code == 302
    assert Encounter.objects.get().woman_present == staff["woman_officer"]


@pytest.mark.rule("11")
def test_the_rule_11_1_refusal_and_the_rule_11_2_warning(cast, woman_a, staff):
    data = {
        "encounter-kind": "general",
        "encounter-clinician": staff["woman_doctor"].pk,
        "encounter-non_medical_present": [staff["man_officer"].pk],
    }
    response = post(cast["health"], "health:record-encounter", woman_a, data)
    assert response.status_code == 400
    assert "11.1" in response.content.decode()
    assert not Encounter.objects.exists()

    data["encounter-non_medical_reason"] = "doctor_security"
    client = client_for(cast["health"])
    response = client.post(
        reverse("health:record-encounter", args=[woman_a.uuid]), data, follow=True
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "11.2" in text
    assert 'data-testid="warning-11-2"' in text
    assert Encounter.objects.get().man_present_warning


@pytest.mark.rule("12", "13", "16")
def test_mental_health_forms(cast, woman_a):
    response = post(
        cast["health"],
        "health:record-distress",
        woman_a,
        {"distress-kind": "child_separation", "distress-note": "Her son went to foster care"},
    )
    assert response.status_code == 302
    event = DistressEvent.objects.get()
    assert Reminder.objects.get(key=f"health.distress_recheck:{event.uuid}").confidential

    response = post(
        cast["health"],
        "health:set-observation",
        woman_a,
        {"observation-level": "intermittent", "observation-reason": "Low mood"},
    )
    assert response.status_code == 302
    woman_a.flags.refresh_from_db()
    assert woman_a.flags.observation_level == ObservationLevel.INTERMITTENT

    response = post(
        cast["health"],
        "health:record-assessment",
        woman_a,
        {
            "assessment-tool": "ASQ",
            "assessment-risk_level": "medium",
            "assessment-care_plan": "Weekly counselling",
            "assessment-observation_level": "none",
        },
    )
    assert response.status_code == 302
    assert MentalHealthAssessment.objects.get().care_plan == "Weekly counselling"
    event.refresh_from_db()
    assert event.rechecked_by_assessment is not None
    woman_a.flags.refresh_from_db()
    assert woman_a.flags.observation_level == ObservationLevel.NONE

    page = client_for(cast["health"]).get(file_url(woman_a)).content.decode()
    assert "Weekly counselling" in page and 'data-testid="distress-event"' in page

    assert post(cast["health"], "health:record-assessment", woman_a).status_code == 400


@pytest.mark.rule("16")
def test_custody_sees_the_observation_level_never_the_reason(cast, woman_a):
    care.record_assessment(
        by=cast["health"],
        prisoner=woman_a,
        tool="ASQ",
        risk_level="high",
        care_plan="Crisis plan after disclosure",
        observation_level="constant",
    )
    text = open_her_page(client_for(cast["custody"]), woman_a)
    text = text.content.decode()
    assert "Observation" in text and "Constant" in text
    assert "Crisis plan" not in text and "ASQ" not in text


@pytest.mark.rule("10", "13")
@pytest.mark.parametrize(
    "role", ["custody", "governor", "inspector", "reception", "social", "outsider"]
)
def test_others_get_404_and_see_nothing(cast, woman_a, staff, role):
    care.record_encounter(
        by=cast["health"],
        prisoner=woman_a,
        kind="general",
        clinician=staff["woman_doctor"],
        notes="Secret clinical note",
    )
    care.record_distress_event(by=cast["health"], prisoner=woman_a, kind="anniversary")
    client = client_for(cast[role])
    for name in ROUTES:
        url = reverse(name, kwargs={"uuid": woman_a.uuid})
        assert client.post(url, {}).status_code == 404, name
    assert client.get(file_url(woman_a)).status_code == 404
    detail = open_her_page(client, woman_a).content.decode()
    assert "Secret clinical note" not in detail
    assert "Anniversary" not in detail
    assert Encounter.objects.count() == 1
    assert DistressEvent.objects.count() == 1


@pytest.mark.rule("11")
def test_an_inspector_with_her_consent_sees_who_was_present(cast, woman_a, staff):
    care.record_encounter(
        by=cast["health"],
        prisoner=woman_a,
        kind="general",
        clinician=staff["woman_doctor"],
        non_medical_present=[staff["woman_officer"]],
        non_medical_reason="her_request",
    )
    record_clinical_consent(by=cast["health"], prisoner=woman_a, days=3, purpose="Inspection")
    response = client_for(cast["inspector"]).get(file_url(woman_a))
    assert response.status_code == 200
    text = response.content.decode()
    assert 'data-testid="presence"' in text
    name = staff["woman_officer"].get_full_name() or staff["woman_officer"].username
    assert name in text
    assert "She asked for a member of staff to be present" in text
    assert "Record an encounter" not in text  # inspectors read, never write
    assert post(cast["inspector"], "health:record-encounter", woman_a).status_code == 404


def test_the_file_page_does_not_query_per_encounter(cast, woman_a, staff):
    def add():
        care.record_encounter(
            by=cast["health"],
            prisoner=woman_a,
            kind="general",
            clinician=staff["woman_doctor"],
            non_medical_present=[staff["woman_officer"], staff["man_officer"]],
            non_medical_reason="doctor_exceptional",
        )
        care.record_distress_event(by=cast["health"], prisoner=woman_a, kind="bad_news")
        care.record_assessment(by=cast["health"], prisoner=woman_a, tool="ASQ", risk_level="low")

    client = client_for(cast["health"])
    add()
    client.get(file_url(woman_a))
    with CaptureQueriesContext(connection) as one:
        assert client.get(file_url(woman_a)).status_code == 200
    for _ in range(3):
        add()
    with CaptureQueriesContext(connection) as four:
        assert client.get(file_url(woman_a)).status_code == 200
    assert len(four) == len(one)
