"""Protection against retaliation (Rules 7.3, 25.1): after her report, an adverse action
against her waits for safeguarding staff and the governor, and happens only if both find it
is not retaliation. Inspectors see every held action."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from admissions.models import Transfer, TransferProposal
from admissions.services import confirm_transfer, propose_transfer
from complaints.models import HeldAction
from complaints.services import review_held_action
from complaints.services.retaliation import NOT_YET
from conftest import client_for
from discipline.tests.factories import family_member
from reminders.models import Reminder
from reminders.services import tasks_for
from signin.tests.factories import token_for
from staff.tests.factories import make_staff
from tests import refusals

from .factories import report

pytestmark = pytest.mark.django_db


def ask_transfer(cast, admitted, facility_b):
    """The governor proposes a transfer: it awaits a governor's confirmation, as for any
    woman; after her report, a held action waits for both reviews before that."""
    proposal = propose_transfer(
        by=cast["governor"], admission=admitted, to_facility=facility_b, reason="Overcrowding"
    )
    assert proposal.status == "proposed"
    return HeldAction.objects.filter(record_uuid=proposal.uuid).first(), proposal


@pytest.mark.rule("7.3")
@pytest.mark.rule("25.1")
def test_a_transfer_after_her_report_waits_for_both_reviews_then_the_governor(
    cast, admitted, facility_b
):
    report(cast["custody"], admitted.prisoner)
    held, proposal = ask_transfer(cast, admitted, facility_b)
    assert held.status == "held" and held.kind == "transfer"
    assert tasks_for(cast["safeguarding"]).filter(kind="complaints.held_action").exists()
    with pytest.raises(ValidationError) as waiting:
        confirm_transfer(by=cast["governor"], record=proposal)
    assert str(NOT_YET) in str(waiting.value)
    review_held_action(by=cast["safeguarding"], held=held, retaliatory=False)
    second = make_staff("governor", admitted.facility, username="deputy")
    with refusals.refused("M71", Reminder):  # the governor asked for it: another must review it
        review_held_action(by=cast["governor"], held=held, retaliatory=False)
    review_held_action(by=second, held=held, retaliatory=False)
    held.refresh_from_db()
    assert held.status == "released"
    assert not Transfer.objects.exists()  # released, it still awaits the confirmation
    confirm_transfer(by=cast["governor"], record=proposal)
    assert Transfer.objects.get().to_facility == facility_b


@pytest.mark.rule("7.3")
def test_an_action_found_retaliatory_never_happens(cast, admitted, facility_b):
    report(cast["custody"], admitted.prisoner)
    held, proposal = ask_transfer(cast, admitted, facility_b)
    review_held_action(by=cast["safeguarding"], held=held, retaliatory=True, note="Timing")
    held.refresh_from_db()
    proposal.refresh_from_db()
    assert held.status == "stopped" and proposal.status == "refused"
    assert not Transfer.objects.exists()
    assert not tasks_for(cast["governor"]).filter(kind="complaints.held_action").exists()
    assert not tasks_for(cast["governor"]).filter(kind="authority.awaited").exists()


def test_without_a_report_nothing_is_held(cast, admitted, facility_b):
    held, proposal = ask_transfer(cast, admitted, facility_b)
    assert held is None
    assert confirm_transfer(by=cast["governor"], record=proposal).transfer is not None


def test_the_protection_ends_after_its_period(cast, admitted, facility_b, settings):
    settings.RETALIATION_PROTECTION_DAYS = 0
    report(cast["custody"], admitted.prisoner)
    assert ask_transfer(cast, admitted, facility_b)[0] is None


@pytest.mark.parametrize("role", ["custody", "reception", "inspector"])
def test_only_safeguarding_and_the_governor_review(role, cast, admitted, facility_b):
    report(cast["custody"], admitted.prisoner)
    held, _proposal = ask_transfer(cast, admitted, facility_b)
    with pytest.raises(PermissionDenied):
        review_held_action(by=cast[role], held=held, retaliatory=False)


@pytest.mark.rule("7.3")
def test_a_transfer_proposed_through_the_api_after_her_report_is_answered_as_for_any_woman(
    cast, admitted, facility_b
):
    token = token_for(cast["reception"])

    def propose():
        answer = client_for(None).post(
            f"/api/v1/admissions/{admitted.uuid}/transfer/",
            {"to_facility": "B", "reason": "Overcrowding"},
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Token {token}",
        )
        assert answer.status_code == 201, answer.content
        body = answer.json()
        TransferProposal.objects.filter(uuid=body.pop("uuid")).update(ended_at=timezone.now())
        body.pop("proposed_at")
        return body

    unprotected = propose()
    report(cast["custody"], admitted.prisoner)
    assert propose() == unprotected
    assert unprotected["status"] == "proposed"
    assert HeldAction.objects.get().kind == "transfer"
    assert not Transfer.objects.exists()


@pytest.mark.rule("25.1")
def test_reviewers_review_through_the_page_and_the_inspector_reads_it(cast, admitted, facility_b):
    report(cast["custody"], admitted.prisoner)
    held, _proposal = ask_transfer(cast, admitted, facility_b)
    url = reverse("complaints:held", args=[held.uuid])
    page = client_for(cast["inspector"]).get(url)
    assert page.status_code == 200 and "Overcrowding" in page.content.decode()
    assert client_for(cast["inspector"]).post(url, {"retaliatory": "no"}).status_code == 404
    empty = client_for(cast["safeguarding"]).post(url, {})
    assert empty.status_code == 400
    done = client_for(cast["safeguarding"]).post(url, {"retaliatory": "no"})
    assert done.status_code == 302
    held.refresh_from_db()
    assert held.safeguarding_finds_retaliation is False
    listing = client_for(cast["inspector"]).get(reverse("complaints:held-list") + "?status=all")
    assert "Overcrowding" in listing.content.decode()


def release(cast, held, deputy):
    """Both reviews find it is not retaliation (the deputy governor reviews what the governor
    asked for)."""
    review_held_action(by=cast["safeguarding"], held=held, retaliatory=False)
    review_held_action(by=deputy, held=held, retaliatory=False)
    held.refresh_from_db()
    return held


@pytest.mark.rule("7.3")
@pytest.mark.rule("25.1")
def test_every_adverse_discipline_action_after_her_report_is_held_until_released(cast, woman_a):
    from discipline.models import Charge, ContactRestriction, Segregation
    from discipline.services import charges, contact, segregation
    from discipline.tests.factories import in_days, proved_charge

    charge = proved_charge(cast, woman_a)  # before her report: it stands
    report(cast["health"], woman_a)
    asked = [
        charges.lay_charge(
            by=cast["custody"], prisoner=woman_a, offence="Late for roll call", language="Thai"
        ),
        charges.impose_sanction(
            by=cast["governor"],
            charge=charge,
            type="loss_of_privileges",
            privilege="entertainment",
            ends_on=in_days(6),
        ),
        segregation.segregate(
            by=cast["governor"],
            prisoner=woman_a,
            kind="separation",
            reason="Kept apart",
            planned_end=in_days(2),
        ),
        contact.restrict_contact(
            by=cast["governor"],
            prisoner=woman_a,
            means="calls",
            person=family_member(cast, woman_a, "Ko Aung").uuid,
            reason="Threats on the phone",
            ends_on=in_days(30),
        ),
    ]
    laid, sanction, separated, restriction = asked
    assert isinstance(laid, Charge) and laid.status == "laid"  # laid as for any woman
    # Awaiting confirmation, as for any woman; the confirmation waits for the reviews.
    assert sanction.awaits_authority and separated.awaits_authority
    assert restriction.awaits_authority
    kinds = ["charge", "sanction", "segregation", "contact_restriction"]
    for record, kind in zip(asked, kinds, strict=True):
        assert HeldAction.objects.get(record_uuid=record.uuid).kind == kind
    assert not Segregation.objects.open().exists()
    assert not any(r.in_force for r in ContactRestriction.objects.all())
    deputy = make_staff("governor", woman_a.facility, username="deputy_governor")
    for held in HeldAction.objects.all():
        assert release(cast, held, deputy).status == "released"
    assert Charge.objects.count() == 2


@pytest.mark.rule("22")
def test_a_hard_stop_is_refused_at_once_not_held(cast, woman_a):
    from discipline.models import Segregation
    from discipline.services import segregation
    from discipline.tests.factories import in_days
    from prisoners.services import set_protection_flags

    report(cast["health"], woman_a)
    set_protection_flags(prisoner=woman_a, by=None, source="health", no_segregation=True)
    with refusals.refused("22", Segregation, HeldAction, Reminder):
        segregation.segregate(
            by=cast["governor"],
            prisoner=woman_a,
            kind="separation",
            reason="Kept apart",
            planned_end=in_days(2),
        )
    assert not HeldAction.objects.exists()


@pytest.mark.rule("7.3")
def test_a_charge_after_her_report_is_laid_through_the_api_and_its_hearing_waits(cast, woman_a):
    from discipline.models import Charge

    report(cast["health"], woman_a)
    token = token_for(cast["custody"])
    answer = client_for(None).post(
        f"/api/v1/prisoners/{woman_a.uuid}/charges/",
        {"offence": "Late for roll call", "language": "Thai"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {token}",
    )
    assert answer.status_code == 201, answer.content
    assert answer.json()["status"] == "laid"
    charge = Charge.objects.get()
    assert HeldAction.objects.get().record_uuid == charge.uuid
