"""The demo's discipline records: every state, made through the services."""

import pytest

from discipline import demo
from discipline.models import Charge, ContactRestriction, Sanction, Segregation
from health.tests.factories import admitted_woman

pytestmark = pytest.mark.django_db


def test_the_demo_seeds_charges_in_every_state_segregations_and_a_restriction(cast, facility_a):
    women = [admitted_woman(cast, facility_a, prison_number=f"D{n}").prisoner for n in range(7)]
    demo.seed(facility=facility_a, staff=cast, women=women)
    assert set(Charge.objects.values_list("status", flat=True)) == {"laid", "proved", "dismissed"}
    assert Sanction.objects.filter(reviews__isnull=False).exists()
    in_progress = Segregation.objects.open().get()
    assert in_progress.visits.exists() and in_progress.sanction is not None
    assert Segregation.objects.filter(ended_at__isnull=False, visits__isnull=False).exists()
    assert ContactRestriction.objects.get().ends_on is not None
    confirmed = Segregation.objects.get(
        authority_requested_by=cast["custody"], ended_at__isnull=False
    )
    assert confirmed.authorised_by == cast["governor"]
    waiting = Segregation.objects.get(authority="pending")
    assert waiting.authority_requested_by == cast["custody"] and waiting.started_at is None
