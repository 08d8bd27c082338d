"""Her time out of cell each day (Rule 42; Mandela 23, 44) and the daily check: a day she was
locked up 22 hours or more with no segregation on record goes to the governor once, and only
her review closes it; a day with no record of a woman in custody is kept for oversight."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from admissions.services import admit_woman
from admissions.tests.factories import commitment, identity
from audit.models import AuditEvent
from discipline.tests.factories import segregated
from regime import services
from regime.models import MissingDay, SolitaryReview, TimeOutOfCell
from regime.tasks import check_de_facto_solitary
from reminders.models import Reminder, Status
from tests.clock import today_is
from tests.refusals import denied, invalid, nothing_written, refused

from .factories import day_out

pytestmark = pytest.mark.django_db

LEAP = date(2024, 2, 29)


def _asked():
    return Reminder.objects.filter(kind=services.SOLITARY_KIND)


@pytest.mark.rule("42")
def test_little_time_out_without_a_reason_is_refused_naming_rule_42(cast, woman_a, settings):
    settings.REGIME_REASON_BELOW_MINUTES = 240
    with refused("42", TimeOutOfCell) as caught:
        services.record_time_out(
            by=cast["custody"], prisoner=woman_a, day=timezone.localdate(), minutes=120
        )
    assert "240 minutes" in caught.value.message
    record = services.record_time_out(
        by=cast["custody"], prisoner=woman_a, day=timezone.localdate(), minutes=240
    )
    assert record.reason == "" and AuditEvent.objects.filter(action="regime.time_out_recorded")


def test_one_record_a_woman_a_day_and_none_in_the_future(cast, woman_a):
    day_out(cast, woman_a, day=timezone.localdate())
    with invalid("day", TimeOutOfCell):
        day_out(cast, woman_a, day=timezone.localdate())
    with invalid("day", TimeOutOfCell):
        day_out(cast, woman_a, day=timezone.localdate() + timedelta(days=1))
    with invalid("minutes", TimeOutOfCell):
        day_out(cast, woman_a, minutes=1441, day=timezone.localdate() - timedelta(days=3))


@pytest.mark.rule("42")
def test_a_correction_keeps_what_the_record_said_and_says_why(cast, woman_a):
    record = day_out(cast, woman_a, minutes=300)
    with refused("42", TimeOutOfCell):
        services.correct_time_out(
            by=cast["custody"], time_out=record, minutes=60, correction="Miscounted"
        )
    with invalid("correction", TimeOutOfCell):
        services.correct_time_out(by=cast["custody"], time_out=record, minutes=400, correction="")
    services.correct_time_out(
        by=cast["custody"], time_out=record, minutes=400, correction="Miscounted the yard"
    )
    record.refresh_from_db()
    assert (record.minutes, record.version) == (400, 2)
    history = TimeOutOfCell.pgh_event_model.objects.filter(pgh_obj=record).order_by("pgh_id")
    assert [event.minutes for event in history] == [300, 400]


@pytest.mark.rule("M44")
def test_the_daily_check_asks_the_governor_once_for_a_day_locked_up(cast, woman_a, monkeypatch):
    today_is(monkeypatch, LEAP)
    day_out(cast, woman_a, minutes=120, day=LEAP - timedelta(days=1))
    assert check_de_facto_solitary() == 1
    assert services.check_de_facto_solitary() == 1  # runs twice: still one task
    task = _asked().get()
    assert (task.rule, task.assignee_role, task.prisoner) == ("M44", "governor", woman_a)
    assert "2024-02-28" in str(task.title_params)


@pytest.mark.rule("M44")
def test_a_day_locked_up_recorded_or_corrected_late_goes_to_the_governor_at_once(
    cast, woman_a, settings
):
    """The daily check looks back REGIME_CHECK_DAYS only: a day recorded later than that, or
    corrected down later, would never reach the governor by it."""
    long_ago = timezone.localdate() - timedelta(days=settings.REGIME_CHECK_DAYS + 5)
    day_out(cast, woman_a, minutes=100, day=long_ago)
    assert list(_asked().values_list("prisoner", "rule")) == [(woman_a.pk, "M44")]
    assert services.check_de_facto_solitary() == 0  # out of the check's reach: asked already

    other = day_out(cast, woman_a, minutes=300, day=long_ago - timedelta(days=1))
    assert _asked().count() == 1
    services.correct_time_out(
        by=cast["custody"],
        time_out=other,
        minutes=30,
        reason="Lock-down",
        correction="The unlock was recorded but never happened",
    )
    assert _asked().count() == 2
    day_out(cast, woman_a, minutes=30, day=timezone.localdate())  # today isn't over yet
    assert _asked().count() == 2


@pytest.mark.rule("M44")
def test_a_day_with_three_hours_out_asks_nothing(cast, woman_a, monkeypatch):
    today_is(monkeypatch, LEAP)
    day_out(cast, woman_a, minutes=180, day=LEAP - timedelta(days=1))
    assert services.check_de_facto_solitary() == 0
    assert not _asked().exists()


@pytest.mark.rule("M44")
def test_a_segregated_day_is_no_de_facto_solitary_confinement(cast, woman_a):
    segregated(cast, woman_a)
    today = timezone.localdate()
    day_out(cast, woman_a, minutes=60, day=today)
    assert services.check_de_facto_solitary(today=today + timedelta(days=1)) == 0
    assert not _asked().exists()
    assert not TimeOutOfCell.objects.de_facto_solitary().exists()


@pytest.mark.rule("M44")
def test_only_the_governors_review_closes_the_task(cast, woman_a, monkeypatch):
    today_is(monkeypatch, LEAP)
    record = day_out(cast, woman_a, minutes=90, day=LEAP - timedelta(days=1))
    services.check_de_facto_solitary()
    with denied(SolitaryReview):
        services.review_solitary_day(by=cast["custody"], time_out=record, account="Fine")
    with invalid("account", SolitaryReview):
        services.review_solitary_day(by=cast["governor"], time_out=record, account=" ")
    services.review_solitary_day(
        by=cast["governor"], time_out=record, account="Lock-down after a fight; unit reopened."
    )
    assert _asked().get().status == Status.DONE
    services.check_de_facto_solitary()  # a reviewed day is not asked again
    assert _asked().count() == 1
    with nothing_written(SolitaryReview), pytest.raises(ValidationError):
        services.review_solitary_day(by=cast["governor"], time_out=record, account="Again")


def test_a_day_not_locked_up_has_nothing_to_review(cast, woman_a):
    record = day_out(cast, woman_a, minutes=300)
    with nothing_written(SolitaryReview), pytest.raises(ValidationError):
        services.review_solitary_day(by=cast["governor"], time_out=record, account="Nothing")


def test_days_without_a_record_are_kept_once_for_oversight(cast, facility_a):
    admission = admit_woman(
        by=cast["reception"],
        facility=facility_a,
        commitment=commitment(arrested_at=timezone.now() - timedelta(days=30)),
        admitted_at=timezone.now() - timedelta(days=20),
        identity=identity(),
    )
    woman = admission.prisoner
    today = timezone.localdate()
    day_out(cast, woman, day=today - timedelta(days=1))
    services.check_de_facto_solitary(today=today)
    services.check_de_facto_solitary(today=today)
    missing = MissingDay.objects.filter(prisoner=woman)
    assert missing.count() == 6  # the last seven days but the one recorded
    assert today - timedelta(days=1) not in set(missing.values_list("day", flat=True))
