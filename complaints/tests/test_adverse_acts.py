"""Every act that can harm her waits while she is protected after a report (Rules 7.3, 25.1):
each area declares its kinds in one list, each kind is recorded in the ordinary waiting state
it has for any woman, and only its taking effect waits for both reviews. Released, it goes
ahead as for any woman; stopped, it ends as any refused or withdrawn one."""

import pytest
from django.core.exceptions import ValidationError

from complaints.models import AdverseKind, HeldAction
from complaints.services import adverse_actions, review_held_action
from complaints.services.retaliation import NOT_YET
from discipline.tests.factories import family_member
from facilities.models import Facility
from staff.tests.factories import make_staff
from visits.models import Visit

from .factories import report

pytestmark = pytest.mark.django_db


# Every act the Rules' protection after a report covers (Rules 7.3, 25.1). Moving her to
# another unit is not here: no service moves her between units.
COVERED = {
    "charge",
    "sanction",
    "loss_of_work",
    "activity_removal",
    "segregation",
    "contact_restriction",
    "transfer",
    "strip",
    "body_cavity",
    "restraint",
    "segregation_extension",
    "visit_cancellation",
    "visitor_withdrawal",
    "leave_refusal",
}


def acts(cast, woman, admission) -> dict:
    """Each declared kind, asked for through its area's service."""
    from admissions.services import propose_transfer
    from discipline.services import charges, contact, segregation
    from discipline.tests.factories import in_days
    from parole.services import decide_leave
    from parole.tests.factories import REFUSAL, leave
    from regime.services import end_allocation
    from regime.tests.factories import placed
    from restraints.services import apply_restraint
    from restraints.tests.factories import ESCORT
    from searches.services import request_search_authority
    from visits.services.prison import ask_to_cancel_visit, ask_to_withdraw_visitor
    from visits.tests.factories import approved, booked

    charge = charges.Charge.objects.get(prisoner=woman, status="proved")
    started = admission.prisoner.segregations.get()
    person = approved(cast, woman, name="Somchai Srisuk")
    visit = booked(cast, woman, [approved(cast, woman, name="Dao Srisuk")])
    why = {"trigger": "intelligence", "reason": "Seen hiding a package"}
    place = placed(cast, woman, kind="work", name="Kitchen work")
    return {
        "charge": lambda: charges.lay_charge(
            by=cast["custody"], prisoner=woman, offence="Late", language="Thai"
        ),
        "sanction": lambda: charges.impose_sanction(
            by=cast["governor"], charge=charge, type="caution", ends_on=in_days(1)
        ),
        "loss_of_work": lambda: charges.impose_sanction(
            by=cast["governor"], charge=charge, type="loss_of_work", ends_on=in_days(1)
        ),
        "activity_removal": lambda: end_allocation(
            by=cast["custody"], allocation=place, reason="removed", note="Late twice"
        ),
        "segregation": lambda: segregation.segregate(
            by=cast["custody"],
            prisoner=woman,
            kind="separation",
            reason="Kept apart",
            planned_end=in_days(1),
        ),
        "contact_restriction": lambda: contact.restrict_contact(
            by=cast["governor"],
            prisoner=woman,
            means="calls",
            person=family_member(cast, woman, "Ko Aung").uuid,
            reason="Threats",
            ends_on=in_days(9),
        ),
        "transfer": lambda: propose_transfer(
            by=cast["reception"],
            admission=admission,
            to_facility=Facility.objects.get(code="B"),
            reason="Nearer home",
        ),
        "strip": lambda: request_search_authority(
            by=cast["custody"], prisoner=woman, kind="strip", **why
        ),
        "body_cavity": lambda: request_search_authority(
            by=cast["custody"], prisoner=woman, kind="body_cavity", **why
        ),
        "restraint": lambda: apply_restraint(
            by=cast["custody"], prisoner=woman, emergency=False, **ESCORT
        ),
        "segregation_extension": lambda: segregation.extend_segregation(
            by=cast["governor"], segregation=started, planned_end=in_days(8)
        ),
        "visit_cancellation": lambda: ask_to_cancel_visit(
            by=cast["custody"], visit=visit, reason="Lockdown"
        ),
        "visitor_withdrawal": lambda: ask_to_withdraw_visitor(
            by=cast["social"], visitor=person, reason="Brought drugs in"
        ),
        "leave_refusal": lambda: decide_leave(
            by=cast["governor"], leave=leave(cast, woman), grant=False, **REFUSAL
        ),
    }


