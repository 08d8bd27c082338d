"""The demo's visits records are made through the services, in varied states; the booking of
a person she refused is tried, refused, and leaves nothing behind."""

import pytest

from health.tests.factories import admitted_woman

from ..demo import seed
from ..models import Contact, Visit, Visitor

pytestmark = pytest.mark.django_db


def test_the_demo_seeds_varied_visitor_lists_visits_and_contact(cast, facility_a):
    women = [
        admitted_woman(cast, facility_a, prison_number=f"A-VIS-{n}").prisoner for n in range(2)
    ]
    seed(facility=facility_a, staff=cast, women=women)
    statuses = set(Visitor.objects.values_list("status", flat=True))
    assert statuses == {"approved", "refused", "withdrawn", "proposed"}
    assert Visitor.objects.exclude(court_order_reference="").exists()
    refused = Visitor.objects.get(status="refused")
    assert not refused.visits.exists()
    assert set(Visit.objects.values_list("status", flat=True)) == {"held", "booked"}
    assert Visit.objects.filter(involves_child=True, open_contact=True).exists()
    assert set(Contact.objects.values_list("kind", flat=True)) == {"video_call", "travel_support"}
