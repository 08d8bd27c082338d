"""The safeguarding verbs and their refusals (Rules 25.1, 31; Mandela 1, 5.2): each refusal names
its rule and writes nothing."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from audit.models import AuditEvent
from reminders.models import OPEN_STATUSES, Reminder
from safeguarding import services
from safeguarding.models import (
    CareNeed,
    CareReview,
    FamilyConcern,
    Incident,
    Injuries,
    Involvement,
    Plan,
    PlanReview,
)
from tests import refusals

from .factories import concern, incident, make_support, need, other_woman, plan_of

pytestmark = pytest.mark.django_db


def _open(kind):
    return Reminder.objects.filter(kind=kind, status__in=OPEN_STATUSES)


@pytest.mark.rule("25.1")
def test_an_incident_opens_a_plan_for_each_victim_and_perpetrator_at_once(cast, woman_a):
    witness = other_woman(woman_a, "S07702")
    found = incident(
        cast,
        woman_a,
        others=[
            {"prisoner": other_woman(woman_a), "part": "perpetrator"},
            {"prisoner": witness, "part": "witness"},
        ],
        by=cast["reception"],
    )

    assert Involvement.objects.filter(incident=found).count() == 3
    assert sorted(Plan.objects.values_list("part", flat=True)) == ["perpetrator", "victim"]
    victim = plan_of(found)
    assert victim.made_at is None and victim.due_at == victim.opened_at + timedelta(hours=24)
    assert found.unit == woman_a.unit and found.facility == woman_a.facility
    tasks = _open(services.PLAN_KIND)
    assert tasks.count() == 2 and {t.assignee_role for t in tasks} == {"safeguarding"}
    assert AuditEvent.objects.filter(action="safeguarding.incident").count() == 1


def test_a_woman_of_another_facility_is_not_named(cast, woman_a, woman_b):
    with refusals.invalid("others", Incident, Involvement, Plan):
        incident(cast, woman_a, other=woman_b)


def test_each_woman_is_named_once(cast, woman_a):
    with refusals.invalid("others", Incident, Involvement, Plan):
        incident(cast, woman_a, other=woman_a)


def test_an_incident_hours_ago_says_why_it_is_late(cast, woman_a):
    other = other_woman(woman_a)
    with refusals.invalid("late_reason", Incident):
        incident(cast, woman_a, other=other, occurred_at=timezone.now() - timedelta(hours=10))


def test_the_inspector_and_sysadmin_record_no_incident(cast, woman_a):
    other = other_woman(woman_a)
    for role in ("inspector", "sysadmin"):
        with refusals.denied(Incident):
            incident(cast, woman_a, other=other, by=cast[role])


def test_a_hurt_woman_asks_health_staff_for_the_injuries_theirs_alone(cast, woman_a):
    found = incident(cast, woman_a, injured=True)
    [task] = _open(services.INJURIES_KIND)
    assert task.confidential and task.assignee_role == "health"

    with refusals.denied(Injuries):
        services.record_injuries(by=cast["custody"], incident=found, injuries="x", treatment="y")
    services.record_injuries(by=cast["health"], incident=found, injuries="Bruise", treatment="Ice")
    assert not _open(services.INJURIES_KIND).exists()
    with refusals.nothing_written(Injuries), pytest.raises(ValidationError):
        services.record_injuries(by=cast["health"], incident=found, injuries="a", treatment="b")


@pytest.mark.rule("25.1")
def test_a_support_plan_made_answers_its_task_and_asks_for_a_review(cast, woman_a):
    plan = plan_of(incident(cast, woman_a))

    made = make_support(cast, plan)

    assert made.made_at is not None and made.made_by == cast["safeguarding"]
    assert made.next_review_at == made.made_at + timedelta(days=28)
    assert _open(services.PLAN_KIND).count() == 1  # the perpetrator's management is still due
    assert _open(services.PLAN_REVIEW_KIND).count() == 1
    assert AuditEvent.objects.filter(action="safeguarding.plan_made").count() == 1


@pytest.mark.rule("25.1")
@pytest.mark.parametrize("measure", ["moved_unit", "segregation", "regime_limited"])
def test_a_victim_is_never_separated_against_her_wishes(cast, woman_a, measure):
    plan = plan_of(incident(cast, woman_a))

    with refusals.refused("25.1", PlanReview) as caught:
        make_support(cast, plan, measures=["no_contact", measure])
    assert "Rule 25.1" in str(caught.value)
    plan.refresh_from_db()
    assert plan.made_at is None and plan.measures == []
    assert _open(services.PLAN_KIND).count() == 2


@pytest.mark.rule("25.1")
def test_her_request_without_her_words_is_no_request(cast, woman_a):
    plan = plan_of(incident(cast, woman_a))
    with refusals.refused("25.1"):
        make_support(cast, plan, measures=["segregation"], at_her_request=True, her_views=" ")


@pytest.mark.rule("25.1")
def test_at_her_own_request_in_her_words_she_may_be_moved(cast, woman_a):
    plan = plan_of(incident(cast, woman_a))
    made = make_support(
        cast,
        plan,
        measures=["moved_unit"],
        at_her_request=True,
        her_views="I want to move to unit 2, away from her.",
    )
    assert made.measures == ["moved_unit"] and made.at_her_request


@pytest.mark.rule("25.1")
def test_the_database_refuses_separating_a_victim_without_her_request(cast, woman_a):
    plan = plan_of(incident(cast, woman_a))
    with pytest.raises(IntegrityError), transaction.atomic():
        Plan.objects.filter(pk=plan.pk).update(measures=["segregation"])


@pytest.mark.rule("25.1")
def test_the_perpetrator_may_be_moved_or_held_apart(cast, woman_a):
    plan = plan_of(incident(cast, woman_a), part="perpetrator")
    made = services.make_plan(
        by=cast["social"], plan=plan, measures=["moved_unit", "no_contact", "behaviour"]
    )
    assert made.measures == ["moved_unit", "no_contact", "behaviour"]


@pytest.mark.rule("25.1")
def test_a_support_plan_records_support_and_counselling_offered(cast, woman_a):
    plan = plan_of(incident(cast, woman_a))
    with refusals.refused("25.1") as caught:
        make_support(cast, plan, support_offered=False)
    assert caught.value.field == "support_offered"


@pytest.mark.rule("25.1")
def test_a_change_to_a_made_plan_is_held_to_the_same_rule(cast, woman_a):
    plan = make_support(cast, plan_of(incident(cast, woman_a)))

    with refusals.refused("25.1"):
        services.change_plan(by=cast["safeguarding"], plan=plan, measures=["segregation"])
    plan.refresh_from_db()
    assert plan.measures == ["no_contact", "other_moved"]

    services.change_plan(by=cast["safeguarding"], plan=plan, measures=["no_contact"])
    plan.refresh_from_db()
    assert plan.measures == ["no_contact"]


def test_custody_and_the_inspector_make_no_plan(cast, woman_a):
    plan = plan_of(incident(cast, woman_a))
    for role in ("custody", "inspector"):
        with refusals.denied(Plan):
            make_support(cast, plan, by=cast[role])


def test_a_review_sets_the_next_or_ends_the_plan(cast, woman_a):
    plan = make_support(cast, plan_of(incident(cast, woman_a)))

    services.review_plan(by=cast["safeguarding"], plan=plan, notes="Safer now.")
    assert _open(services.PLAN_REVIEW_KIND).count() == 1
    with refusals.invalid("next_review_at", PlanReview):
        services.review_plan(
            by=cast["safeguarding"],
            plan=plan,
            notes="x",
            next_review_at=timezone.now() + timedelta(days=60),
        )
    services.review_plan(by=cast["safeguarding"], plan=plan, notes="No contact since.", close=True)
    plan.refresh_from_db()
    assert plan.closed_at is not None and not _open(services.PLAN_REVIEW_KIND).exists()


def test_a_family_concern_reaches_safeguarding_until_triaged(cast, woman_a):
    record = concern(cast, woman_a)
    [task] = _open(services.TRIAGE_KIND)
    assert task.assignee_role == "safeguarding"

    with refusals.invalid("reason", FamilyConcern):
        services.triage_concern(by=cast["safeguarding"], concern=record, outcome="closed")
    services.triage_concern(
        by=cast["safeguarding"], concern=record, outcome="closed", reason="Spoke with her: safe."
    )
    assert not _open(services.TRIAGE_KIND).exists()
    with pytest.raises(ValidationError):
        services.triage_concern(by=cast["governor"], concern=record, outcome="closed", reason="x")


def test_a_concern_links_only_to_her_own_incident(cast, woman_a):
    other = other_woman(woman_a, "S07705")
    elsewhere = incident(cast, other, other=other_woman(woman_a, "S07706"))
    record = concern(cast, woman_a)
    with refusals.invalid("incident", FamilyConcern):
        services.triage_concern(
            by=cast["safeguarding"], concern=record, outcome="incident", incident=elsewhere
        )


@pytest.mark.rule("25.1")
def test_what_her_family_is_told_never_names_the_perpetrator(cast, woman_a):
    bully = other_woman(woman_a, "S07709", family_name="Sombat")
    found = incident(cast, woman_a, other=bully)
    record = concern(cast, woman_a)

    for told in ("It was Sombat on her unit.", f"Prisoner {bully.prison_number} is moved."):
        with refusals.refused("25.1") as caught:
            services.triage_concern(
                by=cast["safeguarding"],
                concern=record,
                outcome="incident",
                incident=found,
                family_told=told,
            )
        assert caught.value.field == "family_told"
    record.refresh_from_db()
    assert record.awaiting

    services.triage_concern(
        by=cast["safeguarding"],
        concern=record,
        outcome="incident",
        incident=found,
        family_told="We know of it; she is protected and supported.",
    )
    record.refresh_from_db()
    assert record.incident == found


@pytest.mark.rule("M5.2")
def test_a_need_is_recorded_with_its_reasonable_adjustments(cast, woman_a):
    with refusals.refused("M5.2", CareNeed, Reminder) as caught:
        need(cast, woman_a, adjustments=" ")
    assert "Mandela 5.2" in str(caught.value)

    found = need(cast, woman_a)
    assert found.next_review_at == found.recorded_at + timedelta(days=90)
    [task] = _open(services.NEED_REVIEW_KIND)
    assert task.assignee_role == "social" and task.rule == "M5.2"


@pytest.mark.rule("M5.2")
def test_a_need_is_not_ended_as_met_while_its_adjustments_are_not_in_place(cast, woman_a):
    found = need(cast, woman_a)
    with refusals.refused("M5.2", CareReview):
        services.review_need(
            by=cast["social"], need=found, in_place=False, notes="Still upstairs.", ended="met"
        )
    found.refresh_from_db()
    assert found.is_open

    services.review_need(
        by=cast["health"],
        need=found,
        in_place=True,
        notes="Moved downstairs.",
        adjustments="A ground-floor cell and a shower chair.",
    )
    found.refresh_from_db()
    assert found.adjustments == "A ground-floor cell and a shower chair."
    services.review_need(by=cast["social"], need=found, in_place=True, notes="Met.", ended="met")
    found.refresh_from_db()
    assert not found.is_open and not _open(services.NEED_REVIEW_KIND).exists()


def test_custody_record_no_need(cast, woman_a):
    with refusals.denied(CareNeed):
        need(cast, woman_a, by=cast["custody"])


def test_a_backdated_incident_is_kept_with_its_reason_and_never_in_the_future(cast, woman_a):
    other = other_woman(woman_a)
    then = timezone.now() - timedelta(days=2)
    found = incident(cast, woman_a, other=other, occurred_at=then, late_reason="Told us today.")
    assert found.occurred_at == then and found.late_reason == "Told us today."
    # The plans are due from when it was recorded: her protection starts when we know.
    assert plan_of(found).due_at > timezone.now()

    with refusals.invalid("occurred_at", Incident):
        incident(cast, woman_a, other=other, occurred_at=timezone.now() + timedelta(hours=1))


def test_a_review_is_not_backdated_before_the_plan(cast, woman_a):
    plan = make_support(cast, plan_of(incident(cast, woman_a)))
    with refusals.invalid("held_at", PlanReview):
        services.review_plan(
            by=cast["safeguarding"],
            plan=plan,
            notes="x",
            held_at=timezone.now() - timedelta(days=1),
        )


def test_a_concern_received_days_ago_says_why_it_is_late(cast, woman_a):
    with refusals.invalid("late_reason", FamilyConcern):
        concern(cast, woman_a, received_at=timezone.now() - timedelta(days=3))
    late = concern(
        cast, woman_a, received_at=timezone.now() - timedelta(days=3), late_reason="A letter"
    )
    assert late.late_reason == "A letter"


@pytest.mark.rule("25.1")
def test_a_victim_who_reported_it_herself_is_protected_against_retaliation(cast, woman_a):
    from complaints.services import protected_against_retaliation

    bully = other_woman(woman_a)
    incident(cast, woman_a, other=bully, reported_by="herself")
    assert protected_against_retaliation(woman_a)
    assert not protected_against_retaliation(bully)

    seen = other_woman(woman_a)
    incident(cast, seen, other=other_woman(woman_a), reported_by="staff")
    assert not protected_against_retaliation(seen)


@pytest.mark.rule("25.1")
def test_her_open_plan_need_and_concern_go_with_her_when_she_is_transferred(
    cast, facility_a, facility_b
):
    from admissions.services import propose_transfer
    from conftest import client_for
    from release.tests.factories import admitted
    from safeguarding.models import CareNeed, FamilyConcern
    from safeguarding.reading import plans_worked
    from staff.tests.factories import make_staff

    woman = admitted(cast, facility_a).prisoner
    # Seen by staff (had she reported it, her transfer would wait for the reviews, Rule 25.1).
    plan = plan_of(incident(cast, woman, reported_by="staff"))
    need(cast, woman)
    concern(cast, woman)
    proposal = propose_transfer(
        by=cast["reception"],
        admission=woman.admissions.get(),
        to_facility=facility_b,
        reason="Nearer her mother",
    )
    done = client_for(cast["governor"]).post(f"/api/v1/transfer-proposals/{proposal.uuid}/confirm/")
    assert done.status_code == 200, done.content
    assert Plan.objects.get(pk=plan.pk).facility == facility_b
    assert CareNeed.objects.get(prisoner=woman).facility == facility_b
    assert FamilyConcern.objects.get(prisoner=woman).facility == facility_b
    governor_b = make_staff("governor", facility_b, username="governor_b")
    assert list(plans_worked(governor_b)) == [Plan.objects.get(pk=plan.pk)]
    # The other woman, who stays, keeps her management at A.
    assert [p.part for p in plans_worked(cast["governor"])] == ["perpetrator"]
    assert AuditEvent.objects.filter(action="safeguarding.followed_her").count() == 1
