"""Oversight's count of the women living where the Rules forbid, asked by units (a unit holding
women in custody of more than one legal group), counts exactly the women that the question
asked woman by woman finds (another woman on her unit in custody of another legal group): the
cases shown, on varied units, statuses, ages and facilities."""

import random
from datetime import date, timedelta

import pytest
from django.utils import timezone

from facilities.models import Facility
from prisoners.models import (
    CustodyStatus,
    LegalStatus,
    Prisoner,
    ProtectionFlags,
    Unit,
)
from prisoners.oversight import misplaced, misplaced_counted

from .factories import PrisonerFactory, UnitFactory

pytestmark = pytest.mark.django_db


@pytest.mark.rule("M11")
@pytest.mark.rule("49")
def test_the_women_living_where_the_rules_forbid_are_counted_as_they_are_shown(
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
        expected = misplaced(facilities)
        counted = misplaced_counted(facilities)
        assert set(counted.values_list("pk", flat=True)) == {w.pk for w in expected}
        assert counted.count() == expected.count()
    assert any(w.with_others_apart for w in misplaced(both))
    assert any(not w.with_others_apart for w in misplaced(both))
