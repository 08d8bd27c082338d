"""Demo records for girls (Rules 36-39), made through the services as staff would: the
parent or guardian of the girls admitted told of it, one after a first attempt that reached
nobody; the youngest girl's still to be told (her task open). Last of all the demo's steps
(`sealing`), in each facility, one girl released at short notice whose records wait for the
clock to seal them (GIRL_RECORDS_SEALED_AFTER_DAYS), and one released and sealed at once by
the governor, who then opens her record on a court's order (Havana r. 19)."""

from datetime import timedelta

from django.utils import timezone

from admissions.models import Stage
from admissions.services import release
from release.models import Handed
from release.reading import copy_language
from release.services import hand_over_copy, record_health_reason

from .models import Event, How, LegalBasis
from .services import open_sealed_record, record_guardian_notice, seal_record

GUARDIANS = (("Daw Khin", "her mother"), ("Somsak", "her father"), ("Noi", "her grandmother"))


def seed(*, facility, staff, women) -> None:
    social = staff.get("social")
    if social is None:
        return
    girls = sorted((w for w in women if w.is_juvenile), key=lambda w: w.date_of_birth)
    for n, girl in enumerate(girls[:-1]):  # the youngest is still to be told
        admission = girl.admissions.order_by("-admitted_at").first()
        if admission is None:
            continue
        guardian, relationship = GUARDIANS[n % len(GUARDIANS)]
        now = timezone.now()
        at = min(admission.admitted_at + timedelta(hours=3), now)
        attempts = [(False, min(admission.admitted_at + timedelta(hours=1), now))] if n == 0 else []
        for reached, told_at in [*attempts, (True, at)]:
            record_guardian_notice(
                by=social,
                prisoner=girl,
                event=Event.ADMISSION,
                reached=reached,
                guardian=guardian,
                relationship=relationship,
                how=How.PHONE,
                told_at=told_at,
                note="Told where she is held and how to visit."
                if reached
                else "No answer on the number she gave; a message left.",
            )


def sealing(*, facility, staff, women) -> None:
    """Last of the demo's steps, so that no area's demo meets a woman already sealed."""
    girls = sorted((w for w in women if w.is_juvenile), key=lambda w: w.date_of_birth)
    in_custody = [g for g in girls if g.admissions.exclude(stage=Stage.RELEASED).exists()]
    _released_and_sealed(staff, in_custody[:2])


def _release_her(girl, reception, reason: str) -> bool:
    admission = girl.admissions.exclude(stage=Stage.RELEASED).first()
    if admission is None:
        return False
    record_health_reason(
        by=reception,
        admission=admission,
        reason="Released by the court at short notice; her community clinic is told.",
    )
    hand_over_copy(
        by=reception,
        admission=admission,
        outcome=Handed.SIGNED,
        language=copy_language(girl, None)[1],
    )
    release(by=reception, admission=admission, reason=reason, property_returned=True)
    return True


def _released_and_sealed(staff, girls) -> None:
    """One girl released, her records waiting for the clock; one released and sealed at once
    by the governor, then opened on a court's order (Havana r. 19)."""
    reception, governor = staff.get("reception"), staff.get("governor")
    if reception is None or governor is None or not girls:
        return
    sealed, *waiting = girls
    for girl in waiting:
        _release_her(girl, reception, "Released to her family by the youth court")
    if not _release_her(sealed, reception, "Diverted to a community programme by the court"):
        return
    record = seal_record(
        by=governor,
        prisoner=sealed,
        reason="The youth court asked that her record be sealed now, on her release.",
    )
    open_sealed_record(
        by=governor,
        sealed=record,
        basis=LegalBasis.COURT_ORDER,
        reference="Youth Court order YC-2026-0412",
        reason="The court asks for the dates of her custody for her appeal.",
    )
