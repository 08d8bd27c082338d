"""A pregnancy or a new dependent child prompts a review of non-custodial options (Rule 64),
in a task that says nothing clinical (Rule 8)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from audit.models import AuditEvent
from health.services.maternity import declare_pregnancy
from parole import services
from parole.models import NonCustodialReview
from register.services import record_child
from register.tests.factories import child_fields
from reminders.models import Reminder
from tests.refusals import invalid

pytestmark = pytest.mark.django_db


def tasks(woman):
    return Reminder.objects.filter(kind=services.NONCUSTODIAL_KIND, prisoner=woman)


@pytest.mark.rule("64")
@pytest.mark.rule("8")
def test_a_pregnancy_prompts_the_review_without_saying_so(cast, woman_a):
    declare_pregnancy(by=cast["health"], prisoner=woman_a)
    task = tasks(woman_a).get()
    assert task.assignee_role == "social" and task.rule == "64"
    assert str(task.title) == "Review non-custodial options (Rule 64)"
    assert not task.confidential
    for text in (task.title, task.key):
        assert "pregnan" not in str(text).lower()
    prompt = AuditEvent.objects.get(action="parole.noncustodial_prompted")
    assert "health" not in str(prompt.detail) and "pregnan" not in str(prompt.detail).lower()
    assert prompt.actor is None and prompt.actor_role == ""  # not whoever recorded the cause


@pytest.mark.rule("64")
def test_a_new_dependent_child_prompts_the_review(cast, woman_a):
    record_child(
        by=cast["social"],
        mother=woman_a,
        **child_fields(date_of_birth=timezone.localdate()),
    )
    assert tasks(woman_a).count() == 1


@pytest.mark.rule("64")
def test_a_child_born_before_her_custody_is_not_new(cast, woman_a):
    record_child(by=cast["social"], mother=woman_a, **child_fields(date_of_birth=date(2019, 3, 14)))
    assert not tasks(woman_a).exists()


@pytest.mark.rule("64")
def test_one_open_review_at_a_time_and_the_review_closes_it(cast, woman_a):
    declare_pregnancy(by=cast["health"], prisoner=woman_a)
    record_child(
        by=cast["social"],
        mother=woman_a,
        **child_fields(date_of_birth=timezone.localdate() - timedelta(days=0)),
    )
    assert tasks(woman_a).count() == 1
    services.review_noncustodial_options(
        by=cast["social"],
        prisoner=woman_a,
        options="Early release on licence.",
        outcome="put_forward",
        reasons="Sole carer; the offence was not violent.",
    )
    assert tasks(woman_a).get().status == "done"


def test_a_review_says_what_was_considered_and_why(cast, woman_a):
    with invalid("options", NonCustodialReview):
        services.review_noncustodial_options(
            by=cast["social"], prisoner=woman_a, options="", outcome="put_forward", reasons="x"
        )
