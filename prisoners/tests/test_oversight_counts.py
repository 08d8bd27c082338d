"""Oversight's count of the women living where the Rules forbid, asked by units (a unit holding
women in custody of more than one legal group), finds exactly the women that the question
asked woman by woman finds (another woman on her unit in custody of another legal group), on
varied units, statuses, ages and facilities; the cases shown are those, with the same
reasons."""

import random
from datetime import date, timedelta

import pytest
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from facilities.models import Facility
from prisoners.models import (
    CustodyStatus,
    LegalStatus,
    Prisoner,
    ProtectionFlags,
    Unit,
    juvenile_q,
    legal_group_of,
)
from prisoners.oversight import misplaced, misplaced_counted
from prisoners.services import KEPT_APART, SUITED_TO_CHILDREN

from .factories import PrisonerFactory, UnitFactory

pytestmark = pytest.mark.django_db
GIRLS = Unit.Designation.JUVENILE


def earlier(facilities):
    """The count as it was first written (the reference)."""
    today = timezone.localdate()
    apart = (
        Prisoner.objects.filter(unit=OuterRef("unit"), custody_status=CustodyStatus.IN_CUSTODY)
        .exclude(pk=OuterRef("pk"))
        .annotate(group=legal_group_of())
        .exclude(group=OuterRef("group"))
    )
    return (
        Prisoner.objects.filter(
            facility__in=facilities, custody_status=CustodyStatus.IN_CUSTODY, unit__isnull=False
        )
        .annotate(group=legal_group_of(), with_others_apart=Exists(apart))
        .filter(
            (juvenile_q(today) & ~Q(unit__designation=GIRLS))
            | (~juvenile_q(today) & Q(unit__designation=GIRLS))
            | (Q(flags__child_in_prison=True) & ~Q(unit__designation=SUITED_TO_CHILDREN))
            | Q(with_others_apart=True, unit__designation__in=KEPT_APART)
        )
        .order_by("-id")
    )


@pytest.mark.rule("M11")
@pytest.mark.rule("49")
def test_the_women_living_where_the_rules_forbid_are_those_the_earlier_question_found(
    facility_a, facility_b
):
    chance = random.Random(11)
    designations = [d for d, _label in Unit.Designation.choices]
    units = [
        UnitFactory(facility=facility, designation=designation)
        for facility in (facility_a, facility_b)
        for designation in designations
        for _copy in range(2)
    ]
    girl = timezone.localdate() - timedelta(days=16 * 365)
    for _n in range(70):
        her = PrisonerFactory(
            facility=chance.choice([facility_a, facility_b]),
            legal_status=chance.choice(LegalStatus.values),
            date_of_birth=chance.choice([date(1990, 5, 17), girl]),
        )
        # Some on a unit (now and then one of another facility, as a transfer may leave
        # her), some on none; some released, some with a child living with her.
        Prisoner.objects.filter(pk=her.pk).update(
            unit=chance.choice([*units, None]),
            custody_status=chance.choice([CustodyStatus.IN_CUSTODY] * 4 + [CustodyStatus.RELEASED]),
        )
        ProtectionFlags.objects.update_or_create(
            prisoner=her, defaults={"child_in_prison": chance.random() < 0.2}
        )
    both = Facility.objects.filter(pk__in=[facility_a.pk, facility_b.pk])
    for facilities in (Facility.objects.filter(pk=facility_a.pk), both, [facility_b]):
        expected = earlier(facilities)
        assert [(w.pk, w.with_others_apart) for w in misplaced(facilities)] == [
            (w.pk, w.with_others_apart) for w in expected
        ]
        counted = misplaced_counted(facilities)
        assert set(counted.values_list("pk", flat=True)) == {w.pk for w in expected}
        assert counted.count() == expected.count()
    assert any(w.with_others_apart for w in misplaced(both))
    assert any(not w.with_others_apart for w in misplaced(both))
