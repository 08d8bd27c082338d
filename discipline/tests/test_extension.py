"""An extension of a segregation awaits a governor's confirmation, for every woman (Rules 7.3,
22, 25.1; Mandela 43-44): the planned end moves only when she confirms it, checked again then.
At every door (service, page, API) a refusal names its rule and writes nothing."""

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from authority.tests.support import ended_undecided, in_queue, task_open
from complaints.models import HeldAction
from complaints.tests.factories import report
from conftest import client_for
from prisoners.services import set_protection_flags
from reminders.models import Reminder
from tests import refusals
from tests.versions import VersionedAPIClient

from ..models import SegregationExtension
from ..services import segregation as services
from .factories import in_days, segregated

pytestmark = pytest.mark.django_db


def post(user, path, body=None):
    client = VersionedAPIClient()
    client.force_authenticate(user)
    return client.post(f"/api/v1{path}", body or {}, format="json")


def nothing_asked() -> None:
    assert not SegregationExtension.objects.exists()
    assert not AuditEvent.objects.filter(action="discipline.segregation_extension_asked").exists()


@pytest.mark.rule("M43")
def test_the_planned_end_moves_only_when_a_governor_confirms_it(cast, woman_a):
    segregation = segregated(cast, woman_a, days=3)
    asked = services.extend_segregation(
        by=cast["governor"], segregation=segregation, planned_end=in_days(6), reason="At risk"
    )
    segregation.refresh_from_db()
    assert asked.awaits_authority and asked.previous_end == in_days(2)
    assert segregation.planned_end == in_days(2)
    with pytest.raises(Exception, match="already awaits"):
        services.extend_segregation(
            by=cast["governor"], segregation=segregation, planned_end=in_days(7)
        )
    services.confirm_extension(by=cast["governor"], record=asked)
    segregation.refresh_from_db()
    assert segregation.planned_end == in_days(6)
    assert AuditEvent.objects.filter(action="discipline.segregation_extended").exists()


@pytest.mark.rule("22")
def test_a_protection_recorded_before_the_confirmation_refuses_it(cast, woman_a):
    segregation = segregated(cast, woman_a, days=3)
    asked = services.extend_segregation(
        by=cast["governor"], segregation=segregation, planned_end=in_days(6)
    )
    set_protection_flags(prisoner=woman_a, by=None, source="health", no_segregation=True)
    with refusals.refused("22", Reminder):
        services.confirm_extension(by=cast["governor"], record=asked)
    asked.refresh_from_db()
    segregation.refresh_from_db()
    assert asked.awaits_authority and segregation.planned_end == in_days(2)


@pytest.mark.rule("M43")
def test_an_extension_beyond_15_days_is_refused_at_every_door_and_nothing_is_written(cast, woman_a):
    segregation = segregated(cast, woman_a, days=3)
    with refusals.refused("M43", SegregationExtension, Reminder):
        services.extend_segregation(
            by=cast["governor"], segregation=segregation, planned_end=in_days(20)
        )
    answer = post(
        cast["governor"],
        f"/segregations/{segregation.uuid}/extend/",
        {"planned_end": in_days(20).isoformat()},
    )
    assert answer.status_code == 409 and answer.json()["rule"] == "M43"
    page = client_for(cast["governor"]).post(
        reverse("discipline:extend", args=[segregation.uuid]),
        {"extend-planned_end": in_days(20).isoformat()},
    )
    assert page.status_code == 400 and "(Mandela Rule 43)" in page.content.decode()
    nothing_asked()


@pytest.mark.rule("M43")
def test_on_the_page_it_is_asked_for_and_confirmed_on_the_segregation_page(cast, woman_a):
    segregation = segregated(cast, woman_a, days=3)
    governor = client_for(cast["governor"])
    answer = governor.post(
        reverse("discipline:extend", args=[segregation.uuid]),
        {"extend-planned_end": in_days(6).isoformat(), "extend-reason": "At risk"},
        follow=True,
    )
    body = answer.content.decode()
    assert "moves when a governor confirms it" in body and 'data-testid="extension"' in body
    asked = SegregationExtension.objects.get()
    queue = governor.get(reverse("authority:queue")).content.decode()
    assert "An extension of a segregation" in queue
    governor.post(reverse("authority:confirm", args=["segregation-extensions", asked.uuid]))
    segregation.refresh_from_db()
    assert segregation.planned_end == in_days(6)


@pytest.mark.rule("M43")
def test_through_the_api_it_is_asked_for_and_confirmed_or_refused(cast, woman_a):
    segregation = segregated(cast, woman_a, days=3)
    made = post(
        cast["governor"],
        f"/segregations/{segregation.uuid}/extend/",
        {"planned_end": in_days(6).isoformat()},
    )
    assert made.status_code == 201 and made.json()["authority"] == "pending"
    path = f"/segregation-extensions/{made.json()['uuid']}"
    assert post(cast["custody"], f"{path}/confirm/").status_code == 404
    refused = post(cast["governor"], f"{path}/refuse/", {"reason": "Not needed any more"})
    assert refused.status_code == 200 and refused.json()["authority"] == "refused"
    segregation.refresh_from_db()
    assert segregation.planned_end == in_days(2)
    again = post(
        cast["governor"],
        f"/segregations/{segregation.uuid}/extend/",
        {"planned_end": in_days(5).isoformat()},
    )
    confirmed = post(cast["governor"], f"/segregation-extensions/{again.json()['uuid']}/confirm/")
    assert confirmed.status_code == 200 and confirmed.json()["authority"] == "confirmed"
    segregation.refresh_from_db()
    assert segregation.planned_end == in_days(5)


@pytest.mark.parametrize("after_her_report", [False, True])
def test_an_extension_of_a_segregation_ended_since_leaves_the_queue_and_its_task_closes(
    cast, woman_a, after_her_report
):
    segregation = segregated(cast, woman_a, days=3)
    if after_her_report:
        report(cast["health"], woman_a)  # the extension is held for both reviews
    asked = services.extend_segregation(
        by=cast["governor"], segregation=segregation, planned_end=in_days(6)
    )
    assert HeldAction.objects.exists() == after_her_report
    assert in_queue(cast["governor"], asked) and task_open(asked)
    page = reverse("discipline:segregation", args=[segregation.uuid])
    governor = client_for(cast["governor"])
    assert 'data-testid="authority-decide"' in governor.get(page).content.decode()
    services.end_segregation(
        by=cast["governor"], segregation=segregation, reason="Back on the wing"
    )
    ended_undecided(cast["governor"], "segregation-extensions", asked)
    segregation.refresh_from_db()
    assert segregation.planned_end == in_days(2) and not segregation.is_open
    shown = governor.get(page).content.decode()
    assert 'data-testid="authority-decide"' not in shown
    assert "Not decided: no longer needed" in shown and "Awaiting authority" not in shown


def test_an_extension_of_a_segregation_the_system_ends_at_its_limit_leaves_the_queue(cast, woman_a):
    segregation = segregated(cast, woman_a, days=3)
    asked = services.extend_segregation(
        by=cast["governor"], segregation=segregation, planned_end=in_days(6)
    )
    services.close_segregation(segregation, by=None, reason=services.TIME_LIMIT_REASON)
    ended_undecided(cast["governor"], "segregation-extensions", asked)