@pytest.mark.rule("7.3")
@pytest.mark.rule("25.1")
def test_every_act_that_can_harm_her_is_declared_once_and_held_by_its_service(
    cast, woman_a, admitted
):
    from discipline.tests.factories import proved_charge, segregated

    declared = {action.kind: action for action in adverse_actions()}
    assert set(declared) == set(AdverseKind.values) == COVERED
    proved_charge(cast, woman_a)  # before her report
    segregated(cast, admitted.prisoner)  # before her report
    report(cast["health"], woman_a)
    report(cast["health"], admitted.prisoner)
    asked = acts(cast, woman_a, admitted)
    assert set(asked) == set(declared)
    for kind, act in asked.items():
        act()
        held = HeldAction.objects.filter(kind=kind)
        assert held.count() == 1, kind
        assert held.get().summary, kind


def reviewed(cast, record, *, retaliatory: bool, governor=None):
    """Both reviews of the action held for `record` (one is enough to stop it)."""
    held = HeldAction.objects.get(record_uuid=record.uuid)
    review_held_action(by=cast["safeguarding"], held=held, retaliatory=retaliatory)
    if not retaliatory:
        review_held_action(by=governor or cast["governor"], held=held, retaliatory=False)
    held.refresh_from_db()
    return held


def waits(confirm, record) -> None:
    """Confirming it now is refused with the one answer that names nothing."""
    with pytest.raises(ValidationError) as refused:
        confirm(record)
    assert str(NOT_YET) in str(refused.value)
    record.refresh_from_db()
    assert record.awaits_authority


# Strip and body cavity searches (Mandela 51)


@pytest.mark.rule("7.3")
@pytest.mark.rule("25.1")
@pytest.mark.parametrize("kind", ["strip", "body_cavity"])
def test_a_search_asked_for_after_her_report_waits_for_the_reviews_then_the_governor(
    kind, cast, woman_a
):
    from searches.services import confirm_search_authority, request_search_authority

    def ask():
        return request_search_authority(
            by=cast["custody"], prisoner=woman_a, kind=kind, trigger="intelligence", reason="Tip"
        )

    def confirm(asked):
        return confirm_search_authority(by=cast["governor"], record=asked)

    report(cast["health"], woman_a)
    stopped = ask()
    assert stopped.awaits_authority  # as for any woman
    assert HeldAction.objects.get(record_uuid=stopped.uuid).kind == kind
    waits(confirm, stopped)
    assert reviewed(cast, stopped, retaliatory=True).status == "stopped"
    stopped.refresh_from_db()
    assert stopped.authority_refused and stopped.authority_refused_by == cast["safeguarding"]

    released = ask()
    assert reviewed(cast, released, retaliatory=False).status == "released"
    assert confirm(released).authorised_by == cast["governor"]


# Planned restraints (Mandela 47-49)


@pytest.mark.rule("7.3")
@pytest.mark.rule("25.1")
def test_a_planned_restraint_after_her_report_waits_for_the_reviews_then_the_governor(
    cast, woman_a
):
    from restraints.services import confirm_restraint
    from restraints.tests.factories import ESCORT, restrain

    def confirm(restraint):
        return confirm_restraint(by=cast["governor"], record=restraint)

    report(cast["health"], woman_a)
    stopped = restrain(cast, woman_a, confirm=False, **ESCORT)
    assert stopped.awaits_authority and stopped.applied_at is None
    waits(confirm, stopped)
    reviewed(cast, stopped, retaliatory=True)
    stopped.refresh_from_db()
    assert stopped.authority_refused and stopped.applied_at is None

    released = restrain(cast, woman_a, confirm=False, **ESCORT)
    reviewed(cast, released, retaliatory=False)
    assert confirm(released).applied_at is not None


@pytest.mark.rule("7.3")
def test_a_restraint_in_an_emergency_is_never_held(cast, woman_a):
    from restraints.tests.factories import restrain

    report(cast["health"], woman_a)
    restraint = restrain(cast, woman_a, confirm=False)
    assert restraint.applied_at is not None
    assert not HeldAction.objects.exists()


# Segregation decided by the governor herself (Rule 22; Mandela 43-45)


@pytest.mark.rule("7.3")
@pytest.mark.rule("25.1")
def test_a_segregation_the_governor_decides_after_her_report_starts_only_once_released(
    cast, woman_a
):
    from discipline.services.segregation import confirm_segregation, segregate
    from discipline.tests.factories import in_days

    def decide():
        return segregate(
            by=cast["governor"],
            prisoner=woman_a,
            kind="separation",
            reason="Kept apart",
            planned_end=in_days(2),
        )

    def confirm(segregation):
        return confirm_segregation(by=cast["governor"], record=segregation)

    report(cast["health"], woman_a)
    stopped = decide()
    assert stopped.awaits_authority and stopped.started_at is None  # as for any woman
    waits(confirm, stopped)
    deputy = make_staff("governor", woman_a.facility, username="deputy")
    reviewed(cast, stopped, retaliatory=True)
    stopped.refresh_from_db()
    assert stopped.authority_refused and stopped.started_at is None

    released = decide()
    reviewed(cast, released, retaliatory=False, governor=deputy)
    assert confirm(released).is_open


