from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from reminders.models import Reminder
from restraints.models import MethodApproval, Restraint
from restraints.services import remove_restraint, review_restraint
from tests import refusals
from tests.versions import VersionedAPIClient

from .factories import ESCORT, protect, restrain

pytestmark = pytest.mark.django_db


def api(user):
    client = VersionedAPIClient()
    client.force_authenticate(user)
    return client


def _apply(client, woman, **fields):
    body = {**ESCORT, "emergency": False, **fields}
    return client.post(f"/api/v1/prisoners/{woman.uuid}/restraints/apply/", body, format="json")


def test_custody_ask_for_a_planned_restraint_through_the_api_and_it_awaits_the_governor(
    cast, woman_a
):
    response = _apply(api(cast["custody"]), woman_a, sought_from="governor")

    assert response.status_code == 201
    restraint = Restraint.objects.get()
    assert response.json()["uuid"] == str(restraint.uuid)
    assert response.json()["device"] == "handcuffs"
    assert response.json()["authority"] == "pending"
    assert response.json()["applied_at"] is None
    assert restraint.authorised_by is None
    assert restraint.authority_sought_from == cast["governor"]
    assert not restraint.is_applied


@pytest.mark.rule("24")
def test_the_api_refuses_a_restraint_under_the_no_restraints_protection(cast, woman_a):
    protect(woman_a, no_restraint_obstetric=True)

    with refusals.nothing_written(Restraint, Reminder):
        response = _apply(api(cast["custody"]), woman_a)

    assert response.status_code == 409
    assert response.json()["rule"] == "24"
    assert "'No restraints' protection (Rule 24)" in response.json()["detail"]
    assert not Restraint.objects.exists()
    assert not Reminder.objects.exists()


@pytest.mark.rule("24")
def test_the_api_refuses_an_unapproved_method_for_a_woman_needing_approval(cast, woman_a):
    protect(woman_a, restraint_health_approval=True)

    with refusals.nothing_written(Restraint, Reminder):
        response = _apply(api(cast["custody"]), woman_a)

    assert response.status_code == 409
    assert response.json()["rule"] == "24"


@pytest.mark.rule("M47", "M43")
@pytest.mark.parametrize(("field", "value"), [("device", "chains"), ("purpose", "punishment")])
def test_the_api_offers_no_prohibited_device_or_punishment(cast, woman_a, field, value):
    response = _apply(api(cast["custody"]), woman_a, **{field: value})

    assert response.status_code == 400
    assert field in response.json()
    assert not Restraint.objects.exists()


def test_another_facilitys_woman_is_404(cast, woman_b):
    from staff.tests.factories import make_staff

    governor_b = make_staff("governor", woman_b.facility, username="gov_b")
    response = _apply(api(cast["custody"]), woman_b, sought_from=governor_b.username)

    assert response.status_code == 404
    assert not Restraint.objects.exists()


@pytest.mark.parametrize(("role", "status"), [("health", 404), ("governor", 404), ("social", 404)])
def test_a_role_that_does_not_apply_restraints_is_refused(cast, woman_a, role, status):
    assert _apply(api(cast[role]), woman_a).status_code == status
    assert not Restraint.objects.exists()


@pytest.mark.rule("M48")
def test_custody_review_and_remove_through_the_api(cast, woman_a):
    restraint = restrain(cast, woman_a)
    client = api(cast["custody"])

    review = client.post(
        f"/api/v1/restraints/{restraint.uuid}/review/", {"still_needed": True}, format="json"
    )
    removed = client.post(f"/api/v1/restraints/{restraint.uuid}/remove/", {}, format="json")

    assert review.status_code == 201
    assert removed.status_code == 200
    assert removed.json()["removed_at"] is not None
    assert not Reminder.objects.open().exists()


def test_the_governor_cannot_remove_a_restraint_through_the_api(cast, woman_a):
    restraint = restrain(cast, woman_a)

    response = api(cast["governor"]).post(
        f"/api/v1/restraints/{restraint.uuid}/remove/", {}, format="json"
    )

    assert response.status_code == 404
    restraint.refresh_from_db()
    assert restraint.is_applied


