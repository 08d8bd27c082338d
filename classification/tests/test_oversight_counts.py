"""Oversight's list of women not classified in time, asked as "none within the set time, and
one after it or none at all" (one look-up an admission in her classifications by date), finds
exactly the admissions, with the same first classification, that the earlier question found:
"her first classification since the admission came after the set time, or there is none"."""

import uuid
from datetime import timedelta

import pytest
from django.conf import settings
from django.db.models import F, OuterRef, Q, Subquery
from django.utils import timezone

from admissions.models import Admission
from admissions.services import admit_woman
from admissions.tests.factories import commitment, identity
from bangkok.dates import during
from classification import oversight
from classification.models import Classification
from facilities.models import Facility
from prisoners.models import Prisoner

from .factories import classify_her

pytestmark = pytest.mark.django_db


def earlier(facilities, start, end):
    """The list as it was first written (the reference)."""
    days = timedelta(days=settings.CLASSIFICATION_DAYS)
    first = (
        Classification.objects.filter(
            prisoner=OuterRef("prisoner"), classified_at__gte=OuterRef("admitted_at")
        )
        .order_by("classified_at")
        .values("classified_at")[:1]
    )
    late = Q(first__gt=F("admitted_at") + days)
    missing = Q(
        first__isnull=True,
        admitted_at__lt=timezone.now() - days,
        prisoner__custody_status="in_custody",
    )
    return (
        Admission.objects.filter(facility__in=facilities, **during("admitted_at", start, end))
        .annotate(first=Subquery(first))
        .filter(late | missing)
        .order_by("-admitted_at", "-id")
    )


def classified(cast, woman, at):
    """A classification of hers dated `at` (an earlier one of hers superseded)."""
    made = classify_her(cast, woman)
    Classification.objects.filter(prisoner=woman).exclude(pk=made.pk).update(superseded_at=at)
    Classification.objects.filter(pk=made.pk).update(classified_at=at)
    return made


def another(made, at):
    """One more classification of hers, superseded, dated `at`."""
    copy = Classification.objects.get(pk=made.pk)
    copy.pk, copy.uuid, copy.superseded_at, copy.classified_at = None, uuid.uuid4(), at, at
    Classification.objects.bulk_create([copy])


@pytest.mark.rule("40")
def test_the_women_not_classified_in_time_are_those_the_earlier_question_found(
    cast, facility_a, facility_b, settings
):
    settings.CLASSIFICATION_DAYS = 14
    set_time = timedelta(days=14)
    now = timezone.now()
    # (days since admitted, facility, her classifications after admission, released)
    cases = [
        (40, facility_a, [], False),  # none, past the time: listed
        (40, facility_a, [], True),  # none, but released: not listed
        (30, facility_a, [timedelta(days=1)], False),  # in time
        (30, facility_b, [set_time], False),  # at the very end of the time: in time
        (30, facility_a, [set_time + timedelta(seconds=1)], False),  # just late
        (25, facility_b, [timedelta(days=20)], True),  # late, released: still late
        (25, facility_a, [-timedelta(days=3)], False),  # only one before admission: none
        (25, facility_a, [-timedelta(days=3), timedelta(days=2)], False),  # in time
        (22, facility_b, [timedelta(days=16), timedelta(days=18)], False),  # late twice
        (22, facility_a, [timedelta(days=2), timedelta(days=18)], False),  # in time, then more
        (10, facility_a, [], False),  # none, the time not passed yet
        (10, facility_b, [timedelta(days=1)], False),
        (3, facility_a, [timedelta(0)], False),  # classified at the moment of admission
    ]
    for number, (days_ago, facility, offsets, released) in enumerate(cases):
        admitted_at = now - timedelta(days=days_ago)
        admission = admit_woman(
            by=cast["reception"],
            facility=facility_a,
            commitment=commitment(
                order_date=timezone.localdate(admitted_at) - timedelta(days=1),
                arrested_at=admitted_at - timedelta(days=2),
            ),
            identity=identity(prison_number=f"C{number:05d}"),
            admitted_at=admitted_at,
        )
        woman = admission.prisoner
        # Admitted at the other facility (its staff aren't in the cast): moved there.
        Admission.objects.filter(pk=admission.pk).update(facility=facility)
        if offsets:
            made = classified(cast, woman, admitted_at + offsets[-1])
            for offset in offsets[:-1]:
                another(made, admitted_at + offset)
        if released:
            Prisoner.objects.filter(pk=woman.pk).update(custody_status="released")
    today = timezone.localdate()
    both = Facility.objects.filter(pk__in=[facility_a.pk, facility_b.pk])
    listed_somewhere = False
    for facilities in (Facility.objects.filter(pk=facility_a.pk), both):
        for start in (today - timedelta(days=45), today - timedelta(days=24)):
            end = today
            found = oversight.not_classified_in_time(facilities, start, end)
            expected = earlier(facilities, start, end)
            assert [(a.pk, a.first) for a in found] == [(a.pk, a.first) for a in expected]
            assert found.count() == expected.count()
            listed_somewhere |= expected.exists()
    assert listed_somewhere
    assert oversight.not_classified_in_time(both, today - timedelta(days=45), today).count() == 5
