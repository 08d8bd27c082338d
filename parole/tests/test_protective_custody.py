"""Protective custody (Rule 59): only at her express request, under a named supervising
authority, reviewed at set times, and ended at once when she withdraws it."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from parole import services
from parole.models import CustodyReview, ProtectiveCustody
from reminders.models import Reminder
from tests.refusals import nothing_written, refused

from .factories import CUSTODY, protective

pytestmark = pytest.mark.django_db


@pytest.mark.rule("59")
@pytest.mark.parametrize(
    "without",
    [
        {"at_her_request": False},
        {"her_words": "  "},
        {"she_signed": False},
        {"shelter_considered": " "},
    ],
)
def test_never_without_her_express_request_nor_a_shelter_considered_first(cast, woman_a, without):
    with refused("59", ProtectiveCustody, Reminder) as caught:
        protective(cast, woman_a, **without)
    assert "Rule 59" in str(caught.value)


@pytest.mark.rule("59")
def test_never_without_a_supervising_authority(cast, woman_a):
    with refused("59", ProtectiveCustody, Reminder):
        protective(cast, woman_a, supervising_authority="")


@pytest.mark.rule("59")
def test_the_database_holds_none_without_her_request(cast, woman_a):
    with pytest.raises(IntegrityError), transaction.atomic():
        ProtectiveCustody.objects.create(
            prisoner=woman_a,
            facility=woman_a.facility,
            recorded_by=cast["social"],
            **{**CUSTODY, "at_her_request": False},
        )


@pytest.mark.rule("59")
def test_at_her_request_it_starts_and_its_review_falls_due(cast, woman_a, settings):
    custody = protective(cast, woman_a)
    assert custody.is_current and services.in_protective_custody(woman_a)
    task = Reminder.objects.get(kind=services.CUSTODY_REVIEW_KIND, prisoner=woman_a)
    assert task.rule == "59"
    assert (task.due_at - custody.started_at).days == settings.PROTECTIVE_CUSTODY_REVIEW_DAYS
    with nothing_written(ProtectiveCustody), pytest.raises(ValidationError):
        protective(cast, woman_a)


@pytest.mark.rule("59")
def test_her_withdrawal_ends_it_at_once_by_her_word_recorded_by_custody(cast, woman_a):
    custody = protective(cast, woman_a)
    ended = services.withdraw_protective_custody(
        by=cast["custody"], custody=custody, her_words="I want to go back to my unit."
    )
    assert ended.ended_at is not None and ended.end_reason == "withdrawn"
    assert not services.in_protective_custody(woman_a)
    assert not Reminder.objects.open().filter(kind=services.CUSTODY_REVIEW_KIND).exists()


@pytest.mark.rule("59")
def test_a_review_where_she_no_longer_asks_ends_it(cast, woman_a):
    custody = protective(cast, woman_a)
    services.review_protective_custody(
        by=cast["social"],
        custody=custody,
        authority_finding="Court reviewed; order may continue.",
        she_still_asks=False,
        note="She says she feels safe now.",
    )
    custody.refresh_from_db()
    assert custody.end_reason == "withdrawn" and not custody.is_current


@pytest.mark.rule("59")
def test_a_review_where_she_still_asks_sets_the_next(cast, woman_a):
    custody = protective(cast, woman_a)
    services.review_protective_custody(
        by=cast["governor"],
        custody=custody,
        authority_finding="Court reviewed; continues.",
        she_still_asks=True,
    )
    reviews = Reminder.objects.filter(kind=services.CUSTODY_REVIEW_KIND, prisoner=woman_a)
    assert [r.status for r in reviews.order_by("id")] == ["done", "pending"]
    assert CustodyReview.objects.count() == 1


def test_an_ended_custody_is_not_withdrawn_again(cast, woman_a):
    custody = services.withdraw_protective_custody(
        by=cast["social"], custody=protective(cast, woman_a)
    )
    with nothing_written(ProtectiveCustody), pytest.raises(ValidationError):
        services.withdraw_protective_custody(by=cast["social"], custody=custody)


@pytest.mark.django_db(transaction=True)
@pytest.mark.rule("59")
def test_two_records_of_her_request_at_once_make_one(cast, woman_a):
    from tests.concurrency import race

    outcomes = race(
        {
            "social": lambda: protective(cast, woman_a),
            "governor": lambda: protective(cast, woman_a, by=cast["governor"]),
        }
    )
    assert len([o for o in outcomes if o in {"governor", "social"}]) == 1
    assert "She is in protective custody already." in outcomes
    assert ProtectiveCustody.objects.count() == 1


@pytest.mark.rule("59")
def test_her_protective_custody_ends_when_she_leaves_custody(cast, facility_a):
    """Released, she is no longer held apart: her protective custody ends, dated as her
    release, and no review of it is due (oversight never counts it as held unreviewed)."""
    from admissions.services import release
    from release.tests.factories import admitted, ready_for_release

    her = admitted(cast, facility_a)
    held = protective(cast, her.prisoner)
    assert Reminder.objects.open().filter(kind=services.CUSTODY_REVIEW_KIND).exists()
    release(by=cast["reception"], admission=ready_for_release(cast, her), reason="Bail granted.")
    held.refresh_from_db()
    her.refresh_from_db()
    assert (held.end_reason, held.ended_at, held.ended_by) == (
        "released",
        her.released_at,
        cast["reception"],
    )
    assert not held.is_current
    assert not Reminder.objects.open().filter(kind=services.CUSTODY_REVIEW_KIND).exists()
