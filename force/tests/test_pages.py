"""The use-of-force pages: record it (custody), her section, the health check (health staff),
the review (the governor); success messages, empty states and refusals beside the form."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from audit.models import AuditEvent
from conftest import client_for
from force.models import ForceHealthCheck, ForceReview, Reason, UseOfForce
from force.services import record_health_check, review_force
from reminders.models import Reminder
from tests import refusals
from tests.her_page import open_her_page

from .factories import HOLD, protect, use_force

pytestmark = pytest.mark.django_db


def _form(cast, **fields):
    started = (timezone.localtime() - timedelta(minutes=15)).strftime("%Y-%m-%dT%H:%M")
    data = {
        **HOLD,
        "planned": "no",
        "started_at": started,
        "staff_involved": [cast["custody"].pk],
        **fields,
    }
    return data


def _messages(response) -> list[str]:
    return [str(m) for m in response.wsgi_request._messages]


def test_custody_record_force_from_the_page(cast, woman_a):
    client = client_for(cast["custody"])
    page = client.get(f"/force/women/{woman_a.uuid}/record/")
    assert page.status_code == 200
    offered = set(re.findall(r'name="reason" value="(\w+)"', page.content.decode()))
    assert offered == set(Reason.values)

    response = client.post(f"/force/women/{woman_a.uuid}/record/", _form(cast), follow=True)

    force = UseOfForce.objects.get()
    assert response.redirect_chain[0][0] == f"/force/{force.uuid}/"
    body = response.content.decode()
    assert "Use of force recorded" in body
    assert "No health check is recorded yet" in body
    assert "Not reviewed yet" in body
    assert force.techniques == ["guiding_hold", "restraint_hold"]


@pytest.mark.rule("M82")
def test_the_page_shows_the_refusal_without_deescalation_and_writes_nothing(cast, woman_a):
    with refusals.nothing_written(UseOfForce, Reminder):
        response = client_for(cast["custody"]).post(
            f"/force/women/{woman_a.uuid}/record/",
            _form(cast, deescalation="", no_deescalation_reason=""),
        )

    assert response.status_code == 400
    body = response.content.decode()
    assert "Mandela Rule 82" in body
    assert "govuk-error-summary" in body
    # What is kept is the attempt, for oversight (audit/refusals.py).
    [attempt] = AuditEvent.objects.filter(action="rule.refused")
    assert attempt.detail["rule"] == "M82"


def test_every_missing_field_is_named_at_once(cast, woman_a):
    response = client_for(cast["custody"]).post(f"/force/women/{woman_a.uuid}/record/", {})

    assert response.status_code == 400
    errors = response.context["form"].errors
    for field in ("techniques", "reason", "account", "started_at", "staff_involved", "location"):
        assert field in errors
    assert not UseOfForce.objects.exists()


@pytest.mark.rule("8")
def test_her_section_shows_her_uses_of_force_and_the_check_without_its_findings(cast, woman_a):
    force = use_force(cast, woman_a)
    record_health_check(
        by=cast["health"], force=force, examined=True, findings="Bruise on the left forearm"
    )

    custody = open_her_page(client_for(cast["custody"]), woman_a).content.decode()
    health = client_for(cast["health"]).get(f"/force/{force.uuid}/").content.decode()
    detail = client_for(cast["custody"]).get(f"/force/{force.uuid}/").content.decode()

    assert 'data-testid="force-uses"' in custody and "Done at" in custody
    assert "Bruise" not in custody and "Bruise" not in detail
    assert "Health check done at" in detail
    assert "Bruise on the left forearm" in health


def test_her_section_says_when_none_is_recorded(cast, woman_a):
    body = open_her_page(client_for(cast["governor"]), woman_a).content.decode()

    assert "No use of force is recorded for her." in body
    assert "Record a use of force" not in body  # the governor doesn't record force


def test_roles_that_dont_read_force_see_no_section(cast, woman_a):
    use_force(cast, woman_a)

    body = open_her_page(client_for(cast["social"]), woman_a).content.decode()

    assert 'data-testid="force-uses"' not in body and "Use of force" not in body


@pytest.mark.rule("24")
def test_the_reviewer_sees_protected_never_why(cast, woman_a):
    protect(woman_a, restraint_health_approval=True)
    force = use_force(cast, woman_a)

    body = client_for(cast["governor"]).get(f"/force/{force.uuid}/review/").content.decode()

    assert 'data-testid="protected"' in body
    for clinical in ("pregnan", "partum", "labour", "birth"):
        assert clinical not in body.lower()


def test_health_staff_record_the_check_from_its_page(cast, woman_a):
    force = use_force(cast, woman_a)
    client = client_for(cast["health"])

    assert client.get(f"/force/{force.uuid}/health-check/").status_code == 200
    response = client.post(
        f"/force/{force.uuid}/health-check/",
        {"examined": "yes", "findings": "No injury found."},
        follow=True,
    )

    assert "Health check recorded." in response.content.decode()
    assert ForceHealthCheck.objects.get().findings == "No injury found."
    again = client.get(f"/force/{force.uuid}/health-check/")
    assert again.status_code == 302 and again.url == f"/force/{force.uuid}/"


def test_a_check_without_findings_is_shown_beside_the_form(cast, woman_a):
    force = use_force(cast, woman_a)

    response = client_for(cast["health"]).post(
        f"/force/{force.uuid}/health-check/", {"examined": "yes", "findings": ""}
    )

    assert response.status_code == 400
    assert "Say what you found" in response.content.decode()
    assert not ForceHealthCheck.objects.exists()


def test_the_governor_reviews_from_its_page(cast, woman_a):
    force = use_force(cast, woman_a)
    client = client_for(cast["governor"])

    page = client.get(f"/force/{force.uuid}/review/")
    assert "No health check is recorded yet." in page.content.decode()
    response = client.post(
        f"/force/{force.uuid}/review/",
        {"outcome": "referred", "findings": "The footage is unclear.", "referred_to": ""},
    )
    assert response.status_code == 400
    assert "Say to whom it is referred." in response.content.decode()

    response = client.post(
        f"/force/{force.uuid}/review/",
        {"outcome": "referred", "findings": "The footage is unclear.", "referred_to": "Police"},
        follow=True,
    )
    assert "Review recorded." in response.content.decode()
    assert ForceReview.objects.get().referred_to == "Police"
    assert "Referred for investigation: Police" in response.content.decode()


def test_custody_see_that_it_was_reviewed_not_the_outcome(cast, woman_a):
    force = use_force(cast, woman_a)
    review_force(
        by=cast["governor"], force=force, outcome="not_justified", findings="Too long a hold."
    )

    body = client_for(cast["custody"]).get(f"/force/{force.uuid}/").content.decode()

    assert 'data-testid="review"' in body
    assert "Too long a hold" not in body and "Not justified" not in body


def test_her_list_pages_in_a_fixed_number_of_queries(cast, woman_a):
    client = client_for(cast["custody"])
    use_force(cast, woman_a)
    with CaptureQueriesContext(connection) as one:
        client.get(f"/force/women/{woman_a.uuid}/")
    for _ in range(4):
        force = use_force(cast, woman_a)
        record_health_check(by=cast["health"], force=force, examined=False)
    with CaptureQueriesContext(connection) as five:
        response = client.get(f"/force/women/{woman_a.uuid}/")

    assert response.status_code == 200
    assert len(five) == len(one)


def test_another_facilitys_woman_is_404(cast, woman_b):
    client = client_for(cast["custody"])

    assert client.get(f"/force/women/{woman_b.uuid}/").status_code == 404
    assert client.post(f"/force/women/{woman_b.uuid}/record/", {}).status_code == 404
