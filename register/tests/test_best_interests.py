"""A child lives with her mother in prison only on a best-interests decision (Rule 49),
reviewed on a clock and before the national maximum age of stay (Rule 52.1), and leaves her
only on such a decision and a complete plan (Rule 52): refused otherwise at every door, with
nothing written."""

from datetime import timedelta

import pytest
from django.utils import timezone

from audit.models import AuditEvent
from bangkok.dates import add_months
from conftest import client_for
from health.models import DistressEvent
from register.models import BestInterestsDecision, Child, Separation, SeparationPlan
from register.services import (
    plan_separation,
    record_child,
    separate_child,
    update_child,
)
from register.tests.factories import DECISION, PLAN, child_fields, decide, leaves, with_her
from reminders.models import OPEN_STATUSES, Reminder, Status
from tests import refusals
from tests.versions import VersionedAPIClient

pytestmark = pytest.mark.django_db


def baby_fields() -> dict:
    """A baby of three months living with her mother, as old on the day the test runs."""
    return child_fields(
        given_names="Dao",
        lives_with_mother=True,
        location="",
        custody="",
        date_of_birth=timezone.localdate() - timedelta(days=90),
    )


def api(user):
    client = VersionedAPIClient()
    client.force_authenticate(user)
    return client


def open_reminders(kind):
    return Reminder.objects.filter(kind=kind, status__in=OPEN_STATUSES)


# Admission: Rule 49 -------------------------------------------------------------------------


@pytest.mark.rule("49")
def test_no_child_comes_to_live_with_her_without_a_best_interests_decision(cast, woman_a):
    with refusals.refused("49", Child, BestInterestsDecision, Reminder) as refused:
        record_child(by=cast["reception"], mother=woman_a, **baby_fields())
    assert "Rule 49" in str(refused.value)


@pytest.mark.rule("49")
def test_the_api_refuses_a_child_living_with_her_without_a_decision(cast, woman_a):
    body = {**baby_fields(), "date_of_birth": baby_fields()["date_of_birth"].isoformat()}
    url = f"/api/v1/prisoners/{woman_a.uuid}/children/"
    with refusals.nothing_written(Child, BestInterestsDecision, Reminder):
        response = api(cast["reception"]).post(url, body, format="json")
    assert response.status_code == 409 and response.json()["rule"] == "49"
    decide(cast["social"], woman_a)
    assert api(cast["reception"]).post(url, body, format="json").status_code == 201


@pytest.mark.rule("49")
def test_a_decision_before_the_birth_admits_the_baby_and_sets_the_review(cast, woman_a, settings):
    settings.CHILD_IN_PRISON_REVIEW_MONTHS = 6
    decision = decide(cast["social"], woman_a)
    assert decision.kind == "admission" and decision.child is None
    baby = record_child(by=cast["reception"], mother=woman_a, **baby_fields())
    decision.refresh_from_db()
    assert decision.child == baby
    assert baby.review_due_on == add_months(timezone.localdate(), 6)
    reminder = open_reminders("register.best_interests_review").get()
    assert reminder.rule == "52.1" and reminder.assignee_role == "social"
    assert reminder.due_at.date() == baby.review_due_on - timedelta(days=30)
    assert reminder.escalate_at.date() == baby.review_due_on
    assert "Dao" not in reminder.title
    assert AuditEvent.objects.filter(action="child.best_interests_decided").count() == 1


@pytest.mark.rule("49")
def test_one_decision_admits_one_child(cast, woman_a):
    decide(cast["social"], woman_a)
    record_child(by=cast["reception"], mother=woman_a, **baby_fields())
    with refusals.refused("49", Child):
        record_child(
            by=cast["reception"], mother=woman_a, **{**baby_fields(), "given_names": "Twin"}
        )


@pytest.mark.rule("49")
def test_a_decision_that_the_child_lives_apart_admits_no_one(cast, woman_a):
    decide(cast["social"], woman_a, outcome="apart")
    with refusals.refused("49", Child):
        record_child(by=cast["reception"], mother=woman_a, **baby_fields())


@pytest.mark.rule("49")
def test_a_stale_decision_admits_no_one(cast, woman_a, settings):
    settings.CHILD_ADMISSION_DECISION_VALID_DAYS = 90
    decide(cast["social"], woman_a, decided_on=timezone.localdate() - timedelta(days=91))
    with refusals.refused("49", Child):
        record_child(by=cast["reception"], mother=woman_a, **baby_fields())


