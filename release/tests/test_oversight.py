"""Releases on oversight (Rules 46, 47): without a plan, and with health continuity
incomplete with the reason recorded."""

from datetime import timedelta

import pytest
from django.utils import timezone

from admissions.services import release
from release import oversight
from release.services import (
    hand_over_copy,
    record_health_continuity,
    record_release_date,
    start_plan,
)
from release.tests.factories import admitted, ready_for_release

pytestmark = pytest.mark.django_db


@pytest.mark.rule("46")
def test_releases_without_a_plan_and_with_health_incomplete_are_listed(cast, facility_a):
    from facilities.models import Facility

    short_notice = admitted(cast, facility_a, prison_number="A50001")
    release(by=cast["reception"], admission=ready_for_release(cast, short_notice), reason="Bail")
    planned = admitted(cast, facility_a, prison_number="A50002")
    record_release_date(
        by=cast["social"],
        admission=planned,
        earliest_release_on=timezone.localdate() + timedelta(days=5),
    )
    start_plan(by=cast["social"], admission=planned)
    record_health_continuity(
        by=cast["health"],
        admission=planned,
        community_provider="Clinic",
        handed_over_on=timezone.localdate(),
        complete=True,
    )
    hand_over_copy(by=cast["reception"], admission=planned, outcome="signed", language="th")
    release(by=cast["reception"], admission=planned, reason="End of sentence")

    facilities = Facility.objects.filter(pk=facility_a.pk)
    today = timezone.localdate()
    without = list(oversight.without_plan(facilities, today, today))
    assert without == [short_notice]
    incomplete = list(oversight.health_incomplete(facilities, today, today))
    assert incomplete == [short_notice]
    row = oversight.health_row(incomplete[0])
    assert "Released by the court today." in row.what
    assert "Bail" in oversight.without_plan_row(without[0]).what


def test_the_lists_are_on_the_inspectors_oversight(cast):
    from oversight.registry import lists_for

    keys = [item.key for item in lists_for(cast["inspector"])]
    assert "releases-without-plan" in keys and "releases-health-incomplete" in keys
