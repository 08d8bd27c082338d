"""An act refused under a Rule is kept as an attempt (Rules 25.3, 67): from a page or the API,
after the act is rolled back, with its rule, area, act, role, woman and facility; nothing of
the act is written. Oversight shows the attempts refused under each count's rule beside the
count, which they don't add to (they didn't happen)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from audit.refusals import REFUSED
from conftest import client_for
from discipline.models import Segregation
from facilities.models import Facility
from oversight.registry import overview
from prisoners.services import set_protection_flags
from reminders.models import Reminder
from tests import refusals
from tests.versions import VersionedAPIClient

pytestmark = pytest.mark.django_db
PROTECTED = "segregation-of-protected-women"
SEGREGATE = "Segregate her or confine her to her cell (Rule 22; Mandela 43-45)"


def _segregation(cast, **overrides):
    return {
        "kind": "separation",
        "reason": "Fighting in the yard",
        "planned_end": (timezone.localdate() + timedelta(days=3)).isoformat(),
        "sought_from": cast["governor"].pk,
        **overrides,
    }


def _protected(woman):
    set_protection_flags(prisoner=woman, by=None, source="health", no_segregation=True)


def _attempts():
    return AuditEvent.objects.filter(action=REFUSED)


def _kept_as(attempt, cast, woman, facility, role="custody"):
    assert attempt.detail == {
        "rule": "22",
        "area": "discipline",
        "act": "segregate",
        "summary": SEGREGATE,
    }
    assert attempt.actor == cast[role] and attempt.actor_role == role
    assert attempt.facility == facility
    assert (attempt.subject_type, attempt.subject_id) == ("prisoners.prisoner", str(woman.uuid))


@pytest.mark.rule("22")
def test_a_segregation_refused_on_the_page_is_kept_as_an_attempt(cast, woman_a, facility_a):
    _protected(woman_a)
    url = reverse("discipline:segregate", kwargs={"uuid": woman_a.uuid})
    with refusals.nothing_written(Segregation, Reminder):
        response = client_for(cast["custody"]).post(url, _segregation(cast))
    assert response.status_code == 400 and "Bangkok Rule 22" in response.content.decode()
    [attempt] = _attempts()
    _kept_as(attempt, cast, woman_a, facility_a)


@pytest.mark.rule("22")
def test_a_segregation_refused_by_the_api_is_kept_as_an_attempt(cast, woman_a, facility_a):
    _protected(woman_a)
    client = VersionedAPIClient()
    client.force_authenticate(cast["custody"])
    body = _segregation(cast, sought_from="governor")
    with refusals.nothing_written(Segregation, Reminder):
        response = client.post(
            f"/api/v1/prisoners/{woman_a.uuid}/segregations/", body, format="json"
        )
    assert response.status_code == 409 and response.json()["rule"] == "22"
    [attempt] = _attempts()
    _kept_as(attempt, cast, woman_a, facility_a)


def test_an_act_done_or_refused_for_a_bad_field_is_no_attempt(cast, woman_a):
    client = client_for(cast["custody"])
    url = reverse("discipline:segregate", kwargs={"uuid": woman_a.uuid})
    assert client.post(url, _segregation(cast, reason="")).status_code == 400
    assert client.post(url, _segregation(cast)).status_code == 302
    assert Segregation.objects.count() == 1
    assert not _attempts().exists()


@pytest.mark.rule("22")
def test_oversight_shows_the_attempts_beside_the_zero_they_did_not_add_to(
    cast, woman_a, woman_b, facility_a, facility_b
):
    from staff.tests.factories import make_staff

    _protected(woman_a)
    _protected(woman_b)
    for _ in range(3):
        client_for(cast["custody"]).post(
            reverse("discipline:segregate", kwargs={"uuid": woman_a.uuid}), _segregation(cast)
        )
    # Another facility's attempt is not this facility's.
    client_for(make_staff("custody", facility_b)).post(
        reverse("discipline:segregate", kwargs={"uuid": woman_b.uuid}), _segregation(cast)
    )
    today = timezone.localdate()
    facilities = Facility.objects.filter(pk=facility_a.pk)
    for role in ("governor", "inspector"):
        zeros, _lists = overview(cast[role], facilities, today - timedelta(days=7), today)
        zero = next(z for z in zeros if z["item"].key == PROTECTED)
        assert (zero["count"], zero["refused"]) == (0, 3)

    page = client_for(cast["inspector"]).get(
        reverse("oversight:overview"), {"facility": facility_a.code}
    )
    assert page.status_code == 200
    cell = f'data-testid="refused-{PROTECTED}"><a class="govuk-link" href="/oversight/'
    assert cell in page.content.decode()
    assert '>3<span class="govuk-visually-hidden"> attempts refused' in page.content.decode()
    api = VersionedAPIClient()
    api.force_authenticate(cast["inspector"])
    body = api.get("/api/v1/oversight/", {"facility": facility_a.code}).json()
    zero = next(z for z in body["must_be_zero"] if z["key"] == PROTECTED)
    assert (zero["count"], zero["refused"]) == (0, 3)
