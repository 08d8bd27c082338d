"""The release pages and API: the social worker's plan, health's part, the release officer's
checks and copies, with success messages, refusals beside their form and the error summary;
the list of releases to come; what each role reads of the plan."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from conftest import client_for
from release.models import PlanPart, RecordsCopy, ReleasePlan
from release.services import record_health_continuity, record_release_date, start_plan
from tests import refusals
from tests.her_page import open_her_page
from tests.versions import VersionedAPIClient

pytestmark = pytest.mark.django_db


def plan_url(admission):
    return reverse("release:plan", args=[admission.uuid])


def started(cast, her, days=40):
    record_release_date(
        by=cast["social"], admission=her, earliest_release_on=timezone.localdate() + timedelta(days)
    )
    return start_plan(by=cast["social"], admission=her)


def test_a_social_worker_records_the_date_starts_the_plan_and_saves_a_section(cast, her):
    social = client_for(cast["social"])
    empty = social.get(plan_url(her)).content.decode()
    assert 'data-testid="plan-empty"' in empty and "not recorded" in empty
    day = (timezone.localdate() + timedelta(days=50)).isoformat()
    response = social.post(
        reverse("release:date", args=[her.uuid]), {"earliest_release_on": day}, follow=True
    )
    assert "Her earliest release date is recorded." in response.content.decode()
    response = social.post(reverse("release:start", args=[her.uuid]), follow=True)
    assert "Her release plan is started." in response.content.decode()
    part = her.release_plan.parts.get(part="accommodation")
    response = social.post(
        reverse("release:part", args=[part.uuid]),
        {"status": "complete", "notes": "Her sister's flat", "services": ""},
        follow=True,
    )
    body = response.content.decode()
    assert "The section is saved." in body and "Her sister&#x27;s flat" in body


@pytest.mark.rule("46")
def test_a_refused_section_shows_the_refusal_in_the_error_summary(cast, her):
    plan = started(cast, her)
    part = plan.parts.get(part="income")
    with refusals.nothing_written(PlanPart):
        response = client_for(cast["social"]).post(
            reverse("release:part", args=[part.uuid]), {"status": "not_needed", "notes": ""}
        )
    assert response.status_code == 400
    body = response.content.decode()
    assert "govuk-error-summary" in body and "Bangkok Rule 46" in body
    assert PlanPart.objects.get(pk=part.pk).status == "to_do"


def test_an_empty_date_is_named_in_the_error_summary(cast, her):
    response = client_for(cast["reception"]).post(reverse("release:date", args=[her.uuid]), {})
    assert response.status_code == 400
    assert 'href="#date-earliest_release_on"' in response.content.decode()


@pytest.mark.rule("8")
def test_only_health_staff_read_her_health_continuity_others_its_status(cast, her):
    started(cast, her)
    record_health_continuity(by=cast["health"], admission=her, medication="Tenofovir")
    health = client_for(cast["health"]).get(plan_url(her)).content.decode()
    assert "Tenofovir" in health
    assert AuditEvent.objects.filter(action="release.health_read", actor=cast["health"]).exists()
    for role in ("reception", "social", "governor", "inspector", "safeguarding"):
        body = client_for(cast[role]).get(plan_url(her)).content.decode()
        assert "Tenofovir" not in body and "Not complete" in body, role
        api = VersionedAPIClient()
        api.force_authenticate(cast[role])
        answer = api.get(f"/api/v1/admissions/{her.uuid}/release-plan/").json()
        assert "health" not in answer and answer["health_complete"] is False
    api = VersionedAPIClient()
    api.force_authenticate(cast["health"])
    answer = api.get(f"/api/v1/admissions/{her.uuid}/release-plan/").json()
    assert answer["health"]["medication"] == "Tenofovir"


@pytest.mark.rule("3.2")
def test_her_childrens_arrangements_are_read_only_by_those_who_read_the_register(cast, her):
    from release.services import update_part

    plan = started(cast, her)
    update_part(
        by=cast["social"],
        part=plan.parts.get(part="children"),
        status="in_progress",
        notes="Reunification with both children at her mother's",
    )
    for role, sees in [
        ("social", True),
        ("reception", True),
        ("governor", False),
        ("health", False),
    ]:
        body = client_for(cast[role]).get(plan_url(her)).content.decode()
        assert ("her mother&#x27;s" in body) is sees, role


def test_the_release_officer_records_the_reason_and_logs_the_copy_on_the_page(cast, her):
    reception = client_for(cast["reception"])
    page = reception.get(plan_url(her)).content.decode()
    assert 'data-testid="reason-form"' in page and 'data-testid="copy-form"' in page
    response = reception.post(
        reverse("release:health-reason", args=[her.uuid]),
        {"reason": "Released by the court at short notice"},
        follow=True,
    )
    assert "The reason is recorded" in response.content.decode()
    response = reception.post(
        reverse("release:copy", args=[her.uuid]),
        {"kind": "general", "outcome": "signed", "language": "th"},
        follow=True,
    )
    body = response.content.decode()
    assert "The hand-over of her copy is logged." in body
    assert "Nothing here keeps her release waiting." in body
    assert RecordsCopy.objects.get().handed_by == cast["reception"]


def test_an_empty_hand_over_is_named_in_the_error_summary(cast, her):
    with refusals.nothing_written(RecordsCopy):
        response = client_for(cast["governor"]).post(
            reverse("release:copy", args=[her.uuid]), {"kind": "general"}
        )
    assert response.status_code == 400
    assert "govuk-error-summary" in response.content.decode()


def test_her_page_shows_her_release_at_a_glance(cast, her):
    started(cast, her)
    body = open_her_page(client_for(cast["social"]), her.prisoner).content.decode()
    assert 'data-testid="release-section"' in body and plan_url(her) in body


def test_releases_to_come_nearest_first_in_a_fixed_number_of_queries(cast, her, facility_a):
    from release.tests.factories import admitted

    started(cast, her, days=40)
    other = admitted(cast, facility_a, prison_number="A40009", given_names="Ploy")
    record_release_date(
        by=cast["reception"],
        admission=other,
        earliest_release_on=timezone.localdate() + timedelta(days=10),
    )
    client = client_for(cast["social"])
    client.get(reverse("release:upcoming"))
    with CaptureQueriesContext(connection) as ctx:
        body = client.get(reverse("release:upcoming")).content.decode()
    assert body.index("Ploy") < body.index("Malee")
    assert "0 of 7 sections done" in body and "Not started" in body
    queries = len(ctx.captured_queries)
    for n in range(3):
        more = admitted(cast, facility_a, prison_number=f"A4010{n}", given_names=f"W{n}")
        started(cast, more, days=20 + n)
    with CaptureQueriesContext(connection) as ctx:
        client.get(reverse("release:upcoming"))
    assert len(ctx.captured_queries) == queries


def test_no_release_to_come_says_so(cast):
    body = client_for(cast["social"]).get(reverse("release:upcoming")).content.decode()
    assert 'data-testid="upcoming-empty"' in body


def test_the_api_reads_and_writes_her_plan(cast, her):
    api = VersionedAPIClient()
    api.default_format = "json"
    api.force_authenticate(cast["social"])
    base = f"/api/v1/admissions/{her.uuid}/release-plan/"
    day = (timezone.localdate() + timedelta(days=30)).isoformat()
    assert api.post(base + "date/", {"earliest_release_on": day}).status_code == 200
    started_plan = api.post(base + "start/")
    assert started_plan.status_code == 201, started_plan.content
    part = started_plan.json()["parts"][0]
    response = api.post(f"/api/v1/release-plan-parts/{part['uuid']}/", {"status": "not_needed"})
    assert response.status_code == 409 and response.json()["rule"] == "46"
    response = api.post(
        f"/api/v1/release-plan-parts/{part['uuid']}/",
        {"status": "complete", "notes": "Hostel place"},
    )
    assert response.status_code == 200, response.content
    assert api.get(base).json()["parts"][0]["status"] == "complete"
    assert ReleasePlan.objects.get().earliest_release_on.isoformat() == day
