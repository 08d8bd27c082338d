"""The parole API (Rules 23, 45, 59, 63): the same services, 409 naming the rule with
nothing written, the caretaking section only for roles that read children's identities."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from audit.models import AuditEvent
from parole.models import LeaveRequest, ParoleReview, ProtectiveCustody
from reminders.models import Reminder
from tests import refusals
from tests.versions import VersionedAPIClient

from .factories import CUSTODY, LEAVE, draft, leave, protective

pytestmark = pytest.mark.django_db


def api(user):
    client = VersionedAPIClient()
    client.force_authenticate(user)
    return client


def test_social_record_her_request_and_readers_list_it(cast, woman_a):
    start = timezone.now() + timedelta(days=5)
    body = {
        **LEAVE,
        "starts_at": start.isoformat(),
        "returns_by": (start + timedelta(days=1)).isoformat(),
        "her_request": False,
    }
    url = f"/api/v1/prisoners/{woman_a.uuid}/leave-requests/"
    made = api(cast["social"]).post(url, body, format="json")
    assert made.status_code == 201
    assert made.json()["status"] == "requested" and made.json()["her_request"] is False
    leave(cast, woman_a, days=20)
    with CaptureQueriesContext(connection) as queries:
        listed = api(cast["inspector"]).get(url)
    assert listed.status_code == 200 and len(listed.json()["results"]) == 2
    assert len(queries) <= 8
    assert api(cast["health"]).get(url).status_code == 404


@pytest.mark.rule("23")
def test_the_api_refuses_a_refusal_on_her_conduct(cast, woman_a):
    asked = leave(cast, woman_a)
    body = {"grant": False, "refusal_ground": "discipline", "reasons": "Fighting on the wing."}
    with refusals.nothing_written(LeaveRequest, Reminder):
        response = api(cast["governor"]).post(
            f"/api/v1/leave-requests/{asked.uuid}/decide/", body, format="json"
        )
    assert response.status_code == 409 and response.json()["rule"] == "23"
    asked.refresh_from_db()
    assert asked.status == "requested"


@pytest.mark.rule("45")
def test_the_api_refuses_a_refusal_without_reasons(cast, woman_a):
    asked = leave(cast, woman_a)
    body = {"grant": False, "refusal_ground": "risk_to_others"}
    with refusals.nothing_written(LeaveRequest, Reminder):
        response = api(cast["governor"]).post(
            f"/api/v1/leave-requests/{asked.uuid}/decide/", body, format="json"
        )
    assert response.status_code == 409 and response.json()["rule"] == "45"


def test_the_governor_grants_through_the_api(cast, woman_a):
    asked = leave(cast, woman_a)
    response = api(cast["governor"]).post(
        f"/api/v1/leave-requests/{asked.uuid}/decide/", {"grant": True}, format="json"
    )
    assert response.status_code == 200 and response.json()["status"] == "granted"


@pytest.mark.rule("63")
def test_the_api_refuses_a_parole_review_without_its_sections(cast, woman_a):
    review = draft(cast, woman_a, reintegration="Housing.")
    with refusals.nothing_written(ParoleReview, Reminder):
        response = api(cast["social"]).post(
            f"/api/v1/parole-reviews/{review.uuid}/submit/",
            {"recommendation": "release"},
            format="json",
        )
    assert response.status_code == 409 and response.json()["rule"] == "63"
    review.refresh_from_db()
    assert review.is_draft


@pytest.mark.rule("3.2")
def test_the_caretaking_section_is_absent_for_roles_that_do_not_read_children(cast, woman_a):
    draft(cast, woman_a, caretaking="Sole carer of Ploy, 6.")
    url = f"/api/v1/prisoners/{woman_a.uuid}/parole-reviews/"
    social = api(cast["social"]).get(url).json()["results"][0]
    governor = api(cast["governor"]).get(url).json()["results"][0]
    assert social["caretaking"] == "Sole carer of Ploy, 6."
    assert "caretaking" not in governor and "Ploy" not in str(governor)
    read = AuditEvent.objects.get(action="parole.children_details_read")
    assert read.actor == cast["social"] and read.disclosed == [social["uuid"]]


@pytest.mark.rule("59")
def test_the_api_refuses_protective_custody_she_did_not_ask_for(cast, woman_a):
    body = {**CUSTODY, "at_her_request": False}
    with refusals.nothing_written(ProtectiveCustody, Reminder):
        response = api(cast["governor"]).post(
            f"/api/v1/prisoners/{woman_a.uuid}/protective-custody/", body, format="json"
        )
    assert response.status_code == 409 and response.json()["rule"] == "59"


@pytest.mark.rule("59")
def test_her_withdrawal_through_the_api_ends_it_at_once(cast, woman_a):
    custody = protective(cast, woman_a)
    response = api(cast["custody"]).post(
        f"/api/v1/protective-custody/{custody.uuid}/withdraw/",
        {"her_words": "I want to go back."},
        format="json",
    )
    assert response.status_code == 200 and response.json()["end_reason"] == "withdrawn"


@pytest.mark.rule("3.2")
def test_whom_she_will_see_on_leave_is_read_by_social_workers_and_the_governor_alone(cast, woman_a):
    """What she says of her leave may name her children and where they live: custody record
    her request and her return, and the inspector reads the leave, without it."""
    from django.urls import reverse

    from conftest import client_for

    start = timezone.now() + timedelta(days=5)
    body = {
        **LEAVE,
        "details": "A weekend with her son Somchai",
        "destination": "Her mother's house, Ban Nong Khai",
        "starts_at": start.isoformat(),
        "returns_by": (start + timedelta(days=1)).isoformat(),
    }
    url = f"/api/v1/prisoners/{woman_a.uuid}/leave-requests/"
    made = api(cast["custody"]).post(url, body, format="json")
    assert made.status_code == 201
    assert "details" not in made.json() and "destination" not in made.json()
    asked = LeaveRequest.objects.get(uuid=made.json()["uuid"])
    page = reverse("parole:leave", args=[asked.uuid])
    read = AuditEvent.objects.filter(action="parole.children_details_read")
    for role in ("custody", "inspector"):
        listed = api(cast[role]).get(url).content.decode()
        shown = client_for(cast[role]).get(page).content.decode()
        for said in ("Somchai", "Ban Nong Khai"):
            assert said not in listed and said not in shown
        assert 'data-testid="leave-details-withheld"' in shown
    assert not read.exists()
    for role in ("social", "governor"):
        listed = api(cast[role]).get(url).json()["results"][0]
        assert listed["details"] == body["details"]
        shown = client_for(cast[role]).get(page).content.decode()
        assert "Somchai" in shown and "Ban Nong Khai" in shown
        # Each read, the list's and the page's, is audited with the request's id.
        hers = read.filter(actor=cast[role])
        assert hers.count() == 2 and all(e.disclosed == [str(asked.uuid)] for e in hers)
