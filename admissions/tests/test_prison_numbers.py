"""A new woman's prison number is given by the admission, the next in the facility's series,
so admitting her never tells the officer whether a number is on record in another facility
(QUALITY S15)."""

import pytest
from django.urls import reverse

from admissions.models import Admission
from admissions.services import admit_woman
from admissions.tests.factories import commitment, identity
from admissions.tests.test_admission_pages import form_data
from admissions.tests.test_api import body
from conftest import client_for
from prisoners.models import Prisoner
from prisoners.tests.factories import PrisonerFactory
from tests.versions import VersionedAPIClient

NEW = reverse("admissions:new")
LIST = "/api/v1/admissions/"


def admitted(cast, facility, **fields):
    fields = {key: value for key, value in identity(**fields).items() if key != "prison_number"}
    return admit_woman(
        by=cast["reception" if facility.code == "A" else "outsider"],
        facility=facility,
        commitment=commitment(),
        identity=fields,
    )


@pytest.mark.rule("M7")
def test_each_facility_numbers_its_admissions_in_its_own_series(cast, facility_a, facility_b):
    first, second = admitted(cast, facility_a), admitted(cast, facility_a, family_name="Aye")
    elsewhere = admitted(cast, facility_b)
    assert first.prisoner.prison_number == "A-00001"
    assert second.prisoner.prison_number == "A-00002"
    assert elsewhere.prisoner.prison_number == "B-00001"


def test_a_number_kept_by_a_woman_who_moved_on_is_never_given_again(cast, facility_a, facility_b):
    # Admitted here once, transferred since: her number stays hers.
    PrisonerFactory(facility=facility_b, prison_number="A-00041")
    assert admitted(cast, facility_a).prisoner.prison_number == "A-00042"


def test_numbers_of_other_forms_and_longer_codes_are_not_counted(cast, facility_a, woman_a):
    from prisoners.tests.factories import FacilityFactory

    FacilityFactory(code="A-1", name="Annex")
    PrisonerFactory(facility=facility_a, prison_number="A-1-00900")
    PrisonerFactory(facility=facility_a, prison_number="A-X7")
    assert admitted(cast, facility_a).prisoner.prison_number == "A-00001"


def answer_to_page(cast, number):
    response = client_for(cast["reception"]).post(NEW, form_data(prison_number=number))
    admission = Admission.objects.order_by("-admitted_at", "-id").first()
    return response, admission


def test_the_admission_form_gives_the_same_answer_for_a_number_on_record_elsewhere(
    cast, facility_a, woman_b
):
    on_record, first = answer_to_page(cast, woman_b.prison_number)
    unknown, second = answer_to_page(cast, "B99999")
    assert on_record.status_code == unknown.status_code == 302
    rights = "admissions:step"
    assert on_record["Location"] == reverse(rights, args=[first.uuid, "rights"]) + "#step-rights"
    assert unknown["Location"] == reverse(rights, args=[second.uuid, "rights"]) + "#step-rights"
    assert [first.prisoner.prison_number, second.prisoner.prison_number] == ["A-00001", "A-00002"]
    assert Prisoner.objects.filter(prison_number=woman_b.prison_number).get() == woman_b


def test_the_admission_form_asks_no_prison_number(cast, facility_a):
    page = client_for(cast["reception"]).get(NEW, {"new": "1"}).content.decode()
    form = page[page.index('name="new"') :]
    assert 'name="prison_number"' not in form
    assert "next in this facility" in form


def answer_to_api(cast, number):
    client = VersionedAPIClient()
    client.force_authenticate(cast["reception"])
    data = body()
    data["identity"] = {**data["identity"], "prison_number": number}
    return client.post(LIST, data, format="json")


def test_the_api_gives_the_same_answer_for_a_number_on_record_elsewhere(cast, facility_a, woman_b):
    on_record, unknown = answer_to_api(cast, woman_b.prison_number), answer_to_api(cast, "B99999")
    assert on_record.status_code == unknown.status_code == 201
    assert set(on_record.json()) == set(unknown.json())
    numbers = [on_record.json()["woman"]["prison_number"], unknown.json()["woman"]["prison_number"]]
    assert numbers == ["A-00001", "A-00002"]
    assert woman_b.prison_number not in on_record.content.decode()


def test_the_api_documents_no_prison_number_to_send(cast):
    client = VersionedAPIClient()
    client.force_authenticate(cast["reception"])
    schema = client.get("/api/schema/?format=json").json()
    identity_fields = schema["components"]["schemas"]["IdentityRequest"]["properties"]
    assert "prison_number" not in identity_fields
    assert "given_names" in identity_fields
