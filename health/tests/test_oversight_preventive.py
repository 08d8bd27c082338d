"""Indicators 30 and 31 (Rule 18): among the women in custody on the last day of the period
whom the community policy in force makes eligible that day, those whose screening is up to
date, as the policy's bands and intervals read it; in one query whatever the months and
facilities, without reading a woman's record."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from admissions.services import admit_woman
from admissions.tests.factories import commitment, identity
from facilities.models import Facility
from health.models import HivTest, PreventiveScreening
from oversight import registry

pytestmark = pytest.mark.django_db


def _aged(cast, facility, number: str, years: int):
    today = timezone.localdate()
    born = date(today.year - years, today.month, 1)
    admission = admit_woman(
        by=cast["reception"],
        facility=facility,
        commitment=commitment(arrested_at=timezone.now() - timedelta(days=40)),
        identity=identity(prison_number=number, date_of_birth=born),
        admitted_at=timezone.now() - timedelta(days=30),
    )
    return admission.prisoner


def _screened(cast, woman, kind: str, years_ago: int, *, declined=False):
    today = timezone.localdate()
    return PreventiveScreening.objects.create(
        prisoner=woman,
        kind=kind,
        done_on=date(today.year - years_ago, today.month, 1),
        declined=declined,
        reported=not declined,
        policy="test",
        recorded_by=cast["health"],
    )


def _figures(cast, facility, key):
    today = timezone.localdate()
    item = registry._INDICATORS[key]
    found = item.counts(Facility.objects.filter(pk=facility.pk), [(today, today)])
    return found.get((0, facility.pk), (0, 0))


@pytest.fixture
def women(cast, facility_a):
    """Five women in custody, of 35 (two), 25, 70 and 45, their screenings as recorded."""
    found = {
        "hpv-2-years-ago": _aged(cast, facility_a, "A-1", 35),
        "cytology-4-years-ago": _aged(cast, facility_a, "A-2", 35),
        "never": _aged(cast, facility_a, "A-3", 25),
        "mammography-a-year-ago": _aged(cast, facility_a, "A-4", 70),
        "declined": _aged(cast, facility_a, "A-5", 45),
    }
    _screened(cast, found["hpv-2-years-ago"], "hpv", 2)
    _screened(cast, found["cytology-4-years-ago"], "cervical_cytology", 4)
    _screened(cast, found["mammography-a-year-ago"], "mammography", 1)
    _screened(cast, found["declined"], "hpv", 1, declined=True)
    return found


@pytest.mark.rule("18")
def test_up_to_date_among_the_women_the_uspstf_policy_makes_eligible(
    cast, facility_a, women, settings
):
    settings.PREVENTIVE_POLICY = "uspstf"
    # Cervical 21-65: all but the woman of 70; only the HPV test of two years ago (every 5)
    # is in time, not the cytology of four years ago (every 3), nor the test she declined.
    assert _figures(cast, facility_a, "cervical-up-to-date") == (1, 4)
    # Breast 40-74: the women of 70 and 45; the mammography of a year ago (every 2).
    assert _figures(cast, facility_a, "breast-up-to-date") == (1, 2)


@pytest.mark.rule("18")
def test_under_the_who_policy_a_woman_living_with_hiv_is_eligible_younger(
    cast, facility_a, women, settings
):
    settings.PREVENTIVE_POLICY = "who"
    # Cervical from 30 (HPV every 5): the two women of 35 and the one of 45.
    assert _figures(cast, facility_a, "cervical-up-to-date") == (1, 3)
    # From 25 for a woman living with HIV: a positive result received makes her eligible.
    now = timezone.now()
    HivTest.objects.create(
        prisoner=women["never"],
        consent="given",
        language="en",
        pre_test_counselling_at=now - timedelta(days=3),
        sample_taken_at=now - timedelta(days=2),
        result="positive",
        result_at=now - timedelta(days=1),
        recorded_by=cast["health"],
    )
    assert _figures(cast, facility_a, "cervical-up-to-date") == (1, 4)
    # Breast 50-69: none of them.
    assert _figures(cast, facility_a, "breast-up-to-date") == (0, 0)


@pytest.mark.rule("18")
def test_a_year_of_months_in_one_query(cast, facility_a, facility_b, women, settings):
    settings.PREVENTIVE_POLICY = "who"
    both = Facility.objects.filter(pk__in=[facility_a.pk, facility_b.pk])
    months = registry.months(timezone.localdate())
    for key in ("cervical-up-to-date", "breast-up-to-date"):
        with CaptureQueriesContext(connection) as queries:
            found = registry._INDICATORS[key].counts(both, months)
        assert len(queries) == 1
        # Two months ago none of them was in custody yet.
        assert (len(months) - 3, facility_a.pk) not in found
