"""Parole reviews (Rule 63): never submitted without her caretaking responsibilities and her
reintegration needs."""

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from parole import services
from parole.models import ParoleReview
from reminders.models import Reminder
from tests.refusals import refused

from .factories import draft

pytestmark = pytest.mark.django_db


@pytest.mark.rule("63")
@pytest.mark.parametrize(
    "sections",
    [
        {"reintegration": "A room at her mother's."},
        {"caretaking": "Sole carer of two sons."},
        {},
    ],
)
def test_a_review_without_both_sections_is_not_submitted(cast, woman_a, sections):
    review = draft(cast, woman_a, recommendation="release", **sections)
    with refused("63", ParoleReview) as caught:
        services.submit_parole_review(by=cast["social"], review=review)
    assert "Rule 63" in str(caught.value)
    review.refresh_from_db()
    assert review.is_draft and review.submitted_at is None
    assert Reminder.objects.open().filter(kind=services.PAROLE_KIND).count() == 1


@pytest.mark.rule("63")
def test_blanking_a_section_at_submission_is_refused(cast, woman_a):
    review = draft(cast, woman_a, caretaking="Two sons.", reintegration="Housing.")
    with refused("63", ParoleReview):
        services.submit_parole_review(
            by=cast["social"], review=review, caretaking="   ", recommendation="release"
        )


@pytest.mark.rule("63")
def test_a_review_with_both_sections_is_submitted_and_its_task_closes(cast, woman_a):
    review = draft(cast, woman_a)
    task = Reminder.objects.get(kind=services.PAROLE_KIND, prisoner=woman_a)
    assert task.assignee_role == "social" and task.rule == "63"
    done = services.submit_parole_review(
        by=cast["social"],
        review=review,
        caretaking="Sole carer of two sons, 6 and 9.",
        reintegration="A room at her mother's; work on the hospital cleaning team.",
        recommendation="release_with_conditions",
    )
    assert done.status == "submitted" and done.submitted_by == cast["social"]
    task.refresh_from_db()
    assert task.status == "done"


@pytest.mark.rule("63")
def test_the_database_holds_no_submitted_review_missing_a_section(cast, woman_a):
    review = draft(cast, woman_a, reintegration="Housing.", recommendation="release")
    with pytest.raises(IntegrityError), transaction.atomic():
        ParoleReview.objects.filter(pk=review.pk).update(
            status="submitted", submitted_at=timezone.now()
        )
