import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import ALL_ROLES
from prisoners.services import set_protection_flags
from prisoners.tests.factories import PrisonerFactory
from tests.versions import VersionedAPIClient

pytestmark = pytest.mark.django_db
LIST = "/api/v1/prisoners/"


@pytest.fixture
def api(cast):
    def for_role(role):
        client = VersionedAPIClient()
        response = client.post(
            "/api/v1/auth/token/",
            {"username": cast[role].username, "password": "correct horse battery staple"},
            format="json",
        )
        assert response.status_code == 200, response.content
        client.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
        return client

    return for_role


def test_a_system_gets_a_token_and_finds_a_woman_by_name(api, woman_a, woman_b):
    body = api("reception").get(LIST, {"q": "srisuk"}).json()
    assert [w["prison_number"] for w in body["results"]] == ["A00001"]
    assert body["next"] is None and body["previous"] is None


def test_the_list_is_scoped_to_her_facilities(api, woman_a, woman_b):
    numbers = [w["prison_number"] for w in api("outsider").get(LIST).json()["results"]]
    assert numbers == ["B00001"]


def test_another_facilitys_woman_is_404(api, woman_b):
    assert api("custody").get(f"{LIST}{woman_b.uuid}/").status_code == 404


def test_the_detail_carries_her_flags_without_a_reason(api, woman_a):
    set_protection_flags(prisoner=woman_a, by=None, source="health", no_segregation=True)
    body = api("custody").get(f"{LIST}{woman_a.uuid}/").json()
    assert body["flags"]["no_segregation"] is True
    # Custody act on these wherever they see her; the restraint flags only where restraints
    # are recorded.
    assert set(body["flags"]) == {
        "no_segregation",
        "woman_clinician_requested",
        "observation_level",
        "child_in_prison",
    }
    assert set(api("health").get(f"{LIST}{woman_a.uuid}/").json()["flags"]) == {
        "no_segregation",
        "no_restraint_obstetric",
        "restraint_health_approval",
        "woman_clinician_requested",
        "observation_level",
        "child_in_prison",
    }


def test_the_sysadmin_is_refused_case_data(api, woman_a):
    client = api("sysadmin")
    assert client.get(LIST).status_code == 404
    assert client.get(f"{LIST}{woman_a.uuid}/").status_code == 404


def test_no_token_no_data(woman_a):
    assert VersionedAPIClient().get(LIST).status_code == 401


def test_a_wrong_password_gets_no_token(cast):
    response = VersionedAPIClient().post(
        "/api/v1/auth/token/", {"username": "reception", "password": "wrong"}, format="json"
    )
    assert response.status_code == 400
    assert "token" not in response.json()


def test_cursor_pages_walk_the_whole_list(api, facility_a):
    for i in range(7):
        PrisonerFactory(facility=facility_a, prison_number=f"A{i:03d}")
    client, seen, url = api("reception"), [], f"{LIST}?page_size=3"
    while url:
        body = client.get(url).json()
        seen += [w["prison_number"] for w in body["results"]]
        url = body["next"]
    assert sorted(seen) == [f"A{i:03d}" for i in range(7)]


def test_cursor_pages_of_a_search_walk_its_matches_in_order(api, facility_a):
    for i in range(7):
        PrisonerFactory(facility=facility_a, prison_number=f"A{i:03d}", family_name="Srisuk")
    PrisonerFactory(facility=facility_a, prison_number="B001", family_name="Garcia")
    client, seen, url = api("reception"), [], f"{LIST}?page_size=3&q=srisuk"
    while url:
        body = client.get(url).json()
        seen += [(w["family_name"], w["given_names"], w["prison_number"]) for w in body["results"]]
        url = body["next"]
    assert [number for *_, number in seen] != [] and seen == sorted(seen)
    assert sorted(number for *_, number in seen) == [f"A{i:03d}" for i in range(7)]


def test_a_bad_filter_value_is_a_400_naming_the_field(api):
    response = api("reception").get(LIST, {"legal_status": "nonsense"})
    assert response.status_code == 400
    assert "legal_status" in response.json()


