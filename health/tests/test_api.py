"""The health API (Rules 6-18, 48): the clinical file as JSON, read by health staff (and an
inspector while she consents) and audited; writes through the services, refused under a
Rule with a 409 that names it and writes nothing."""

import uuid
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from audit.models import AuditEvent
from complaints.models import SafeguardingRecord
from health.models import (
    BreastfeedingRecord,
    ChildScreening,
    Disclosure,
    Encounter,
    HivTest,
    PreventiveScreening,
)
from health.services import care, maternity, preventive
from health.services import screening as services
from health.tests.factories import admitted_woman
from register.services import record_child
from register.tests.factories import decide
from reminders.models import Reminder
from staff.models import Gender
from staff.tests.factories import make_staff
from tests import refusals
from tests.versions import VersionedAPIClient

pytestmark = pytest.mark.django_db
API = "/api/v1"


def api(user):
    client = VersionedAPIClient()
    client.force_authenticate(user)
    return client


def post(user, path, body=None):
    return api(user).post(f"{API}{path}", body or {}, format="json")


@pytest.fixture
def admission(cast, facility_a):
    return admitted_woman(cast, facility_a)


@pytest.fixture
def woman(admission):
    return admission.prisoner


@pytest.fixture
def nurse(cast):
    return cast["health"]


def file_of(user, woman):
    return api(user).get(f"{API}/prisoners/{woman.uuid}/health/")


def fill_file(cast, admission, n: int = 1):
    """`n` records of every kind in her file."""
    nurse, woman = cast["health"], admission.prisoner
    screening = services.start_screening(by=nurse, admission=admission, language="th")
    services.answer_item(by=nurse, screening=screening, item="hiv", answer="declined")
    for i in range(n):
        services.offer_hiv_test(by=nurse, prisoner=woman, consent="given", language="th")
        services.record_disclosure(
            by=nurse,
            prisoner=woman,
            kind="other_violence",
            informed_of_recourse=True,
            support_offered=True,
        )
        decide(cast["social"], woman)
        child = record_child(
            by=cast["reception"],
            mother=woman,
            given_names=f"Child {i}",
            date_of_birth=timezone.localdate() - timedelta(days=400),
            lives_with_mother=True,
        )
        services.screen_child(by=nurse, child=child)
        pregnancy = maternity.declare_pregnancy(by=nurse, prisoner=woman)
        maternity.record_birth(by=nurse, pregnancy=pregnancy, place="outside_hospital")
        maternity.record_breastfeeding(by=nurse, prisoner=woman, status="breastfeeding")
        preventive.record_preventive_screening(
            by=nurse, prisoner=woman, kind="hpv", done_on=timezone.localdate()
        )
        care.record_encounter(
            by=nurse,
            prisoner=woman,
            kind="general",
            clinician=nurse,
            non_medical_present=[cast["custody"]],
            non_medical_reason="her_request",
        )
        care.record_distress_event(by=nurse, prisoner=woman, kind="court")
        care.record_assessment(
            by=nurse, prisoner=woman, tool="ASQ", risk_level="low", observation_level="none"
        )
        consent = services.record_clinical_consent(
            by=nurse, prisoner=woman, days=1, purpose="Inspection"
        )
        services.withdraw_clinical_consent(by=nurse, consent=consent)
    care.request_woman_clinician(by=nurse, prisoner=woman)


# Reading the file (Rule 8)


@pytest.mark.rule("8")
def test_health_staff_read_her_whole_file(cast, admission, woman, nurse):
    fill_file(cast, admission)
    response = file_of(nurse, woman)
    assert response.status_code == 200
    body = response.json()
    assert body["woman"] == str(woman.uuid)
    [screening] = body["screenings"]
    assert screening["items"][0]["item"] == "hiv"
    assert screening["items"][0]["answer"] == "declined"
    assert "needs_follow_up" in screening["items"][0]
    assert "hiv" not in screening["unanswered"]
    [child] = body["children_in_her_care"]
    assert set(child) == {"uuid", "given_names", "age", "screenings", "checks"}
    assert child["age"] == 1 and len(child["screenings"]) == 1
    [pregnancy] = body["pregnancies"]
    assert pregnancy["status"] == "ended" and pregnancy["birth"]["place"] == "outside_hospital"
    assert {c["stage"] for c in pregnancy["contacts"]} == {"postnatal"}
    [encounter] = body["encounters"]
    assert encounter["presences"][0]["role"] == "custody"
    assert body["woman_clinician_request"]["withdrawn_at"] is None
    assert body["observation_level"] == "none"
    assert body["preventive_policy"] and isinstance(body["preventive_due"], list)
    assert len(body["hiv_tests"]) == len(body["disclosures"]) == len(body["consents"]) == 1
    assert len(body["breastfeeding"]) == len(body["mental_health_assessments"]) == 1
    assert body["distress_events"][0]["rechecked"] is True


