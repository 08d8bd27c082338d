import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from admissions.models import Allocation
from admissions.services import admit_woman, allocate
from admissions.tests.factories import commitment, identity
from conftest import client_for
from reminders.models import Reminder
from tests import refusals
from tests.her_page import open_her_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def admission(cast, facility_a, facility_b):
    # Home in Chiang Mai: facility B (Chiang Mai) is nearest, A (Bangkok) about 590 km away.
    return admit_woman(
        by=cast["reception"],
        facility=facility_a,
        commitment=commitment(),
        identity=identity(
            nationalities=["TH"],
            home_place="Chiang Mai",
            home_latitude="18.78830",
            home_longitude="98.98530",
        ),
    )


@pytest.mark.rule("4")
def test_placing_her_in_the_nearest_facility_needs_no_reason(cast, admission, facility_b):
    allocation = allocate(by=cast["social"], admission=admission, facility=facility_b)
    assert allocation.nearest == facility_b and allocation.distance_km == 0
    assert not allocation.departs_from_nearest


@pytest.mark.rule("4")
def test_placing_her_far_from_home_without_a_reason_is_refused(cast, admission, facility_a):
    with refusals.refused("4", Allocation, Reminder) as refusal:
        allocate(by=cast["social"], admission=admission, facility=facility_a)
    assert refusal.value.field == "reason"
    allocation = allocate(
        by=cast["social"],
        admission=admission,
        facility=facility_a,
        reason="Her trial is in Bangkok; review after sentence.",
    )
    assert allocation.departs_from_nearest and 550 < allocation.distance_km < 650


@pytest.mark.rule("4")
def test_placing_her_against_her_preference_needs_a_reason(cast, admission, facility_a, facility_b):
    with refusals.refused("4", Allocation, Reminder):
        allocate(
            by=cast["governor"], admission=admission, facility=facility_b, preference=facility_a
        )


@pytest.mark.parametrize("role", ["custody", "health", "safeguarding", "inspector"])
def test_other_roles_cannot_decide(cast, admission, facility_b, role):
    with pytest.raises(PermissionDenied):
        allocate(by=cast[role], admission=admission, facility=facility_b)


@pytest.mark.rule("4")
def test_her_page_shows_the_decision_and_its_reason_to_those_who_read_it(
    cast, admission, facility_a
):
    allocate(
        by=cast["social"],
        admission=admission,
        facility=facility_a,
        reason="Her trial is in Bangkok.",
    )
    woman = admission.prisoner
    assert (
        "Her trial is in Bangkok."
        in open_her_page(client_for(cast["inspector"]), woman).content.decode()
    )
    assert (
        "Her trial is in Bangkok."
        not in open_her_page(client_for(cast["custody"]), woman).content.decode()
    )


@pytest.mark.rule("4")
def test_the_form_shows_the_refusal_beside_the_reason(cast, admission, facility_a):
    response = client_for(cast["social"]).post(
        reverse("admissions:allocate", args=[admission.uuid]), {"facility": facility_a.pk}
    )
    assert response.status_code == 400
    assert "Bangkok Rule 4" in str(response.context["allocation_form"].errors["reason"])


def _from_home(cast, facility, number, latitude, longitude):
    return admit_woman(
        by=cast["reception"] if facility.code == "A" else cast["outsider"],
        facility=facility,
        commitment=commitment(),
        identity=identity(prison_number=number, home_latitude=latitude, home_longitude=longitude),
    )


@pytest.mark.rule("4")
def test_the_distance_from_home_of_the_allocations_and_how_many_went_to_the_nearest(
    cast, facility_a, facility_b, settings
):
    """Indicator 39: the allocations decided in the period, each facility's median distance
    from home and the national one (not an average of medians), and the share allocated to
    the facility nearest her home; in one query each, whatever the facilities."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from facilities.models import Facility
    from oversight import registry
    from staff.tests.factories import make_staff

    chiang_mai, bangkok = ("18.78830", "98.98530"), ("13.75630", "100.50180")
    governor_b = make_staff("governor", facility_b, username="governor_b")
    for number in ("B-1", "B-2"):
        admission = _from_home(cast, facility_b, number, *chiang_mai)
        allocate(by=governor_b, admission=admission, facility=facility_b)
    far = _from_home(cast, facility_a, "A-1", *chiang_mai)
    allocate(by=cast["social"], admission=far, facility=facility_a, reason="Her trial is here.")
    near = _from_home(cast, facility_a, "A-2", *bangkok)
    allocate(by=cast["social"], admission=near, facility=facility_a)
    _from_home(cast, facility_a, "A-3", None, None)  # no home recorded: no distance
    today = timezone.localdate()
    both = Facility.objects.filter(pk__in=[facility_a.pk, facility_b.pk])
    distance = registry._INDICATORS["distance-from-home"]
    with CaptureQueriesContext(connection) as queries:
        found = distance.counts(both, registry.months(today))
    assert len(queries) == 1
    this_month = len(registry.months(today)) - 1
    (km,) = set(found[(this_month, facility_a.pk)]) - {0}
    assert 550 < km < 650
    assert found[(this_month, facility_b.pk)] == {0: 2}
    settings.SMALL_CELL = 2
    national = make_staff("inspector", facility_a, facility_b, username="national")
    places, rows = registry.by_facility(national, both, today, today)
    side = {row["key"]: row for row in rows}
    a, b = side["distance-from-home"]["facilities"]
    assert (a["median"], a["denominator"]) == (round(km / 2, 1), 2)
    assert (b["median"], b["denominator"]) == (0, 2)
    assert side["distance-from-home"]["total"]["median"] == 0
    nearest = side["allocated-nearest-home"]["total"]
    assert (nearest["numerator"], nearest["denominator"]) == (3, 4)
