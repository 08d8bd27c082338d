"""Demo searches (Rules 19-21), recorded through the services as custody officers would.

At a facility whose custody officer may not search women (at B he is a man, Rule 19), the
demo records cell searches only: it makes no qualified woman up to search them.
"""

from datetime import timedelta

from django.utils import timezone

from staff.models import Course, Gender, TrainingRecord

from .models import Kind, Subject, Trigger
from .services import (
    confirm_search_authority,
    record_cell_search,
    record_search,
    request_search_authority,
)

RECEPTION_ROOM = "Reception search room"
SCREENED = "Screened area, women officers only"


def seed(*, facility, staff, women) -> None:
    officer = staff.get("custody")
    if officer is None or not women:
        return
    now = timezone.now()
    unit = facility.units.order_by("code").first()
    if unit is not None:
        record_cell_search(
            by=officer,
            unit=unit,
            cell="12",
            trigger=Trigger.RANDOM,
            searchers=[officer],
            searched_at=now - timedelta(days=2),
            late_reason="Written up from the unit log after the shift",
            found="A lighter",
        )
    if not _may_search_women(officer):
        return
    witness = staff.get("reception")
    for woman in women[:4]:
        _on_admission(woman, officer)
    if len(women) > 4:
        _after_visit(women[4], officer)
    if len(women) > 5 and staff.get("governor") is not None:
        _strip(women[5], officer, staff["governor"], witness)
    if len(women) > 6:
        _visiting_child(women[6], officer)
    _child_with_her(women, officer)


def _may_search_women(officer) -> bool:
    return (
        officer.gender == Gender.WOMAN
        and TrainingRecord.objects.valid_on()
        .filter(user=officer, course=Course.SEARCH_METHODS)
        .exists()
    )


def _admitted_at(woman):
    admission = woman.admissions.order_by("-admitted_at").first()
    moment = (admission.admitted_at if admission else timezone.now()) + timedelta(minutes=20)
    return min(moment, timezone.now())


def _on_admission(woman, officer) -> None:
    record_search(
        by=officer,
        prisoner=woman,
        kind=Kind.PAT_DOWN,
        trigger=Trigger.ADMISSION,
        searchers=[officer],
        searched_at=_admitted_at(woman),
        late_reason="Written up from the unit log after the shift",
        place=RECEPTION_ROOM,
        privacy=SCREENED,
    )


def _after_visit(woman, officer) -> None:
    record_search(
        by=officer,
        prisoner=woman,
        kind=Kind.SCANNER,
        trigger=Trigger.AFTER_VISIT,
        searchers=[officer],
        searched_at=timezone.now() - timedelta(hours=5),
        late_reason="Written up from the unit log after the shift",
        place="Visits hall exit",
        scanner_available=True,
    )


def _strip(woman, officer, governor, witness) -> None:
    """Custody ask the governor's authority, she gives it with her own sign-in, and the search
    is done on it; another strip search asked for awaits her in her queue."""
    reason = "Information that she was handed a package at the visit"
    asked = request_search_authority(
        by=officer, prisoner=woman, kind=Kind.STRIP, trigger=Trigger.INTELLIGENCE, reason=reason
    )
    confirm_search_authority(by=governor, record=asked)
    request_search_authority(
        by=officer,
        prisoner=woman,
        kind=Kind.STRIP,
        trigger=Trigger.AFTER_VISIT,
        reason="Seen passing something to her visitor's child at the end of the visit",
        sought_from=governor,
    )
    record_search(
        by=officer,
        prisoner=woman,
        kind=Kind.STRIP,
        trigger=Trigger.INTELLIGENCE,
        searchers=[officer],
        witnesses=[witness] if witness is not None and witness.gender == Gender.WOMAN else [],
        reason=reason,
        authorisation=asked,
        scanner_available=True,
        why_not_scanner="The scan showed an object it could not identify",
        place="Private search room",
        privacy="Door closed, women officers only; she undressed one half at a time",
        found="A folded letter",
    )


def _visiting_child(woman, officer) -> None:
    _child_training(officer)
    record_search(
        by=officer,
        prisoner=woman,
        subject=Subject.CHILD_VISITOR,
        visiting_child_name="Nok",
        visiting_child_age=9,
        kind=Kind.SCANNER,
        trigger=Trigger.AFTER_VISIT,
        searchers=[officer],
        searched_at=timezone.now() - timedelta(hours=6),
        late_reason="Written up from the unit log after the shift",
        place="Visits entrance",
        scanner_available=True,
    )


def _child_with_her(women, officer) -> None:
    for woman in women:
        child = woman.children.filter(lives_with_mother=True).first()
        if child is not None:
            _child_training(officer)
            record_search(
                by=officer,
                prisoner=woman,
                subject=Subject.CHILD_IN_PRISON,
                child=child,
                kind=Kind.PAT_DOWN,
                trigger=Trigger.ADMISSION,
                searchers=[officer],
                searched_at=_admitted_at(woman),
                late_reason="Written up from the unit log after the shift",
                place=RECEPTION_ROOM,
                privacy="With her mother beside her",
            )
            return


def _child_training(officer) -> None:
    today = timezone.localdate()
    TrainingRecord.objects.get_or_create(
        user=officer,
        course=Course.CHILD_SEARCHES,
        defaults={
            "completed": today - timedelta(days=90),
            "expires": today + timedelta(days=640),
            "in_effect_from": timezone.now() - timedelta(days=90),
        },
    )
