import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from admissions.models import FamilyMember
from admissions.services import admit_woman, record_family_member
from admissions.tests.factories import commitment, identity
from conftest import client_for
from tests.her_page import open_her_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def admission(cast, facility_a):
    return admit_woman(
        by=cast["reception"], facility=facility_a, commitment=commitment(), identity=identity()
    )


@pytest.mark.rule("M7")
def test_reception_records_her_next_of_kin_through_the_admission_page(cast, admission):
    response = client_for(cast["reception"]).post(
        reverse("admissions:add-family", args=[admission.uuid]),
        {
            "name": "Khin Win",
            "relationship": "Sister",
            "contact": "+95 9 555 0101",
            "next_of_kin": "on",
            "emergency_contact": "on",
        },
    )
    assert response.status_code == 302
    member = FamilyMember.objects.get()
    assert (member.prisoner, member.next_of_kin, member.emergency_contact) == (
        admission.prisoner,
        True,
        True,
    )


def test_a_family_member_without_a_name_is_refused_naming_the_field(cast, admission):
    response = client_for(cast["reception"]).post(
        reverse("admissions:add-family", args=[admission.uuid]), {"relationship": "Sister"}
    )
    assert response.status_code == 400
    assert "name" in response.context["family_form"].errors
    assert not FamilyMember.objects.exists()


@pytest.mark.parametrize("role", ["custody", "health", "governor", "inspector"])
def test_only_reception_and_social_workers_record_family(cast, admission, role):
    with pytest.raises(PermissionDenied):
        record_family_member(
            by=cast[role], prisoner=admission.prisoner, name="X", relationship="Sister"
        )


def test_her_family_is_shown_to_case_workers_and_the_inspector_not_to_custody(cast, admission):
    record_family_member(
        by=cast["reception"],
        prisoner=admission.prisoner,
        name="Khin Win",
        relationship="Sister",
        next_of_kin=True,
    )
    woman = admission.prisoner
    for role in ("reception", "social", "governor", "inspector"):
        assert "Khin Win" in open_her_page(client_for(cast[role]), woman).content.decode(), role
    for role in ("custody", "health", "safeguarding"):
        assert "Khin Win" not in open_her_page(client_for(cast[role]), woman).content.decode(), role
