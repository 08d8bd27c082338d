"""What the governor and the inspector oversee (Rules 23, 45, 59, 63): leave granted and
refused with grounds, and the counts that must be zero, from the records and breaches."""

from datetime import timedelta

import pytest
from django.utils import timezone

from breaches.services import record_breach
from facilities.models import Facility
from oversight.registry import lists_for, overview
from parole import services

from .factories import REFUSAL, draft, granted, leave, protective

pytestmark = pytest.mark.django_db


def _overview(user):
    today = timezone.localdate()
    zeros, lists = overview(user, Facility.objects.all(), today - timedelta(days=7), today)
    return (
        {z["item"].key: z["count"] for z in zeros},
        {entry["item"].key: entry["count"] for entry in lists},
    )


@pytest.mark.rule("45")
def test_leave_granted_and_refused_are_counted_with_their_grounds(cast, woman_a):
    granted(cast, woman_a)
    refused = services.decide_leave(
        by=cast["governor"], leave=leave(cast, woman_a, days=10), grant=False, **REFUSAL
    )
    zeros, lists = _overview(cast["inspector"])
    assert lists["leave-granted"] == 1 and lists["leave-refused"] == 1
    assert zeros["leave-refused-for-conduct"] == 0
    listing = next(i for i in lists_for(cast["inspector"]) if i.key == "leave-refused")
    today = timezone.localdate()
    row = listing.row(listing.records(Facility.objects.all(), today, today).get())
    assert row.uuid == refused.uuid and "could not be verified" in row.what


@pytest.mark.rule("63")
@pytest.mark.rule("59")
def test_the_zeros_stay_zero_and_a_breach_recorded_counts(cast, woman_a):
    draft(cast, woman_a)
    protective(cast, woman_a)
    zeros, lists = _overview(cast["governor"])
    assert zeros["parole-reviews-missing-sections"] == 0
    assert zeros["protective-custody-imposed"] == 0
    assert lists["parole-reviews"] == 1 and lists["protective-custody"] == 1
    record_breach(
        by=cast["custody"],
        prisoner=woman_a,
        kind="protective-custody-imposed",
        account="Kept on the protection wing for a week after she asked to leave it.",
    )
    zeros, _lists = _overview(cast["inspector"])
    assert zeros["protective-custody-imposed"] == 1
