"""Her release plan (Rules 45-47, 55): it starts by the clock, `RELEASE_PLAN_START_DAYS` before
her earliest release date; its sections carry a status; health continuity is health's; the
tasks as the date approaches close when the records answering them are written."""

from contextlib import contextmanager
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from audit.models import AuditEvent
from release.models import HealthContinuity, PlanPart, ReleasePlan
from release.services import (
    COMPLETE_KIND,
    HEALTH_KIND,
    START_KIND,
    record_health_continuity,
    record_health_reason,
    record_release_date,
    start_plan,
    update_part,
)
from reminders.models import Reminder, Status
from reminders.services import sweep_reminders, tasks_for
from tests import refusals

pytestmark = pytest.mark.django_db


@contextmanager
def not_taken(*models):
    """Refused as not possible in this state (not under a Rule), nothing written."""
    with refusals.nothing_written(*models), pytest.raises(ValidationError) as caught:
        yield caught


def in_days(days):
    return timezone.localdate() + timedelta(days=days)


def task(kind):
    return Reminder.objects.get(kind=kind)


@pytest.mark.rule("46")
def test_the_task_to_start_her_plan_comes_due_by_the_clock(cast, her, settings):
    settings.RELEASE_PLAN_START_DAYS = 90
    record_release_date(
        by=cast["reception"], admission=her, earliest_release_on=in_days(200), source="Sentence"
    )
    start = task(START_KIND)
    assert (start.status, start.assignee_role, start.rule) == (Status.PENDING, "social", "46")
    assert start.due_at.date() == in_days(110)
    # Not yet in the social workers' list, until the sweep runs at the time.
    assert not tasks_for(cast["social"]).filter(pk=start.pk, status=Status.DUE).exists()
    sweep_reminders(now=start.due_at - timedelta(minutes=1))
    assert task(START_KIND).status == Status.PENDING
    sweep_reminders(now=start.due_at + timedelta(minutes=1))
    assert task(START_KIND).status == Status.DUE
    assert tasks_for(cast["social"]).filter(kind=START_KIND).exists()
    start_plan(by=cast["social"], admission=her)
    assert task(START_KIND).status == Status.DONE


@pytest.mark.rule("46")
def test_a_date_within_the_window_makes_the_task_due_at_once(cast, her):
    record_release_date(by=cast["social"], admission=her, earliest_release_on=in_days(20))
    assert task(START_KIND).due_at <= timezone.now()


@pytest.mark.rule("46")
def test_a_corrected_date_moves_the_task(cast, her):
    record_release_date(by=cast["social"], admission=her, earliest_release_on=in_days(200))
    record_release_date(by=cast["social"], admission=her, earliest_release_on=in_days(300))
    open_tasks = Reminder.objects.filter(kind=START_KIND, status=Status.PENDING)
    assert [t.due_at.date() for t in open_tasks] == [in_days(210)]
    assert Reminder.objects.filter(kind=START_KIND, status=Status.CANCELLED).count() == 1


def test_a_date_in_the_past_is_refused_naming_the_field(cast, her):
    with refusals.invalid("earliest_release_on", ReleasePlan, Reminder):
        record_release_date(by=cast["social"], admission=her, earliest_release_on=in_days(-1))


@pytest.mark.parametrize("role", ["custody", "health", "safeguarding", "inspector"])
def test_other_roles_record_no_release_date(cast, her, role):
    with refusals.denied(ReleasePlan, Reminder):
        record_release_date(by=cast[role], admission=her, earliest_release_on=in_days(30))


def started(cast, her, days=60):
    record_release_date(by=cast["social"], admission=her, earliest_release_on=in_days(days))
    return start_plan(by=cast["social"], admission=her)


@pytest.mark.rule("46")
def test_starting_the_plan_makes_its_sections_and_the_tasks_before_the_date(cast, her, settings):
    settings.RELEASE_HEALTH_HANDOVER_DAYS, settings.RELEASE_PLAN_DUE_DAYS = 30, 14
    plan = started(cast, her)
    assert sorted(plan.parts.values_list("part", flat=True)) == sorted(
        ["accommodation", "income", "children", "safety", "referrals", "transition", "support"]
    )
    assert set(plan.parts.values_list("status", flat=True)) == {"to_do"}
    health, complete = task(HEALTH_KIND), task(COMPLETE_KIND)
    assert (health.assignee_role, health.confidential) == ("health", True)
    assert health.due_at.date() == in_days(30)
    assert (complete.assignee_role, complete.due_at.date()) == ("social", in_days(46))
    # The clinical task says nothing of her health to other roles (Rule 8).
    assert health.shown_to(cast["governor"])["title"] == "Health task (confidential)"
    assert AuditEvent.objects.filter(action="release.plan_started").exists()


