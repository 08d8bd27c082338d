"""Home leave and temporary release (Rule 45): asked, decided by the governor with reasons,
never refused for her conduct (Rule 23), and her return recorded."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from audit.models import AuditEvent
from parole import services
from parole.models import EligibilityReview, LeaveRequest
from reminders.models import Reminder
from tests.refusals import denied, invalid, nothing_written, refused

from .factories import REFUSAL, granted, leave

pytestmark = pytest.mark.django_db


def open_tasks(kind, woman):
    return Reminder.objects.open().filter(kind=kind, prisoner=woman)


@pytest.mark.rule("45")
@pytest.mark.parametrize("reason", ["children", "sick_relative", "funeral"])
def test_her_request_for_her_children_a_sick_relative_or_a_funeral_waits_for_the_governor(
    cast, woman_a, reason
):
    asked = leave(cast, woman_a, reason=reason, by=cast["custody"], her_request=True)
    assert asked.status == "requested" and asked.her_request
    task = open_tasks(services.DECISION_KIND, woman_a).get()
    assert task.assignee_role == "governor" and task.rule == "45"
    assert AuditEvent.objects.filter(action="parole.leave_requested").count() == 1


@pytest.mark.rule("45")
def test_granted_leave_reminds_custody_of_her_return_and_closes_the_governor_task(cast, woman_a):
    decided = granted(cast, woman_a, her_request=False)
    assert decided.status == "granted" and decided.decided_by == cast["governor"]
    assert not open_tasks(services.DECISION_KIND, woman_a).exists()
    back = open_tasks(services.RETURN_KIND, woman_a).get()
    assert back.assignee_role == "custody" and back.due_at == decided.returns_by


@pytest.mark.rule("45")
def test_a_refusal_names_its_ground_and_reasons(cast, woman_a):
    refused_leave = services.decide_leave(
        by=cast["governor"], leave=leave(cast, woman_a), grant=False, **REFUSAL
    )
    assert refused_leave.status == "refused"
    assert refused_leave.refusal_ground == "not_verified"
    assert not open_tasks(services.RETURN_KIND, woman_a).exists()


@pytest.mark.rule("45")
def test_a_refusal_without_reasons_is_refused_and_nothing_is_written(cast, woman_a):
    asked = leave(cast, woman_a)
    with refused("45", LeaveRequest) as caught:
        services.decide_leave(
            by=cast["governor"], leave=asked, grant=False, refusal_ground="not_verified"
        )
    assert "Rule 45" in str(caught.value)
    asked.refresh_from_db()
    assert asked.status == "requested" and asked.decided_by is None


@pytest.mark.rule("23")
@pytest.mark.rule("45")
def test_leave_is_never_refused_for_her_conduct(cast, woman_a):
    asked = leave(cast, woman_a)
    with refused("23", LeaveRequest) as caught:
        services.decide_leave(
            by=cast["governor"],
            leave=asked,
            grant=False,
            refusal_ground="discipline",
            reasons="Found guilty of a disciplinary offence last week.",
        )
    assert "Rule 23" in str(caught.value)
    asked.refresh_from_db()
    assert asked.status == "requested"


@pytest.mark.rule("23")
def test_the_database_keeps_no_refusal_on_her_conduct(cast, woman_a):
    asked = leave(cast, woman_a)
    with pytest.raises(IntegrityError), transaction.atomic():
        LeaveRequest.objects.filter(pk=asked.pk).update(
            status="refused",
            decided_by=cast["governor"],
            decided_at=timezone.now(),
            refusal_ground="discipline",
            decision_reasons="Conduct",
        )


@pytest.mark.rule("45")
def test_only_the_governor_decides(cast, woman_a):
    asked = leave(cast, woman_a)
    for role in ("social", "custody", "inspector"):
        with denied(LeaveRequest):
            services.decide_leave(by=cast[role], leave=asked, grant=True)


def test_a_decided_request_is_not_decided_again(cast, woman_a):
    decided = granted(cast, woman_a)
    with nothing_written(LeaveRequest), pytest.raises(ValidationError):
        services.decide_leave(by=cast["governor"], leave=decided, grant=False, **REFUSAL)


def test_leave_whose_time_has_passed_or_for_a_woman_released_is_not_granted(cast, woman_a):
    """A grant of days gone by would stand as leave she never took; a woman released is no
    longer the prison's to let go."""
    passed = leave(cast, woman_a, days=3)
    # The request waited, undecided, until the day it was for had gone.
    LeaveRequest.objects.filter(pk=passed.pk).update(
        starts_at=timezone.now() - timedelta(hours=2), returns_by=timezone.now()
    )
    passed.refresh_from_db()
    with nothing_written(LeaveRequest), pytest.raises(ValidationError) as caught:
        services.decide_leave(by=cast["governor"], leave=passed, grant=True, reasons="Fine.")
    assert "has passed" in str(caught.value)
    ahead = leave(cast, woman_a, days=10)
    type(woman_a).objects.filter(pk=woman_a.pk).update(custody_status="released")
    with nothing_written(LeaveRequest), pytest.raises(ValidationError) as caught:
        services.decide_leave(by=cast["governor"], leave=ahead, grant=True, reasons="Fine.")
    assert "no longer in custody" in str(caught.value)