def test_a_review_is_a_boolean_not_a_string(cast, woman_a):
    restraint = restrain(cast, woman_a)

    response = api(cast["custody"]).post(
        f"/api/v1/restraints/{restraint.uuid}/review/", {"still_needed": "no"}, format="json"
    )

    assert response.status_code == 400
    assert not restraint.reviews.exists()


def _approve(client, woman, **fields):
    body = {
        "devices": ["soft_cuffs"],
        "conditions": "Hands in front.",
        "valid_until": (timezone.now() + timedelta(days=5)).isoformat(),
        **fields,
    }
    return client.post(
        f"/api/v1/prisoners/{woman.uuid}/restraint-method-approvals/", body, format="json"
    )


@pytest.mark.rule("24")
def test_health_staff_approve_a_method_and_custody_may_then_use_it(cast, woman_a):
    protect(woman_a, restraint_health_approval=True)

    approved = _approve(api(cast["health"]), woman_a)
    applied = _apply(api(cast["custody"]), woman_a, device="soft_cuffs")

    assert approved.status_code == 201
    assert approved.json()["devices"] == ["soft_cuffs"]
    assert applied.status_code == 201
    assert applied.json()["approved_method"] is True
    assert "conditions" not in applied.content.decode()


@pytest.mark.parametrize("role", ["custody", "governor", "inspector"])
def test_only_health_staff_approve_a_method(cast, woman_a, role):
    assert _approve(api(cast[role]), woman_a).status_code == 404
    assert not MethodApproval.objects.exists()


def test_her_restraints_are_listed_for_roles_that_read_them(cast, woman_a):
    restraint = restrain(cast, woman_a)

    for role in ("custody", "health", "governor", "inspector"):
        response = api(cast[role]).get(f"/api/v1/prisoners/{woman_a.uuid}/restraints/")
        assert response.status_code == 200
        assert [r["uuid"] for r in response.json()["results"]] == [str(restraint.uuid)]
    for role in ("reception", "social", "safeguarding", "outsider"):
        response = api(cast[role]).get(f"/api/v1/prisoners/{woman_a.uuid}/restraints/")
        assert response.status_code == 404


def _list_queries(client, woman) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/api/v1/prisoners/{woman.uuid}/restraints/").status_code == 200
    return len(queries)


def test_her_restraint_list_costs_the_same_queries_however_many_there_are(cast, woman_a):
    client = api(cast["inspector"])
    restraint = restrain(cast, woman_a, applied_at=timezone.now() - timedelta(hours=10))
    remove_restraint(by=cast["custody"], restraint=restraint)
    _list_queries(client, woman_a)  # the first call also loads the caller's permissions
    few = _list_queries(client, woman_a)
    for hours in range(9, 3, -1):
        restraint = restrain(cast, woman_a, applied_at=timezone.now() - timedelta(hours=hours))
        review_restraint(by=cast["custody"], restraint=restraint, still_needed=True)
        remove_restraint(by=cast["custody"], restraint=restraint)

    assert _list_queries(client, woman_a) == few


@pytest.mark.rule("24")
def test_custody_read_which_devices_are_approved_and_nothing_clinical(cast, woman_a):
    protect(woman_a, restraint_health_approval=True)
    none_yet = api(cast["custody"]).get(
        f"/api/v1/prisoners/{woman_a.uuid}/restraint-method-approval/"
    )
    _approve(api(cast["health"]), woman_a, conditions="Canarycondition")

    response = api(cast["custody"]).get(
        f"/api/v1/prisoners/{woman_a.uuid}/restraint-method-approval/"
    )

    assert none_yet.json() == {"in_force": False, "devices": [], "valid_until": None}
    assert response.status_code == 200
    assert response.json()["in_force"] is True
    assert response.json()["devices"] == ["soft_cuffs"]
    assert "Canarycondition" not in response.content.decode()