# Sanctions, and the loss of her work or activities (Mandela 39-43)


@pytest.mark.rule("7.3")
@pytest.mark.rule("25.1")
@pytest.mark.parametrize(
    ("type", "kind"),
    [("loss_of_work", "loss_of_work"), ("close_confinement", "sanction")],
)
def test_a_sanction_imposed_after_her_report_comes_into_force_only_once_released(
    type, kind, cast, woman_a
):
    from discipline.models import Segregation
    from discipline.services.charges import confirm_sanction, impose_sanction
    from discipline.tests.factories import in_days, proved_charge

    charge = proved_charge(cast, woman_a)  # before her report: it stands

    def impose():
        return impose_sanction(by=cast["governor"], charge=charge, type=type, ends_on=in_days(2))

    def confirm(sanction):
        return confirm_sanction(by=cast["governor"], record=sanction)

    report(cast["health"], woman_a)
    stopped = impose()
    assert stopped.awaits_authority and stopped.status == "imposed"  # as for any woman
    assert HeldAction.objects.get(record_uuid=stopped.uuid).kind == kind
    waits(confirm, stopped)
    reviewed(cast, stopped, retaliatory=True)
    stopped.refresh_from_db()
    assert stopped.authority_refused and not Segregation.objects.exists()

    released = impose()
    deputy = make_staff("governor", woman_a.facility, username="deputy")
    reviewed(cast, released, retaliatory=False, governor=deputy)
    assert confirm(released).authorised_by == cast["governor"]
    assert Segregation.objects.open().exists() == (type == "close_confinement")


# Contact restrictions (Rule 23; Mandela 43.3)


@pytest.mark.rule("7.3")
@pytest.mark.rule("25.1")
def test_a_contact_restriction_ordered_after_her_report_is_in_force_only_once_released(
    cast, woman_a
):
    from discipline.services.contact import confirm_restriction, restrict_contact
    from discipline.tests.factories import in_days

    def order():
        return restrict_contact(
            by=cast["governor"],
            prisoner=woman_a,
            means="calls",
            person=family_member(cast, woman_a, "Ko Aung").uuid,
            reason="Threats on the phone",
            ends_on=in_days(30),
        )

    def confirm(restriction):
        return confirm_restriction(by=cast["governor"], record=restriction)

    report(cast["health"], woman_a)
    stopped = order()
    assert stopped.awaits_authority and not stopped.in_force  # as for any woman
    waits(confirm, stopped)
    reviewed(cast, stopped, retaliatory=True)
    stopped.refresh_from_db()
    assert stopped.authority_refused and not stopped.in_force

    released = order()
    deputy = make_staff("governor", woman_a.facility, username="deputy")
    reviewed(cast, released, retaliatory=False, governor=deputy)
    assert confirm(released).in_force


# Transfers (Rule 4; Mandela 7(c))


@pytest.mark.rule("7.3")
@pytest.mark.rule("25.1")
def test_a_transfer_proposed_after_her_report_takes_effect_only_once_released(
    cast, admitted, facility_b
):
    from admissions.models import Transfer
    from admissions.services import confirm_transfer, propose_transfer

    def propose():
        return propose_transfer(
            by=cast["reception"], admission=admitted, to_facility=facility_b, reason="Room"
        )

    def confirm(proposal):
        return confirm_transfer(by=cast["governor"], record=proposal)

    report(cast["health"], admitted.prisoner)
    stopped = propose()
    assert stopped.awaits_authority and stopped.status == "proposed"  # as for any woman
    assert HeldAction.objects.get(record_uuid=stopped.uuid).kind == "transfer"
    waits(confirm, stopped)
    reviewed(cast, stopped, retaliatory=True)
    stopped.refresh_from_db()
    assert stopped.authority_refused and not Transfer.objects.exists()

    released = propose()
    reviewed(cast, released, retaliatory=False)
    assert confirm(released).transfer.to_facility == facility_b
    admitted.prisoner.refresh_from_db()
    assert admitted.prisoner.facility == facility_b