@pytest.mark.rule("8")
@pytest.mark.parametrize(
    "role",
    ["custody", "governor", "reception", "social", "safeguarding", "inspector", "outsider"],
)
def test_no_other_role_finds_her_file(cast, woman, role):
    response = file_of(cast[role], woman)
    nobody = api(cast[role]).get(f"{API}/prisoners/{uuid.uuid4()}/health/")
    assert response.status_code == nobody.status_code == 404
    assert response.json() == nobody.json()
    assert not AuditEvent.objects.filter(action="health.file_read").exists()


@pytest.mark.rule("8")
def test_the_read_is_audited_with_the_ids_shown(cast, admission, woman, nurse):
    fill_file(cast, admission)
    file_of(nurse, woman)
    event = AuditEvent.objects.get(action="health.file_read")
    assert event.actor == nurse
    shown = set(event.disclosed)
    assert str(woman.hiv_tests.get().uuid) in shown
    assert str(woman.disclosures.get().uuid) in shown
    assert str(woman.children.get().uuid) in shown
    assert str(woman.encounters.get().uuid) in shown
    assert str(woman.screenings.get().uuid) in shown


@pytest.mark.rule("8")
def test_an_inspector_reads_while_she_consents_and_never_writes(cast, woman, nurse):
    services.record_clinical_consent(by=nurse, prisoner=woman, days=3, purpose="Inspection")
    inspector = cast["inspector"]
    assert file_of(inspector, woman).status_code == 200
    assert AuditEvent.objects.get(action="health.file_read").actor == inspector
    for path, body in [
        (f"/prisoners/{woman.uuid}/hiv-tests/", {"consent": "given", "language": "th"}),
        (f"/prisoners/{woman.uuid}/woman-clinician-request/", {}),
        (f"/prisoners/{woman.uuid}/distress-events/", {"kind": "court"}),
    ]:
        assert post(inspector, path, body).status_code == 404
    assert not woman.hiv_tests.exists() and not woman.distress_events.exists()


def test_the_query_count_does_not_grow_with_her_records(cast, facility_a, nurse):
    counts = []
    for n in (1, 3):
        admission = admitted_woman(cast, facility_a, prison_number=f"Q{n}")
        fill_file(cast, admission, n)
        with CaptureQueriesContext(connection) as queries:
            assert file_of(nurse, admission.prisoner).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


# Writing: the services' refusals under a Rule are 409s naming it, and nothing is written


@pytest.mark.rule("6")
def test_no_hiv_sample_without_her_consent(nurse, woman):
    test = services.offer_hiv_test(by=nurse, prisoner=woman, consent="declined", language="th")
    with refusals.nothing_written(Reminder):
        response = post(nurse, f"/hiv-tests/{test.uuid}/sample/")
    assert response.status_code == 409 and response.json()["rule"] == "6"
    test.refresh_from_db()
    assert test.sample_taken_at is None


@pytest.mark.rule("7.1")
def test_a_disclosure_is_refused_unless_she_is_told_of_her_right_to_recourse(nurse, woman):
    with refusals.nothing_written(Disclosure, SafeguardingRecord, Reminder):
        response = post(
            nurse,
            f"/prisoners/{woman.uuid}/disclosures/",
            {"kind": "sexual_abuse", "informed_of_recourse": False, "support_offered": True},
        )
    assert response.status_code == 409 and response.json()["rule"] == "7.1"
    assert not Disclosure.objects.exists() and not SafeguardingRecord.objects.exists()


