"""The governor is reminded TRAINING_EXPIRY_NOTICE_DAYS before a member of staff's training
expires, in each facility she works in, once (RULES-SPEC 2.11, 2.16)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from reminders.models import Reminder
from searches.services import schedule_training_expiry_reminders
from searches.tasks import schedule_training_expiry_reminders as task
from staff.models import Course
from staff.services import grant_confirmed

from .factories import trained

pytestmark = pytest.mark.django_db


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.mark.rule("19")
def test_a_training_expiring_within_the_notice_period_is_reminded_in_each_of_her_facilities(
    cast, facility_a, facility_b, today, settings
):
    settings.TRAINING_EXPIRY_NOTICE_DAYS = 60
    grant_confirmed(user=cast["custody"], facilities=[facility_b])
    record = trained(cast["custody"], expires=today + timedelta(days=30))
    assert schedule_training_expiry_reminders(today=today) == 2
    reminders = Reminder.objects.filter(kind="staff.training_expiry")
    assert {r.facility for r in reminders} == {facility_a, facility_b}
    reminder = reminders.first()
    assert reminder.assignee_role == "governor" and reminder.rule == "19"
    assert reminder.basis == "config" and reminder.prisoner is None
    assert timezone.localdate(reminder.due_at) == record.expires - timedelta(days=60)
    assert timezone.localdate(reminder.escalate_at) == record.expires


def test_running_it_again_changes_nothing(cast, today):
    trained(cast["custody"], expires=today + timedelta(days=30))
    schedule_training_expiry_reminders(today=today)
    assert schedule_training_expiry_reminders(today=today) == 0
    assert task() == 0
    assert Reminder.objects.filter(kind="staff.training_expiry").count() == 1


def test_a_training_expiring_later_than_the_notice_period_is_not_reminded_yet(
    cast, today, settings
):
    settings.TRAINING_EXPIRY_NOTICE_DAYS = 60
    trained(cast["custody"], expires=today + timedelta(days=61))
    trained(cast["health"], Course.HIV, expires=None)
    assert schedule_training_expiry_reminders(today=today) == 0
    assert not Reminder.objects.exists()


@pytest.mark.rule("21")
def test_a_renewed_training_is_not_reminded_and_closes_the_reminder_already_open(cast, today):
    old = trained(
        cast["custody"],
        Course.CHILD_SEARCHES,
        completed=today - timedelta(days=700),
        expires=today + timedelta(days=20),
    )
    schedule_training_expiry_reminders(today=today)
    reminder = Reminder.objects.get(kind="staff.training_expiry")
    assert reminder.rule == "21" and str(old.expires.year) in reminder.title
    trained(cast["custody"], Course.CHILD_SEARCHES, completed=today)
    assert schedule_training_expiry_reminders(today=today) == 0
    reminder.refresh_from_db()
    assert reminder.status == "done"


def test_staff_who_work_in_no_facility_are_not_reminded(cast, today):
    trained(cast["unassigned"], expires=today + timedelta(days=5))
    assert schedule_training_expiry_reminders(today=today) == 0
