"""Demo complaints and reports, made through the services: one answered and closed, a report
of abuse with its protection plan, support and referral, an overdue complaint, a report
received today whose plan is still due, and a charge held for review after a report."""

from datetime import timedelta

from django.utils import timezone

from prisoners.models import Prisoner

from .services import adverse_actions
from .services import complaints as services


def seed(*, facility, staff, women) -> None:
    # Some were transferred since their admission: only those still here.
    women = list(Prisoner.objects.filter(pk__in=[w.pk for w in women], facility=facility))
    if len(women) < 4:
        return
    officer, reception = staff["safeguarding"], staff["reception"]
    closed = services.lodge_complaint(
        by=reception,
        prisoner=women[-1],
        kind="complaint",
        channel="confidential_box",
        subject="conditions",
        narrative="No hot water in the showers of her unit for a week.",
    )
    services.answer_complaint(
        by=officer, complaint=closed, reply="The boiler was repaired on Tuesday."
    )
    services.close_complaint(by=officer, complaint=closed)
    _report_with_plan(officer, reception, staff, women[-2])
    _answered_late(officer, reception, women)
    services.lodge_complaint(
        by=reception,
        prisoner=women[-3],
        kind="complaint",
        channel="letter",
        subject="contact",
        narrative="Her letters to her sister arrive late.",
        received_at=timezone.now() - timedelta(days=4),
    )
    services.lodge_complaint(
        by=staff["health"],
        prisoner=women[-4],
        kind="abuse_report",
        channel="in_person",
        subject="other_prisoners",
        narrative="She says another woman threatened her in the yard.",
        timing="during",
        perpetrator="prisoner",
        wishes_legal_action=True,  # her referral is still to be made (Rule 7.1)
    )


def _report_with_plan(officer, reception, staff, woman) -> None:
    report = services.lodge_complaint(
        by=reception,
        prisoner=woman,
        kind="abuse_report",
        channel="in_person",
        subject="treatment_by_staff",
        narrative="She says an officer shoved her against a wall during a search.",
        named_staff=[staff["custody"]],
        timing="during",
        perpetrator="staff",
        wishes_legal_action=True,
    )
    services.acknowledge_complaint(by=officer, complaint=report)
    services.record_protection_plan(
        by=officer,
        complaint=report,
        measures=["perpetrator_moved", "no_contact"],
        support_offered=True,
    )
    services.offer_psychological_support(by=officer, complaint=report)
    services.refer_complaint(
        by=officer, complaint=report, authority="National Preventive Mechanism"
    )
    # The officer she named then charges her: the charge waits for review. A charge is laid
    # by the service the area that holds it declared (`AdverseAction`), if it is installed.
    lay_charge = {action.kind: action.held_by for action in adverse_actions()}.get("charge")
    if lay_charge is None:
        return
    lay_charge(
        by=staff["custody"],
        prisoner=woman,
        offence="Insulted an officer at lock-up.",
        language="Thai",
    )


def _answered_late(officer, reception, women) -> None:
    """A complaint received five weeks ago and answered only now, past its deadline
    (Mandela 57), from a woman here since before then."""
    since = timezone.now() - timedelta(days=36)
    woman = next((w for w in women if w.admissions.filter(admitted_at__lt=since).exists()), None)
    if woman is None:
        return
    late = services.lodge_complaint(
        by=reception,
        prisoner=woman,
        kind="complaint",
        channel="letter",
        subject="property",
        narrative="Her radio was not returned after a cell search.",
        received_at=since + timedelta(days=1),
    )
    services.answer_complaint(
        by=officer, complaint=late, reply="The radio was found in the stores and returned."
    )
