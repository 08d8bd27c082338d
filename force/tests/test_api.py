"""The use-of-force API: the same verbs and refusals as the pages, and each use of force answered
as the caller may read it (Rule 8: the health check's findings for health staff only)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from force.models import ForceHealthCheck, ForceReview, UseOfForce
from force.services import record_health_check
from reminders.models import Reminder
from tests import refusals
from tests.versions import VersionedAPIClient

from .factories import HOLD, use_force

pytestmark = pytest.mark.django_db


def api(user):
    client = VersionedAPIClient()
    client.force_authenticate(user)
    return client


def _body(cast, **fields):
    return {
        **HOLD,
        "started_at": (timezone.now() - timedelta(minutes=5)).isoformat(),
        "staff_involved": [cast["custody"].username],
        **fields,
    }


def _url(woman):
    return f"/api/v1/prisoners/{woman.uuid}/uses-of-force/"


def test_custody_record_force_through_the_api(cast, woman_a):
    response = api(cast["custody"]).post(_url(woman_a), _body(cast), format="json")

    assert response.status_code == 201, response.json()
    force = UseOfForce.objects.get()
    body = response.json()
    assert body["uuid"] == str(force.uuid)
    assert body["staff_involved"] == [cast["custody"].get_full_name() or "custody"]
    assert body["health_check"] is None and body["review"] is None
    assert body["protected"] is False


@pytest.mark.rule("M82")
def test_the_api_refuses_force_without_deescalation_naming_the_rule(cast, woman_a):
    with refusals.nothing_written(UseOfForce, Reminder):
        response = api(cast["custody"]).post(
            _url(woman_a), _body(cast, deescalation=""), format="json"
        )

    assert response.status_code == 409
    assert response.json()["rule"] == "M82"


def test_a_reason_off_the_list_is_a_400(cast, woman_a):
    with refusals.nothing_written(UseOfForce):
        response = api(cast["custody"]).post(
            _url(woman_a), _body(cast, reason="punishment"), format="json"
        )

    assert response.status_code == 400 and "reason" in response.json()


def test_staff_of_another_facility_cant_be_named(cast, woman_a):
    response = api(cast["custody"]).post(
        _url(woman_a), _body(cast, staff_involved=["outsider"]), format="json"
    )

    assert response.status_code == 400 and "staff_involved" in response.json()


@pytest.mark.rule("8")
def test_her_uses_of_force_show_the_findings_to_health_staff_only(cast, woman_a):
    force = use_force(cast, woman_a)
    record_health_check(by=cast["health"], force=force, examined=True, findings="Graze on knee")

    health = api(cast["health"]).get(_url(woman_a)).json()["results"][0]["health_check"]
    custody = api(cast["custody"]).get(_url(woman_a))

    assert health["findings"] == "Graze on knee" and health["clinical"] is True
    assert "Graze" not in custody.content.decode()
    assert custody.json()["results"][0]["health_check"]["clinical"] is False


@pytest.mark.rule("8")
def test_her_list_reads_the_findings_in_as_many_queries_and_one_audit_row_for_any_length(
    cast, woman_a
):
    """A list of her uses of force asks once whether the reader reads her clinical file and
    audits the page once, with every check's id: not once a row."""
    from audit.models import AuditEvent

    def listed() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = api(cast["health"]).get(_url(woman_a))
        assert response.status_code == 200
        return len(queries)

    def checked(minutes: int):
        force = use_force(cast, woman_a, started_at=timezone.now() - timedelta(minutes=minutes))
        record_health_check(by=cast["health"], force=force, examined=True, findings="Bruise")
        return force

    first = checked(30)
    one = listed()
    later = [checked(minutes) for minutes in (50, 70, 90)]
    assert listed() == one
    read = AuditEvent.objects.filter(action="force.health_check_read").order_by("-id").first()
    checks = [str(force.health_check.uuid) for force in (first, *later)]
    assert sorted(read.disclosed) == sorted(checks)
    assert AuditEvent.objects.filter(action="force.health_check_read").count() == 2


def test_health_check_and_review_through_the_api(cast, woman_a):
    force = use_force(cast, woman_a)

    checked = api(cast["health"]).post(
        f"/api/v1/uses-of-force/{force.uuid}/health-check/",
        {"examined": False},
        format="json",
    )
    reviewed = api(cast["governor"]).post(
        f"/api/v1/uses-of-force/{force.uuid}/review/",
        {"outcome": "justified", "findings": "Proportionate."},
        format="json",
    )
    again = api(cast["governor"]).post(
        f"/api/v1/uses-of-force/{force.uuid}/review/",
        {"outcome": "justified", "findings": "Proportionate."},
        format="json",
    )

    assert checked.status_code == 201 and checked.json()["examined"] is False
    assert reviewed.status_code == 201 and reviewed.json()["outcome"] == "justified"
    assert again.status_code == 400
    assert ForceHealthCheck.objects.count() == ForceReview.objects.count() == 1


def test_her_uses_of_force_read_in_a_fixed_number_of_queries(cast, woman_a):
    client = api(cast["governor"])
    use_force(cast, woman_a)
    client.get(_url(woman_a))
    with CaptureQueriesContext(connection) as one:
        client.get(_url(woman_a))
    for _ in range(3):
        use_force(cast, woman_a)
    with CaptureQueriesContext(connection) as four:
        response = client.get(_url(woman_a))

    assert len(response.json()["results"]) == 4
    assert len(four) == len(one)
