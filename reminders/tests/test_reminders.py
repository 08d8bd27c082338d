from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from audit.models import AuditEvent
from reminders.models import Reminder, Status
from reminders.services import (
    cancel_reminder,
    complete_reminder,
    schedule_reminder,
    sweep_reminders,
    tasks_for,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def remind(facility_a, woman_a):
    def make(key="r1", role="health", due_in=timedelta(hours=1), escalate_in=None, **extra):
        now = timezone.now()
        return schedule_reminder(
            key=key,
            kind="health.screening_due",
            rule="6",
            title="Entry health screening due",
            facility=extra.pop("facility", facility_a),
            assignee_role=role,
            prisoner=woman_a,
            due_at=now + due_in,
            escalate_at=None if escalate_in is None else now + escalate_in,
            **extra,
        )

    return make


def test_one_due_item_is_one_row_however_often_it_is_scheduled(remind):
    first = remind()
    again = remind(due_in=timedelta(hours=5))
    assert first.pk == again.pk
    assert Reminder.objects.count() == 1


def test_the_sweep_marks_due_what_is_due_and_leaves_the_rest(remind):
    past, future = remind("a", due_in=-timedelta(minutes=1)), remind("b")
    assert sweep_reminders() == {"due": 1, "escalated": 0}
    past.refresh_from_db(), future.refresh_from_db()
    assert (past.status, future.status) == (Status.DUE, Status.PENDING)


def test_the_sweep_escalates_overdue_reminders_to_the_governor(remind, cast):
    late = remind("late", due_in=-timedelta(hours=30), escalate_in=-timedelta(hours=6))
    sweep_reminders()
    late.refresh_from_db()
    assert late.status == Status.ESCALATED and late.escalated_at is not None
    assert late in tasks_for(cast["governor"])
    assert late in tasks_for(cast["health"]), "still hers to do"
    assert late not in tasks_for(cast["custody"])


def test_running_the_sweep_twice_changes_nothing_the_second_time(remind):
    remind("a", due_in=-timedelta(minutes=1))
    remind("b", due_in=-timedelta(hours=30), escalate_in=-timedelta(hours=1))
    assert sweep_reminders() == {"due": 1, "escalated": 1}
    rows = list(Reminder.objects.values_list("status", "escalated_at"))
    audits = AuditEvent.objects.filter(action="reminders.swept").count()
    assert sweep_reminders() == {"due": 0, "escalated": 0}
    assert list(Reminder.objects.values_list("status", "escalated_at")) == rows
    assert AuditEvent.objects.filter(action="reminders.swept").count() == audits


def test_without_an_explicit_time_a_reminder_escalates_a_day_after_it_is_due(remind):
    reminder = remind()
    assert reminder.escalate_at - reminder.due_at == timedelta(hours=24)


def test_tasks_are_scoped_to_her_role_and_her_facility(remind, cast, facility_b):
    mine = remind("mine", role="reception")
    remind("other-role", role="health")
    remind("other-facility", role="reception", facility=facility_b)
    assert list(tasks_for(cast["reception"])) == [mine]
    assert not tasks_for(cast["outsider"]).filter(pk=mine.pk).exists()
    assert not tasks_for(cast["sysadmin"]).exists()


def test_the_assigned_role_marks_a_task_done_and_it_is_audited(remind, cast):
    reminder = remind(role="reception")
    complete_reminder(reminder=reminder, by=cast["reception"], outcome="  Called her sister. ")
    reminder.refresh_from_db()
    assert (reminder.status, reminder.closed_by, reminder.outcome) == (
        Status.DONE,
        cast["reception"],
        "Called her sister.",
    )
    assert AuditEvent.objects.filter(action="reminder.completed", actor=cast["reception"]).exists()
    assert reminder not in tasks_for(cast["reception"])


def test_another_role_cannot_close_a_task_that_is_not_hers(remind, cast):
    reminder = remind(role="reception")
    with pytest.raises(ValidationError):
        complete_reminder(reminder=reminder, by=cast["custody"])
    with pytest.raises(PermissionDenied):
        complete_reminder(reminder=reminder, by=cast["inspector"])
    reminder.refresh_from_db()
    assert reminder.status == Status.PENDING


def test_a_cancelled_reminder_leaves_the_task_list(remind, cast):
    reminder = remind(role="reception")
    assert cancel_reminder(key=reminder.key, reason="screened already") == 1
    assert not tasks_for(cast["reception"]).exists()
    assert cancel_reminder(key=reminder.key, reason="again") == 0