@pytest.mark.rule("49")
def test_a_child_outside_comes_to_live_with_her_only_on_a_decision_for_that_child(cast, woman_a):
    outside = child_fields(date_of_birth=timezone.localdate() - timedelta(days=400))
    child = record_child(by=cast["reception"], mother=woman_a, **outside)
    with refusals.refused("49", BestInterestsDecision):
        update_child(by=cast["social"], child=child, lives_with_mother=True)
    child.refresh_from_db()
    assert not child.lives_with_mother and child.review_due_on is None
    decide(cast["social"], woman_a, child=child)
    update_child(by=cast["social"], child=child, lives_with_mother=True)
    child.refresh_from_db()
    assert child.lives_with_mother and child.review_due_on is not None


@pytest.mark.rule("49")
def test_the_database_refuses_a_child_living_with_her_without_a_review_date(cast, woman_a):
    from django.db import IntegrityError, transaction

    child = record_child(by=cast["reception"], mother=woman_a, **child_fields())
    with pytest.raises(IntegrityError), transaction.atomic():
        Child.objects.filter(pk=child.pk).update(lives_with_mother=True)


@pytest.mark.rule("49")
def test_only_social_workers_decide_and_the_decision_is_complete(cast, woman_a):
    from django.core.exceptions import PermissionDenied, ValidationError

    for role in ("reception", "custody", "governor", "health"):
        with refusals.nothing_written(BestInterestsDecision), pytest.raises(PermissionDenied):
            decide(cast[role], woman_a)
    with refusals.nothing_written(BestInterestsDecision), pytest.raises(ValidationError) as e:
        decide(cast["social"], woman_a, her_views="  ", child_needs="")
    assert {"her_views", "child_needs"} <= set(e.value.message_dict)


# Reviews and the national maximum age: Rule 52.1 ------------------------------------------


@pytest.mark.rule("52.1")
def test_a_child_at_the_maximum_age_can_not_be_decided_to_stay(cast, woman_a, settings):
    settings.CHILD_IN_PRISON_MAX_AGE_MONTHS = 36
    baby = with_her(cast["reception"], woman_a, social=cast["social"], **baby_fields())
    Child.objects.filter(pk=baby.pk).update(
        date_of_birth=timezone.localdate() - timedelta(days=3 * 366)
    )
    baby.refresh_from_db()
    with refusals.refused("52.1", BestInterestsDecision) as refused:
        decide(cast["social"], woman_a, child=baby)
    assert "36 months" in str(refused.value)
    decide(cast["social"], woman_a, child=baby, outcome="apart")


@pytest.mark.rule("52.1")
def test_a_review_never_falls_after_the_maximum_age(cast, woman_a, settings):
    settings.CHILD_IN_PRISON_MAX_AGE_MONTHS = 36
    settings.CHILD_IN_PRISON_REVIEW_MONTHS = 6
    born = timezone.localdate() - timedelta(days=365 * 3 - 40)
    baby = with_her(
        cast["reception"],
        woman_a,
        social=cast["social"],
        **{**baby_fields(), "date_of_birth": born},
    )
    assert baby.review_due_on == add_months(born, 36)


@pytest.mark.rule("52.1")
def test_a_review_moves_the_next_one_and_closes_its_reminder(cast, woman_a):
    baby = with_her(cast["reception"], woman_a, social=cast["social"], **baby_fields())
    first = open_reminders("register.best_interests_review").get()
    later = timezone.localdate()
    review = decide(cast["social"], woman_a, child=baby)
    assert review.kind == "review"
    first.refresh_from_db()
    assert first.status == Status.DONE
    baby.refresh_from_db()
    assert baby.review_due_on == review.next_review_on >= later
    assert open_reminders("register.best_interests_review").count() == 1


@pytest.mark.rule("49")
@pytest.mark.rule("52.1")
def test_an_overdue_review_is_on_the_queue_and_on_oversight(cast, woman_a):
    from oversight.registry import zeros_for

    baby = with_her(cast["reception"], woman_a, social=cast["social"], **baby_fields())
    overdue = timezone.localdate() - timedelta(days=1)
    Child.objects.filter(pk=baby.pk).update(review_due_on=overdue)
    from register.oversight import staying_past_review

    facilities = woman_a.facility.__class__.objects.filter(pk=woman_a.facility_id)
    assert list(staying_past_review(facilities, None, None)) == [baby]
    assert any(z.key == "children-past-review" for z in zeros_for(cast["governor"]))
    assert not any(z.key == "children-past-review" for z in zeros_for(cast["custody"]))
    response = client_for(cast["social"]).get("/queues/children-in-prison/?bucket=overdue")
    assert response.status_code == 200 and "Dao" in response.content.decode()
    assert client_for(cast["custody"]).get("/queues/children-in-prison/").status_code == 404
    decide(cast["social"], woman_a, child=baby)
    assert list(staying_past_review(facilities, None, None)) == []


