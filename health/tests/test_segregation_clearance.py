"""Observation keeps her out of segregation (Rule 16; Rule 22; Mandela 45.2) unless a
clinician records that segregation is safe for her; that decision lapses when her
observation level changes. Custody staff and the governor meet only the flag."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from audit.models import AuditEvent
from conftest import client_for
from discipline.models import Segregation
from discipline.tests.factories import in_days, segregated
from health.models import SegregationClearance
from health.services import care, maternity
from prisoners.models import ObservationLevel
from reminders.models import Reminder
from tests import refusals
from tests.refusals import nothing_written
from tests.versions import VersionedAPIClient

pytestmark = pytest.mark.django_db


def observe(cast, woman, level=ObservationLevel.INTERMITTENT):
    care.set_observation_level(by=cast["health"], prisoner=woman, level=level)
    woman.flags.refresh_from_db()
    return woman.flags


def clear(cast, woman, reason="Settled for a week; the plan keeps her checks in segregation."):
    clearance = care.clear_for_segregation(by=cast["health"], prisoner=woman, reason=reason)
    woman.flags.refresh_from_db()
    return clearance


def api(user):
    client = VersionedAPIClient()
    client.force_authenticate(user)
    return client


@pytest.mark.rule("16")
@pytest.mark.rule("22")
@pytest.mark.parametrize("level", [ObservationLevel.INTERMITTENT, ObservationLevel.CONSTANT])
def test_under_observation_she_is_not_segregated_and_nothing_is_written(cast, woman_a, level):
    assert observe(cast, woman_a, level).no_segregation
    with refusals.refused("22", Segregation, Reminder) as refused:
        segregated(cast, woman_a)
    assert "No segregation" in str(refused.value)
    for word in ("observ", "suicide", "self-harm", "Rule 16"):
        assert word not in str(refused.value)
    assert not Segregation.objects.exists()
    assert not AuditEvent.objects.filter(action__startswith="discipline.segregat").exists()


@pytest.mark.rule("16")
@pytest.mark.rule("22")
def test_the_api_answers_409_naming_rule_22_never_the_reason(cast, woman_a):
    observe(cast, woman_a, ObservationLevel.CONSTANT)
    body = {"kind": "separation", "reason": "Fighting", "planned_end": in_days(3).isoformat()}
    with nothing_written(Segregation, Reminder):
        response = api(cast["governor"]).post(
            f"/api/v1/prisoners/{woman_a.uuid}/segregations/", body, format="json"
        )
    assert response.status_code == 409 and response.json()["rule"] == "22"
    assert "observ" not in response.content.decode().lower()


@pytest.mark.rule("16")
@pytest.mark.rule("22")
def test_a_clinician_records_that_segregation_is_safe_and_it_lapses_with_a_new_level(cast, woman_a):
    observe(cast, woman_a)
    clearance = clear(cast, woman_a)
    assert not woman_a.flags.no_segregation
    assert woman_a.flags.observation_level == ObservationLevel.INTERMITTENT  # still watched
    assert clearance.decided_by == cast["health"] and clearance.level == "intermittent"
    assert AuditEvent.objects.filter(
        action="health.segregation_clearance_recorded", subject_id=clearance.uuid
    ).exists()

    observe(cast, woman_a)  # a review at the same level keeps it
    assert not woman_a.flags.no_segregation

    assert observe(cast, woman_a, ObservationLevel.CONSTANT).no_segregation
    clearance.refresh_from_db()
    assert clearance.lapsed_at is not None
    assert AuditEvent.objects.filter(action="health.segregation_clearance_lapsed").count() == 1
    assert list(clearance.events.values_list("lapsed_at", flat=True))[-1] == clearance.lapsed_at
    with refusals.refused("22", Segregation, Reminder):
        segregated(cast, woman_a)


@pytest.mark.rule("16")
@pytest.mark.rule("22")
def test_a_clearance_lifts_only_what_observation_gave(cast, woman_a):
    observe(cast, woman_a)
    maternity.declare_pregnancy(by=cast["health"], prisoner=woman_a)
    clear(cast, woman_a)
    assert woman_a.flags.no_segregation  # her pregnancy still protects her


@pytest.mark.rule("16")
def test_a_clearance_needs_observation_a_reason_and_a_clinician(cast, woman_a):
    with pytest.raises(ValidationError):
        clear(cast, woman_a)
    observe(cast, woman_a)
    with pytest.raises(ValidationError) as refused:
        clear(cast, woman_a, reason="  ")
    assert "reason" in refused.value.message_dict
    for role in ("custody", "governor"):
        with pytest.raises(PermissionDenied):
            care.clear_for_segregation(by=cast[role], prisoner=woman_a, reason="Fine")
    assert not SegregationClearance.objects.exists()
    assert woman_a.flags.no_segregation


@pytest.mark.rule("16")
@pytest.mark.rule("8")
def test_through_the_api_only_health_staff_record_it_and_custody_sees_only_the_flag(cast, woman_a):
    observe(cast, woman_a)
    url = f"/api/v1/prisoners/{woman_a.uuid}/segregation-clearance/"
    body = {"reason": "Canaryclearancereason"}
    assert api(cast["governor"]).post(url, body, format="json").status_code == 404
    assert not SegregationClearance.objects.exists()
    made = api(cast["health"]).post(url, body, format="json")
    assert made.status_code == 201 and made.json()["level"] == "intermittent"
    seen = api(cast["custody"]).get(f"/api/v1/prisoners/{woman_a.uuid}/")
    assert seen.json()["flags"]["no_segregation"] is False
    assert "Canaryclearancereason" not in seen.content.decode()


@pytest.mark.rule("16")
@pytest.mark.rule("22")
def test_a_clearance_given_beside_a_change_of_level_never_comes_back(cast, woman_a):
    """A clinician clears her at one level while another changes it: back at the first level
    later, that clearance is not in force (it was given before the change)."""
    observe(cast, woman_a)
    first = care.current_observation(woman_a)
    observe(cast, woman_a, ObservationLevel.CONSTANT)
    SegregationClearance.objects.create(  # written as the concurrent clinician's was
        prisoner=woman_a,
        observation=first,
        level=first.level,
        reason="x",
        decided_by=first.decided_by,
    )
    assert observe(cast, woman_a).no_segregation


def clearance_url(woman):
    return reverse("health:clear-for-segregation", kwargs={"uuid": woman.uuid})


@pytest.mark.rule("16")
@pytest.mark.rule("22")
def test_health_staff_record_it_from_her_file_and_see_it_there(cast, woman_a):
    observe(cast, woman_a, ObservationLevel.CONSTANT)
    client = client_for(cast["health"])
    file_url = reverse("health:file", kwargs={"uuid": woman_a.uuid})
    page = client.get(file_url).content.decode()
    assert "Segregation: not while she is under observation (Rule 16)" in page
    assert f'action="{clearance_url(woman_a)}"' in page

    reason = {"clearance-reason": "Settled; checks continue hourly."}
    response = client.post(clearance_url(woman_a), reason, follow=True)
    assert response.redirect_chain == [(file_url, 302)]
    page = response.content.decode()
    assert "Recorded: segregation is safe for her at this observation level (Rule 16)" in page
    assert "Settled; checks continue hourly." in page
    assert f'action="{clearance_url(woman_a)}"' not in page  # in force: nothing to record
    clearance = SegregationClearance.objects.get()
    assert (clearance.decided_by, clearance.level) == (cast["health"], "constant")
    assert AuditEvent.objects.filter(
        action="health.segregation_clearance_recorded", subject_id=clearance.uuid
    ).exists()
    woman_a.flags.refresh_from_db()
    assert not woman_a.flags.no_segregation


@pytest.mark.rule("16")
def test_the_page_refuses_an_empty_reason_or_no_observation_and_writes_nothing(cast, woman_a):
    # The refusal comes back in her file, whose reading is audited: no clearance is written,
    # nor the audit row of one.
    client = client_for(cast["health"])
    refused = client.post(clearance_url(woman_a), {"clearance-reason": "Fine"})
    assert refused.status_code == 400
    assert "She is not under observation: there is nothing to clear." in refused.content.decode()
    observe(cast, woman_a)
    refused = client.post(clearance_url(woman_a), {"clearance-reason": "  "})
    assert refused.status_code == 400 and "govuk-error-summary" in refused.content.decode()
    assert not SegregationClearance.objects.exists()
    assert not AuditEvent.objects.filter(action="health.segregation_clearance_recorded").exists()
    woman_a.flags.refresh_from_db()
    assert woman_a.flags.no_segregation


@pytest.mark.rule("16")
@pytest.mark.rule("8")
@pytest.mark.parametrize(
    "role", ["custody", "governor", "inspector", "reception", "social", "safeguarding", "outsider"]
)
def test_other_roles_get_404_from_the_page_and_nothing_is_written(cast, woman_a, role):
    observe(cast, woman_a)
    with nothing_written(SegregationClearance):
        response = client_for(cast[role]).post(
            clearance_url(woman_a), {"clearance-reason": "Canaryclearancereason"}
        )
    assert response.status_code == 404
    woman_a.flags.refresh_from_db()
    assert woman_a.flags.no_segregation
