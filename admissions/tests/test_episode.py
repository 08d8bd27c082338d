"""Property, suspension of detention, transfers and release on one custody episode
(Mandela Rules 7 and 67; Bangkok Rules 2.2 and 4)."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from admissions.models import Decision, Stage, TransferProposal
from admissions.services import (
    admit_woman,
    complete_admission,
    confirm_transfer,
    decide_suspension,
    propose_transfer,
    record_property,
    record_rights_offer,
    release,
    request_suspension,
    sign_property_inventory,
)
from admissions.tests.factories import commitment
from audit.models import AuditEvent
from conftest import client_for
from prisoners.permissions import prisoners_visible_to
from release.tests.factories import ready_for_release
from reminders.models import Reminder, Status
from tests import refusals
from tests.her_page import open_her_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def admission(thai_admission):
    return thai_admission


@pytest.fixture
def admitted(thai_admitted):
    return thai_admitted


# Property (Mandela Rules 7(e) and 67)


@pytest.mark.rule("M7")
def test_property_is_inventoried_and_she_signs_again_after_a_new_line(cast, admission):
    record_property(by=cast["reception"], admission=admission, description="Wristwatch")
    signed = sign_property_inventory(by=cast["reception"], admission=admission)
    assert signed.property_signed_at is not None
    record_property(
        by=cast["reception"], admission=admission, description="Cash (THB)", quantity=350
    )
    admission.refresh_from_db()
    assert admission.property_signed_at is None
    assert [p.description for p in admission.property.all()] == ["Wristwatch", "Cash (THB)"]


def test_an_empty_inventory_cannot_be_signed(cast, admission):
    with pytest.raises(ValidationError):
        sign_property_inventory(by=cast["reception"], admission=admission)


@pytest.mark.parametrize("role", ["custody", "health", "social", "inspector"])
def test_only_reception_and_the_governor_record_property(cast, admission, role):
    with pytest.raises(PermissionDenied):
        record_property(by=cast[role], admission=admission, description="Ring")
    assert not admission.property.exists()


def test_a_property_line_needs_a_description_and_a_positive_quantity(cast, admission):
    with pytest.raises(ValidationError):
        record_property(by=cast["reception"], admission=admission, description="  ")
    with pytest.raises(ValidationError):
        record_property(by=cast["reception"], admission=admission, description="Ring", quantity=0)
    assert not admission.property.exists()


# Suspension of detention (Rule 2.2)


@pytest.mark.rule("2.2")
def test_a_request_for_suspension_is_followed_up_by_social_workers_until_decided(cast, admission):
    request = request_suspension(
        by=cast["reception"],
        admission=admission,
        authority="Bangkok Criminal Court",
        period="7 days",
        grounds="To arrange care for her two children with her sister.",
    )
    follow_up = Reminder.objects.get(key=f"admission.suspension:{request.uuid}")
    assert follow_up.assignee_role == "social" and follow_up.rule == "2.2"
    assert follow_up.due_at - request.requested_at == timedelta(hours=72)
    assert "children" not in follow_up.title

    decided = decide_suspension(
        by=cast["social"], request=request, outcome=Decision.REFUSED, note="Refused by the judge"
    )
    assert decided.outcome == "refused" and decided.decided_at is not None
    follow_up.refresh_from_db()
    assert follow_up.status == Status.CANCELLED
    with pytest.raises(ValidationError):
        decide_suspension(by=cast["social"], request=request, outcome=Decision.GRANTED)


@pytest.mark.rule("2.2")
def test_a_request_needs_the_authority_it_went_to(cast, admission):
    with pytest.raises(ValidationError):
        request_suspension(by=cast["reception"], admission=admission, authority=" ")
    assert not admission.suspension_requests.exists()


@pytest.mark.parametrize("role", ["custody", "health", "governor", "inspector"])
def test_other_roles_cannot_record_a_request(cast, admission, role):
    with pytest.raises(PermissionDenied):
        request_suspension(by=cast[role], admission=admission, authority="Court")


@pytest.mark.rule("3")
def test_the_grounds_are_shown_only_to_those_who_know_her_children(cast, admission):
    request_suspension(
        by=cast["reception"],
        admission=admission,
        authority="Bangkok Criminal Court",
        grounds="Her son needs a guardian appointed",
    )
    url = reverse("admissions:detail", args=[admission.uuid])
    for role in ("reception", "social"):
        assert "Her son needs a guardian" in client_for(cast[role]).get(url).content.decode()
    for role in ("governor", "inspector", "custody"):
        body = client_for(cast[role]).get(url).content.decode()
        assert "Her son needs a guardian" not in body
    inspector = client_for(cast["inspector"]).get(url).content.decode()
    assert "Bangkok Criminal Court" in inspector  # that a request exists, and where it went


# Transfers (Mandela Rule 7(c); Rule 4)


@pytest.mark.rule("4")
def test_a_transfer_away_from_home_needs_a_written_reason(cast, admitted, facility_b):
    # From A to B moves her nearer home: allowed with the reason the transfer always needs.
    with pytest.raises(ValidationError):
        propose_transfer(
            by=cast["reception"], admission=admitted, to_facility=facility_b, reason=""
        )
    proposal = propose_transfer(
        by=cast["reception"],
        admission=admitted,
        to_facility=facility_b,
        reason="Nearer her home and her children.",
    )
    move = confirm_transfer(by=cast["governor"], record=proposal).transfer
    assert move.allocation.facility == facility_b and not move.allocation.departs_from_nearest


@pytest.mark.rule("M7")
def test_a_confirmed_transfer_moves_her_record_and_her_open_tasks_to_the_receiving_facility(
    cast, admitted, facility_b
):
    woman = admitted.prisoner
    open_before = Reminder.objects.filter(prisoner=woman, status="pending").count()
    assert open_before  # the entry health screening at least
    proposal = propose_transfer(
        by=cast["reception"], admission=admitted, to_facility=facility_b, reason="Nearer home."
    )
    woman.refresh_from_db()
    assert woman.facility != facility_b  # nothing moves before the governor confirms
    before = timezone.now()
    confirm_transfer(by=cast["governor"], record=proposal)
    woman.refresh_from_db()
    assert woman.facility == facility_b
    assert not prisoners_visible_to(cast["reception"]).filter(pk=woman.pk).exists()
    assert prisoners_visible_to(cast["outsider"]).filter(pk=woman.pk).exists()
    # Her open tasks go with her (the governor's task to confirm is closed by her decision).
    assert Reminder.objects.filter(
        prisoner=woman, facility=facility_b, status="pending"
    ).count() == (open_before)
    assert admitted.transfers.get().moved_at >= before


def test_a_transfer_needs_a_completed_admission_and_a_new_facility(
    cast, admission, facility_a, facility_b
):
    with pytest.raises(ValidationError):
        propose_transfer(
            by=cast["reception"], admission=admission, to_facility=facility_b, reason="x"
        )
    complete = admission
    for item in ("family_contact", "legal_advice", "information"):
        record_rights_offer(
            by=cast["reception"], admission=complete, item=item, outcome="done", language="th"
        )
    complete_admission(by=cast["reception"], admission=complete)
    with pytest.raises(ValidationError):
        propose_transfer(
            by=cast["reception"], admission=complete, to_facility=facility_a, reason="x"
        )
    assert not TransferProposal.objects.exists() and not complete.transfers.exists()


@pytest.mark.parametrize("role", ["custody", "health", "social", "inspector"])
def test_other_roles_cannot_transfer(cast, admitted, facility_b, role):
    with pytest.raises(PermissionDenied):
        propose_transfer(by=cast[role], admission=admitted, to_facility=facility_b, reason="x")
    assert not TransferProposal.objects.exists()


# Release (Mandela Rules 7(c) and 67(2))


@pytest.mark.rule("M67")
def test_release_returns_her_property_against_her_signature(cast, admitted):
    record_property(by=cast["reception"], admission=admitted, description="Mobile phone")
    ready_for_release(cast, admitted)
    with refusals.refused("M67", Reminder):
        release(by=cast["reception"], admission=admitted, reason="Bail granted")
    admitted.refresh_from_db()
    assert admitted.stage == Stage.ADMITTED

    released = release(
        by=cast["reception"], admission=admitted, reason="Bail granted", property_returned=True
    )
    assert released.stage == Stage.RELEASED and released.release_reason == "Bail granted"
    assert admitted.property.get().returned_at is not None
    woman = released.prisoner
    woman.refresh_from_db()
    assert woman.custody_status == "released"
    assert not Reminder.objects.filter(
        prisoner=woman, status__in=["pending", "due", "escalated"]
    ).exists()
    assert AuditEvent.objects.filter(action="admission.released").exists()


def test_a_released_episode_is_closed_and_she_can_come_back(cast, admitted, facility_a):
    ready_for_release(cast, admitted)
    release(by=cast["governor"], admission=admitted, reason="End of sentence")
    with pytest.raises(ValidationError):
        record_property(by=cast["reception"], admission=admitted, description="Ring")
    with pytest.raises(ValidationError):
        release(by=cast["reception"], admission=admitted, reason="again")
    again = admit_woman(
        by=cast["reception"],
        facility=facility_a,
        commitment=commitment(order_number="CR-2027-0001"),
        returning=admitted.prisoner,
    )
    assert again.prisoner == admitted.prisoner and again.stage == Stage.RECEPTION


def test_release_cannot_predate_her_reception(cast, admitted):
    with pytest.raises(ValidationError):
        release(
            by=cast["reception"],
            admission=admitted,
            reason="Court order",
            released_at=admitted.admitted_at - timedelta(hours=1),
        )


# The pages


def test_reception_records_property_suspension_and_release_on_the_admission_page(cast, admitted):
    browser = client_for(cast["reception"])
    url = reverse("admissions:detail", args=[admitted.uuid])
    response = browser.post(
        reverse("admissions:add-property", args=[admitted.uuid]),
        {"description": "Gold ring", "quantity": "1", "kept": "stored"},
    )
    assert response.status_code == 302
    page = browser.get(url).content.decode()
    assert "Gold ring" in page and "Not signed by her" in page
    assert (
        browser.post(reverse("admissions:sign-property", args=[admitted.uuid])).status_code == 302
    )
    assert "She signed the inventory on" in browser.get(url).content.decode()

    bad = browser.post(reverse("admissions:add-property", args=[admitted.uuid]), {"quantity": "0"})
    assert bad.status_code == 400 and admitted.property.count() == 1

    ready_for_release(cast, admitted)
    refused = browser.post(
        reverse("admissions:release", args=[admitted.uuid]), {"reason": "Bail granted"}
    )
    assert refused.status_code == 400
    assert "Mandela Rule 67" in refused.content.decode()
    done = browser.post(
        reverse("admissions:release", args=[admitted.uuid]),
        {"reason": "Bail granted", "property_returned": "on"},
    )
    assert done.status_code == 302
    page = browser.get(url).content.decode()
    assert "Bail granted" in page and "Release her" not in page


def test_social_worker_records_the_outcome_of_a_request_on_the_page(cast, admission):
    request = request_suspension(by=cast["reception"], admission=admission, authority="Court")
    social = client_for(cast["social"])
    url = reverse("admissions:decide-suspension", args=[admission.uuid, request.uuid])
    assert social.post(url, {"outcome": "pending"}).status_code == 400
    assert social.post(url, {"outcome": "granted", "note": "5 days"}).status_code == 302
    request.refresh_from_db()
    assert request.outcome == "granted"


def test_a_transfer_proposed_from_the_page_shows_on_her_pages_until_a_governor_confirms_it(
    cast, admitted, facility_b
):
    response = client_for(cast["reception"]).post(
        reverse("admissions:transfer", args=[admitted.uuid]),
        {"facility": facility_b.pk, "reason": "Nearer home"},
        follow=True,
    )
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("admissions:detail", args=[admitted.uuid])
    assert "she moves when a governor confirms it" in page
    assert 'data-testid="transfer-proposed"' in page and "Nearer home" in page
    text = open_her_page(client_for(cast["custody"]), admitted.prisoner).content.decode()
    # Custody see that a transfer awaits confirmation, not the allocation's reason.
    assert "Awaiting a governor's confirmation" in text and "Nearer home" not in text
    proposal = TransferProposal.objects.get()
    queue = client_for(cast["governor"]).get(reverse("authority:queue")).content.decode()
    assert f'id="authority-{proposal.uuid}"' in queue
    done = client_for(cast["governor"]).post(
        reverse("authority:confirm", args=["transfers", proposal.uuid])
    )
    assert done.status_code == 302
    page = client_for(cast["outsider"]).get(reverse("admissions:detail", args=[admitted.uuid]))
    assert page.status_code == 200 and 'data-testid="transfer"' in page.content.decode()
    assert 'data-testid="transfer-proposed"' not in page.content.decode()
