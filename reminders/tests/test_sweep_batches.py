"""The sweep a batch at a time: each batch its own transaction with its audit row, as many
queries a batch however many reminders wait, each change kept in the reminder's history, and
two sweeps at once changing each reminder once."""

import threading
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from audit.models import AuditEvent
from reminders.models import Reminder, Status
from reminders.services import schedule_reminder, sweep_reminders
from tests.concurrency import race

KIND = "demo.health"


def waiting(facility, woman, how_many: int, *, late: bool = True, start: int = 0) -> list:
    """`how_many` reminders past their time: escalating (`late`), or only due."""
    now = timezone.now()
    return [
        schedule_reminder(
            key=f"waiting-{late}-{n}",
            kind=KIND,
            rule="6",
            title="Entry health screening due",
            facility=facility,
            assignee_role="health",
            prisoner=woman,
            due_at=now - timedelta(hours=30 + n),
            escalate_at=now - timedelta(hours=6) if late else now + timedelta(hours=6),
        )
        for n in range(start, start + how_many)
    ]


def swept_audits() -> list[dict]:
    return list(
        AuditEvent.objects.filter(action="reminders.swept")
        .order_by("id")
        .values_list("detail", flat=True)
    )


@pytest.mark.django_db
def test_a_backlog_is_swept_a_batch_at_a_time_each_with_its_audit_row(facility_a, woman_a):
    late = waiting(facility_a, woman_a, 5)
    due = waiting(facility_a, woman_a, 3, late=False)
    assert sweep_reminders(batch=2) == {"due": 3, "escalated": 5}
    statuses = dict(Reminder.objects.values_list("pk", "status"))
    assert {statuses[r.pk] for r in late} == {Status.ESCALATED}
    assert {statuses[r.pk] for r in due} == {Status.DUE}
    audits = swept_audits()
    assert [a["escalated"] for a in audits] == [2, 2, 1]
    assert [a["due"] for a in audits] == [2, 1, 0]
    assert sweep_reminders(batch=2) == {"due": 0, "escalated": 0}
    assert swept_audits() == audits, "a second run writes nothing"


@pytest.mark.django_db
def test_what_is_past_its_escalation_goes_there_directly_not_through_due(facility_a, woman_a):
    late = waiting(facility_a, woman_a, 3)
    assert sweep_reminders(batch=1) == {"due": 0, "escalated": 3}
    for reminder in late:
        changes = Reminder.pgh_event_model.objects.filter(pgh_obj=reminder, pgh_label="update")
        assert list(changes.values_list("status", flat=True)) == [Status.ESCALATED]


@pytest.mark.django_db
def test_a_batch_asks_as_many_queries_however_many_reminders_wait(facility_a, woman_a):
    def queries(backlog: int, start: int) -> int:
        waiting(facility_a, woman_a, backlog, start=start)
        with CaptureQueriesContext(connection) as captured:
            sweep_reminders(batch=4)
        return len(captured)

    empty = queries(0, 0)
    one_batch = queries(3, 100)
    assert queries(1, 200) == one_batch
    # Twelve: three full batches, then one that finds nothing left.
    assert queries(12, 300) == 3 * one_batch + empty


@pytest.mark.django_db
def test_each_change_the_sweep_makes_is_kept_in_the_reminders_history(facility_a, woman_a):
    late = waiting(facility_a, woman_a, 2)
    (due,) = waiting(facility_a, woman_a, 1, late=False)
    sweep_reminders()
    for reminder in [*late, due]:
        reminder.refresh_from_db()
        events = Reminder.pgh_event_model.objects.filter(pgh_obj=reminder).order_by("pgh_id")
        assert list(events.values_list("pgh_label", "status", "version")) == [
            ("insert", Status.PENDING, reminder.version - 1),
            ("update", reminder.status, reminder.version),
        ]
        assert events.last().escalated_at == reminder.escalated_at
    # An UPDATE that changes nothing is no change of history.
    before = Reminder.pgh_event_model.objects.count()
    Reminder.objects.filter(pk=due.pk).update(status=Status.DUE)
    assert Reminder.pgh_event_model.objects.count() == before


@pytest.mark.django_db(transaction=True)
def test_the_sweep_passes_over_a_reminder_another_transaction_holds(facility_a, woman_a):
    held, free = waiting(facility_a, woman_a, 2)
    locked, release, done = threading.Event(), threading.Event(), threading.Event()

    def hold():
        try:
            with transaction.atomic():
                Reminder.objects.select_for_update().get(pk=held.pk)
                locked.set()
                release.wait(20)
        finally:
            connection.close()
            done.set()

    threading.Thread(target=hold).start()
    assert locked.wait(20)
    try:
        assert sweep_reminders() == {"due": 0, "escalated": 1}, "no wait for the lock"
    finally:
        release.set()
        assert done.wait(20)
    assert Reminder.objects.get(pk=free.pk).status == Status.ESCALATED
    assert Reminder.objects.get(pk=held.pk).status == Status.PENDING
    assert sweep_reminders() == {"due": 0, "escalated": 1}, "the next sweep takes it"
    assert Reminder.objects.get(pk=held.pk).status == Status.ESCALATED


@pytest.mark.django_db(transaction=True)
def test_two_sweeps_at_once_change_each_reminder_once(facility_a, woman_a):
    late = waiting(facility_a, woman_a, 30)
    due = waiting(facility_a, woman_a, 10, late=False)
    results: list[dict] = []
    sweeps = {name: lambda: results.append(sweep_reminders(batch=3)) for name in ("1", "2")}
    assert sorted(race(sweeps)) == ["1", "2"]
    assert sum(r["escalated"] for r in results) == len(late)
    assert sum(r["due"] for r in results) == len(due)
    changes = Reminder.pgh_event_model.objects.filter(pgh_label="update")
    assert changes.count() == len(late) + len(due), "one change each"
    assert set(changes.values_list("pgh_obj_id", flat=True)) == {r.pk for r in late + due}
    audits = swept_audits()
    assert sum(a["escalated"] for a in audits) == len(late)
    assert sum(a["due"] for a in audits) == len(due)
