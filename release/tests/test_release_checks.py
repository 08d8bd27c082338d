"""The checks at release (Rule 46; Mandela 9), at every door: the service, the API, the
admission's page, and a release dated in the past. A refusal names its rule and writes
nothing: she is still in custody, no audit row of a release."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from admissions.models import Admission, Stage
from admissions.services import release
from audit.models import AuditEvent
from conftest import client_for
from release.models import RecordsCopy, ReleasePlan
from release.services import (
    hand_over_copy,
    record_health_continuity,
    record_health_reason,
    record_release_date,
)
from tests import refusals
from tests.versions import VersionedAPIClient

pytestmark = pytest.mark.django_db


def api(user):
    client = VersionedAPIClient()
    client.default_format = "json"
    client.force_authenticate(user)
    return client


def still_in_custody(admission) -> None:
    admission = Admission.objects.get(pk=admission.pk)
    assert (admission.stage, admission.released_at) == (Stage.ADMITTED, None)
    assert admission.prisoner.custody_status == "in_custody"
    assert not AuditEvent.objects.filter(action="admission.released").exists()


def health_handed_over(cast, admission):
    record_health_continuity(
        by=cast["health"],
        admission=admission,
        medication="Metformin",
        community_provider="District health centre",
        handed_over_on=timezone.localdate(),
        complete=True,
    )


# The service ------------------------------------------------------------------------------


@pytest.mark.rule("46")
def test_release_with_health_continuity_incomplete_and_no_reason_is_refused(cast, her):
    hand_over_copy(by=cast["reception"], admission=her, outcome="signed", language="th")
    with refusals.refused("46", ReleasePlan, RecordsCopy) as caught:
        release(by=cast["reception"], admission=her, reason="End of sentence")
    assert "health continuity" in caught.value.message
    still_in_custody(her)


@pytest.mark.rule("M9")
def test_release_without_her_copy_handed_over_or_refused_is_refused(cast, her):
    health_handed_over(cast, her)
    with refusals.refused("M9", ReleasePlan, RecordsCopy) as caught:
        release(by=cast["reception"], admission=her, reason="End of sentence")
    assert "copy of her records" in caught.value.message
    still_in_custody(her)


@pytest.mark.rule("46")
@pytest.mark.rule("M9")
def test_she_is_released_with_her_plan_complete_and_her_copy_in_hand(cast, her):
    health_handed_over(cast, her)
    hand_over_copy(by=cast["reception"], admission=her, outcome="signed", language="th")
    released = release(by=cast["reception"], admission=her, reason="End of sentence")
    assert released.stage == Stage.RELEASED


@pytest.mark.rule("46")
@pytest.mark.rule("M9")
def test_she_is_released_with_a_reason_recorded_and_her_refusal_of_the_copy(cast, her):
    record_health_reason(by=cast["governor"], admission=her, reason="Bail at short notice")
    hand_over_copy(by=cast["governor"], admission=her, outcome="refused", language="th")
    assert release(by=cast["governor"], admission=her, reason="Bail").stage == Stage.RELEASED
    plan = ReleasePlan.objects.get(admission=her)
    assert (plan.health_reason, plan.health_reason_by) == ("Bail at short notice", cast["governor"])
    assert plan.started_at is None  # a release without a plan: on oversight


@pytest.mark.rule("46")
def test_a_release_dated_in_the_past_is_checked_the_same(cast, her):
    hand_over_copy(by=cast["reception"], admission=her, outcome="signed", language="th")
    with refusals.refused("46", ReleasePlan, RecordsCopy):
        release(
            by=cast["reception"],
            admission=her,
            reason="End of sentence",
            released_at=timezone.now() - timedelta(days=3),
        )
    still_in_custody(her)


@pytest.mark.rule("M9")
def test_a_release_dated_in_the_past_needs_her_copy_the_same(cast, her):
    record_health_reason(by=cast["reception"], admission=her, reason="Court order")
    with refusals.refused("M9", ReleasePlan, RecordsCopy):
        release(
            by=cast["reception"],
            admission=her,
            reason="End of sentence",
            released_at=timezone.now() - timedelta(days=3),
        )
    still_in_custody(her)


def test_her_property_is_still_checked_first(cast, her):
    from admissions.services import record_property

    record_property(by=cast["reception"], admission=her, description="Wristwatch")
    with refusals.refused("M67"):
        release(by=cast["reception"], admission=her, reason="End of sentence")


# The API ----------------------------------------------------------------------------------


def release_url(admission):
    return f"/api/v1/admissions/{admission.uuid}/release/"


@pytest.mark.rule("46")
def test_the_api_refuses_the_release_naming_rule_46_and_writes_nothing(cast, her):
    with refusals.nothing_written(ReleasePlan, RecordsCopy):
        response = api(cast["reception"]).post(release_url(her), {"reason": "End of sentence"})
    assert response.status_code == 409, response.content
    assert response.json()["rule"] == "46"
    still_in_custody(her)


@pytest.mark.rule("M9")
def test_the_api_refuses_the_release_naming_mandela_9_backdated_too(cast, her):
    health_handed_over(cast, her)
    when = (timezone.now() - timedelta(days=2)).isoformat()
    with refusals.nothing_written(ReleasePlan, RecordsCopy):
        response = api(cast["governor"]).post(
            release_url(her), {"reason": "End of sentence", "released_at": when}
        )
    assert response.status_code == 409, response.content
    assert response.json()["rule"] == "M9"
    still_in_custody(her)


@pytest.mark.rule("M9")
def test_the_api_releases_her_once_her_copy_is_logged(cast, her):
    health_handed_over(cast, her)
    client = api(cast["reception"])
    logged = client.post(
        f"/api/v1/admissions/{her.uuid}/records-copy/", {"outcome": "signed", "language": "th"}
    )
    assert logged.status_code == 201, logged.content
    assert logged.json()["outcome"] == "signed"
    response = client.post(release_url(her), {"reason": "End of sentence"})
    assert response.status_code == 200, response.content
    assert response.json()["stage"] == "released"


# The page ---------------------------------------------------------------------------------


@pytest.mark.rule("46")
def test_the_admission_page_shows_the_refusal_naming_rule_46(cast, her):
    client = client_for(cast["reception"])
    with refusals.nothing_written(ReleasePlan, RecordsCopy):
        response = client.post(
            reverse("admissions:release", args=[her.uuid]), {"reason": "End of sentence"}
        )
    assert response.status_code == 400
    body = response.content.decode()
    assert "health continuity" in body and "Bangkok Rule 46" in body
    still_in_custody(her)


@pytest.mark.rule("M9")
def test_the_admission_page_shows_the_refusal_naming_mandela_9_backdated(cast, her):
    record_health_reason(by=cast["reception"], admission=her, reason="Court order")
    client = client_for(cast["reception"])
    when = (timezone.localtime() - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    with refusals.nothing_written(ReleasePlan, RecordsCopy):
        response = client.post(
            reverse("admissions:release", args=[her.uuid]),
            {"reason": "End of sentence", "released_at": when},
        )
    assert response.status_code == 400
    assert "Mandela Rule 9" in response.content.decode()
    still_in_custody(her)


@pytest.mark.rule("46")
def test_a_plan_started_does_not_stand_for_health_continuity(cast, her):
    """Her plan complete in every other part, health continuity still open: refused."""
    from release.services import start_plan

    record_release_date(
        by=cast["social"],
        admission=her,
        earliest_release_on=timezone.localdate() + timedelta(days=10),
    )
    start_plan(by=cast["social"], admission=her)
    hand_over_copy(by=cast["reception"], admission=her, outcome="signed", language="th")
    with refusals.refused("46"):
        release(by=cast["reception"], admission=her, reason="End of sentence")