@pytest.mark.rule("10.2")
def test_a_man_does_not_examine_her_against_her_request(cast, facility_a, nurse, woman):
    doctor = make_staff("health", facility_a, username="doctor", gender=Gender.MAN)
    care.request_woman_clinician(by=nurse, prisoner=woman)
    with refusals.nothing_written(Encounter, Reminder):
        response = post(
            nurse,
            f"/prisoners/{woman.uuid}/encounters/",
            {"kind": "general", "clinician": "doctor"},
        )
    assert response.status_code == 409 and response.json()["rule"] == "10.2"
    urgent = {"kind": "general", "clinician": doctor.username, "urgent": True}
    assert post(nurse, f"/prisoners/{woman.uuid}/encounters/", urgent).status_code == 201


@pytest.mark.rule("48.2")
def test_breastfeeding_is_not_restricted_without_a_health_reason(nurse, woman):
    body = {"status": "breastfeeding", "restricted": True}
    with refusals.nothing_written(BreastfeedingRecord, Reminder):
        response = post(nurse, f"/prisoners/{woman.uuid}/breastfeeding/", body)
    assert response.status_code == 409 and response.json()["rule"] == "48.2"
    body["restriction_reason"] = "Medication incompatible with breastfeeding"
    assert post(nurse, f"/prisoners/{woman.uuid}/breastfeeding/", body).status_code == 201


@pytest.mark.rule("18")
def test_an_abnormal_result_is_followed_up_only_with_its_outcome(nurse, woman):
    screening = preventive.record_preventive_screening(
        by=nurse, prisoner=woman, kind="hpv", done_on=timezone.localdate(), result="abnormal"
    )
    path = f"/preventive-screenings/{screening.uuid}/follow-up/"
    with refusals.nothing_written(Reminder):
        response = post(nurse, path, {"outcome": "  "})
    assert response.status_code == 409 and response.json()["rule"] == "18"
    screening.refresh_from_db()
    assert screening.follow_up_at is None
    response = post(nurse, path, {"outcome": "Colposcopy: CIN1, watch"})
    assert response.status_code == 200 and response.json()["follow_up_open"] is False


@pytest.mark.rule("8")
@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/prisoners/{w}/hiv-tests/", {"consent": "given", "language": 7}, "language"),
        ("/prisoners/{w}/hiv-tests/", {"consent": "maybe", "language": "th"}, "consent"),
        ("/prisoners/{w}/clinical-consents/", {"days": "3", "purpose": "x"}, "days"),
        ("/prisoners/{w}/clinical-consents/", {"days": 9999, "purpose": "x"}, "days"),
        (
            "/prisoners/{w}/breastfeeding/",
            {"status": "breastfeeding", "restricted": 1},
            "restricted",
        ),
        ("/prisoners/{w}/encounters/", {"kind": "general", "clinician": "nobody"}, "clinician"),
        (
            "/prisoners/{w}/distress-events/",
            {"kind": "court", "occurred_at": "0001-01-01T00:00Z"},
            "occurred_at",
        ),
        ("/prisoners/{w}/pregnancies/", {"declared_on": "2999-01-01"}, "declared_on"),
        ("/prisoners/{w}/observation-level/", {"level": ["constant"]}, "level"),
    ],
)
def test_a_bad_body_is_a_400_naming_the_field(nurse, woman, path, body, field):
    response = post(nurse, path.format(w=woman.uuid), body)
    assert response.status_code == 400, response.content
    assert field in response.json()


def test_a_body_that_is_not_an_object_is_a_400(nurse, woman):
    response = api(nurse).post(f"{API}/prisoners/{woman.uuid}/hiv-tests/", ["given"], format="json")
    assert response.status_code == 400


# Writing: each verb through its service


