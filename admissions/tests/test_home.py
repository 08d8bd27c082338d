"""Her home (Rule 4): chosen from the gazetteer or a place her facility added, recorded by
those who decide allocations, and what every allocation then measures from."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from admissions import gazetteer
from admissions.models import Allocation, Place
from admissions.reading import PLACES_SHOWN, find_places
from admissions.services import add_place, admit_woman, allocate, record_home
from admissions.tests.factories import commitment, identity
from audit.models import AuditEvent
from conftest import client_for
from prisoners.models import Prisoner
from tests import refusals
from tests.concurrency import race
from tests.versions import VersionedAPIClient

pytestmark = pytest.mark.django_db
MAE_SOT = "geonames:1152188"  # Tak province, on the border with Myanmar


@pytest.fixture
def admission(cast, facility_a):
    return admit_woman(
        by=cast["reception"],
        facility=facility_a,
        commitment=commitment(),
        identity=identity(nationalities=["MM"], languages=["my"]),
    )


@pytest.fixture
def woman(admission):
    return admission.prisoner


def test_the_gazetteer_finds_a_town_by_any_of_its_names_with_its_country():
    by_latin = gazetteer.search("mae so")
    by_thai = gazetteer.search("แม่สอด")
    assert by_latin[0].key == MAE_SOT and by_latin[0].country == "TH"
    assert [town.key for town in by_thai] == [MAE_SOT]
    assert gazetteer.search("rangoon")[0].name == "Yangon"
    assert gazetteer.search("m") == []  # one letter finds nothing: type more
    assert len(gazetteer.search("ma", limit=7)) == 7


@pytest.mark.rule("4")
def test_recording_her_home_sets_the_place_its_country_and_coordinates_and_audits_it(cast, woman):
    record_home(by=cast["reception"], prisoner=woman, place=MAE_SOT)
    woman.refresh_from_db()
    assert (woman.home_place, woman.home_country) == ("Mae Sot", "TH")
    assert (woman.home_latitude, woman.home_longitude) == (Decimal("16.71667"), Decimal("98.56667"))
    event = AuditEvent.objects.get(action="prisoner.home_recorded")
    assert event.actor == cast["reception"]
    assert event.detail["rule"] == "4" and event.detail["place"] == MAE_SOT


@pytest.mark.rule("4")
def test_after_her_home_is_recorded_the_allocation_measures_from_it_and_rule_4_applies(
    cast, admission, woman, facility_a, facility_b
):
    record_home(by=cast["social"], prisoner=woman, place=MAE_SOT)
    admission.prisoner.refresh_from_db()
    # Mae Sot is nearer Chiang Mai (B) than Bangkok (A): A without a reason is refused.
    with refusals.refused("4", Allocation):
        allocate(by=cast["social"], admission=admission, facility=facility_a)
    allocation = allocate(by=cast["social"], admission=admission, facility=facility_b)
    assert allocation.nearest == facility_b and 150 < allocation.distance_km < 300


def test_a_place_that_is_not_in_the_gazetteer_nor_her_facilitys_is_refused(cast, woman):
    for key in ("geonames:0", "place:not-a-uuid", "Mae Sot", ""):
        with refusals.nothing_written(Prisoner), pytest.raises(ValidationError) as error:
            record_home(by=cast["reception"], prisoner=woman, place=key)
        assert "place" in error.value.message_dict
    woman.refresh_from_db()
    assert woman.home_latitude is None


@pytest.mark.parametrize("role", ["custody", "health", "safeguarding", "inspector"])
def test_roles_that_do_not_decide_allocations_cannot_record_her_home(cast, woman, role):
    with refusals.nothing_written(), pytest.raises(PermissionDenied):
        record_home(by=cast[role], prisoner=woman, place=MAE_SOT)


def test_another_facilitys_staff_cannot_record_her_home(cast, woman):
    from django.http import Http404

    with pytest.raises(Http404):
        record_home(by=cast["outsider"], prisoner=woman, place=MAE_SOT)


def test_a_place_the_facility_adds_is_found_by_its_staff_only_and_can_be_her_home(
    cast, woman, facility_a, facility_b
):
    place = add_place(
        by=cast["reception"],
        facility=facility_a,
        name="  Ban  Huai Nam Khun ",
        country="th",
        latitude=Decimal("20.13000"),
        longitude=Decimal("99.66000"),
    )
    assert (place.name, place.country) == ("Ban Huai Nam Khun", "TH")
    assert AuditEvent.objects.filter(action="place.added").count() == 1
    found = find_places(cast["reception"], "ban huai")
    assert found[0].key == f"place:{place.uuid}" and found[0].added
    assert not any(p.added for p in find_places(cast["outsider"], "ban huai"))
    record_home(by=cast["reception"], prisoner=woman, place=found[0].key)
    woman.refresh_from_db()
    assert woman.home_place == "Ban Huai Nam Khun"


def test_a_place_is_added_once_per_country_with_a_known_country_and_coordinates(cast, facility_a):
    fields = {"facility": facility_a, "latitude": Decimal("1"), "longitude": Decimal("2")}
    add_place(by=cast["social"], name="Ban Mai", country="TH", **fields)
    for name, country, field in (("ban mai", "TH", "name"), ("Ban Mai", "QQ", "country")):
        with refusals.nothing_written(Place), pytest.raises(ValidationError) as error:
            add_place(by=cast["social"], name=name, country=country, **fields)
        assert field in error.value.message_dict
    with refusals.nothing_written(Place), pytest.raises(ValidationError) as error:
        add_place(
            by=cast["social"], name="Far", country="TH", **{**fields, "latitude": Decimal("91")}
        )
    assert "latitude" in error.value.message_dict
    # The same name in another country is another place.
    add_place(by=cast["social"], name="Ban Mai", country="LA", **fields)


def test_two_adding_the_same_place_at_once_keep_one_and_the_other_is_told_why(
    cast, facility_a, monkeypatch
):
    """The other request's place is saved between this one's check and its save: the
    database keeps one, and this one is refused at the name, not with a server error."""
    fields = {"facility": facility_a, "latitude": Decimal("1"), "longitude": Decimal("2")}
    checked = Place.full_clean

    def meanwhile(place, *args, **kwargs):
        checked(place, *args, **kwargs)
        Place.objects.create(name="BAN MAI", country="TH", added_by=cast["governor"], **fields)

    monkeypatch.setattr(Place, "full_clean", meanwhile)
    with pytest.raises(ValidationError) as error:
        add_place(by=cast["social"], name="Ban Mai", country="TH", **fields)
    assert "name" in error.value.message_dict
    # (Here the other request's row shares this test's transaction, so it is rolled back too.)
    assert not Place.objects.filter(added_by=cast["social"]).exists()


def test_the_search_shows_at_most_a_page_of_places_and_nothing_for_one_letter(cast):
    assert len(find_places(cast["reception"], "sa")) == PLACES_SHOWN
    assert find_places(cast["reception"], " s ") == []


# Pages -------------------------------------------------------------------------------------


def test_her_home_page_finds_places_by_name_showing_their_country(cast, woman):
    client = client_for(cast["social"])
    url = reverse("admissions:home", args=[woman.uuid])
    page = client.get(url, {"place_q": "mae so"})
    html = page.content.decode()
    assert page.status_code == 200
    assert f'value="{MAE_SOT}"' in html and "Mae Sot, Thailand" in html
    assert "Her home is not recorded" not in html and "Not recorded" in html
    with CaptureQueriesContext(connection) as few:
        client.get(url, {"place_q": "mae so"})
    with CaptureQueriesContext(connection) as many:
        client.get(url, {"place_q": "sa"})
    assert len(many) == len(few)


@pytest.mark.rule("4")
def test_recording_her_home_on_the_page_says_so_and_returns_where_she_was(cast, woman, admission):
    client = client_for(cast["reception"])
    step = reverse("admissions:step", args=[admission.uuid, "home"])
    response = client.post(
        reverse("admissions:record-home", args=[woman.uuid]),
        {"place": MAE_SOT, "next": f"{step}#step-home"},
    )
    assert response.status_code == 302 and response["Location"] == f"{step}#step-home"
    page = client.get(step)
    html = page.content.decode()
    assert "Her home is recorded: Mae Sot, Thailand" in html
    assert "Mae Sot, Thailand" in html and 'data-testid="distances"' in html
    event = AuditEvent.objects.get(action="prisoner.home_recorded")
    assert event.actor == cast["reception"] and event.subject_id == str(woman.uuid)
    assert event.detail["rule"] == "4" and event.detail["place"] == MAE_SOT


def test_a_bad_choice_is_shown_beside_the_picker_on_the_step_and_nothing_is_written(
    cast, woman, admission
):
    step = reverse("admissions:step", args=[admission.uuid, "home"])
    with refusals.nothing_written(Prisoner):
        response = client_for(cast["reception"]).post(
            reverse("admissions:record-home", args=[woman.uuid]),
            {"place": "geonames:0", "next": step},
        )
    assert response.status_code == 400
    assert "Choose her home from the places found." in response.content.decode()
    assert response.context["step"] == "home"


def test_adding_a_place_on_the_page_records_it_as_her_home(cast, woman):
    client = client_for(cast["reception"])
    data = {"name": "Ban Nong Bua", "country": "TH", "latitude": "17.1", "longitude": "98.4"}
    response = client.post(reverse("admissions:add-place", args=[woman.uuid]), data)
    assert response.status_code == 302
    assert response["Location"] == reverse("admissions:home", args=[woman.uuid])
    woman.refresh_from_db()
    assert (woman.home_place, woman.home_latitude) == ("Ban Nong Bua", Decimal("17.10000"))


def test_a_place_without_coordinates_is_refused_naming_the_fields_and_nothing_is_written(
    cast, woman
):
    with refusals.nothing_written(Place, Prisoner):
        response = client_for(cast["reception"]).post(
            reverse("admissions:add-place", args=[woman.uuid]),
            {"name": "Ban Nong Bua", "country": "TH", "latitude": "", "longitude": "200"},
        )
    assert response.status_code == 400
    errors = response.context["place_form"].errors
    assert set(errors) == {"latitude", "longitude"}


# API ---------------------------------------------------------------------------------------


def api_for(user):
    client = VersionedAPIClient()
    client.force_authenticate(user)
    return client


@pytest.mark.rule("4")
def test_the_api_records_her_home_and_answers_with_it(cast, woman):
    url = f"/api/v1/prisoners/{woman.uuid}/home/"
    response = api_for(cast["governor"]).post(url, {"place": MAE_SOT}, format="json")
    assert response.status_code == 200
    assert response.json()["home_place"] == "Mae Sot"
    assert response.json()["home_country"] == "TH"
    bad = api_for(cast["governor"]).post(url, {"place": "geonames:0"}, format="json")
    assert bad.status_code == 400 and "place" in bad.json()
    refused = api_for(cast["custody"]).post(url, {"place": MAE_SOT}, format="json")
    assert refused.status_code == 404


# Versions: a change of her home names the version of her record it was based on ----------


def moved_meanwhile(woman):
    """Someone else changes her record after she was read (version 1 -> 2)."""
    Prisoner.objects.filter(pk=woman.pk).update(home_place="Tak", home_country="TH")


def test_her_home_forms_carry_the_version_of_her_record(cast, woman):
    html = (
        client_for(cast["social"])
        .get(reverse("admissions:home", args=[woman.uuid]), {"place_q": "mae so"})
        .content.decode()
    )
    # The picker's form and the form adding a place each carry it.
    assert html.count(f'name="version" value="{woman.version}"') == 2


@pytest.mark.parametrize(
    "name,data",
    [
        ("admissions:record-home", {"place": MAE_SOT}),
        (
            "admissions:add-place",
            {"name": "Ban Nong Bua", "country": "TH", "latitude": "17.1", "longitude": "98.4"},
        ),
    ],
)
def test_a_stale_home_form_says_her_record_changed_since_and_writes_nothing(
    cast, woman, name, data
):
    opened = Prisoner.objects.get(pk=woman.pk).version
    moved_meanwhile(woman)
    client = client_for(cast["social"])
    with refusals.nothing_written(Place):
        response = client.post(reverse(name, args=[woman.uuid]), {**data, "version": opened})
    assert response.status_code == 400
    html = response.content.decode()
    assert "This record was changed since you opened it" in html
    assert "Tak" in html  # she sees her record as it is now
    now = Prisoner.objects.get(pk=woman.pk)
    assert now.home_place == "Tak" and now.version == opened + 1
    assert not AuditEvent.objects.filter(action="prisoner.home_recorded").exists()
    # Sent again from what she now sees, it is written.
    again = client.post(reverse(name, args=[woman.uuid]), {**data, "version": now.version})
    assert again.status_code == 302
    assert Prisoner.objects.get(pk=woman.pk).home_place != "Tak"


def test_the_api_reads_her_version_and_a_home_without_it_or_stale_is_refused(cast, woman):
    client = api_for(cast["governor"])
    read = client.get(f"/api/v1/prisoners/{woman.uuid}/")
    assert read.status_code == 200 and read["ETag"] == f'"{woman.version}"'
    assert read.json()["version"] == woman.version
    url = f"/api/v1/prisoners/{woman.uuid}/home/"
    with refusals.nothing_written(Place):
        missing = client.post(url, {"place": MAE_SOT}, format="json", HTTP_IF_MATCH=None)
    assert missing.status_code == 428 and missing["ETag"] == read["ETag"]
    assert Prisoner.objects.get(pk=woman.pk).home_place == ""
    moved_meanwhile(woman)
    with refusals.nothing_written(Place):
        stale = client.post(url, {"place": MAE_SOT}, format="json", HTTP_IF_MATCH=read["ETag"])
    assert stale.status_code == 412 and stale["ETag"] == f'"{woman.version + 1}"'
    assert Prisoner.objects.get(pk=woman.pk).home_place == "Tak"
    done = client.post(url, {"place": MAE_SOT}, format="json", HTTP_IF_MATCH=stale["ETag"])
    assert done.status_code == 200 and done["ETag"] == f'"{woman.version + 2}"'
    assert Prisoner.objects.get(pk=woman.pk).home_place == "Mae Sot"


@pytest.mark.django_db(transaction=True)
def test_two_homes_recorded_at_once_from_one_version_never_lose_one(cast, woman):
    """Two officers open her record and record a different home at the same moment: one is
    written, the other is told her record changed since, and nothing is lost unseen."""
    opened = f'"{woman.version}"'
    places = {"Mae Sot": MAE_SOT, "Yangon": gazetteer.search("yangon")[0].key}
    clients = {name: api_for(cast["social"]) for name in places}
    answers: dict[str, int] = {}

    def record(name):
        response = clients[name].post(
            f"/api/v1/prisoners/{woman.uuid}/home/",
            {"place": places[name]},
            format="json",
            HTTP_IF_MATCH=opened,
        )
        answers[name] = response.status_code

    race({name: (lambda name=name: record(name)) for name in places})

    assert sorted(answers.values()) == [200, 412], answers
    [written] = [name for name, status in answers.items() if status == 200]
    now = Prisoner.objects.get(pk=woman.pk)
    assert now.home_place == written and now.version == woman.version + 1
    assert AuditEvent.objects.filter(action="prisoner.home_recorded").count() == 1
