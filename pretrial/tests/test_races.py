"""Two at once make one: a hearing's result recorded twice, and the clock's long-pretrial alert
raised by two workers at once (the row's lock, the task's key)."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from health.tests.factories import admitted_woman
from pretrial import services
from pretrial.models import Hearing
from reminders.models import Reminder
from tests.concurrency import race


@pytest.mark.django_db(transaction=True)
def test_a_hearings_result_recorded_twice_at_once_is_recorded_once(cast, facility_a):
    woman = admitted_woman(cast, facility_a).prisoner
    hearing = services.enter_hearing(
        by=cast["custody"],
        prisoner=woman,
        at=timezone.now() - timedelta(hours=2),
        court="Bangkok Criminal Court",
        kind="bail",
        attendance="video",
    )

    def recording(by, result):
        return lambda: services.record_hearing_result(by=by, hearing=hearing, result=result)

    outcomes = race(
        {
            "first": recording(cast["custody"], "remanded"),
            "second": recording(cast["governor"], "adjourned"),
        }
    )
    assert "This hearing's result is recorded already." in outcomes and len(outcomes) == 2
    assert Hearing.objects.get().result in ("remanded", "adjourned")


@pytest.mark.rule("58")
@pytest.mark.django_db(transaction=True)
def test_two_runs_of_the_clock_at_once_raise_the_alert_once(cast, facility_a):
    woman = admitted_woman(cast, facility_a).prisoner
    later = woman.admissions.get().arrested_at + timedelta(days=settings.PRETRIAL_LONG_DAYS + 1)
    race(
        {
            "first": lambda: services.raise_long_pretrial_alerts(now=later),
            "second": lambda: services.raise_long_pretrial_alerts(now=later),
        }
    )
    assert Reminder.objects.filter(prisoner=woman, kind=services.LONG_KIND).count() == 1