@pytest.mark.rule("6")
def test_screening_and_hiv_testing_through_the_api(nurse, admission, woman):
    response = post(nurse, f"/admissions/{admission.uuid}/health-screening/", {"language": "th"})
    assert response.status_code == 201
    screening = response.json()["uuid"]
    assert (
        post(
            nurse, f"/admissions/{admission.uuid}/health-screening/", {"language": "th"}
        ).status_code
        == 400
    )
    answer = {"item": "abuse", "answer": "declined", "finding": "kept?"}
    response = post(nurse, f"/health-screenings/{screening}/items/", answer)
    assert response.status_code == 201 and response.json()["finding"] == ""
    response = post(
        nurse, f"/prisoners/{woman.uuid}/hiv-tests/", {"consent": "given", "language": "th"}
    )
    assert response.status_code == 201
    test = HivTest.objects.get()
    assert str(test.screening.uuid) == screening
    for step, body in [
        ("pre", {}),
        ("sample", {}),
        ("result", {"result": "negative"}),
        ("post", {}),
    ]:
        response = post(nurse, f"/hiv-tests/{test.uuid}/{step}/", body)
        assert response.status_code == 200, (step, response.content)
    assert response.json()["post_test_counselling_at"] is not None


@pytest.mark.rule("7.1")
def test_legal_action_and_referral_on_a_disclosure(nurse, woman):
    body = {"kind": "sexual_abuse", "informed_of_recourse": True, "support_offered": True}
    disclosure = post(nurse, f"/prisoners/{woman.uuid}/disclosures/", body).json()["uuid"]
    referral = {"authority": "Provincial police"}
    with refusals.nothing_written(Reminder):
        response = post(nurse, f"/disclosures/{disclosure}/referral/", referral)
    assert response.status_code == 409 and response.json()["rule"] == "7.1"
    wants = {"legal_action": "wants"}
    assert post(nurse, f"/disclosures/{disclosure}/legal-action/", wants).status_code == 200
    response = post(nurse, f"/disclosures/{disclosure}/referral/", referral)
    assert response.status_code == 200 and response.json()["referred_at"]


@pytest.mark.rule("9")
def test_a_child_living_with_her_is_screened(cast, nurse, woman):
    decide(cast["social"], woman)
    child = record_child(
        by=cast["reception"],
        mother=woman,
        given_names="Nok",
        date_of_birth=timezone.localdate() - timedelta(days=200),
        lives_with_mother=True,
    )
    path = f"/children/{child.uuid}/health-screenings/"
    with refusals.nothing_written(ChildScreening, Reminder):
        response = post(nurse, path, {"by_child_specialist": False})
    assert response.status_code == 409 and response.json()["rule"] == "9"
    assert post(nurse, path, {"findings": "Well"}).status_code == 201
    assert post(cast["social"], path, {}).status_code == 404


@pytest.mark.rule("8")
def test_consent_given_and_withdrawn(cast, nurse, woman):
    body = {"days": 2, "purpose": "Annual inspection"}
    consent = post(nurse, f"/prisoners/{woman.uuid}/clinical-consents/", body).json()["uuid"]
    assert file_of(cast["inspector"], woman).status_code == 200
    response = post(nurse, f"/clinical-consents/{consent}/withdraw/")
    assert response.status_code == 200 and response.json()["withdrawn_at"]
    assert file_of(cast["inspector"], woman).status_code == 404


@pytest.mark.rule("48")
def test_pregnancy_to_birth(nurse, woman):
    response = post(nurse, f"/prisoners/{woman.uuid}/pregnancies/")
    assert response.status_code == 201 and response.json()["status"] == "declared"
    pregnancy = response.json()["uuid"]
    edd = (timezone.localdate() + timedelta(weeks=10)).isoformat()
    response = post(nurse, f"/pregnancies/{pregnancy}/confirm/", {"edd": edd})
    assert response.status_code == 200 and response.json()["contacts"]
    contact = response.json()["contacts"][0]["uuid"]
    assert post(nurse, f"/maternity-contacts/{contact}/done/").status_code == 200
    with refusals.nothing_written(Reminder):
        response = post(nurse, f"/pregnancies/{pregnancy}/care-plan/", {"advice_programme": ""})
    assert response.status_code == 409 and response.json()["rule"] == "48.1"
    response = post(nurse, f"/pregnancies/{pregnancy}/labour/")
    assert response.status_code == 200 and response.json()["birth"]["labour_started_at"]
    response = post(nurse, f"/pregnancies/{pregnancy}/birth/", {"place": "outside_hospital"})
    assert response.status_code == 200 and response.json()["status"] == "ended"
    assert response.json()["birth"]["born_at"]


