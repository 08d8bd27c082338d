"""The visits API (Rules 26-28, 43, 44): writes through the services, refusals a 409 naming
the rule with nothing written; another facility's woman 404; custody never reads a visitor
she refused."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from reminders.models import Reminder
from tests import refusals
from tests.versions import VersionedAPIClient

from ..models import Contact, Visit, VisitCancellation, Visitor, VisitorStatus, VisitStatus
from .factories import approved, booked, refused, visitor

pytestmark = pytest.mark.django_db
API = "/api/v1"
REFUSED_NAME = "Kittisak Violent"


def api(user):
    client = VersionedAPIClient()
    client.force_authenticate(user)
    return client


def post(user, path, body=None):
    return api(user).post(f"{API}{path}", body or {}, format="json")


def get(user, path):
    return api(user).get(f"{API}{path}")


def tomorrow():
    return (timezone.now() + timedelta(days=1)).isoformat()


@pytest.mark.rule("44")
def test_reception_adds_a_visitor_who_waits_for_her_consultation(cast, woman_a):
    response = post(
        cast["reception"],
        f"/prisoners/{woman_a.uuid}/visitors/",
        {"name": "Nok Srisuk", "relationship": "parent"},
    )
    assert response.status_code == 201
    assert response.json()["status"] == "proposed"


@pytest.mark.rule("44")
def test_her_consultation_is_recorded_through_the_api(cast, woman_a):
    person = visitor(cast, woman_a)
    response = post(
        cast["social"],
        f"/visitors/{person.uuid}/consultation/",
        {"answer": "refuses", "language": "Lao"},
    )
    assert response.status_code == 200
    assert response.json()["status"] == "refused"
    assert response.json()["consultation_language"] == "Lao"


@pytest.mark.rule("44")
def test_approving_a_person_she_refused_is_a_409_naming_rule_44(cast, woman_a):
    person = refused(cast, woman_a)
    with refusals.nothing_written(Reminder):
        response = post(
            cast["social"],
            f"/visitors/{person.uuid}/consultation/",
            {"answer": "agrees", "language": "th"},
        )
    assert response.status_code == 409
    assert response.json()["rule"] == "44"
    assert Visitor.objects.get(pk=person.pk).status == VisitorStatus.REFUSED


@pytest.mark.rule("44")
def test_a_court_order_and_a_withdrawal_through_the_api(cast, woman_a):
    person = refused(cast, woman_a)
    response = post(
        cast["social"],
        f"/visitors/{person.uuid}/court-order/",
        {"reference": "CO-9", "court": "Family Court"},
    )
    assert response.status_code == 200 and response.json()["by_court_order"] is True
    other = approved(cast, woman_a, name="Dao Srisuk")
    assert post(cast["social"], f"/visitors/{other.uuid}/withdraw/").status_code == 400
    response = post(cast["social"], f"/visitors/{other.uuid}/withdraw/", {"confirm": True})
    assert response.status_code == 200 and response.json()["status"] == "withdrawn"


@pytest.mark.rule("44")
def test_booking_a_visitor_she_refused_is_a_409_naming_rule_44_and_writes_nothing(cast, woman_a):
    person = refused(cast, woman_a, name=REFUSED_NAME)
    for body in (
        {"visitors": [str(person.uuid)]},
        {"names": [REFUSED_NAME]},
    ):
        with refusals.nothing_written(Visit, Reminder):
            response = post(
                cast["custody"],
                f"/prisoners/{woman_a.uuid}/visits/",
                {"kind": "family", "starts_at": tomorrow(), **body},
            )
        assert response.status_code == 409
        assert response.json()["rule"] == "44"


@pytest.mark.rule("27")
@pytest.mark.parametrize(("for_men", "status"), [(False, 409), (True, 201)])
def test_a_conjugal_visit_follows_the_rule_for_men(cast, woman_a, settings, for_men, status):
    settings.CONJUGAL_VISITS_FOR_MEN = for_men
    partner = approved(cast, woman_a, relationship="partner")
    response = post(
        cast["custody"],
        f"/prisoners/{woman_a.uuid}/visits/",
        {"kind": "conjugal", "starts_at": tomorrow(), "visitors": [str(partner.uuid)]},
    )
    assert response.status_code == status
    if status == 409:
        assert response.json()["rule"] == "27"
    assert Visit.objects.count() == (1 if for_men else 0)


@pytest.mark.rule("28")
def test_a_child_visit_without_open_contact_and_no_reason_is_a_409(cast, woman_a):
    niece = approved(cast, woman_a, name="Fah", relationship="relative", adult=False, age_given=7)
    with refusals.nothing_written(Visit, Reminder):
        response = post(
            cast["custody"],
            f"/prisoners/{woman_a.uuid}/visits/",
            {
                "kind": "child",
                "starts_at": tomorrow(),
                "visitors": [str(niece.uuid)],
                "open_contact": False,
            },
        )
    assert response.status_code == 409 and response.json()["rule"] == "28"


@pytest.mark.rule("23")
def test_a_restriction_naming_her_child_never_refuses_her_childs_visit_in_the_api(cast, woman_a):
    from .test_bookings import a_child, restrict

    child = a_child(cast, woman_a)
    restrict(cast, woman_a, "Ploy Srisuk", relationship="daughter")
    response = post(
        cast["custody"],
        f"/prisoners/{woman_a.uuid}/visits/",
        {"kind": "child", "starts_at": tomorrow(), "visitors": [str(child.uuid)]},
    )
    assert response.status_code == 201
    assert Visit.objects.get().involves_child


@pytest.mark.rule("43")
def test_held_and_cancelled_through_the_api(cast, woman_a):
    person = approved(cast, woman_a)
    first, second = booked(cast, woman_a, [person]), booked(cast, woman_a, [person])
    now = timezone.now().isoformat()
    response = post(cast["custody"], f"/visits/{first.uuid}/held/", {"held_at": now})
    assert response.status_code == 200 and response.json()["status"] == "held"
    with refusals.nothing_written(VisitCancellation, Reminder):
        refused_cancel = post(
            cast["custody"], f"/visits/{second.uuid}/cancel/", {"cancelled_by": "prison"}
        )
    assert refused_cancel.status_code == 409 and refused_cancel.json()["rule"] == "43"
    assert Visit.objects.get(pk=second.pk).status == VisitStatus.BOOKED


@pytest.mark.rule("26")
def test_contacts_are_recorded_and_listed(cast, woman_a):
    mother = approved(cast, woman_a, relationship="parent")
    response = post(
        cast["custody"],
        f"/prisoners/{woman_a.uuid}/contacts/",
        {"kind": "video_call", "visitor": str(mother.uuid)},
    )
    assert response.status_code == 201
    listed = get(cast["governor"], f"/prisoners/{woman_a.uuid}/contacts/").json()["results"]
    assert [row["kind"] for row in listed] == ["video_call"]


@pytest.mark.rule("44")
def test_contact_with_a_person_she_refused_is_a_409(cast, woman_a):
    person = refused(cast, woman_a)
    with refusals.nothing_written(Contact, Reminder):
        response = post(
            cast["custody"],
            f"/prisoners/{woman_a.uuid}/contacts/",
            {"kind": "phone_call", "visitor": str(person.uuid)},
        )
    assert response.status_code == 409 and response.json()["rule"] == "44"


@pytest.mark.rule("44")
def test_custody_reads_approved_visitors_only_never_a_refused_name(cast, woman_a):
    refused(cast, woman_a, name=REFUSED_NAME)
    withdrawn = approved(cast, woman_a, name="Withdrawn Person")
    post(cast["social"], f"/visitors/{withdrawn.uuid}/withdraw/", {"confirm": True})
    approved(cast, woman_a, name="Dao Srisuk")
    response = get(cast["custody"], f"/prisoners/{woman_a.uuid}/visitors/")
    assert response.status_code == 200
    body = response.content.decode()
    assert REFUSED_NAME not in body and "Withdrawn Person" not in body
    assert [row["name"] for row in response.json()["results"]] == ["Dao Srisuk"]
    assert "answer" not in response.json()["results"][0]
    full = get(cast["inspector"], f"/prisoners/{woman_a.uuid}/visitors/").content.decode()
    assert REFUSED_NAME in full


def test_roles_without_the_permission_meet_a_404(cast, woman_a):
    person = visitor(cast, woman_a)
    assert get(cast["health"], f"/prisoners/{woman_a.uuid}/visitors/").status_code == 404
    assert post(cast["custody"], f"/prisoners/{woman_a.uuid}/visitors/").status_code == 404
    body = {"answer": "agrees", "language": "th"}
    assert post(cast["custody"], f"/visitors/{person.uuid}/consultation/", body).status_code == 404
    assert post(cast["inspector"], f"/prisoners/{woman_a.uuid}/visits/").status_code == 404
    assert Visitor.objects.get(pk=person.pk).status == VisitorStatus.PROPOSED


def test_another_facilitys_woman_is_404(cast, woman_b):
    for path in ("visitors", "visits", "contacts"):
        assert get(cast["social"], f"/prisoners/{woman_b.uuid}/{path}/").status_code == 404
    response = post(
        cast["social"],
        f"/prisoners/{woman_b.uuid}/visitors/",
        {"name": "X", "relationship": "friend"},
    )
    assert response.status_code == 404
    assert not Visitor.objects.exists()


def test_her_visitor_list_costs_the_same_queries_with_more_visitors(cast, woman_a):
    path = f"/prisoners/{woman_a.uuid}/visitors/"

    def count(role):
        with CaptureQueriesContext(connection) as queries:
            assert get(cast[role], path).status_code == 200
        return len(queries)

    approved(cast, woman_a, name="One")
    count("social"), count("custody")  # permissions are read once per user
    few = {role: count(role) for role in ("social", "custody")}
    for i in range(8):
        approved(cast, woman_a, name=f"Person {i}")
        refused(cast, woman_a, name=f"Refused {i}")
    assert {role: count(role) for role in ("social", "custody")} == few
