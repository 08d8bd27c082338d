from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from audit.models import AuditEvent
from conftest import client_for
from reminders.kinds import answered_by, may_be_marked_done
from reminders.models import Reminder, Status
from reminders.services import (
    cancel_reminder,
    complete_reminder,
    schedule_reminder,
    sweep_reminders,
    tasks_for,
)
from tests.versions import VersionedAPIClient

pytestmark = pytest.mark.django_db

NOTE, ANSWERED = "reminders.test_note", "reminders.test_answered"
may_be_marked_done(NOTE)
answered_by("the test record", ANSWERED)


@pytest.fixture
def remind(facility_a, woman_a):
    def make(
        key="r1", role="health", due_in=timedelta(hours=1), escalate_in=None, kind=NOTE, **extra
    ):
        now = timezone.now()
        return schedule_reminder(
            key=key,
            kind=kind,
            rule=extra.pop("rule", "6"),
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


def refused_to_mark_done(reminder, by):
    """The service refuses; the task stays open and no 'completed' audit row is written."""
    with pytest.raises(ValidationError) as refused:
        complete_reminder(reminder=reminder, by=by, outcome="done")
    reminder.refresh_from_db()
    assert reminder.is_open and reminder.closed_by is None
    assert not AuditEvent.objects.filter(action="reminder.completed").exists()
    return " ".join(refused.value.messages)


@pytest.mark.rule("6")
def test_a_task_a_record_answers_cant_be_marked_done_and_says_which_record(remind, cast):
    reminder = remind(role="reception", kind=ANSWERED)
    message = refused_to_mark_done(reminder, cast["reception"])
    assert "the test record" in message and "Bangkok Rule 6" in message
    # A row stored under a kind no longer declared (none can be scheduled) still can't be.
    undeclared = remind("undeclared", role="reception")
    Reminder.objects.filter(pk=undeclared.pk).update(kind="reminders.nobody_declared")
    undeclared.refresh_from_db()
    assert "the record that answers it" in refused_to_mark_done(undeclared, cast["reception"])


def test_the_governor_cant_mark_done_another_teams_task_escalated_to_her(remind, cast):
    late = remind("late", role="reception", due_in=-timedelta(hours=30), escalate_in=-timedelta(1))
    sweep_reminders()
    assert late in tasks_for(cast["governor"])
    assert "another team" in refused_to_mark_done(late, cast["governor"])
    complete_reminder(reminder=late, by=cast["reception"], outcome="Called her sister.")
    late.refresh_from_db()
    assert (late.status, late.closed_by) == (Status.DONE, cast["reception"])


def test_the_governor_marks_done_her_own_escalated_task_that_no_record_answers(remind, cast):
    own = remind("own", role="governor", due_in=-timedelta(hours=30), escalate_in=-timedelta(1))
    sweep_reminders()
    complete_reminder(reminder=own, by=cast["governor"])
    own.refresh_from_db()
    assert own.status == Status.DONE


@pytest.mark.rule("6")
def test_the_task_list_offers_mark_done_only_where_it_may_close_the_task(remind, cast):
    note = remind("note", role="reception")
    answered = remind("answered", role="reception", kind=ANSWERED)
    client = client_for(cast["reception"])
    body = client.get("/tasks/").content.decode()
    assert f"/tasks/{note.uuid}/done/" in body
    assert f"/tasks/{answered.uuid}/done/" not in body
    assert "Closes when its record is written" in body
    response = client.post(f"/tasks/{answered.uuid}/done/", {"next": "/tasks/"}, follow=True)
    assert "closes only when the test record is recorded" in response.content.decode()
    answered.refresh_from_db()
    assert answered.is_open
    assert not AuditEvent.objects.filter(action="reminder.completed").exists()


def test_the_governors_list_offers_no_mark_done_for_another_teams_escalated_task(remind, cast):
    late = remind("late", role="reception", due_in=-timedelta(hours=30), escalate_in=-timedelta(1))
    sweep_reminders()
    body = client_for(cast["governor"]).get("/tasks/").content.decode()
    assert f"/tasks/{late.uuid}/done/" not in body
    assert "the team it belongs to closes it" in body


@pytest.mark.rule("6")
def test_the_api_refuses_done_for_a_task_a_record_answers_or_escalated_to_her(remind, cast):
    def api(role):
        client = VersionedAPIClient()
        client.force_authenticate(cast[role])
        return client

    answered = remind("answered", role="reception", kind=ANSWERED)
    late = remind("late", role="reception", due_in=-timedelta(hours=30), escalate_in=-timedelta(1))
    sweep_reminders()
    listed = {row["uuid"]: row for row in api("reception").get("/api/v1/tasks/").json()["results"]}
    assert listed[str(answered.uuid)]["may_mark_done"] is False
    assert listed[str(late.uuid)]["may_mark_done"] is True
    response = api("reception").post(f"/api/v1/tasks/{answered.uuid}/done/", {}, format="json")
    assert response.status_code == 400 and "the test record" in str(response.json())
    governor = {row["uuid"]: row for row in api("governor").get("/api/v1/tasks/").json()["results"]}
    assert governor[str(late.uuid)]["may_mark_done"] is False
    response = api("governor").post(f"/api/v1/tasks/{late.uuid}/done/", {}, format="json")
    assert response.status_code == 400 and "another team" in str(response.json())
    assert Reminder.objects.open().count() == 2
    assert not AuditEvent.objects.filter(action="reminder.completed").exists()


def test_the_task_list_names_each_rule_as_people_read_it_never_its_code(remind, cast):
    remind("mandela", role="reception", rule="M7")
    remind("bangkok", role="reception", rule="2.1")
    body = client_for(cast["reception"]).get("/tasks/").content.decode()
    assert "Mandela Rule 7" in body and "Bangkok Rule 2.1" in body
    assert ">M7<" not in body


def test_marking_a_task_done_goes_back_only_to_a_page_of_this_site(remind, cast):
    client = client_for(cast["reception"])
    note = remind("note", role="reception")
    response = client.post(f"/tasks/{note.uuid}/done/", {"next": "https://elsewhere.example/"})
    assert response.status_code == 302
    assert response.url == "/tasks/"
    other = remind("other", role="reception")
    response = client.post(f"/tasks/{other.uuid}/done/", {"next": "/prisoners/"})
    assert response.url == "/prisoners/"
    assert not Reminder.objects.filter(pk__in=[note.pk, other.pk], status=Status.PENDING).exists()


def test_a_refused_mark_done_goes_back_only_to_a_page_of_this_site(remind, cast):
    answered = remind("answered", role="reception", kind=ANSWERED)
    client = client_for(cast["reception"])
    response = client.post(f"/tasks/{answered.uuid}/done/", {"next": "//elsewhere.example/x"})
    assert response.status_code == 302
    assert response.url == "/tasks/"


def test_an_outcome_longer_than_its_column_is_refused_with_a_message_and_nothing_closes(
    remind, cast
):
    note = remind("note", role="reception")
    client = client_for(cast["reception"])
    response = client.post(f"/tasks/{note.uuid}/done/", {"outcome": "x" * 501}, follow=True)
    assert "at most 500 characters" in response.content.decode()
    note.refresh_from_db()
    assert note.is_open
    assert not AuditEvent.objects.filter(action="reminder.completed").exists()
