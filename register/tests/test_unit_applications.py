"""Applications for a place in the mother and baby unit (Rules 49-51): decided in time for the
birth with reasons, granted only on a best-interests decision, appealed and decided again."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from conftest import client_for
from register.models import UnitApplication
from register.services import (
    appeal_unit_decision,
    apply_for_unit,
    decide_unit_appeal,
    decide_unit_application,
)
from register.tests.factories import decide
from reminders.models import OPEN_STATUSES, Reminder, Status
from tests import refusals
from tests.versions import VersionedAPIClient

pytestmark = pytest.mark.django_db


def expected(days=70):
    return timezone.localdate() + timedelta(days=days)


@pytest.fixture
def application(cast, woman_a):
    return apply_for_unit(
        by=cast["social"], mother=woman_a, applicant="her", expected_on=expected()
    )


@pytest.mark.rule("49")
def test_the_board_decides_in_time_for_the_birth(cast, application, settings):
    assert application.decision_due_on == expected() - timedelta(
        days=settings.UNIT_DECISION_DAYS_BEFORE_BIRTH
    )
    reminder = Reminder.objects.get(kind="register.unit_decision")
    assert reminder.assignee_role == "social" and reminder.rule == "49"
    assert reminder.escalate_at.date() == application.decision_due_on
    assert reminder.due_at < reminder.escalate_at


@pytest.mark.rule("49")
def test_an_application_needs_the_expected_date_or_the_child(cast, woman_a):
    with refusals.invalid("expected_on", UnitApplication, Reminder):
        apply_for_unit(by=cast["social"], mother=woman_a, applicant="her")
    for role in ("reception", "custody", "health", "governor"):
        with refusals.denied(UnitApplication):
            apply_for_unit(by=cast[role], mother=woman_a, applicant="her", expected_on=expected())


@pytest.mark.rule("49")
def test_a_place_is_granted_only_on_a_best_interests_decision(cast, application):
    with refusals.refused("49") as refused:
        decide_unit_application(
            by=cast["social"], application=application, decision="granted", reasons="Room free"
        )
    assert "Rule 49" in str(refused.value)
    application.refresh_from_db()
    assert application.decision == ""
    decide(cast["social"], application.mother)
    decided = decide_unit_application(
        by=cast["social"], application=application, decision="granted", reasons="Room free"
    )
    assert decided.granted
    assert Reminder.objects.get(kind="register.unit_decision").status == Status.DONE


@pytest.mark.rule("49")
def test_a_refusal_is_appealed_and_the_appeal_decided_with_reasons(cast, application):
    refused = decide_unit_application(
        by=cast["social"], application=application, decision="refused", reasons="Unit is full"
    )
    assert refused.stage == "decided" and not refused.granted
    with pytest.raises(ValidationError):
        decide_unit_appeal(by=cast["social"], application=refused, outcome="dismissed", reasons="x")
    appealed = appeal_unit_decision(
        by=cast["social"], application=refused, grounds="A place frees up next month"
    )
    assert appealed.stage == "awaiting_appeal"
    assert Reminder.objects.filter(kind="register.unit_decision", status__in=OPEN_STATUSES).exists()
    with refusals.refused("49"):
        decide_unit_appeal(
            by=cast["social"], application=appealed, outcome="upheld", reasons="A place is free"
        )
    decide(cast["social"], application.mother)
    upheld = decide_unit_appeal(
        by=cast["social"], application=appealed, outcome="upheld", reasons="A place is free"
    )
    assert upheld.granted and upheld.stage == "decided"
    with pytest.raises(ValidationError):
        appeal_unit_decision(by=cast["social"], application=upheld, grounds="again")


@pytest.mark.rule("49")
def test_the_api_refuses_a_place_without_a_decision_naming_the_rule(cast, application):
    client = VersionedAPIClient()
    client.force_authenticate(cast["social"])
    url = f"/api/v1/unit-applications/{application.uuid}/decision/"
    body = {"decision": "granted", "reasons": "Room free"}
    response = client.post(url, body, format="json", HTTP_IF_MATCH='"1"')
    assert response.status_code == 409 and response.json()["rule"] == "49"
    other = VersionedAPIClient()
    other.force_authenticate(cast["custody"])
    assert other.post(url, body, format="json").status_code == 404
    with pytest.raises(PermissionDenied):
        decide_unit_application(
            by=cast["reception"], application=application, decision="refused", reasons="x"
        )


@pytest.mark.rule("49")
def test_social_workers_keep_applications_on_their_page(cast, woman_a):
    url = f"/register/women/{woman_a.uuid}/unit-applications/"
    for role in ("reception", "custody", "governor", "health"):
        assert client_for(cast[role]).get(url).status_code == 404
    client = client_for(cast["social"])
    assert "No application for a place" in client.get(url).content.decode()
    done = client.post(
        url, {"applicant": "her", "expected_on": expected().isoformat()}, follow=True
    )
    page = done.content.decode()
    application = UnitApplication.objects.get()
    assert "The application is recorded." in page
    assert f"/register/unit-applications/{application.uuid}/decision/" in page


@pytest.mark.rule("49")
def test_a_baby_to_be_born_is_not_granted_a_place_on_her_older_child_s_decision(
    cast, woman_a, application
):
    from register.services import record_child
    from register.tests.factories import child_fields

    older = record_child(
        by=cast["reception"],
        mother=woman_a,
        **child_fields(given_names="Noi", date_of_birth=timezone.localdate() - timedelta(days=300)),
    )
    decide(cast["social"], woman_a, child=older)  # a decision for the child already born
    with refusals.refused("49", UnitApplication):
        decide_unit_application(
            by=cast["social"], application=application, decision="granted", reasons="Room free"
        )
    application.refresh_from_db()
    assert application.decision == ""