def test_leave_overlapping_leave_already_asked_is_refused(cast, woman_a):
    leave(cast, woman_a)
    with nothing_written(LeaveRequest), pytest.raises(ValidationError):
        leave(cast, woman_a, days=4)


@pytest.mark.rule("45")
def test_her_return_on_time_late_or_not_at_all(cast, woman_a):
    now = timezone.now()
    went = granted(
        cast,
        woman_a,
        starts_at=now - timedelta(minutes=50),
        returns_by=now - timedelta(minutes=20),
    )
    with invalid("outcome", LeaveRequest):
        services.record_return(by=cast["custody"], leave=went, outcome="on_time", returned_at=now)
    back = services.record_return(by=cast["custody"], leave=went, outcome="late", returned_at=now)
    assert back.outcome == "late" and back.returned_at == now
    assert not open_tasks(services.RETURN_KIND, woman_a).exists()
    with nothing_written(LeaveRequest), pytest.raises(ValidationError):
        services.record_return(by=cast["custody"], leave=back, outcome="on_time")


@pytest.mark.rule("45")
def test_a_return_written_up_hours_later_says_why(cast, woman_a, settings):
    """Its time decides whether she was on time: dated hours before it is recorded, it says
    why, and the reason is kept with it."""
    settings.LATE_RECORD_REASON_AFTER_HOURS = 1
    now = timezone.now()
    went = granted(
        cast, woman_a, starts_at=now - timedelta(minutes=50), returns_by=now + timedelta(hours=1)
    )
    LeaveRequest.objects.filter(pk=went.pk).update(
        starts_at=now - timedelta(days=2), returns_by=now - timedelta(hours=20)
    )
    went.refresh_from_db()
    back_at = now - timedelta(hours=21)
    with invalid("late_reason", LeaveRequest):
        services.record_return(
            by=cast["custody"], leave=went, outcome="on_time", returned_at=back_at
        )
    back = services.record_return(
        by=cast["custody"],
        leave=went,
        outcome="on_time",
        returned_at=back_at,
        late_reason="The gate book was typed up after the weekend.",
    )
    assert back.return_late_reason == "The gate book was typed up after the weekend."


def test_not_returned_only_once_she_is_due(cast, woman_a):
    went = granted(cast, woman_a)
    with invalid("outcome", LeaveRequest):
        services.record_return(by=cast["custody"], leave=went, outcome="not_returned")


@pytest.mark.rule("45")
def test_her_eligibility_is_reviewed_at_set_points(cast, woman_a, settings):
    settings.LEAVE_ELIGIBILITY_REVIEW_DAYS = 30
    assert services.schedule_eligibility_reviews() == 0  # not yet in custody that long
    later = timezone.now() + timedelta(days=31)
    assert services.schedule_eligibility_reviews(now=later) == 1
    assert services.schedule_eligibility_reviews(now=later) == 0  # idempotent
    task = Reminder.objects.get(kind=services.ELIGIBILITY_KIND, prisoner=woman_a)
    assert task.assignee_role == "social" and task.rule == "45"
    review = services.review_leave_eligibility(
        by=cast["social"], prisoner=woman_a, eligible=True, reasons="Settled; address verified."
    )
    task.refresh_from_db()
    assert task.status == "done"
    following = open_tasks(services.ELIGIBILITY_KIND, woman_a).get()
    assert following.due_at.date() == review.next_review_on
    assert review.next_review_on == timezone.localdate() + timedelta(days=30)


def test_an_eligibility_review_says_why(cast, woman_a):
    with invalid("reasons", EligibilityReview):
        services.review_leave_eligibility(
            by=cast["social"], prisoner=woman_a, eligible=False, reasons="  "
        )
