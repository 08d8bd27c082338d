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
