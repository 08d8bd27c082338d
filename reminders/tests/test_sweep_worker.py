"""The sweep through a real Celery worker and a real Redis, as beat sends it."""

import os
import time
import uuid
from datetime import timedelta
from urllib.parse import urlsplit, urlunsplit

import pytest
import redis
from celery.contrib.testing.worker import start_worker
from django.utils import timezone

from audit.models import AuditEvent
from bangkok.celery import app
from reminders.models import Reminder, Status
from reminders.services import schedule_reminder
from reminders.tasks import sweep_reminders


def test_redis_url() -> str:
    """The developer's Redis, but database 15, so test messages never reach a real worker."""
    url = os.environ.get("REDIS_URL")
    if not url:
        pytest.fail("The broker tests need REDIS_URL (make test starts a private Redis).")
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/15", "", ""))


test_redis_url.__test__ = False


def wait_for(condition, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def test_beat_schedules_the_sweep():
    entry = app.conf.beat_schedule["sweep-reminders"]
    assert entry["task"] == sweep_reminders.name
    assert entry["schedule"] > 0


@pytest.mark.broker
@pytest.mark.django_db(transaction=True)
def test_a_worker_marks_due_and_escalates_through_redis_and_a_second_run_does_nothing(
    facility_a, woman_a
):
    now = timezone.now()
    common = {
        "kind": "demo.health",
        "rule": "6",
        "title": "Entry health screening due",
        "facility": facility_a,
        "assignee_role": "health",
        "prisoner": woman_a,
    }
    due = schedule_reminder(key="due", due_at=now - timedelta(minutes=5), **common)
    late = schedule_reminder(
        key="late", due_at=now - timedelta(hours=30), escalate_at=now - timedelta(hours=6), **common
    )
    later = schedule_reminder(key="later", due_at=now + timedelta(hours=3), **common)

    app.conf.broker_url = test_redis_url()
    app.conf.broker_transport_options = {}
    queue = f"test-{uuid.uuid4().hex}"
    with start_worker(
        app, pool="solo", perform_ping_check=False, queues=[queue], shutdown_timeout=10
    ):
        sweep_reminders.apply_async(queue=queue)
        assert wait_for(lambda: Reminder.objects.get(pk=due.pk).status == Status.DUE)
        broker = redis.Redis.from_url(test_redis_url())
        sweep_reminders.apply_async(queue=queue)
        assert wait_for(lambda: broker.llen(queue) == 0), "the worker took the second run"
        # Leaving the block stops the solo worker after the task in hand has finished.

    statuses = dict(Reminder.objects.values_list("key", "status"))
    assert statuses == {"due": Status.DUE, "late": Status.ESCALATED, "later": Status.PENDING}
    assert late.pk and later.pk
    assert AuditEvent.objects.filter(action="reminders.swept").count() == 1, "second run: no-op"
