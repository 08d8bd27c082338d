"""Discipline records made through the services, for tests."""

from datetime import timedelta

from django.utils import timezone

from ..models import MentalHealth, SanctionType, Segregation, SegregationKind
from ..services import charges, segregation


def in_days(days: int):
    return timezone.localdate() + timedelta(days=days)


def proved_charge(cast, woman):
    charge = charges.lay_charge(
        by=cast["custody"], prisoner=woman, offence="Fought in the yard", language="Thai"
    )
    charges.decide_charge(
        by=cast["governor"],
        charge=charge,
        proved=True,
        reasons="Seen by two officers.",
        evidence="Two officers' accounts.",
        mental_health=MentalHealth.NONE_KNOWN,
        informed_promptly=True,
        time_to_prepare=True,
    )
    charge.refresh_from_db()
    return charge


def segregated(cast, woman, days: int = 5):
    """Decided by the governor, and started by her confirmation, as for every woman."""
    decided = segregation.segregate(
        by=cast["governor"],
        prisoner=woman,
        kind=SegregationKind.SEPARATION,
        reason="Kept apart for her safety",
        planned_end=in_days(days - 1),
    )
    return segregation.confirm_segregation(by=cast["governor"], record=decided)


def extended(cast, segregation_record, planned_end, governor=None):
    """Asked for by the governor, and in effect from her confirmation, as for every woman."""
    governor = governor or cast["governor"]
    asked = segregation.extend_segregation(
        by=governor, segregation=segregation_record, planned_end=planned_end
    )
    return segregation.confirm_extension(by=governor, record=asked)


def confinement(cast, woman, days: int = 3):
    """Imposed by the governor, and in force from her confirmation, as for every woman."""
    imposed = charges.impose_sanction(
        by=cast["governor"],
        charge=proved_charge(cast, woman),
        type=SanctionType.CLOSE_CONFINEMENT,
        ends_on=in_days(days - 1),
    )
    return charges.confirm_sanction(by=cast["governor"], record=imposed)


def move_back(segregation_record, days: int) -> None:
    """Let `days` pass: her segregation began that many days earlier than recorded."""
    delta = timedelta(days=days)
    record = Segregation.objects.get(pk=segregation_record.pk)
    record.started_at -= delta
    record.start_date -= delta
    record.run_start -= delta
    record.planned_end -= delta
    if record.ended_at:
        record.ended_at -= delta
    record.save()


def family_member(cast, woman, name: str = "Somsak Boonmee", relationship: str = "Former partner"):
    """A person in her family record, as reception records one at admission."""
    from admissions.services import record_family_member

    return record_family_member(
        by=cast["reception"], prisoner=woman, name=name, relationship=relationship
    )
