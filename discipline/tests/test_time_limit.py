"""The 15 consecutive days are enforced by the clock, not by the plan (Mandela 43-44): the
system ends a segregation at the limit, a short break does not reset the count, and oversight
counts every one that ran past it. Times are set explicitly: nothing here waits."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from audit.models import AuditEvent
from bangkok.dates import start_of
from conftest import client_for
from discipline import oversight
from discipline.models import Segregation, SegregationExtension
from discipline.services import segregation as services
from reminders.models import Reminder
from reminders.services import complete_reminder
from tests import refusals

from .factories import in_days, move_back, segregated

pytestmark = pytest.mark.django_db

MARGIN = timedelta(minutes=settings.SEGREGATION_SYSTEM_END_MINUTES)


def ends_of_day_15(segregation):
    """The moment her 15th consecutive day ends."""
    return start_of(services.last_allowed_day(segregation.run_start) + timedelta(days=1))


def too_long(facility):
    today = timezone.localdate()
    found = oversight.segregations_too_long(
        type(facility).objects.filter(pk=facility.pk), today - timedelta(days=30), today
    )
    return [s.uuid for s in found]


@pytest.mark.rule("M44")
def test_the_system_ends_a_segregation_at_the_limit_once_and_tells_the_governor(cast, woman_a):
    segregation = segregated(cast, woman_a, days=15)
    limit = ends_of_day_15(segregation)
    assert services.end_segregations_at_limit(now=limit - MARGIN - timedelta(minutes=1)) == 0
    segregation.refresh_from_db()
    assert segregation.is_open

    assert services.end_segregations_at_limit(now=limit - MARGIN) == 1
    segregation.refresh_from_db()
    assert not segregation.is_open and segregation.ended_at < limit
    assert (segregation.ended_by, segregation.end_reason) == (None, "time limit (Mandela 44)")
    ended = AuditEvent.objects.get(action="discipline.segregation_ended")
    assert ended.actor is None and ended.detail == {"rule": "M44", "days": 15}
    notice = Reminder.objects.get(kind=services.ENDED_AT_LIMIT_KIND)
    assert (notice.assignee_role, notice.rule, notice.prisoner) == ("governor", "M44", woman_a)
    alert = Reminder.objects.get(kind=services.ALERT_KIND)
    assert alert.status == "done"

    # Again, or later: nothing more is ended, written or sent.
    assert services.end_segregations_at_limit(now=limit + timedelta(days=1)) == 0
    assert AuditEvent.objects.filter(action="discipline.segregation_ended").count() == 1
    assert Reminder.objects.filter(kind=services.ENDED_AT_LIMIT_KIND).count() == 1
    # Ended at the limit, it did not run past it; the governor marks the notice read.
    assert too_long(woman_a.facility) == []
    complete_reminder(reminder=notice, by=cast["governor"], outcome="Seen")


@pytest.mark.rule("M43")
def test_one_the_system_could_end_only_on_day_16_counts_on_oversight(cast, woman_a):
    segregation = segregated(cast, woman_a, days=15)
    move_back(segregation, 15)  # the beat was down: today is her day 16
    assert too_long(woman_a.facility) == [segregation.uuid]
    assert services.end_segregations_at_limit() == 1
    segregation.refresh_from_db()
    assert segregation.ended_by is None
    assert too_long(woman_a.facility) == [segregation.uuid]


@pytest.mark.rule("M43")
def test_an_end_recorded_late_counts_from_when_it_was_recorded(cast, woman_a):
    segregation = segregated(cast, woman_a, days=15)
    move_back(segregation, 17)
    services.end_segregation(by=cast["governor"], segregation=segregation, reason="Reviewed")
    # Its end is then given an earlier time, within the limit: the record still shows her
    # segregated until day 18, when the end was written.
    Segregation.objects.filter(pk=segregation.pk).update(ended_at=start_of(in_days(-5)))
    assert too_long(woman_a.facility) == [segregation.uuid]


def ended_days_ago(cast, woman, *, ran: int, days_out: int):
    """A segregation of `ran` days that ended with `days_out` whole days out before today."""
    first = segregated(cast, woman, days=ran)
    services.end_segregation(by=cast["governor"], segregation=first, reason="Reviewed")
    move_back(first, ran + days_out)
    last_day = timezone.localdate() - timedelta(days=days_out + 1)
    Segregation.objects.filter(pk=first.pk).update(ended_at=start_of(last_day))
    return first


@pytest.mark.rule("M44")
def test_days_out_shorter_than_the_setting_dont_reset_the_15(cast, woman_a):
    ended_days_ago(cast, woman_a, ran=10, days_out=3)
    with refusals.refused("M43", Segregation, Reminder) as refused:
        segregated(cast, woman_a, days=6)
    assert "15 consecutive days" in str(refused.value)
    second = segregated(cast, woman_a, days=5)
    assert second.day_number() == 11  # ten days before the break, today the eleventh
    with refusals.refused("M43", SegregationExtension, Reminder):
        services.extend_segregation(by=cast["governor"], segregation=second, planned_end=in_days(5))
    second.refresh_from_db()
    assert second.planned_end == in_days(4)
    assert not AuditEvent.objects.filter(action="discipline.segregation_extended").exists()
    # Its order for day 13 comes on her 13th day in segregation, not the run's calendar.
    alert = Reminder.objects.get(key=services._alert_key(second))
    assert timezone.localtime(alert.due_at).date() == in_days(2)


@pytest.mark.rule("M44")
def test_a_break_as_long_as_the_setting_starts_a_new_count(cast, woman_a):
    days_out = settings.SEGREGATION_BREAK_RESETS_AFTER_DAYS
    ended_days_ago(cast, woman_a, ran=15, days_out=days_out)
    fresh = segregated(cast, woman_a, days=15)
    assert fresh.run_start == timezone.localdate() and fresh.day_number() == 1


@pytest.mark.rule("M44")
def test_the_day_13_order_offers_no_mark_done_on_the_page_and_refuses_it(cast, woman_a):
    segregation = segregated(cast, woman_a, days=15)
    move_back(segregation, 12)
    Reminder.objects.filter(kind=services.ALERT_KIND).update(due_at=timezone.now())
    alert = Reminder.objects.get(kind=services.ALERT_KIND)
    governor = client_for(cast["governor"])
    body = governor.get("/tasks/").content.decode()
    assert alert.title in body and f"/tasks/{alert.uuid}/done/" not in body
    response = governor.post(f"/tasks/{alert.uuid}/done/", {"next": "/tasks/"}, follow=True)
    assert "closes only when the end of the segregation is recorded" in response.content.decode()
    alert.refresh_from_db()
    assert alert.is_open


def test_beat_ends_segregations_at_the_limit_as_often_as_reminders_are_swept(cast, woman_a):
    from discipline.tasks import end_segregations_at_limit

    entry = settings.CELERY_BEAT_SCHEDULE["end-segregations-at-limit"]
    assert entry["task"] == end_segregations_at_limit.name
    assert entry["schedule"] == settings.REMINDER_SWEEP_SECONDS
    move_back(segregated(cast, woman_a, days=15), 15)
    assert end_segregations_at_limit() == 1