def test_a_plan_starts_once_and_only_with_a_date(cast, her):
    with not_taken(PlanPart):
        start_plan(by=cast["social"], admission=her)
    started(cast, her)
    with not_taken(PlanPart):
        start_plan(by=cast["social"], admission=her)


@pytest.mark.rule("46")
@pytest.mark.parametrize(
    ("part", "rule"),
    [("accommodation", "46"), ("income", "46"), ("referrals", "55"), ("support", "47")],
)
def test_every_womans_sections_cant_be_marked_not_needed(cast, her, part, rule):
    plan = started(cast, her)
    section = plan.parts.get(part=part)
    with refusals.refused(rule, PlanPart) as caught:
        update_part(by=cast["social"], part=section, status="not_needed", notes="None")
    assert "every woman's release plan" in caught.value.message
    assert PlanPart.objects.get(pk=section.pk).status == "to_do"


@pytest.mark.rule("55")
def test_referrals_to_culturally_appropriate_services_are_recorded(cast, her):
    plan = started(cast, her)
    section = update_part(
        by=cast["social"],
        part=plan.parts.get(part="referrals"),
        status="complete",
        notes="Probation; a Karen women's group in her town",
        services="Probation office; Karen Women's Organisation",
    )
    assert (section.status, section.updated_by) == ("complete", cast["social"])


@pytest.mark.rule("45")
def test_her_children_a_safety_plan_and_open_conditions_may_be_not_needed(cast, her):
    plan = started(cast, her)
    for part in ("children", "safety", "transition"):
        update_part(by=cast["social"], part=plan.parts.get(part=part), status="not_needed")
    assert plan.parts.filter(status="not_needed").count() == 3


def test_complete_needs_what_is_arranged(cast, her):
    plan = started(cast, her)
    with refusals.invalid("notes", PlanPart):
        update_part(by=cast["social"], part=plan.parts.get(part="income"), status="complete")


@pytest.mark.rule("47")
def test_the_plan_task_closes_when_every_section_is_done(cast, her):
    plan = started(cast, her)
    for section in plan.parts.all():
        assert task(COMPLETE_KIND).status == Status.PENDING
        update_part(by=cast["social"], part=section, status="complete", notes="Arranged")
    assert task(COMPLETE_KIND).status == Status.DONE


@pytest.mark.parametrize("role", ["reception", "health", "governor", "inspector"])
def test_only_social_workers_keep_the_plan(cast, her, role):
    plan = started(cast, her)
    with refusals.denied(PlanPart):
        update_part(by=cast[role], part=plan.parts.first(), status="in_progress")


# Health continuity (Rule 8: health's alone) -------------------------------------------------


@pytest.mark.rule("46")
def test_health_staff_hand_her_care_over_and_the_task_closes(cast, her):
    started(cast, her)
    record = record_health_continuity(
        by=cast["health"],
        admission=her,
        medication="Methadone 60 mg daily",
        substitution_treatment="OST continued at the district clinic",
        community_provider="District health centre",
        handed_over_on=timezone.localdate(),
        complete=True,
    )
    assert record.complete
    assert task(HEALTH_KIND).status == Status.DONE
    event = AuditEvent.objects.get(action="release.health_recorded")
    assert "Methadone" not in str(event.detail)


def test_complete_health_continuity_needs_the_service_and_the_handover(cast, her):
    with refusals.invalid("community_provider", HealthContinuity) as caught:
        record_health_continuity(by=cast["health"], admission=her, complete=True)
    assert "handed_over_on" in caught.value.message_dict


@pytest.mark.parametrize("role", ["reception", "social", "governor", "inspector", "custody"])
def test_only_health_staff_record_health_continuity(cast, her, role):
    with refusals.denied(HealthContinuity, ReleasePlan):
        record_health_continuity(by=cast[role], admission=her, medication="x")


def test_no_reason_is_taken_when_health_continuity_is_complete(cast, her):
    record_health_continuity(
        by=cast["health"],
        admission=her,
        community_provider="Clinic",
        handed_over_on=timezone.localdate(),
        complete=True,
    )
    with not_taken():
        record_health_reason(by=cast["reception"], admission=her, reason="Bail")


@pytest.mark.parametrize("role", ["social", "health", "custody", "inspector"])
def test_only_release_officers_record_the_reason(cast, her, role):
    with refusals.denied(ReleasePlan):
        record_health_reason(by=cast[role], admission=her, reason="Bail")


def test_nothing_is_kept_after_release(cast, her):
    from admissions.services import release
    from release.tests.factories import ready_for_release

    release(by=cast["reception"], admission=ready_for_release(cast, her), reason="Bail")
    with not_taken(ReleasePlan):
        record_release_date(by=cast["social"], admission=her, earliest_release_on=in_days(3))
