"""The health check after a use of force (health staff; Rule 8, Mandela 34) and the governor's
review (Mandela 82): each closes its task, and only that record closes it."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from audit.models import AuditEvent
from force.models import ForceHealthCheck, ForceReview
from force.reading import force_shown
from force.services import record_health_check, review_force
from reminders.models import Reminder
from reminders.services import complete_reminder, sweep_reminders
from tests import refusals

from .factories import use_force

pytestmark = pytest.mark.django_db


def _check(cast, force, **fields):
    data = {"examined": True, "findings": "Red marks on both wrists; no other injury.", **fields}
    return record_health_check(by=data.pop("by", cast["health"]), force=force, **data)


def _review(cast, force, **fields):
    data = {"outcome": "justified", "findings": "Talking was tried first.", **fields}
    return review_force(by=data.pop("by", cast["governor"]), force=force, **data)


@pytest.mark.rule("8")
def test_health_staff_record_the_check_and_its_task_closes(cast, woman_a):
    force = use_force(cast, woman_a)

    check = _check(cast, force)

    assert check.seen_by == cast["health"]
    task = Reminder.objects.get(key=f"force:{force.uuid}:health")
    assert not task.is_open and task.closed_by == cast["health"]
    audit = AuditEvent.objects.get(action="force.health_checked")
    assert "wrists" not in str(audit.detail)


@pytest.mark.rule("M34")
def test_the_health_task_is_not_marked_done_only_closed_by_the_check(cast, woman_a):
    force = use_force(cast, woman_a)
    task = Reminder.objects.get(key=f"force:{force.uuid}:health")

    with pytest.raises(Exception):  # noqa: B017 - a refusal under the house's rule
        complete_reminder(by=cast["health"], reminder=task, outcome="done")

    task.refresh_from_db()
    assert task.is_open


@pytest.mark.rule("M34")
def test_a_check_written_up_days_later_says_why_and_every_reader_sees_it(cast, woman_a, settings):
    """Dated in time but recorded three days on, the check would hide that it was late: it
    says why, and the reviewer reads the reason beside the time (not the findings)."""
    settings.LATE_RECORD_REASON_AFTER_HOURS = 6
    force = use_force(
        cast,
        woman_a,
        started_at=timezone.now() - timedelta(days=3),
        late_reason="Written up after the lockdown.",
    )
    seen = force.started_at + timedelta(minutes=30)
    with refusals.invalid("late_reason", ForceHealthCheck):
        _check(cast, force, seen_at=seen)
    assert Reminder.objects.get(key=f"force:{force.uuid}:health").is_open
    _check(cast, force, seen_at=seen, late_reason="Paper note typed up on return from leave.")
    shown = force_shown(viewer=cast["governor"], force=force)["health_check"]
    assert shown["late_reason"] == "Paper note typed up on return from leave."
    assert shown["clinical"] is False and "findings" not in shown


@pytest.mark.parametrize("role", ["custody", "governor", "inspector"])
def test_only_health_staff_record_the_check(cast, woman_a, role):
    force = use_force(cast, woman_a)

    with refusals.denied(ForceHealthCheck):
        _check(cast, force, by=cast[role])


def test_one_check_a_use_of_force_and_never_before_it(cast, woman_a):
    force = use_force(cast, woman_a)
    with refusals.invalid("seen_at", ForceHealthCheck):
        _check(cast, force, seen_at=force.started_at - timedelta(minutes=1))
    with refusals.invalid("findings", ForceHealthCheck):
        _check(cast, force, findings="")
    _check(cast, force)
    with pytest.raises(ValidationError):
        _check(cast, force)
    assert ForceHealthCheck.objects.count() == 1


def test_a_declined_examination_needs_no_findings(cast, woman_a):
    force = use_force(cast, woman_a)

    check = _check(cast, force, examined=False, findings="")

    assert check.examined is False


@pytest.mark.rule("8")
@pytest.mark.parametrize("role", ["custody", "governor", "inspector"])
def test_custody_and_the_governor_see_only_that_the_check_was_done_and_when(cast, woman_a, role):
    force = use_force(cast, woman_a)
    check = _check(cast, force)
    reads = AuditEvent.objects.filter(action="force.health_check_read").count()

    shown = force_shown(cast[role], force)

    assert shown["health_check"] == {"seen_at": check.seen_at, "late_reason": "", "clinical": False}
    assert AuditEvent.objects.filter(action="force.health_check_read").count() == reads


@pytest.mark.rule("8")
def test_health_staff_read_the_findings_and_the_read_is_audited(cast, woman_a):
    force = use_force(cast, woman_a)
    check = _check(cast, force)

    shown = force_shown(cast["health"], force)

    assert shown["health_check"]["findings"].startswith("Red marks")
    read = AuditEvent.objects.get(action="force.health_check_read")
    assert read.actor == cast["health"] and str(check.uuid) in read.disclosed


# The governor's review


@pytest.mark.rule("M82")
def test_the_governor_reviews_it_and_the_review_task_closes(cast, woman_a):
    force = use_force(cast, woman_a)

    review = _review(cast, force, lessons="Call the senior officer sooner.")

    assert review.reviewed_by == cast["governor"] and review.outcome == "justified"
    task = Reminder.objects.get(key=f"force:{force.uuid}:review")
    assert not task.is_open
    assert AuditEvent.objects.filter(action="force.reviewed", subject_id=force.uuid).exists()


def test_a_referral_says_to_whom(cast, woman_a):
    force = use_force(cast, woman_a)
    with refusals.invalid("referred_to", ForceReview):
        _review(cast, force, outcome="referred")

    review = _review(cast, force, outcome="referred", referred_to="The police")
    assert review.referred_to == "The police"


def test_a_governor_who_took_part_does_not_review_it(cast, woman_a):
    force = use_force(cast, woman_a, staff_involved=[cast["custody"], cast["governor"]])

    with pytest.raises(ValidationError, match="another governor"):
        _review(cast, force)
    assert not ForceReview.objects.exists()


@pytest.mark.parametrize("role", ["custody", "health", "inspector", "safeguarding"])
def test_only_the_governor_reviews(cast, woman_a, role):
    force = use_force(cast, woman_a)

    with refusals.denied(ForceReview):
        _review(cast, force, by=cast[role])


def test_one_review_a_use_of_force(cast, woman_a):
    force = use_force(cast, woman_a)
    _review(cast, force)

    with pytest.raises(ValidationError):
        _review(cast, force, outcome="not_justified")
    assert ForceReview.objects.count() == 1


@pytest.mark.rule("M82")
def test_a_review_not_done_in_time_escalates_and_counts_as_overdue(cast, woman_a, settings):
    from force.models import UseOfForce

    settings.FORCE_REVIEW_HOURS = 72
    settings.FORCE_REVIEW_ESCALATION_HOURS = 24
    force = use_force(cast, woman_a)

    later = force.started_at + timedelta(hours=97)
    sweep_reminders(now=later)
    assert list(UseOfForce.objects.review_overdue(now=later)) == [force]
    assert not UseOfForce.objects.review_overdue().exists()  # not yet, now
    task = Reminder.objects.get(key=f"force:{force.uuid}:review")
    assert task.status == "escalated"


def test_the_review_page_context_shows_the_review_whole_only_to_governor_and_inspector(
    cast, woman_a
):
    force = use_force(cast, woman_a)
    _review(cast, force, outcome="not_justified", lessons="Lesson canary")

    assert force_shown(cast["inspector"], force)["review"]["lessons"] == "Lesson canary"
    shown = force_shown(cast["custody"], force)["review"]
    assert set(shown) == {"reviewed_at", "full"} and not shown["full"]
    assert force.review.reviewed_at <= timezone.now()


@pytest.mark.rule("8")
def test_an_inspector_reads_the_findings_only_while_she_consents(cast, woman_a):
    from health.services.screening import record_clinical_consent

    force = use_force(cast, woman_a)
    _check(cast, force)
    assert force_shown(cast["inspector"], force)["health_check"]["clinical"] is False

    record_clinical_consent(
        by=cast["health"], prisoner=woman_a, days=3, purpose="The inspection of force"
    )

    shown = force_shown(cast["inspector"], force)["health_check"]
    assert shown["clinical"] is True and shown["findings"].startswith("Red marks")
    assert AuditEvent.objects.filter(
        action="force.health_check_read", actor=cast["inspector"]
    ).exists()
