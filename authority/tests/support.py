"""What the governor's queue shows, for the areas' tests."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from authority.models import AuthorityState
from authority.registry import area
from authority.services import confirm, refuse, waiting_for
from complaints.models import HeldAction, HeldStatus
from conftest import client_for
from reminders.models import OPEN_STATUSES, Reminder
from tests.refusals import nothing_written


def in_queue(user, record) -> bool:
    """Whether `record` awaits `user`'s authority: in her queue as the service reads it and on
    her queue's page alike."""
    listed = any(
        waiting.pk == record.pk
        for entry in waiting_for(user)
        if entry["area"].model is type(record)
        for waiting in entry["records"]
    )
    page = client_for(user).get(reverse("authority:queue")).content.decode()
    assert listed == (f'id="authority-{record.uuid}"' in page)
    return listed


def task_open(record) -> bool:
    """Whether the governor's task of `record` is open, or was cancelled."""
    task = Reminder.objects.get(kind="authority.awaited", key__endswith=str(record.uuid))
    assert task.status in (*OPEN_STATUSES, "cancelled"), task.status
    return task.status in OPEN_STATUSES


def ended_undecided(governor, key: str, record) -> None:
    """`record`, of the area registered as `key`, ended before anyone decided it: it left her
    queue, its task is cancelled, and neither confirming nor refusing it changes it."""
    assert not in_queue(governor, record)
    assert not task_open(record)
    for decide in (
        lambda: confirm(area=area(key), by=governor, record=record),
        lambda: refuse(area=area(key), by=governor, record=record, reason="Not needed"),
    ):
        with nothing_written(type(record), Reminder), pytest.raises(ValidationError):
            decide()
    record.refresh_from_db()
    assert record.authority == AuthorityState.PENDING and record.authority_decided_at is None
    # An act held on it after her report has nothing left to review: it lapses, and neither
    # review task stays open (Rules 7.3, 25.1).
    for held in HeldAction.objects.filter(record_uuid=record.uuid):
        assert held.status == HeldStatus.LAPSED and held.decided_at is not None
        reviews = Reminder.objects.filter(key__startswith=f"complaints.held:{held.uuid}:")
        assert reviews.count() == 2 and not reviews.filter(status__in=OPEN_STATUSES).exists()
