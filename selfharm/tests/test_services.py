"""The self-harm verbs and their refusals (Rules 12, 13, 16, 35): each refusal names its rule
and writes nothing."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, ProgrammingError, transaction
from django.utils import timezone

from audit.models import AuditEvent
from health.services.care import set_observation_level
from reminders.models import OPEN_STATUSES, Reminder, Status
from selfharm import services
from selfharm.models import (
    Assessment,
    Case,
    ClosureCheck,
    IncidentClinical,
    PlanAction,
    Review,
    SelfHarmIncident,
)
from staff.models import Course, TrainingRecord
from tests import refusals

from .factories import PLAN, assess, closed_case, incident, open_case, review, trained

pytestmark = pytest.mark.django_db


def _open_tasks(case):
    return set(
        Reminder.objects.filter(
            key__startswith=f"selfharm:{case.uuid}", status__in=OPEN_STATUSES
        ).values_list("kind", flat=True)
    )


@pytest.mark.rule("16")
def test_opening_a_case_asks_for_an_assessment_and_an_observation_decision(cast, woman_a):
    case = open_case(cast, woman_a, by=cast["reception"])

    assert case.is_open and case.opened_by == cast["reception"]
    assert case.assessment_due_at == case.noticed_at + timedelta(hours=24)
    assert _open_tasks(case) == {services.ASSESSMENT_KIND, services.OBSERVATION_KIND}
    observation = Reminder.objects.get(kind=services.OBSERVATION_KIND)
    assert observation.confidential and observation.assignee_role == "health"
    assert AuditEvent.objects.filter(action="selfharm.opened").count() == 1


def test_health_staff_own_observation_decision_answers_the_task(cast, woman_a):
    case = open_case(cast, woman_a)

    set_observation_level(by=cast["health"], prisoner=woman_a, level="constant")

    assert _open_tasks(case) == {services.ASSESSMENT_KIND}


def test_one_open_case_at_a_time(cast, woman_a):
    open_case(cast, woman_a)

    with refusals.nothing_written(Case, Reminder), pytest.raises(ValidationError) as caught:
        open_case(cast, woman_a)
    assert "open self-harm case already" in str(caught.value)


def test_the_database_keeps_one_open_case(cast, woman_a):
    case = open_case(cast, woman_a)
    copy = Case(
        prisoner=woman_a,
        facility=case.facility,
        concern="x",
        prompt="said",
        opened_by=cast["custody"],
        noticed_at=case.noticed_at,
        assessment_due_at=case.assessment_due_at,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        copy.save()


def test_inspector_and_sysadmin_may_not_open_a_case(cast, woman_a):
    for role in ("inspector", "sysadmin"):
        with refusals.denied(Case):
            open_case(cast, woman_a, by=cast[role])


def test_a_concern_seen_hours_ago_says_why_it_is_late(cast, woman_a):
    with refusals.invalid("late_reason", Case):
        open_case(cast, woman_a, noticed_at=timezone.now() - timedelta(hours=10))


@pytest.mark.rule("35")
def test_an_untrained_assessor_is_refused_naming_rule_35(cast, woman_a):
    case = open_case(cast, woman_a)

    with refusals.refused("35", Assessment, PlanAction) as caught:
        services.assess(by=cast["health"], case=case, took_part=True, risk="high", plan=PLAN)
    assert "Rule 35" in str(caught.value)
    assert _open_tasks(case) == {services.ASSESSMENT_KIND, services.OBSERVATION_KIND}


@pytest.mark.rule("35")
def test_a_training_confirmed_after_the_assessment_does_not_count(cast, woman_a):
    case = open_case(cast, woman_a)
    TrainingRecord.objects.create(
        user=cast["health"],
        course=Course.MENTAL_HEALTH,
        completed=timezone.localdate() - timedelta(days=30),
        in_effect_from=timezone.now(),
    )

    with refusals.refused("35", Assessment):
        services.assess(
            by=cast["health"],
            case=case,
            took_part=True,
            risk="high",
            plan=PLAN,
            assessed_at=timezone.now() - timedelta(minutes=30),
        )


@pytest.mark.rule("35")
def test_a_trained_assessor_writes_the_plan_and_sets_the_first_review(cast, woman_a):
    case = open_case(cast, woman_a)

    assessment = assess(cast, case, risk="high", by=cast["social"])

    case.refresh_from_db()
    assert assessment.risk == "high" and case.risk == "high"
    assert case.plan.count() == 1
    assert case.next_review_at == assessment.assessed_at + timedelta(days=1)
    assert _open_tasks(case) == {services.OBSERVATION_KIND, services.REVIEW_KIND}


@pytest.mark.rule("16")
def test_she_takes_part_or_why_not_is_recorded(cast, woman_a):
    case = open_case(cast, woman_a)
    trained(cast["health"])

    with refusals.refused("16", Assessment, PlanAction):
        services.assess(by=cast["health"], case=case, took_part=False, risk="low", plan=PLAN)


@pytest.mark.rule("16")
def test_a_first_review_later_than_the_risk_allows_is_refused(cast, woman_a):
    case = open_case(cast, woman_a)
    trained(cast["health"])

    with refusals.refused("16", Assessment, PlanAction):
        services.assess(
            by=cast["health"],
            case=case,
            took_part=True,
            risk="high",
            plan=PLAN,
            next_review_at=timezone.now() + timedelta(days=3),
        )


def test_an_assessment_needs_a_plan(cast, woman_a):
    case = open_case(cast, woman_a)
    trained(cast["health"])

    with refusals.invalid("plan", Assessment, PlanAction):
        services.assess(by=cast["health"], case=case, took_part=True, risk="low", plan=[])


def test_a_late_assessment_is_taken_with_its_reason(cast, woman_a):
    case = open_case(
        cast,
        woman_a,
        noticed_at=timezone.now() - timedelta(hours=30),
        late_reason="Told at the end of the shift",
    )
    with refusals.invalid("late_reason", Assessment):
        assess(cast, case)

    assessment = assess(cast, case, late_reason="The nurse was off sick")

    assert assessment.late_reason == "The nurse was off sick"
    assert Case.objects.assessed_late().get() == case


@pytest.mark.rule("16")
def test_a_review_by_one_team_alone_is_refused(cast, woman_a, facility_a):
    from staff.tests.factories import make_staff

    case = open_case(cast, woman_a)
    assess(cast, case)
    nurse = make_staff("health", facility_a, username="nurse_two")

    with refusals.refused("16", Review) as caught:
        review(cast, case, participants=[nurse])
    assert "another team" in str(caught.value)


@pytest.mark.rule("16")
def test_closing_needs_a_low_risk(cast, woman_a):
    case = open_case(cast, woman_a)
    assess(cast, case)

    with refusals.refused("16", Review, ClosureCheck):
        review(cast, case, risk="raised", close=True)
    case.refresh_from_db()
    assert case.is_open


@pytest.mark.rule("16")
def test_closing_without_her_and_without_why_not_is_refused(cast, woman_a):
    case = open_case(cast, woman_a)
    assess(cast, case)

    with refusals.refused("16", Review):
        review(cast, case, took_part=False, close=True)


def test_a_review_sets_the_next_and_a_closure_asks_for_a_check(cast, woman_a):
    case = open_case(cast, woman_a)
    assess(cast, case)

    first = review(cast, case, risk="raised")
    case.refresh_from_db()
    assert case.next_review_at == first.next_review_at == first.held_at + timedelta(days=3)

    review(cast, case, close=True, took_part=False, why_not="Asleep after her medication")
    case.refresh_from_db()
    assert not case.is_open
    assert case.check_due_at == case.closed_at + timedelta(days=7)
    assert _open_tasks(case) == {services.CHECK_KIND}


def test_a_concern_at_the_check_opens_a_new_case_that_follows(cast, woman_a):
    case = closed_case(cast, woman_a)

    services.check_after_closure(
        by=cast["social"], case=case, outcome="concern", notes="Withdrawn again."
    )

    new = services.open_case_of(woman_a)
    assert new is not None and new.follows == case and new.prompt == "again"
    with refusals.nothing_written(ClosureCheck), pytest.raises(ValidationError):
        services.check_after_closure(by=cast["social"], case=case, outcome="well", notes="Well.")


def test_an_incident_opens_a_case_and_asks_health_for_its_clinical_part(cast, woman_a):
    first = incident(cast, woman_a, occurred_at=timezone.now() - timedelta(minutes=20))

    assert first.case.is_open and first.case.prompt == "incident"
    task = Reminder.objects.get(kind=services.CLINICAL_KIND)
    assert task.confidential and task.assignee_role == "health"

    again = incident(cast, woman_a, place="Yard", first_aid_called=False)
    assert again.case == first.case

    services.record_clinical(
        by=cast["health"], incident=first, method="m", injuries="i", treatment="t"
    )
    task.refresh_from_db()
    assert task.status == Status.DONE
    assert IncidentClinical.objects.count() == 1


def test_a_backdated_incident_says_why(cast, woman_a):
    with refusals.invalid("late_reason", SelfHarmIncident, Case):
        incident(cast, woman_a, occurred_at=timezone.now() - timedelta(hours=9))


def test_only_health_staff_record_the_clinical_part(cast, woman_a):
    found = incident(cast, woman_a)
    with refusals.denied(IncidentClinical):
        services.record_clinical(
            by=cast["custody"], incident=found, method="m", injuries="i", treatment="t"
        )


def test_no_case_row_is_deleted(cast, woman_a):
    case = open_case(cast, woman_a)
    with pytest.raises(ProgrammingError), transaction.atomic():
        Case.objects.filter(pk=case.pk).delete()
    assert Case.objects.count() == 1


def test_outside_her_facility_nothing_is_opened(cast, woman_b):
    with refusals.denied(Case):
        open_case(cast, woman_b)


@pytest.mark.rule("16")
def test_an_overdue_assessment_and_review_reach_the_governor_by_the_clock(cast, woman_a):
    from reminders.services import sweep_reminders

    case = open_case(cast, woman_a)
    sweep_reminders(now=case.assessment_due_at + timedelta(minutes=1))
    task = Reminder.objects.get(kind=services.ASSESSMENT_KIND)
    assert task.status == Status.ESCALATED

    assess(cast, case, risk="high")
    case.refresh_from_db()
    sweep_reminders(now=case.next_review_at + timedelta(hours=25))
    review_task = Reminder.objects.get(kind=services.REVIEW_KIND)
    assert review_task.status == Status.ESCALATED
    review(cast, case, risk="raised")
    review_task.refresh_from_db()
    assert review_task.status == Status.DONE