# Separation: Rule 52 --------------------------------------------------------------------------


@pytest.fixture
def baby(cast, woman_a):
    return with_her(cast["reception"], woman_a, social=cast["social"], **baby_fields())


def complete_plan(**overrides):
    today = timezone.localdate()
    return {**PLAN, "care_confirmed_on": today, "her_consulted_on": today, **overrides}


def still_with_her(baby):
    baby.refresh_from_db()
    assert baby.lives_with_mother and baby.separation is None
    assert not DistressEvent.objects.exists()


@pytest.mark.rule("52.1")
def test_no_separation_without_a_decision_that_the_child_lives_apart(cast, baby):
    plan_separation(by=cast["social"], child=baby, **complete_plan())
    with refusals.refused("52.1", Separation, DistressEvent) as refused:
        separate_child(by=cast["social"], child=baby)
    assert "Rule 52.1" in str(refused.value)
    decide(cast["social"], baby.mother, child=baby)  # a decision that the child stays
    with refusals.refused("52.1", Separation):
        separate_child(by=cast["social"], child=baby)
    still_with_her(baby)


@pytest.mark.rule("52.2")
def test_no_separation_without_a_plan_or_with_care_not_confirmed(cast, baby):
    decide(cast["social"], baby.mother, child=baby, outcome="apart")
    with refusals.refused("52.2", Separation, Reminder):
        separate_child(by=cast["social"], child=baby)
    plan_separation(by=cast["social"], child=baby, **complete_plan(care_confirmed_on=None))
    with refusals.refused("52.2", Separation, Reminder) as refused:
        separate_child(by=cast["social"], child=baby)
    assert "not confirmed" in str(refused.value)
    still_with_her(baby)


@pytest.mark.rule("52.2")
@pytest.mark.rule("53.2")
def test_a_foreign_nationals_child_leaves_only_after_consular_consultation(cast, baby):
    mother = baby.mother
    mother.nationalities = ["MM"]
    mother.save(update_fields=["nationalities"])
    decide(cast["social"], mother, child=baby, outcome="apart")
    plan_separation(by=cast["social"], child=baby, **complete_plan())
    with refusals.refused("52.2", Separation, Reminder) as refused:
        separate_child(by=cast["social"], child=baby)
    assert "consular" in str(refused.value)
    still_with_her(baby)
    consulted = complete_plan(
        consular_consulted_on=timezone.localdate(), consular_official="Consul, Ms Tan"
    )
    plan_separation(by=cast["social"], child=baby, **consulted)
    # Rule 53.2: the child's relocation to the home country is considered with her.
    with refusals.refused("53.2", Separation, Reminder) as refused:
        separate_child(by=cast["social"], child=baby)
    assert "home country" in str(refused.value)
    still_with_her(baby)
    plan_separation(
        by=cast["social"],
        child=baby,
        **{**consulted, "home_country_considered": "She wants the child with her sister here."},
    )
    assert separate_child(by=cast["social"], child=baby).plan.consular_official


@pytest.mark.rule("52.1")
@pytest.mark.rule("52.3")
@pytest.mark.parametrize(
    ("missing", "rule"), [({"her_consulted_on": None}, "52.1"), ({"contact_plan": ""}, "52.3")]
)
def test_no_separation_without_her_consultation_or_a_contact_plan(cast, baby, missing, rule):
    decide(cast["social"], baby.mother, child=baby, outcome="apart")
    plan_separation(by=cast["social"], child=baby, **complete_plan(**missing))
    with refusals.refused(rule, Separation, Reminder):
        separate_child(by=cast["social"], child=baby)
    still_with_her(baby)


@pytest.mark.rule("52")
def test_the_api_refuses_a_separation_naming_the_rule(cast, baby):
    url = f"/api/v1/children/{baby.uuid}/separation/"
    with refusals.nothing_written(Separation, Reminder):
        response = api(cast["social"]).post(url, {}, format="json")
    assert response.status_code == 409 and response.json()["rule"] == "52.1"
    still_with_her(baby)


