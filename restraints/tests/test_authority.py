"""The governor's authority for a restraint is hers to give, with her own sign-in (Mandela
47-49; QUALITY S13, S14): an emergency restraint is on at once and confirmed or removed within
the set time, escalated by the clock when it is not; a planned one is not on until she
confirms; a refusal orders it off. Every door: service, page, API, the clock, a race."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connections, transaction
from django.db.models import Q
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from audit.models import AuditEvent
from authority.services import sweep_late
from conftest import client_for
from facilities.models import Facility
from oversight.registry import zeros_for
from prisoners.tests.factories import PrisonerFactory
from reminders.models import Reminder, Status
from reminders.services import complete_reminder, sweep_reminders
from restraints.models import Restraint
from restraints.services import (
    AREA,
    confirm_restraint,
    refuse_restraint,
    remove_restraint,
)
from staff.tests.factories import make_staff
from tests import refusals
from tests.concurrency import race
from tests.versions import VersionedAPIClient

from .factories import ESCORT, protect, restrain

pytestmark = pytest.mark.django_db

LATE = "restraints-authority-late-or-refused"


def decided_audit(restraint) -> int:
    return AuditEvent.objects.filter(
        Q(action="authority.confirmed") | Q(action="authority.refused"),
        subject_id=restraint.uuid,
    ).count()


def late_cases(user):
    zero = next(z for z in zeros_for(user) if z.key == LATE)
    today = timezone.localdate()
    return list(zero.cases(Facility.objects.all(), today - timedelta(days=7), today))


def api(user):
    client = VersionedAPIClient()
    client.force_authenticate(user)
    return client


# -- The service ---------------------------------------------------------------------------


@pytest.mark.rule("M47", "M48")
def test_an_emergency_restraint_is_on_at_once_and_awaits_the_governor_within_the_limit(
    cast, woman_a, settings
):
    settings.RESTRAINT_EMERGENCY_CONFIRM_MINUTES = 20
    restraint = restrain(cast, woman_a, confirm=False)

    assert restraint.is_applied and restraint.awaits_authority
    assert restraint.authorised_by is None
    assert restraint.authority_requested_by == cast["custody"]
    assert restraint.authority_due_at == restraint.applied_at + timedelta(minutes=20)
    waiting = Reminder.objects.get(key=f"authority:restraints:{restraint.uuid}")
    assert waiting.assignee_role == "governor" and waiting.escalate_at == restraint.authority_due_at

    confirmed = confirm_restraint(by=cast["governor"], record=restraint)

    assert confirmed.authorised_by == cast["governor"] and not confirmed.authority_late
    waiting.refresh_from_db()
    assert waiting.status == Status.DONE
    assert decided_audit(restraint) == 1


@pytest.mark.rule("M47")
def test_an_escort_is_never_applied_before_the_governor_confirms(cast, woman_a):
    with refusals.refused("M47", Restraint, Reminder) as refused:
        restrain(cast, woman_a, emergency=True, **ESCORT)

    assert "Mandela 47.2" in str(refused.value)
    assert not Restraint.objects.exists()
    assert not Reminder.objects.exists()


@pytest.mark.rule("M47")
def test_a_planned_restraint_is_not_on_until_the_governor_confirms_it(cast, woman_a):
    restraint = restrain(cast, woman_a, confirm=False, **ESCORT)

    assert not restraint.is_applied and restraint.applied_at is None
    assert not Reminder.objects.filter(kind="restraints.review").exists()
    confirmed = confirm_restraint(by=cast["governor"], record=restraint)

    assert confirmed.is_applied and confirmed.applied_at == confirmed.authority_decided_at
    review = Reminder.objects.get(key=f"restraints:{restraint.uuid}:review:1")
    assert review.due_at == confirmed.applied_at + timedelta(minutes=30)


@pytest.mark.rule("24")
def test_rule_24_is_checked_again_when_the_governor_confirms(cast, woman_a):
    restraint = restrain(cast, woman_a, confirm=False, **ESCORT)
    protect(woman_a, no_restraint_obstetric=True)

    with refusals.refused("24", Reminder):
        confirm_restraint(by=cast["governor"], record=restraint)

    restraint.refresh_from_db()
    assert restraint.awaits_authority and restraint.applied_at is None
    assert decided_audit(restraint) == 0


@pytest.mark.rule("M48")
def test_a_refused_emergency_restraint_must_come_off_and_only_its_removal_closes_the_order(
    cast, woman_a
):
    restraint = restrain(cast, woman_a, confirm=False)

    with pytest.raises(ValidationError):
        refuse_restraint(by=cast["governor"], record=restraint, reason="  ")
    refused = refuse_restraint(
        by=cast["governor"], record=restraint, reason="Nothing showed a lesser means failed."
    )

    assert refused.must_come_off and refused.authority_refused_by == cast["governor"]
    order = Reminder.objects.get(key=f"restraints:{restraint.uuid}:remove-now")
    assert order.assignee_role == "custody" and order.rule == "M48"
    with pytest.raises(ValidationError):
        complete_reminder(reminder=order, by=cast["custody"], outcome="done")
    remove_restraint(by=cast["custody"], restraint=refused)
    order.refresh_from_db()
    assert order.status == Status.DONE


@pytest.mark.rule("M47")
@pytest.mark.parametrize("who", ["custody", "inspector", "health", "other_governor"])
def test_only_a_governor_of_her_facility_confirms_and_nothing_is_written_otherwise(
    cast, woman_a, facility_b, who
):
    restraint = restrain(cast, woman_a, confirm=False)
    by = (
        make_staff("governor", facility_b, username="governor_b")
        if who == "other_governor"
        else cast[who]
    )

    with pytest.raises(PermissionDenied):
        confirm_restraint(by=by, record=restraint)
    with pytest.raises(PermissionDenied):
        refuse_restraint(by=by, record=restraint, reason="Not needed")

    restraint.refresh_from_db()
    assert restraint.awaits_authority and restraint.authorised_by is None
    assert decided_audit(restraint) == 0


@pytest.mark.rule("M47")
def test_when_custody_name_a_governor_only_she_decides(cast, woman_a, facility_a):
    second = make_staff("governor", facility_a, username="governor_2")
    restraint = restrain(cast, woman_a, confirm=False, sought_from=cast["governor"])

    with refusals.refused("M47", Reminder) as refused:
        confirm_restraint(by=second, record=restraint)

    assert "another governor" in str(refused.value)
    assert decided_audit(restraint) == 0
    assert (
        confirm_restraint(by=cast["governor"], record=restraint).authorised_by == cast["governor"]
    )


def test_the_database_refuses_whoever_asked_as_the_one_who_gave_it(cast, woman_a):
    restraint = restrain(cast, woman_a, confirm=False)

    with pytest.raises(IntegrityError), transaction.atomic():
        Restraint.objects.filter(pk=restraint.pk).update(
            authority="confirmed",
            authorised_by=cast["custody"],
            authority_decided_at=timezone.now(),
        )


def test_a_decision_is_made_once(cast, woman_a):
    restraint = restrain(cast, woman_a)

    with pytest.raises(ValidationError):
        refuse_restraint(by=cast["governor"], record=restraint, reason="Changed my mind")
    restraint.refresh_from_db()
    assert restraint.authority == "confirmed" and decided_audit(restraint) == 1


# -- The clock -----------------------------------------------------------------------------


@pytest.mark.rule("M48")
def test_past_the_limit_unconfirmed_it_is_escalated_once_and_counted_late(cast, woman_a):
    restraint = restrain(cast, woman_a, confirm=False)
    due = restraint.authority_due_at

    assert sweep_late(now=due - timedelta(minutes=1)) == 0
    assert late_cases(cast["inspector"]) == []
    assert sweep_late(now=due + timedelta(minutes=1)) == 1
    assert sweep_late(now=due + timedelta(minutes=2)) == 0

    late = Reminder.objects.filter(key__startswith=f"restraints:{restraint.uuid}:late:")
    assert sorted(late.values_list("assignee_role", flat=True)) == ["custody", "governor"]
    sweep_reminders(now=due + timedelta(minutes=1))
    assert set(late.values_list("status", flat=True)) == {Status.ESCALATED}
    assert Reminder.objects.get(key=f"authority:restraints:{restraint.uuid}").status == (
        Status.ESCALATED
    )
    assert AuditEvent.objects.filter(action="authority.late", subject_id=restraint.uuid).count()
    with mock.patch("django.utils.timezone.now", return_value=due + timedelta(minutes=5)):
        assert late_cases(cast["inspector"]) == [restraint]
        confirmed = confirm_restraint(by=cast["governor"], record=restraint)
    assert confirmed.authority_late
    assert set(late.values_list("status", flat=True)) == {Status.DONE}
    assert late_cases(cast["governor"]) == [restraint]


@pytest.mark.rule("M48")
def test_an_emergency_restraint_removed_within_the_limit_is_not_late(cast, woman_a):
    restraint = restrain(cast, woman_a, confirm=False)
    remove_restraint(by=cast["custody"], restraint=restraint)

    assert sweep_late(now=restraint.authority_due_at + timedelta(minutes=1)) == 0
    assert not Reminder.objects.filter(key__contains=":late:").exists()
    with mock.patch(
        "django.utils.timezone.now", return_value=restraint.authority_due_at + timedelta(hours=1)
    ):
        assert late_cases(cast["inspector"]) == []


def test_a_refusal_is_counted(cast, woman_a):
    restraint = restrain(cast, woman_a, confirm=False)
    refuse_restraint(by=cast["governor"], record=restraint, reason="Not justified")

    assert late_cases(cast["inspector"]) == [restraint]


# -- A race --------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_two_governors_deciding_at_once_exactly_one_wins(cast, woman_a, facility_a):
    second = make_staff("governor", facility_a, username="governor_2")
    restraint = restrain(cast, woman_a, confirm=False)
    outcomes = race(
        {
            "confirm": lambda: confirm_restraint(by=cast["governor"], record=restraint),
            "refuse": lambda: refuse_restraint(by=second, record=restraint, reason="Not justified"),
        }
    )
    restraint.refresh_from_db()
    winner = "confirm" if restraint.authority == "confirmed" else "refuse"
    assert sorted(outcomes) == sorted([winner, "This was decided already; nothing was changed."])
    assert decided_audit(restraint) == 1


# -- Pages and API -------------------------------------------------------------------------


def test_the_governor_confirms_from_her_queue_with_her_own_sign_in(cast, woman_a):
    restraint = restrain(cast, woman_a, confirm=False)
    governor = client_for(cast["governor"])

    queue = governor.get("/authority/").content.decode()
    assert str(restraint.uuid) in queue and "confirm or remove by" in queue
    response = governor.post(
        f"/authority/restraints/{restraint.uuid}/confirm/",
        {"authorised_by": cast["custody"].pk},
    )

    assert response.status_code == 302
    restraint.refresh_from_db()
    assert restraint.authorised_by == cast["governor"]
    assert str(restraint.uuid) not in governor.get("/authority/").content.decode()


def test_the_requester_and_other_facilities_never_reach_the_decision_on_the_page(
    cast, woman_a, facility_b
):
    restraint = restrain(cast, woman_a, confirm=False)
    governor_b = make_staff("governor", facility_b, username="governor_b")

    for user in (cast["custody"], governor_b, cast["inspector"]):
        response = client_for(user).post(f"/authority/restraints/{restraint.uuid}/confirm/")
        assert response.status_code == 404
    assert client_for(cast["custody"]).get("/authority/").status_code == 404
    restraint.refresh_from_db()
    assert restraint.awaits_authority and decided_audit(restraint) == 0


def test_a_refusal_without_a_reason_comes_back_on_the_queue(cast, woman_a):
    restraint = restrain(cast, woman_a, confirm=False)

    response = client_for(cast["governor"]).post(
        f"/authority/restraints/{restraint.uuid}/refuse/", {"reason": ""}
    )

    assert response.status_code == 400
    restraint.refresh_from_db()
    assert restraint.awaits_authority and decided_audit(restraint) == 0


def test_the_restraint_page_shows_the_authority_and_offers_the_governor_her_decision(cast, woman_a):
    restraint = restrain(cast, woman_a, confirm=False)
    url = f"/restraints/{restraint.uuid}/"

    governor = client_for(cast["governor"]).get(url).content.decode()
    custody = client_for(cast["custody"]).get(url).content.decode()

    assert "Awaiting authority" in governor and 'data-testid="authority-decide"' in governor
    assert "Awaiting authority" in custody and 'data-testid="authority-decide"' not in custody


def test_the_queue_costs_the_same_queries_however_many_wait(cast, facility_a):
    from prisoners.tests.factories import PrisonerFactory

    def count() -> int:
        with CaptureQueriesContext(connections["default"]) as queries:
            assert client_for(cast["governor"]).get("/authority/").status_code == 200
        return len(queries)

    restrain(cast, PrisonerFactory(facility=facility_a), confirm=False)
    few = count()
    for _ in range(3):
        restrain(cast, PrisonerFactory(facility=facility_a), confirm=False)
    assert count() == few


def test_the_api_confirms_as_the_signed_in_governor_whatever_the_body_says(cast, woman_a):
    restraint = restrain(cast, woman_a, confirm=False)

    response = api(cast["governor"]).post(
        f"/api/v1/restraints/{restraint.uuid}/confirm/",
        {"authorised_by": "custody"},
        format="json",
    )

    assert response.status_code == 200
    assert response.json()["authority"] == "confirmed"
    restraint.refresh_from_db()
    assert restraint.authorised_by == cast["governor"]


@pytest.mark.rule("M47")
def test_the_api_refuses_custody_confirming_their_own_restraint(cast, woman_a):
    restraint = restrain(cast, woman_a, confirm=False)

    response = api(cast["custody"]).post(f"/api/v1/restraints/{restraint.uuid}/confirm/")

    assert response.status_code in (403, 404)
    restraint.refresh_from_db()
    assert restraint.awaits_authority and decided_audit(restraint) == 0


def test_the_api_refuses_with_a_reason_and_lists_what_waits(cast, woman_a):
    restraint = restrain(cast, woman_a, confirm=False)
    waiting = api(cast["governor"]).get("/api/v1/authorities/waiting/").json()
    entry = next(area for area in waiting if area["area"] == "restraints")
    assert [item["uuid"] for item in entry["waiting"]] == [str(restraint.uuid)]
    assert entry["waiting"][0]["due_at"] is not None

    empty = api(cast["governor"]).post(
        f"/api/v1/restraints/{restraint.uuid}/refuse/", {}, format="json"
    )
    response = api(cast["governor"]).post(
        f"/api/v1/restraints/{restraint.uuid}/refuse/", {"reason": "Not needed"}, format="json"
    )

    assert empty.status_code == 400
    assert response.status_code == 200 and response.json()["authority"] == "refused"
    assert api(cast["custody"]).get("/api/v1/authorities/waiting/").status_code == 404


def test_the_area_is_registered_for_the_queue():
    from authority.registry import area

    assert area("restraints") is AREA


def test_another_facilitys_governor_meets_the_404_of_a_restraint_that_does_not_exist(
    cast, woman_a, facility_b
):
    restraint = restrain(cast, woman_a, confirm=False)
    governor_b = make_staff("governor", facility_b, username="governor_b")

    response = api(governor_b).post(f"/api/v1/restraints/{restraint.uuid}/confirm/")

    assert response.status_code == 404
    restraint.refresh_from_db()
    assert restraint.awaits_authority and decided_audit(restraint) == 0


def test_the_beat_task_sweeps_late_authorities(cast, woman_a):
    from authority.tasks import sweep_late_authorities

    restrain(cast, woman_a, confirm=False, applied_at=timezone.now() - timedelta(minutes=45))

    assert sweep_late_authorities() == 1
    assert sweep_late_authorities() == 0
    assert Reminder.objects.filter(kind="restraints.emergency_late").count() == 2


@pytest.mark.rule("M48")
def test_the_queue_marks_an_emergency_restraint_late_once_its_limit_has_passed(
    cast, woman_a, facility_a
):
    def due_line(restraint):
        page = client_for(cast["governor"]).get("/authority/").content.decode()
        return page.split(f'id="authority-{restraint.uuid}"', 1)[1].split("</li>", 1)[0]

    in_time = restrain(cast, woman_a, confirm=False)
    assert "In effect now: confirm or remove by" in due_line(in_time)
    assert "Late" not in due_line(in_time)
    other = PrisonerFactory(facility=facility_a, prison_number="A00102")
    two_hours_ago = timezone.now() - timedelta(hours=2)
    late = restrain(cast, other, confirm=False, applied_at=two_hours_ago)
    assert late.authority_late and "Late" in due_line(late)