def test_a_pregnancy_ruled_out_or_ended(nurse, woman):
    pregnancy = post(nurse, f"/prisoners/{woman.uuid}/pregnancies/").json()["uuid"]
    response = post(nurse, f"/pregnancies/{pregnancy}/rule-out/")
    assert response.status_code == 200 and response.json()["status"] == "ruled_out"
    pregnancy = post(nurse, f"/prisoners/{woman.uuid}/pregnancies/").json()["uuid"]
    response = post(nurse, f"/pregnancies/{pregnancy}/end/", {"outcome": "birth"})
    assert response.status_code == 400
    response = post(nurse, f"/pregnancies/{pregnancy}/end/", {"outcome": "miscarriage"})
    assert response.status_code == 200 and response.json()["outcome"] == "miscarriage"


@pytest.mark.rule("18")
def test_preventive_screening_and_its_result(nurse, woman):
    today = timezone.localdate().isoformat()
    path = f"/prisoners/{woman.uuid}/preventive-screenings/"
    with refusals.nothing_written(PreventiveScreening, Reminder):
        response = post(
            nurse, path, {"kind": "hpv", "done_on": today, "declined": True, "result": "normal"}
        )
    assert response.status_code == 409 and response.json()["rule"] == "8"
    screening = post(nurse, path, {"kind": "hpv", "done_on": today}).json()["uuid"]
    response = post(nurse, f"/preventive-screenings/{screening}/result/", {"result": "abnormal"})
    assert response.status_code == 200 and response.json()["follow_up_open"] is True
    response = post(nurse, f"{path}check/")
    assert response.status_code == 200 and isinstance(response.json(), list)


@pytest.mark.rule("10.2", "12", "13", "16")
def test_care_through_the_api(cast, nurse, woman):
    path = f"/prisoners/{woman.uuid}/woman-clinician-request/"
    assert post(nurse, path).status_code == 201
    assert post(nurse, path).status_code == 400
    assert post(nurse, f"{path}withdraw/").status_code == 200
    body = {"kind": "bad_news", "note": "Her mother died"}
    assert post(nurse, f"/prisoners/{woman.uuid}/distress-events/", body).status_code == 201
    body = {"tool": "ASQ", "risk_level": "medium", "observation_level": "constant"}
    assert (
        post(nurse, f"/prisoners/{woman.uuid}/mental-health-assessments/", body).status_code == 201
    )
    body = {"level": "intermittent", "reason": "Reviewed"}
    response = post(nurse, f"/prisoners/{woman.uuid}/observation-level/", body)
    assert response.status_code == 201 and response.json()["level"] == "intermittent"
    file = file_of(nurse, woman).json()
    assert file["observation_level"] == "intermittent" and file["distress_events"][0]["rechecked"]
    woman.flags.refresh_from_db()
    assert woman.flags.observation_level == "intermittent"
    body = {
        "kind": "general",
        "clinician": nurse.username,
        "non_medical_present": [cast["custody"].username],
    }
    with refusals.nothing_written(Encounter, Reminder):
        response = post(nurse, f"/prisoners/{woman.uuid}/encounters/", body)
    assert response.status_code == 409 and response.json()["rule"] == "11.1"


@pytest.mark.rule("51")
def test_a_childs_development_check_is_recorded_through_the_api(cast, admission, nurse):
    decide(cast["social"], admission.prisoner)
    child = record_child(
        by=cast["reception"],
        mother=admission.prisoner,
        given_names="Su",
        date_of_birth=timezone.localdate() - timedelta(days=20),
        lives_with_mother=True,
    )
    check = child.health_checks.first()
    path = f"/child-checks/{check.uuid}/done/"
    assert post(cast["custody"], path).status_code == 404
    done = post(nurse, path, {"notes": "Weight 4.1 kg"})
    assert done.status_code == 200 and done.json()["notes"] == "Weight 4.1 kg"
    assert post(nurse, path).status_code == 400
    checks = file_of(nurse, admission.prisoner).json()["children_in_her_care"][0]["checks"]
    assert checks[0]["done_at"] is not None