@pytest.mark.rule("52")
@pytest.mark.rule("13")
def test_the_separation_carries_out_the_plan_and_raises_support_for_her(cast, baby):
    separation = leaves(baby, by=cast["social"], contact_every_days=10)
    baby.refresh_from_db()
    assert baby.review_due_on is None and baby.location == PLAN["location"]
    assert separation.decision.outcome == "apart" and separation.plan.separation == separation
    assert not open_reminders("register.best_interests_review").exists()
    event = DistressEvent.objects.get(prisoner=baby.mother)
    assert event.kind == "child_separation" and event.note == ""
    check = open_reminders("health.distress_recheck").get()
    assert check.confidential and check.assignee_role == "health"
    follow_up = open_reminders("register.separation_follow_up").get()
    assert follow_up.assignee_role == "social" and follow_up.rule == "52"
    visit = open_reminders("visits.child_visit").get()
    assert visit.rule == "52.3"
    assert visit.due_at.date() == separation.separated_on + timedelta(days=10)


@pytest.mark.rule("52")
def test_the_plan_is_made_in_parts_and_one_plan_is_open(cast, baby):
    plan = plan_separation(by=cast["social"], child=baby, **PLAN)
    again = plan_separation(
        by=cast["social"], child=baby, **{**PLAN, "care_confirmed_on": timezone.localdate()}
    )
    again.refresh_from_db()
    assert again.pk == plan.pk and again.care_confirmed_on and again.version == plan.version + 1
    assert SeparationPlan.objects.count() == 1


# Pages ------------------------------------------------------------------------------------


@pytest.mark.rule("49")
def test_social_workers_record_a_decision_on_its_page(cast, woman_a):
    url = f"/register/women/{woman_a.uuid}/best-interests/"
    for role in ("reception", "custody", "governor", "health"):
        assert client_for(cast[role]).get(url).status_code == 404
    client = client_for(cast["social"])
    page = client.get(url).content.decode()
    assert "No best-interests decision is recorded" in page
    with refusals.nothing_written(BestInterestsDecision):
        refused = client.post(url, {"outcome": "with_her"})
    assert refused.status_code == 400
    done = client.post(url, {**DECISION, "outcome": "with_her"}, follow=True)
    assert "The next review is due on" in done.content.decode()
    assert BestInterestsDecision.objects.get().decided_by == cast["social"]


@pytest.mark.rule("52")
def test_the_separation_page_says_what_is_still_missing(cast, baby):
    client = client_for(cast["social"])
    url = f"/register/children/{baby.uuid}/separation/"
    page = client.get(url).content.decode()
    assert 'data-testid="separation-missing"' in page and "Rule 52.1" in page
    plan_url = f"/register/children/{baby.uuid}/separation-plan/"
    saved = client.post(
        plan_url, {**complete_plan(), "custody": "relative", "contact_every_days": 14}
    )
    assert saved.status_code == 302
    decide(cast["social"], baby.mother, child=baby, outcome="apart")
    page = client.get(url).content.decode()
    assert 'data-testid="separation-ready"' in page and PLAN["carer"] in page


def test_decision_and_decision_texts_are_complete_in_the_database(cast, woman_a):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        BestInterestsDecision.objects.create(
            mother=woman_a,
            kind="admission",
            decided_on=timezone.localdate(),
            outcome="with_her",
            next_review_on=timezone.localdate(),
            decided_by=cast["social"],
            participants="",
            her_views="x",
            child_needs="x",
            reasons="x",
        )


@pytest.mark.rule("52.1")
def test_a_decision_at_review_that_the_child_leaves_is_a_review_and_sets_the_next(
    cast, baby, facility_a
):
    """The review done is not overdue on oversight; a separation that has not happened by the
    next review date is decided afresh."""
    from register.oversight import staying_past_review

    Child.objects.filter(pk=baby.pk).update(review_due_on=timezone.localdate() - timedelta(days=3))
    assert list(staying_past_review([facility_a], None, None)) == [baby]
    decision = decide(cast["social"], baby.mother, child=baby, outcome="apart")
    baby.refresh_from_db()
    expected = add_months(timezone.localdate(), 6)
    assert decision.next_review_on == baby.review_due_on == expected
    assert list(staying_past_review([facility_a], None, None)) == []
    assert (
        Reminder.objects.filter(
            kind="register.best_interests_review", prisoner=baby.mother, status__in=OPEN_STATUSES
        ).count()
        == 1
    )