@pytest.mark.rule("7.3")
@pytest.mark.rule("25.1")
def test_a_transfer_held_before_every_transfer_awaited_confirmation_is_proposed_once_released(
    cast, admitted, facility_b
):
    """A held action from before, with nothing recorded: released, it becomes a proposal
    awaiting confirmation as any."""
    from admissions.models import TransferProposal

    report(cast["health"], admitted.prisoner)
    held = HeldAction.objects.create(
        prisoner=admitted.prisoner,
        facility=admitted.facility,
        kind="transfer",
        summary="Transfer to B: Room",
        params={
            "admission": str(admitted.uuid),
            "to_facility": facility_b.pk,
            "reason": "Room",
            "preference": None,
            "programmes_needed": "",
        },
        requested_by=cast["reception"],
    )
    review_held_action(by=cast["safeguarding"], held=held, retaliatory=False)
    review_held_action(by=cast["governor"], held=held, retaliatory=False)
    proposal = TransferProposal.objects.get()
    assert proposal.status == "proposed" and proposal.proposed_by == cast["reception"]


# An extension of her segregation (Mandela 43-44)


@pytest.mark.rule("7.3")
@pytest.mark.rule("25.1")
def test_an_extension_asked_for_after_her_report_moves_the_end_only_once_released(cast, woman_a):
    from discipline.services.segregation import confirm_extension, extend_segregation
    from discipline.tests.factories import in_days, segregated

    segregation = segregated(cast, woman_a, days=3)  # before her report

    def ask(day):
        return extend_segregation(
            by=cast["governor"], segregation=segregation, planned_end=in_days(day)
        )

    def confirm(extension):
        return confirm_extension(by=cast["governor"], record=extension)

    report(cast["health"], woman_a)
    stopped = ask(5)
    assert stopped.awaits_authority  # as for any woman
    waits(confirm, stopped)
    reviewed(cast, stopped, retaliatory=True)
    stopped.refresh_from_db()
    segregation.refresh_from_db()
    assert stopped.authority_refused and segregation.planned_end == in_days(2)

    released = ask(6)
    deputy = make_staff("governor", woman_a.facility, username="deputy")
    reviewed(cast, released, retaliatory=False, governor=deputy)
    confirm(released)
    segregation.refresh_from_db()
    assert segregation.planned_end == in_days(6)


# A visit cancelled or a visitor withdrawn by the prison (Rule 43; Mandela 43.3)


@pytest.mark.rule("7.3")
@pytest.mark.rule("25.1")
def test_a_visit_the_prison_cancels_after_her_report_is_cancelled_only_once_released(cast, woman_a):
    from visits.services.prison import ask_to_cancel_visit, confirm_cancellation
    from visits.tests.factories import approved, booked

    def ask():
        visit = booked(
            cast, woman_a, [approved(cast, woman_a, name=f"Dao {Visit.objects.count()}")]
        )
        return ask_to_cancel_visit(by=cast["custody"], visit=visit, reason="Lockdown")

    def confirm(cancellation):
        return confirm_cancellation(by=cast["governor"], record=cancellation)

    report(cast["health"], woman_a)
    stopped = ask()
    assert stopped.awaits_authority and stopped.visit.status == "booked"
    waits(confirm, stopped)
    reviewed(cast, stopped, retaliatory=True)
    stopped.refresh_from_db()
    assert stopped.authority_refused
    assert Visit.objects.get(pk=stopped.visit_id).status == "booked"  # the visit goes ahead

    released = ask()
    reviewed(cast, released, retaliatory=False)
    confirm(released)
    assert Visit.objects.get(pk=released.visit_id).status == "cancelled"


@pytest.mark.rule("7.3")
@pytest.mark.rule("25.1")
def test_a_visitor_the_prison_withdraws_after_her_report_leaves_only_once_released(cast, woman_a):
    from visits.models import Visitor
    from visits.services.prison import ask_to_withdraw_visitor, confirm_withdrawal
    from visits.tests.factories import approved

    def ask(name):
        person = approved(cast, woman_a, name=name)
        return ask_to_withdraw_visitor(by=cast["social"], visitor=person, reason="A package")

    def confirm(withdrawal):
        return confirm_withdrawal(by=cast["governor"], record=withdrawal)

    report(cast["health"], woman_a)
    stopped = ask("Dao Srisuk")
    assert stopped.awaits_authority
    waits(confirm, stopped)
    reviewed(cast, stopped, retaliatory=True)
    stopped.refresh_from_db()
    assert stopped.authority_refused
    assert Visitor.objects.get(pk=stopped.visitor_id).status == "approved"

    released = ask("Noi Srisuk")
    reviewed(cast, released, retaliatory=False)
    confirm(released)
    assert Visitor.objects.get(pk=released.visitor_id).status == "removed"