@pytest.mark.parametrize("path", [LIST + "?page_size=100", LIST + "?q=srisuk", "detail"])
def test_the_api_runs_a_constant_number_of_queries(api, facility_a, woman_a, path):
    client = api("reception")
    url = f"{LIST}{woman_a.uuid}/" if path == "detail" else path

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    for _ in range(9):
        PrisonerFactory(facility=facility_a, family_name="Srisuk")
    ten = count()
    for _ in range(90):
        PrisonerFactory(facility=facility_a, family_name="Srisuk")
    assert count() == ten


@pytest.mark.parametrize("role", ALL_ROLES)
def test_the_lists_rows_are_what_the_fields_write(cast, facility_a, role):
    """The list writes its rows straight from the women (`PrisonerRows`): each row is what the
    serializer's fields write for her alone, key for key and in their order."""
    from datetime import date

    from rest_framework.test import APIRequestFactory

    from prisoners.filters import LIST_COLUMNS
    from prisoners.models import ObservationLevel, Prisoner
    from prisoners.serializers import PrisonerListSerializer
    from prisoners.tests.factories import UnitFactory

    unit = UnitFactory(facility=facility_a, code="MB")
    PrisonerFactory(facility=facility_a, unit=unit, date_of_birth=date(2010, 5, 1))
    flagged = PrisonerFactory(facility=facility_a, aliases=["Noy"])
    set_protection_flags(
        prisoner=flagged,
        by=None,
        source="t",
        no_segregation=True,
        no_restraint_obstetric=True,
        restraint_health_approval=True,
        child_in_prison=True,
        observation_level=ObservationLevel.CONSTANT,
    )
    request = APIRequestFactory().get(LIST)
    request.user = cast[role]
    women = list(Prisoner.objects.select_related("facility", "unit", "flags").order_by("pk"))
    read = Prisoner.objects.order_by("pk").values_list(*LIST_COLUMNS, named=True)
    rows = PrisonerListSerializer(list(read), many=True, context={"request": request}).data
    alone = [PrisonerListSerializer(w, context={"request": request}).data for w in women]
    assert [list(row.items()) for row in rows] == [list(row.items()) for row in alone]
    assert len(rows) >= 2


def test_the_lists_sql_written_once_reads_each_caller_her_own_women(api, facility_a, facility_b):
    """The API's list reads its rows by the page's SQL, written once a connection for its
    shape (`PrisonerFilter.shape`): callers of two facilities, in turn, each walk her own
    women only, with and without a unit chosen."""
    from django.db import connections

    from bangkok.prepared import _SHAPES
    from prisoners.models import Prisoner
    from prisoners.tests.factories import UnitFactory

    units = {f: UnitFactory(facility=f) for f in (facility_a, facility_b)}
    for i in range(5):
        for facility, letter in ((facility_a, "A"), (facility_b, "B")):
            PrisonerFactory(
                facility=facility,
                prison_number=f"{letter}{i}",
                unit=None if i % 2 else units[facility],
            )
    connections["default"].__dict__.pop(_SHAPES, None)  # what other tests wrote

    def walked(client, **filters) -> list[str]:
        seen, url = [], LIST + "?page_size=2&" + "&".join(f"{k}={v}" for k, v in filters.items())
        while url:
            body = client.get(url).json()
            seen += [woman["prison_number"] for woman in body["results"]]
            url = body["next"]
        return seen

    def expected(**filters) -> list[str]:
        women = Prisoner.objects.filter(**filters).order_by("family_name", "given_names", "id")
        return list(women.values_list("prison_number", flat=True))

    callers = ((api("reception"), facility_a), (api("outsider"), facility_b))
    for _ in range(2):
        for client, facility in callers:
            assert walked(client) == expected(facility=facility)
            assert walked(client, unit=units[facility].uuid) == expected(unit=units[facility])
    written = [key for key in connections["default"].__dict__[_SHAPES] if key[0][0] == "women list"]
    assert len(written) == 2 * 2  # first pages and pages after, with and without a unit
