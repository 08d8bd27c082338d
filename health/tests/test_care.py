"""Encounters with her choice of a woman clinician (Rules 10-11), mental health, times of
distress and observation (Rules 12, 13, 16): services."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from audit.models import AuditEvent
from health.models import (
    DistressEvent,
    Encounter,
    EncounterPresence,
    MentalHealthAssessment,
    ObservationDecision,
    PresenceReason,
    WomanClinicianRequest,
)
from health.services import care
from prisoners.models import ObservationLevel
from reminders.models import Basis, Reminder, Status
from staff.models import Gender
from staff.tests.factories import make_staff
from tests import refusals

pytestmark = pytest.mark.django_db


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


def flags(woman):
    woman.flags.refresh_from_db()
    return woman.flags


def encounter(cast, woman, clinician, **kwargs):
    return care.record_encounter(
        by=cast["health"], prisoner=woman, kind="general", clinician=clinician, **kwargs
    )


# Her choice of a woman clinician (Rule 10.2)


@pytest.mark.rule("10")
def test_her_request_sets_the_flag_and_withdrawing_clears_it(cast, woman_a):
    request = care.request_woman_clinician(by=cast["health"], prisoner=woman_a)
    assert flags(woman_a).woman_clinician_requested is True
    assert AuditEvent.objects.filter(action="health.woman_clinician_requested").exists()
    flag_row = AuditEvent.objects.filter(action="prisoner.flags_changed").latest("id")
    assert flag_row.detail == {"source": "health", "flags": {"woman_clinician_requested": True}}

    care.withdraw_woman_clinician_request(by=cast["health"], prisoner=woman_a)
    request.refresh_from_db()
    assert request.withdrawn_at is not None and request.withdrawn_by == cast["health"]
    assert flags(woman_a).woman_clinician_requested is False


@pytest.mark.rule("10")
def test_one_request_in_force_and_nothing_to_withdraw_without_one(cast, woman_a):
    with pytest.raises(ValidationError):
        care.withdraw_woman_clinician_request(by=cast["health"], prisoner=woman_a)
    care.request_woman_clinician(by=cast["health"], prisoner=woman_a)
    with pytest.raises(ValidationError):
        care.request_woman_clinician(by=cast["health"], prisoner=woman_a)
    assert WomanClinicianRequest.objects.count() == 1


@pytest.mark.rule("10")
@pytest.mark.parametrize("role", ["custody", "governor", "inspector", "social"])
def test_only_health_staff_record_her_request(cast, woman_a, role):
    with pytest.raises(PermissionDenied):
        care.request_woman_clinician(by=cast[role], prisoner=woman_a)
    assert not WomanClinicianRequest.objects.exists()
    assert flags(woman_a).woman_clinician_requested is False


# Encounters (Rules 10.2, 11)


@pytest.mark.rule("10")
def test_a_man_examining_her_against_her_wish_is_refused_without_reason(cast, woman_a, staff):
    care.request_woman_clinician(by=cast["health"], prisoner=woman_a)
    with refusals.refused("10.2", Encounter, Reminder):
        encounter(cast, woman_a, staff["man_doctor"])
    with refusals.refused("10.2", Encounter, Reminder):
        encounter(cast, woman_a, staff["man_doctor"], woman_present=staff["woman_officer"])
    assert not Encounter.objects.exists()


@pytest.mark.rule("10")
def test_no_woman_available_needs_a_woman_staff_member_present(cast, woman_a, staff):
    care.request_woman_clinician(by=cast["health"], prisoner=woman_a)
    for present in (None, staff["man_officer"]):
        with refusals.refused("10.2", Encounter, Reminder):
            encounter(
                cast,
                woman_a,
                staff["man_doctor"],
                woman_unavailable_reason="The only woman doctor is on leave",
                woman_present=present,
            )
    assert not Encounter.objects.exists()

    done = encounter(
        cast,
        woman_a,
        staff["man_doctor"],
        woman_unavailable_reason="The only woman doctor is on leave",
        woman_present=staff["woman_officer"],
    )
    assert done.woman_clinician_requested is True
    assert done.clinician_gender == Gender.MAN
    assert done.woman_present == staff["woman_officer"]
    assert done.woman_unavailable_reason == "The only woman doctor is on leave"


@pytest.mark.rule("10")
def test_urgent_intervention_a_woman_clinician_or_no_request_are_allowed(cast, woman_a, staff):
    assert not encounter(cast, woman_a, staff["man_doctor"]).woman_clinician_requested
    care.request_woman_clinician(by=cast["health"], prisoner=woman_a)
    urgent = encounter(cast, woman_a, staff["man_doctor"], urgent=True)
    assert urgent.woman_clinician_requested and urgent.urgent
    by_woman = encounter(cast, woman_a, staff["woman_doctor"])
    assert by_woman.clinician_gender == Gender.WOMAN
    assert Encounter.objects.count() == 3


@pytest.mark.rule("10")
def test_the_clinicians_gender_is_taken_at_the_time(cast, woman_a, staff):
    doctor = staff["woman_doctor"]
    done = encounter(cast, woman_a, doctor)
    doctor.gender = Gender.UNDISCLOSED
    doctor.save(update_fields=["gender"])
    done.refresh_from_db()
    assert done.clinician_gender == Gender.WOMAN


@pytest.mark.rule("10")
def test_the_database_refuses_a_man_against_her_wish_without_reason(cast, woman_a, staff):
    with pytest.raises(IntegrityError), transaction.atomic():
        Encounter.objects.create(
            prisoner=woman_a,
            kind="general",
            clinician=staff["man_doctor"],
            clinician_gender=Gender.MAN,
            woman_clinician_requested=True,
            recorded_by=cast["health"],
        )


def test_the_clinician_is_health_staff_of_her_facility(cast, woman_a, staff, facility_b):
    with pytest.raises(ValidationError):
        encounter(cast, woman_a, staff["woman_officer"])
    elsewhere = make_staff("health", facility_b, username="dr_b", gender=Gender.WOMAN)
    with pytest.raises(ValidationError):
        encounter(cast, woman_a, elsewhere)
    assert not Encounter.objects.exists()


@pytest.mark.rule("11.1")
def test_non_medical_staff_present_need_a_rule_11_1_reason(cast, woman_a, staff):
    with refusals.refused("11.1", Encounter, Reminder):
        encounter(
            cast, woman_a, staff["woman_doctor"], non_medical_present=[staff["woman_officer"]]
        )
    assert not Encounter.objects.exists()
    assert not EncounterPresence.objects.exists()

    done = encounter(
        cast,
        woman_a,
        staff["woman_doctor"],
        non_medical_present=[staff["woman_officer"]],
        non_medical_reason=PresenceReason.DOCTOR_SECURITY,
    )
    assert done.non_medical_reason == PresenceReason.DOCTOR_SECURITY
    assert done.man_present_warning is False
    (presence,) = done.presences.all()
    assert presence.person == staff["woman_officer"]
    assert presence.gender == Gender.WOMAN
    assert presence.role == "custody"


@pytest.mark.rule("11")
def test_a_man_present_is_allowed_with_a_recorded_warning(cast, woman_a, staff):
    done = encounter(
        cast,
        woman_a,
        staff["woman_doctor"],
        non_medical_present=[staff["woman_officer"], staff["man_officer"]],
        non_medical_reason=PresenceReason.HER_REQUEST,
    )
    assert done.man_present_warning is True
    assert done.presences.count() == 2
    row = AuditEvent.objects.get(action="health.encounter")
    assert row.detail == {"warned_11_2": True}


def test_only_health_staff_record_encounters(cast, woman_a, staff):
    with pytest.raises(PermissionDenied):
        care.record_encounter(
            by=cast["custody"], prisoner=woman_a, kind="general", clinician=staff["woman_doctor"]
        )
    assert not Encounter.objects.exists()


# Observation (Rule 16)


def review_reminders(woman):
    return Reminder.objects.filter(key__startswith=f"health.observation_review:{woman.uuid}:")


@pytest.mark.rule("16")
def test_observation_level_sets_the_flag_and_is_reviewed(cast, woman_a, settings):
    settings.OBSERVATION_REVIEW_HOURS = 6
    first = care.set_observation_level(
        by=cast["health"], prisoner=woman_a, level="constant", reason="High risk"
    )
    assert flags(woman_a).observation_level == ObservationLevel.CONSTANT
    (reminder,) = review_reminders(woman_a)
    assert reminder.confidential and reminder.assignee_role == "health"
    assert reminder.rule == "16" and reminder.basis == Basis.CONFIG
    assert reminder.due_at == first.decided_at + timedelta(hours=6)
    assert "risk" not in reminder.title.lower() and "observation" not in reminder.title.lower()

    care.set_observation_level(by=cast["health"], prisoner=woman_a, level="intermittent")
    assert flags(woman_a).observation_level == ObservationLevel.INTERMITTENT
    reminder.refresh_from_db()
    assert reminder.status == Status.DONE
    assert review_reminders(woman_a).open().count() == 1

    care.set_observation_level(by=cast["health"], prisoner=woman_a, level="none")
    assert flags(woman_a).observation_level == ObservationLevel.NONE
    assert review_reminders(woman_a).open().count() == 0


@pytest.mark.rule("16")
def test_observation_level_is_health_staffs_decision(cast, woman_a):
    for role in ("custody", "governor", "safeguarding"):
        with pytest.raises(PermissionDenied):
            care.set_observation_level(by=cast[role], prisoner=woman_a, level="constant")
    with pytest.raises(ValidationError):
        care.set_observation_level(by=cast["health"], prisoner=woman_a, level="always")
    assert not ObservationDecision.objects.exists()
    assert flags(woman_a).observation_level == ObservationLevel.NONE


@pytest.mark.rule("12", "16")
def test_an_assessment_records_a_care_plan_and_may_set_the_level(cast, woman_a):
    assessment = care.record_assessment(
        by=cast["health"],
        prisoner=woman_a,
        tool="ASQ",
        risk_level="high",
        care_plan="Daily sessions with the psychologist",
        observation_level="constant",
    )
    assert assessment.assessor == cast["health"]
    assert assessment.observation_decision.level == ObservationLevel.CONSTANT
    assert flags(woman_a).observation_level == ObservationLevel.CONSTANT

    care.record_assessment(by=cast["health"], prisoner=woman_a, tool="ASQ", risk_level="medium")
    assert flags(woman_a).observation_level == ObservationLevel.CONSTANT  # unchanged
    assert MentalHealthAssessment.objects.count() == 2


@pytest.mark.rule("12")
def test_an_assessment_needs_a_tool_and_a_risk_level(cast, woman_a):
    with pytest.raises(ValidationError):
        care.record_assessment(by=cast["health"], prisoner=woman_a, tool=" ", risk_level="low")
    with pytest.raises(ValidationError):
        care.record_assessment(by=cast["health"], prisoner=woman_a, tool="ASQ", risk_level="")
    assert not MentalHealthAssessment.objects.exists()


# Times of distress (Rule 13)


@pytest.mark.rule("13")
def test_a_time_of_distress_schedules_a_confidential_recheck(cast, woman_a, settings):
    settings.DISTRESS_RECHECK_HOURS = 12
    when = timezone.now() - timedelta(hours=2)
    event = care.record_distress_event(
        by=cast["health"], prisoner=woman_a, kind="court", occurred_at=when, note="Sentenced"
    )
    reminder = Reminder.objects.get(key=f"health.distress_recheck:{event.uuid}")
    assert reminder.due_at == when + timedelta(hours=12)
    assert reminder.confidential and reminder.assignee_role == "health"
    assert reminder.rule == "13" and reminder.basis == Basis.CONFIG
    assert "court" not in reminder.title.lower() and "sentence" not in reminder.title.lower()
    assert AuditEvent.objects.filter(action="health.distress_event").exists()


@pytest.mark.rule("13")
def test_an_assessment_closes_the_open_rechecks(cast, woman_a):
    past = care.record_distress_event(by=cast["health"], prisoner=woman_a, kind="bad_news")
    ahead = care.record_distress_event(
        by=cast["health"],
        prisoner=woman_a,
        kind="court",
        occurred_at=timezone.now() + timedelta(days=7),
    )
    assessment = care.record_assessment(
        by=cast["health"], prisoner=woman_a, tool="ASQ", risk_level="low"
    )
    past.refresh_from_db()
    ahead.refresh_from_db()
    assert past.rechecked_by_assessment == assessment
    assert Reminder.objects.get(key=f"health.distress_recheck:{past.uuid}").status == Status.DONE
    # A hearing still ahead is not checked yet.
    assert ahead.rechecked_by_assessment is None
    assert Reminder.objects.get(key=f"health.distress_recheck:{ahead.uuid}").status in (
        Status.PENDING,
        Status.DUE,
    )


@pytest.mark.rule("13")
def test_only_health_staff_record_a_time_of_distress(cast, woman_a):
    with pytest.raises(PermissionDenied):
        care.record_distress_event(by=cast["custody"], prisoner=woman_a, kind="transfer")
    with pytest.raises(ValidationError):
        care.record_distress_event(by=cast["health"], prisoner=woman_a, kind="birthday")
    assert not DistressEvent.objects.exists()
    assert not Reminder.objects.filter(kind="health.distress_recheck").exists()
