"""Demo discipline records, made through the services: charges laid, proved with a sanction
and dismissed; a segregation in progress with its health visit, one ended; a contact
restriction with an end date; a separation custody asked for, awaiting the governor's
authority. Only adult women without the "no segregation" protection are
charged or segregated here (the services would refuse the others, Rule 22)."""

from datetime import timedelta

from django.utils import timezone

from admissions.services import record_family_member
from prisoners.models import Prisoner

from .models import MentalHealth, Privilege, SanctionType, SegregationKind
from .services import charges, segregation
from .services.contact import restrict_contact


def _candidates(women) -> list:
    ids = [woman.pk for woman in women]
    found = Prisoner.objects.filter(pk__in=ids, flags__no_segregation=False).select_related(
        "facility", "flags"
    )
    return [woman for woman in found if not woman.is_juvenile]


def _charge(custody, woman, offence):
    return charges.lay_charge(by=custody, prisoner=woman, offence=offence, language="Thai")


def _decide(governor, charge, *, proved: bool):
    return charges.decide_charge(
        by=governor,
        charge=charge,
        proved=proved,
        reasons="Decided on the evidence heard." if proved else "Not proved on the evidence.",
        evidence="The reporting officer's account and her own.",
        mental_health=MentalHealth.NONE_KNOWN,
        informed_promptly=True,
        interpreter=False,
        legal_assistance=True,
        time_to_prepare=True,
    )


def seed(*, facility, staff, women) -> None:
    custody, governor, health = staff["custody"], staff["governor"], staff["health"]
    women = _candidates(women)
    if len(women) < 6:
        return
    today = timezone.localdate()
    _charge(custody, women[0], "Refused to return to her cell at lock-up.")
    proved = _charge(custody, women[1], "Damaged a table in the workshop.")
    _decide(governor, proved, proved=True)
    sanction = charges.impose_sanction(
        by=governor,
        charge=proved,
        type=SanctionType.LOSS_OF_PRIVILEGES,
        privilege=Privilege.ENTERTAINMENT,
        ends_on=today + timedelta(days=7),
    )
    # Every sanction is in force once a governor confirms it.
    sanction = charges.confirm_sanction(by=governor, record=sanction)
    charges.review_sanction(
        by=governor, sanction=sanction, outcome="upheld", reasons="Proportionate to the damage."
    )
    _decide(
        governor, _charge(custody, women[2], "Said to have taken another's food."), proved=False
    )
    fight = _charge(custody, women[3], "Fought with another woman in the yard.")
    _decide(governor, fight, proved=True)
    confined = charges.confirm_sanction(
        by=governor,
        record=charges.impose_sanction(
            by=governor,
            charge=fight,
            type=SanctionType.DISCIPLINARY_SEGREGATION,
            ends_on=today + timedelta(days=3),
        ),
    )
    segregation.record_segregation_visit(
        by=health, segregation=confined.segregation, fit_to_remain=True
    )
    separated = segregation.segregate(
        by=custody,
        prisoner=women[4],
        kind=SegregationKind.SEPARATION,
        reason="Threatened by others on the wing; kept apart until moved.",
        planned_end=today + timedelta(days=2),
        sought_from=governor,
    )
    # Asked for by custody; it starts when the governor gives her authority.
    separated = segregation.confirm_segregation(by=governor, record=separated)
    segregation.record_segregation_visit(by=health, segregation=separated, fit_to_remain=True)
    segregation.end_segregation(by=governor, segregation=separated, reason="Moved to another wing.")
    # The person restricted is one in her family record, recorded at her admission.
    former_partner = record_family_member(
        by=staff["reception"],
        prisoner=women[5],
        name="Somsak Boonmee",
        relationship="Former partner",
    )
    restrict_contact(
        by=governor,
        prisoner=women[5],
        means="calls",
        person=former_partner.uuid,
        reason="Calls used to arrange bringing drugs in on visits.",
        ends_on=today + timedelta(days=30),
    )
    # Custody ask for a separation the governor has not decided yet: it waits in her queue.
    segregation.segregate(
        by=custody,
        prisoner=women[0],
        kind=SegregationKind.SEPARATION,
        reason="Says she fears another woman on her landing; asks to be kept apart.",
        planned_end=today + timedelta(days=3),
    )
