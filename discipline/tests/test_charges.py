"""Charges, hearings, decisions, sanctions and reviews at the service (Rules 22, 23; Mandela
39.3, 41, 43, 45)."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from discipline.models import (
    Charge,
    Hearing,
    MentalHealth,
    Privilege,
    Sanction,
    SanctionType,
    Segregation,
)
from discipline.services import charges as services
from prisoners.services import set_protection_flags
from prisoners.tests.factories import PrisonerFactory
from reminders.models import Reminder
from tests import refusals

from .factories import confinement, in_days, proved_charge

pytestmark = pytest.mark.django_db


def laid(cast, woman):
    return services.lay_charge(
        by=cast["custody"], prisoner=woman, offence="Shouted at an officer", language="Thai"
    )


def decision(**overrides):
    fields = {
        "proved": True,
        "reasons": "Seen by two officers.",
        "evidence": "Accounts of two officers.",
        "mental_health": MentalHealth.DID_NOT_CONTRIBUTE,
        "informed_promptly": True,
        "time_to_prepare": True,
        "legal_assistance": True,
    }
    return {**fields, **overrides}


def test_a_custody_officer_lays_a_charge_recording_when_and_how_she_was_told(cast, woman_a):
    charge = laid(cast, woman_a)
    assert charge.status == "laid" and charge.language == "Thai"
    assert charge.informed_at <= timezone.now()


def test_only_custody_officers_lay_charges(cast, woman_a):
    with pytest.raises(PermissionDenied):
        services.lay_charge(by=cast["governor"], prisoner=woman_a, offence="x", language="Thai")


@pytest.mark.rule("M39")
def test_no_decision_is_recorded_until_her_mental_health_was_considered(cast, woman_a):
    charge = laid(cast, woman_a)
    with refusals.refused("M39", Hearing, Reminder):
        services.decide_charge(by=cast["governor"], charge=charge, **decision(mental_health=""))
    charge.refresh_from_db()
    assert charge.status == "laid"


@pytest.mark.rule("M39")
def test_the_hearing_records_whether_her_mental_health_contributed(cast, woman_a):
    charge = laid(cast, woman_a)
    hearing = services.decide_charge(
        by=cast["governor"], charge=charge, **decision(mental_health=MentalHealth.CONTRIBUTED)
    )
    assert hearing.get_mental_health_display().endswith("contributed to the conduct")
    charge.refresh_from_db()
    assert charge.status == "proved"


def test_a_hearing_without_a_safeguard_says_why(cast, woman_a):
    charge = laid(cast, woman_a)
    with pytest.raises(ValidationError) as refused:
        services.decide_charge(
            by=cast["governor"], charge=charge, **decision(time_to_prepare=False)
        )
    assert "safeguards_note" in refused.value.message_dict
    services.decide_charge(
        by=cast["governor"],
        charge=charge,
        **decision(time_to_prepare=False, safeguards_note="She chose to proceed at once."),
    )


def test_a_dismissed_charge_carries_no_sanction(cast, woman_a):
    charge = laid(cast, woman_a)
    services.decide_charge(by=cast["governor"], charge=charge, **decision(proved=False))
    charge.refresh_from_db()
    assert charge.status == "dismissed"
    with pytest.raises(ValidationError):
        services.impose_sanction(
            by=cast["governor"], charge=charge, type=SanctionType.CAUTION, ends_on=in_days(0)
        )
    assert not Sanction.objects.exists()


@pytest.mark.rule("23")
@pytest.mark.parametrize(
    ("type", "privilege"),
    [
        ("prohibition_of_family_contact", ""),
        ("no_visits", ""),
        (SanctionType.LOSS_OF_PRIVILEGES, "family_contact"),
        (SanctionType.LOSS_OF_PRIVILEGES, "visits_from_children"),
    ],
)
def test_no_sanction_prohibits_family_contact(cast, woman_a, type, privilege):
    charge = proved_charge(cast, woman_a)
    with refusals.refused("23", Sanction, Reminder) as refused:
        services.impose_sanction(
            by=cast["governor"], charge=charge, type=type, privilege=privilege, ends_on=in_days(3)
        )
    assert "family contact" in str(refused.value)


@pytest.mark.rule("23")
def test_the_database_refuses_a_sanction_outside_the_lawful_types(cast, woman_a):
    charge = proved_charge(cast, woman_a)
    with pytest.raises(IntegrityError), transaction.atomic():
        Sanction.objects.create(
            charge=charge,
            prisoner=woman_a,
            facility=woman_a.facility,
            type="family_contact_ban",
            starts_on=in_days(0),
            ends_on=in_days(1),
            imposed_by=cast["governor"],
        )


@pytest.mark.rule("M43")
def test_restraints_are_never_a_sanction(cast, woman_a):
    charge = proved_charge(cast, woman_a)
    with refusals.refused("M43", Sanction, Segregation):
        services.impose_sanction(
            by=cast["governor"], charge=charge, type="restraints", ends_on=in_days(1)
        )


def test_a_loss_of_privileges_names_the_privilege(cast, woman_a):
    charge = proved_charge(cast, woman_a)
    sanction = services.impose_sanction(
        by=cast["governor"],
        charge=charge,
        type=SanctionType.LOSS_OF_PRIVILEGES,
        privilege=Privilege.PURCHASES,
        ends_on=in_days(6),
    )
    assert sanction.privilege == "purchases"


def test_close_confinement_starts_her_segregation_with_its_health_visits(cast, woman_a):
    sanction = confinement(cast, woman_a, days=3)
    segregation = Segregation.objects.get(sanction=sanction)
    assert segregation.kind == "close_confinement" and segregation.planned_end == in_days(2)


@pytest.mark.rule("22")
@pytest.mark.parametrize(
    "type", [SanctionType.CLOSE_CONFINEMENT, SanctionType.DISCIPLINARY_SEGREGATION]
)
def test_confinement_of_a_protected_woman_is_refused_and_nothing_is_written(cast, woman_a, type):
    charge = proved_charge(cast, woman_a)
    set_protection_flags(prisoner=woman_a, by=None, source="register", no_segregation=True)
    with refusals.refused("22", Sanction, Segregation, Reminder):
        services.impose_sanction(by=cast["governor"], charge=charge, type=type, ends_on=in_days(2))


@pytest.mark.rule("M45")
def test_confinement_of_a_girl_is_refused(cast, facility_a):
    girl = PrisonerFactory(facility=facility_a, date_of_birth=date.today() - timedelta(days=6200))
    charge = proved_charge(cast, girl)
    with refusals.refused("M45", Sanction, Segregation, Reminder):
        services.impose_sanction(
            by=cast["governor"],
            charge=charge,
            type=SanctionType.CLOSE_CONFINEMENT,
            ends_on=in_days(1),
        )


@pytest.mark.rule("M43")
def test_confinement_longer_than_15_days_is_refused(cast, woman_a):
    charge = proved_charge(cast, woman_a)
    with refusals.refused("M43", Sanction, Segregation, Reminder):
        services.impose_sanction(
            by=cast["governor"],
            charge=charge,
            type=SanctionType.DISCIPLINARY_SEGREGATION,
            ends_on=in_days(15),
        )


def test_quashing_a_confinement_on_review_ends_her_segregation(cast, woman_a):
    sanction = confinement(cast, woman_a)
    services.review_sanction(
        by=cast["governor"], sanction=sanction, outcome="quashed", reasons="Procedure not kept."
    )
    sanction.refresh_from_db()
    assert sanction.status == "quashed"
    assert not Segregation.objects.open().exists()


def test_reducing_a_sanction_moves_its_end_sooner(cast, woman_a):
    sanction = confinement(cast, woman_a, days=5)
    services.review_sanction(
        by=cast["governor"],
        sanction=sanction,
        outcome="reduced",
        reasons="First offence.",
        ends_on=in_days(1),
    )
    sanction.refresh_from_db()
    assert sanction.ends_on == in_days(1) and sanction.status == "reduced"
    assert Segregation.objects.get(sanction=sanction).planned_end == in_days(1)
    with pytest.raises(ValidationError):
        services.review_sanction(
            by=cast["governor"],
            sanction=sanction,
            outcome="reduced",
            reasons="Again",
            ends_on=in_days(3),
        )


def test_a_charge_is_decided_once(cast, woman_a):
    charge = proved_charge(cast, woman_a)
    with pytest.raises(ValidationError):
        services.decide_charge(by=cast["governor"], charge=charge, **decision())
    assert Charge.objects.get().status == "proved"
