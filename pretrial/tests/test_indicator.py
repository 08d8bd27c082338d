"""Indicator 49 (Rules 56-58): the share of the women in custody on each period's last day who
were untried then, her status that day as the court's decisions of her episode gave it, the
same figures as `reading.pretrial_figures`, for every month and facility in one query."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from admissions.services import record_court_outcome
from facilities.models import Facility
from oversight import registry
from pretrial import reading

from .test_pretrial import admitted_days_ago

pytestmark = pytest.mark.django_db


def row(cast, facilities, start, end):
    found = registry.indicators(cast["inspector"], facilities, start, end)
    return next(r for r in found if r["number"] == "49")


@pytest.mark.rule("56")
@pytest.mark.rule("58")
def test_the_share_untried_on_the_last_day_as_the_court_left_her_then(cast, facility_a):
    women = [admitted_days_ago(cast, facility_a, n, days=10 + n) for n in range(6)]
    today = timezone.localdate()
    record_court_outcome(
        by=cast["reception"],
        admission=women[0].admissions.get(),
        legal_status="convicted_unsentenced",
        decided_on=today - timedelta(days=2),
        court="Bangkok Criminal Court",
    )
    facilities = Facility.objects.filter(pk=facility_a.pk)
    now = row(cast, facilities, today - timedelta(days=30), today)
    assert (now["numerator"], now["denominator"], now["rate"]) == (5, 6, 83.3)
    assert now["direction"] == "smaller" and now["target"] is None
    figures = reading.pretrial_figures(facilities, today - timedelta(days=30), today)
    assert (figures["untried"], figures["women"], figures["share"]) == (5, 6, 83.3)
    # Three days ago the court had not decided yet: she was untried then.
    before = row(cast, facilities, today - timedelta(days=33), today - timedelta(days=3))
    assert (before["numerator"], before["denominator"]) == (6, 6)
    # Before any of them was admitted, nobody.
    empty = row(cast, facilities, today - timedelta(days=60), today - timedelta(days=30))
    assert (empty["numerator"], empty["denominator"], empty["rate"]) == (0, 0, None)


@pytest.mark.rule("56")
def test_a_year_of_months_and_two_facilities_in_one_query(cast, facility_a, facility_b):
    for n in range(3):
        admitted_days_ago(cast, facility_a, n, days=40 + n)
    item = registry._INDICATORS["pretrial-share"]
    both = Facility.objects.filter(pk__in=[facility_a.pk, facility_b.pk])
    periods = registry.months(timezone.localdate())
    with CaptureQueriesContext(connection) as queries:
        found = item.counts(both, periods)
    assert len(queries) == 1
    assert found[(len(periods) - 1, facility_a.pk)] == (3, 3)
    assert (len(periods) - 1, facility_b.pk) not in found
