from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from reminders.models import Reminder, Status
from reminders.services import complete_reminder, sweep_reminders, tasks_for
from restraints.services import remove_restraint, review_restraint

from .factories import restrain

pytestmark = pytest.mark.django_db


def _reviews(restraint):
    return Reminder.objects.filter(key__startswith=f"restraints:{restraint.uuid}:review:")


@pytest.mark.rule("M48")
def test_a_review_that_finds_it_still_needed_books_the_next_one(cast, woman_a):
    restraint = restrain(cast, woman_a, applied_at=timezone.now() - timedelta(minutes=20))
    at = timezone.now()

    review_restraint(by=cast["custody"], restraint=restraint, still_needed=True, reviewed_at=at)

    first, second = _reviews(restraint).order_by("id")
    assert first.status == Status.DONE
    assert second.is_open
    assert second.due_at == at + timedelta(minutes=30)
    assert _reviews(restraint).open().count() == 1
    restraint.refresh_from_db()
    assert restraint.is_applied


@pytest.mark.rule("M48")
def test_a_review_that_finds_it_no_longer_needed_takes_it_off(cast, woman_a):
    restraint = restrain(cast, woman_a)

    review_restraint(by=cast["custody"], restraint=restraint, still_needed=False)

    restraint.refresh_from_db()
    assert restraint.removed_at is not None
    assert restraint.removed_by == cast["custody"]
    assert not _reviews(restraint).open().exists()


@pytest.mark.rule("M48")
def test_removing_it_closes_its_review_reminders(cast, woman_a):
    restraint = restrain(cast, woman_a)
    review_restraint(by=cast["custody"], restraint=restraint, still_needed=True)

    remove_restraint(by=cast["custody"], restraint=restraint)

    restraint.refresh_from_db()
    assert restraint.removed_at is not None
    assert _reviews(restraint).count() == 2
    assert not _reviews(restraint).open().exists()


@pytest.mark.rule("M48")
def test_a_review_not_done_in_time_escalates_to_the_governor(cast, woman_a):
    restraint = restrain(cast, woman_a)
    late = timezone.now() + timedelta(minutes=61)

    assert sweep_reminders(now=late)["escalated"] == 1
    assert sweep_reminders(now=late) == {"due": 0, "escalated": 0}

    review = _reviews(restraint).get()
    assert review.status == Status.ESCALATED
    assert tasks_for(cast["governor"]).filter(pk=review.pk).exists()


@pytest.mark.rule("M48")
def test_a_review_reminder_closes_only_through_a_review_or_removal(cast, woman_a):
    restraint = restrain(cast, woman_a)

    with pytest.raises(ValidationError):
        complete_reminder(reminder=_reviews(restraint).get(), by=cast["custody"])
    assert _reviews(restraint).get().is_open


@pytest.mark.rule("M48")
def test_reviews_keep_exactly_one_open_reminder_while_it_is_on(cast, woman_a):
    restraint = restrain(cast, woman_a)
    for _ in range(3):
        review_restraint(by=cast["custody"], restraint=restraint, still_needed=True)
        assert _reviews(restraint).open().count() == 1
    assert _reviews(restraint).count() == 4


def test_a_removed_restraint_cannot_be_removed_or_reviewed_again(cast, woman_a):
    restraint = restrain(cast, woman_a)
    remove_restraint(by=cast["custody"], restraint=restraint)

    with pytest.raises(ValidationError):
        remove_restraint(by=cast["custody"], restraint=restraint)
    with pytest.raises(ValidationError):
        review_restraint(by=cast["custody"], restraint=restraint, still_needed=True)
    assert not restraint.reviews.exists()


def test_it_cannot_come_off_before_it_was_applied(cast, woman_a):
    restraint = restrain(cast, woman_a, applied_at=timezone.now() - timedelta(minutes=5))

    with pytest.raises(ValidationError):
        remove_restraint(
            by=cast["custody"],
            restraint=restraint,
            removed_at=restraint.applied_at - timedelta(minutes=1),
        )
    restraint.refresh_from_db()
    assert restraint.is_applied


@pytest.mark.parametrize("role", ["governor", "health", "inspector", "outsider"])
def test_only_custody_of_her_facility_review_or_remove(cast, woman_a, role):
    restraint = restrain(cast, woman_a)

    with pytest.raises(PermissionDenied):
        review_restraint(by=cast[role], restraint=restraint, still_needed=False)
    with pytest.raises(PermissionDenied):
        remove_restraint(by=cast[role], restraint=restraint)
    restraint.refresh_from_db()
    assert restraint.is_applied
    assert not restraint.reviews.exists()
