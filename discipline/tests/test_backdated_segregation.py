"""A segregation recorded after it began is judged on the truth (Rule 22; Mandela 43-45), as
searches, restraints and charges are: its 15 days count from the day it began; her protections
are read as they were then and as recorded since; recorded more than
LATE_RECORD_REASON_AFTER_HOURS after it began, it says why. At every door, a refusal names its
rule (or the field) and writes nothing."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from audit.models import AuditEvent
from conftest import client_for
from prisoners.services import set_protection_flags
from reminders.models import Reminder
from tests import refusals

from ..models import Segregation
from ..services import segregation as services
from .factories import in_days

pytestmark = pytest.mark.django_db


def asked(cast, woman, began_at, late_reason="", by="governor"):
    return services.segregate(
        by=cast[by],
        prisoner=woman,
        kind="separation",
        reason="Fought in the yard",
        planned_end=in_days(3),
        began_at=began_at,
        late_reason=late_reason,
    )


def nothing_written() -> None:
    assert not Segregation.objects.exists()
    assert not AuditEvent.objects.filter(action="discipline.segregation_requested").exists()


def post(user, path, body):
    client = APIClient()
    client.force_authenticate(user)
    return client.post(f"/api/v1{path}", body, format="json")


@pytest.mark.rule("22")
@pytest.mark.rule("M44")
def test_a_segregation_recorded_after_it_began_counts_its_days_from_then(cast, woman_a):
    began = timezone.now() - timedelta(days=2)
    with pytest.raises(ValidationError) as refused:
        asked(cast, woman_a, began)
    assert "late_reason" in refused.value.message_dict
    nothing_written()
    segregation = asked(cast, woman_a, began, late_reason="The night shift wrote it up today")
    assert segregation.awaits_authority and segregation.started_at is None
    segregation = services.confirm_segregation(by=cast["governor"], record=segregation)
    assert segregation.started_at == began
    assert segregation.run_start == timezone.localdate(began)
    assert segregation.day_number() == 3


@pytest.mark.rule("22")
def test_a_recent_start_needs_no_reason(cast, woman_a):
    segregation = asked(cast, woman_a, timezone.now() - timedelta(hours=1))
    assert segregation.late_reason == ""


@pytest.mark.rule("22")
def test_a_protection_on_then_and_lifted_since_refuses_the_backdated_record(cast, woman_a):
    began = timezone.now() - timedelta(hours=2)
    set_protection_flags(prisoner=woman_a, by=None, source="health", no_segregation=True)
    set_protection_flags(prisoner=woman_a, by=None, source="health", no_segregation=False)
    with refusals.refused("22", Segregation, Reminder) as refused:
        asked(cast, woman_a, began)
    assert "No segregation" in str(refused.value)
    nothing_written()
    # Judged from now, nothing protects her today.
    assert asked(cast, woman_a, None).awaits_authority


@pytest.mark.rule("22")
def test_a_protection_recorded_between_the_request_and_its_confirmation_refuses_it(cast, woman_a):
    segregation = asked(cast, woman_a, timezone.now() - timedelta(hours=3))
    set_protection_flags(prisoner=woman_a, by=None, source="health", no_segregation=True)
    set_protection_flags(prisoner=woman_a, by=None, source="health", no_segregation=False)
    with refusals.refused("22", Reminder):
        services.confirm_segregation(by=cast["governor"], record=segregation)
    segregation.refresh_from_db()
    assert segregation.awaits_authority and segregation.started_at is None


@pytest.mark.rule("22")
def test_a_start_in_the_future_or_inside_an_earlier_segregation_is_refused(cast, woman_a):
    with pytest.raises(ValidationError) as refused:
        asked(cast, woman_a, timezone.now() + timedelta(hours=1))
    assert "began_at" in refused.value.message_dict
    nothing_written()
    first = services.confirm_segregation(by=cast["governor"], record=asked(cast, woman_a, None))
    services.end_segregation(by=cast["governor"], segregation=first, reason="Reviewed")
    with pytest.raises(ValidationError) as refused:
        asked(cast, woman_a, timezone.now() - timedelta(hours=1))
    assert "began_at" in refused.value.message_dict
    assert Segregation.objects.count() == 1


@pytest.mark.rule("22")
def test_the_api_takes_when_it_began_and_refuses_a_protected_woman_naming_rule_22(cast, woman_a):
    began = (timezone.now() - timedelta(days=1)).isoformat()
    body = {"kind": "separation", "reason": "Fought", "planned_end": in_days(3).isoformat()}
    path = f"/prisoners/{woman_a.uuid}/segregations/"
    late = post(cast["custody"], path, {**body, "began_at": began})
    assert late.status_code == 400 and "late_reason" in late.json()
    nothing_written()
    made = post(cast["custody"], path, {**body, "began_at": began, "late_reason": "Night"})
    assert made.status_code == 201 and made.json()["began_at"] is not None
    assert made.json()["late_reason"] == "Night"
    set_protection_flags(prisoner=woman_a, by=None, source="health", no_segregation=True)
    set_protection_flags(prisoner=woman_a, by=None, source="health", no_segregation=False)
    refused = post(cast["custody"], path, {**body, "began_at": began, "late_reason": "Night"})
    assert refused.status_code == 409 and refused.json()["rule"] == "22"
    assert Segregation.objects.count() == 1
    assert AuditEvent.objects.filter(action="discipline.segregation_requested").count() == 1


@pytest.mark.rule("22")
def test_the_page_takes_when_it_began_and_asks_why_it_is_late(cast, woman_a):
    url = reverse("discipline:segregate", args=[woman_a.uuid])
    began = timezone.localtime(timezone.now() - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    data = {
        "kind": "separation",
        "reason": "Fought",
        "planned_end": in_days(3).isoformat(),
        "began_at": began,
    }
    custody = client_for(cast["custody"])
    page = custody.get(url).content.decode()
    assert 'name="began_at"' in page and 'name="late_reason"' in page
    refused = custody.post(url, data)
    assert refused.status_code == 400 and "say why it is recorded late" in refused.content.decode()
    nothing_written()
    made = custody.post(url, {**data, "late_reason": "Written up by the day shift"})
    assert made.status_code == 302
    segregation = Segregation.objects.get()
    assert segregation.began_at is not None and segregation.late_reason
    shown = custody.get(reverse("discipline:segregation", args=[segregation.uuid]))
    assert "Written up by the day shift" in shown.content.decode()
