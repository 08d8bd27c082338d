"""The discipline API (Rules 22, 23; Mandela 39.3, 43-46): her record read by role, writes
through the services, refusals a 409 naming the rule with nothing written."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from discipline.models import (
    Charge,
    ContactRestriction,
    Hearing,
    Sanction,
    Segregation,
    SegregationExtension,
)
from discipline.services.charges import impose_sanction
from discipline.services.contact import restrict_contact
from discipline.services.segregation import end_segregation, record_segregation_visit
from prisoners.services import set_protection_flags
from prisoners.tests.factories import PrisonerFactory
from register.services import record_child
from register.tests.factories import child_fields
from reminders.models import Reminder
from tests import refusals
from tests.versions import VersionedAPIClient

from .factories import family_member, in_days, proved_charge, segregated

pytestmark = pytest.mark.django_db
API = "/api/v1"


def api(user):
    client = VersionedAPIClient()
    client.force_authenticate(user)
    return client


def post(user, path, body=None):
    return api(user).post(f"{API}{path}", body or {}, format="json")


def segregation_body(**overrides):
    return {
        "kind": "separation",
        "reason": "Fighting in the yard",
        "planned_end": in_days(3).isoformat(),
        **overrides,
    }


@pytest.mark.rule("22")
@pytest.mark.parametrize("role", ["custody", "governor"])
def test_segregating_a_protected_woman_is_a_409_naming_rule_22_and_writes_nothing(
    cast, woman_a, role
):
    set_protection_flags(prisoner=woman_a, by=None, source="health", no_segregation=True)
    with refusals.nothing_written(Segregation, Reminder):
        response = post(
            cast[role],
            f"/prisoners/{woman_a.uuid}/segregations/",
            segregation_body(sought_from="governor"),
        )
    assert response.status_code == 409
    assert response.json()["rule"] == "22"
    assert "Rule 22" in response.json()["detail"]
    assert "pregnan" not in response.json()["detail"].lower()


@pytest.mark.rule("M45")
def test_segregating_a_girl_is_a_409_naming_mandela_45(cast, facility_a):
    girl = PrisonerFactory(facility=facility_a, date_of_birth=date.today() - timedelta(days=6000))
    with refusals.nothing_written(Segregation, Reminder):
        response = post(
            cast["governor"], f"/prisoners/{girl.uuid}/segregations/", segregation_body()
        )
    assert response.status_code == 409 and response.json()["rule"] == "M45"


@pytest.mark.rule("M43")
def test_a_planned_end_beyond_15_days_is_a_409(cast, woman_a):
    body = segregation_body(planned_end=in_days(15).isoformat())
    with refusals.nothing_written(Segregation, Reminder):
        response = post(cast["governor"], f"/prisoners/{woman_a.uuid}/segregations/", body)
    assert response.status_code == 409 and response.json()["rule"] == "M43"


def test_a_custody_officer_asks_and_the_governor_confirms_through_the_api(cast, woman_a):
    body = segregation_body(sought_from="governor")
    response = post(cast["custody"], f"/prisoners/{woman_a.uuid}/segregations/", body)
    assert response.status_code == 201, response.json()
    assert response.json()["authority"] == "pending"
    assert response.json()["authorised_by"] is None and response.json()["day"] is None
    uuid = response.json()["uuid"]
    assert post(cast["custody"], f"/segregations/{uuid}/confirm/", {}).status_code == 404
    confirmed = post(cast["governor"], f"/segregations/{uuid}/confirm/", {})
    assert confirmed.status_code == 200
    assert confirmed.json()["authorised_by"] == "governor" and confirmed.json()["day"] == 1


@pytest.mark.rule("M43")
def test_an_extension_beyond_day_15_is_a_409(cast, woman_a):
    segregation = segregated(cast, woman_a)
    with refusals.nothing_written(SegregationExtension, Reminder):
        response = post(
            cast["governor"],
            f"/segregations/{segregation.uuid}/extend/",
            {"planned_end": in_days(15).isoformat()},
        )
    assert response.status_code == 409 and response.json()["rule"] == "M43"
    segregation.refresh_from_db()
    assert segregation.planned_end == in_days(4)


def test_health_records_the_visit_and_the_governor_ends_it(cast, woman_a):
    segregation = segregated(cast, woman_a)
    visit = post(
        cast["health"], f"/segregations/{segregation.uuid}/visits/", {"fit_to_remain": True}
    )
    assert visit.status_code == 201
    ended = post(cast["governor"], f"/segregations/{segregation.uuid}/end/", {"reason": "Calm"})
    assert ended.status_code == 200 and ended.json()["ended_at"]


@pytest.mark.rule("23")
@pytest.mark.parametrize(
    "body",
    [
        {"type": "prohibition_of_family_contact"},
        {"type": "loss_of_privileges", "privilege": "family_visits"},
    ],
)
def test_a_sanction_on_family_contact_is_a_409_naming_rule_23(cast, woman_a, body):
    charge = proved_charge(cast, woman_a)
    body = {"ends_on": in_days(3).isoformat(), **body}
    with refusals.nothing_written(Sanction, Reminder):
        response = post(cast["governor"], f"/charges/{charge.uuid}/sanctions/", body)
    assert response.status_code == 409 and response.json()["rule"] == "23"


@pytest.mark.rule("22")
def test_confinement_of_a_protected_woman_is_a_409_and_writes_nothing(cast, woman_a):
    charge = proved_charge(cast, woman_a)
    set_protection_flags(prisoner=woman_a, by=None, source="register", no_segregation=True)
    body = {"type": "close_confinement", "ends_on": in_days(2).isoformat()}
    with refusals.nothing_written(Sanction, Segregation, Reminder):
        response = post(cast["governor"], f"/charges/{charge.uuid}/sanctions/", body)
    assert response.status_code == 409 and response.json()["rule"] == "22"


@pytest.mark.rule("M39")
def test_a_decision_without_her_mental_health_considered_is_a_409(cast, woman_a):
    charge = post(
        cast["custody"],
        f"/prisoners/{woman_a.uuid}/charges/",
        {"offence": "Shouting", "language": "Thai"},
    )
    assert charge.status_code == 201
    uuid = charge.json()["uuid"]
    body = {"proved": True, "reasons": "Seen", "evidence": "Officer", "time_to_prepare": True}
    with refusals.nothing_written(Hearing, Reminder):
        refused = post(cast["governor"], f"/charges/{uuid}/decision/", body)
    assert refused.status_code == 409 and refused.json()["rule"] == "M39"
    body.update(mental_health="none_known", informed_promptly=True)
    assert post(cast["governor"], f"/charges/{uuid}/decision/", body).status_code == 201
    assert Charge.objects.get().status == "proved"


@pytest.mark.rule("23")
@pytest.mark.parametrize("case", ["her son", "a spelling of her child", "all means"])
def test_a_restriction_covering_her_children_is_a_409_naming_rule_23(cast, woman_a, case):
    record_child(by=cast["reception"], mother=woman_a, **child_fields())  # Ploy Srisuk
    person = {
        "her son": lambda: family_member(cast, woman_a, "Nok", "Her son"),
        "a spelling of her child": lambda: family_member(cast, woman_a, "Ploi Srisook", "Niece"),
        "all means": lambda: family_member(cast, woman_a),
    }[case]()
    body = {
        "means": "all" if case == "all means" else "visits",
        "person": str(person.uuid),
        "reason": "Drugs brought in on visits",
        "ends_on": "2099-01-01" if case != "all means" else in_days(10).isoformat(),
    }
    with refusals.nothing_written(ContactRestriction, Reminder):
        response = post(cast["governor"], f"/prisoners/{woman_a.uuid}/contact-restrictions/", body)
    assert response.status_code == 409 and response.json()["rule"] == "23"
    assert person.name not in response.content.decode()


@pytest.mark.rule("23")
def test_a_restriction_naming_a_person_by_name_is_a_400(cast, woman_a):
    body = {
        "means": "visits",
        "person_name": "Somsak",
        "relationship": "Former partner",
        "reason": "Drugs brought in on visits",
        "ends_on": in_days(10).isoformat(),
    }
    with refusals.nothing_written(ContactRestriction, Reminder):
        response = post(cast["governor"], f"/prisoners/{woman_a.uuid}/contact-restrictions/", body)
    assert response.status_code == 400 and "person" in response.json()


def test_another_facilitys_woman_is_a_404(cast, woman_b):
    response = post(
        cast["governor"], f"/prisoners/{woman_b.uuid}/segregations/", segregation_body()
    )
    assert response.status_code == 404
    assert (
        api(cast["governor"]).get(f"{API}/prisoners/{woman_b.uuid}/discipline/").status_code == 404
    )


@pytest.mark.parametrize("role", ["health", "social", "inspector", "reception"])
def test_a_role_that_may_not_segregate_gets_a_404(cast, woman_a, role):
    response = post(cast[role], f"/prisoners/{woman_a.uuid}/segregations/", segregation_body())
    assert response.status_code == 404
    assert not Segregation.objects.exists()


def fill(cast, woman, n):
    for i in range(n):
        charge = proved_charge(cast, woman)
        impose_sanction(by=cast["governor"], charge=charge, type="caution", ends_on=in_days(0))
        segregation = segregated(cast, woman, days=2)
        record_segregation_visit(by=cast["health"], segregation=segregation, fit_to_remain=True)
        end_segregation(by=cast["governor"], segregation=segregation, reason="Done")
        restrict_contact(
            by=cast["governor"],
            prisoner=woman,
            means="letters",
            person=family_member(cast, woman, f"Person {i}", "Acquaintance").uuid,
            reason="Security",
            ends_on=in_days(5),
        )


def queries_to_read(user, woman) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = api(user).get(f"{API}/prisoners/{woman.uuid}/discipline/")
    assert response.status_code == 200
    return len(queries)


def test_her_record_is_read_in_the_same_number_of_queries_however_long_it_is(cast, woman_a):
    fill(cast, woman_a, 1)
    few = queries_to_read(cast["governor"], woman_a)
    fill(cast, woman_a, 4)
    assert queries_to_read(cast["governor"], woman_a) == few


def test_each_role_reads_only_its_parts_of_her_record(cast, woman_a):
    fill(cast, woman_a, 1)

    def parts(role):
        response = api(cast[role]).get(f"{API}/prisoners/{woman_a.uuid}/discipline/")
        return response.status_code, set(response.json()) - {"woman"}

    everything = {"charges", "segregations", "contact_restrictions"}
    assert parts("governor") == (200, everything)
    assert parts("inspector") == (200, everything)
    assert parts("custody") == (200, everything)
    assert parts("health") == (200, {"segregations"})
    assert parts("social") == (200, {"contact_restrictions"})
    assert parts("reception")[0] == 404
    assert parts("safeguarding")[0] == 404
