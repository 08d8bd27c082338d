"""Demo restraints, recorded through the services as custody, the governor and health staff
would: an emergency restraint two days ago, confirmed by the governor after its limit (counted
late in oversight) and since removed; an emergency restraint on now, awaiting the governor's
confirmation; and, for a woman under the health-approval protection, the method health staff
approved (a week ago), three emergency restraints by it since, each removed within two hours,
and a planned escort by it, confirmed by the governor and on now. A woman under the "No
restraints" protection is never restrained here."""

from datetime import timedelta

from django.utils import timezone

from bangkok.plausible import not_before_arrest
from prisoners.models import CustodyStatus

from . import services
from .models import MethodApproval

EMERGENCY = {
    "device": "handcuffs",
    "purpose": "prevent_serious_damage",
    "necessity": "Breaking the cell window with a chair; would not stop when asked.",
    "place": "prison",
    "place_detail": "Segregation unit, cell 4",
}
HOSPITAL_ESCORT = {
    "device": "handcuffs",
    "purpose": "escort_transfer",
    "necessity": "Escort to an outside hospital appointment; no secure waiting room there.",
    "place": "hospital",
    "place_detail": "Provincial hospital, outpatients",
}


def seed(*, facility, staff, women) -> None:
    custody, governor, health = (staff.get(r) for r in ("custody", "governor", "health"))
    if not (custody and governor):
        return
    women = [w for w in women if w.custody_status == CustodyStatus.IN_CUSTODY]
    for woman in women:
        woman.flags.refresh_from_db()
    free = [w for w in women if not (w.flags.no_restraint_obstetric or _needs_approval(w))]
    now = timezone.now()
    if free:
        _late_and_removed(free[0], custody, governor, now)
    if len(free) > 1:
        _on_now(free[1], custody, governor, now)
    pregnant = [w for w in women if _needs_approval(w) and not w.flags.no_restraint_obstetric]
    if pregnant and health:
        _by_approved_method(pregnant[0], custody, governor, health, now)


def _needs_approval(woman) -> bool:
    return woman.flags.restraint_health_approval


def _late_and_removed(woman, custody, governor, now) -> None:
    # Written up later than LATE_RECORD_REASON_AFTER_HOURS, and after her arrest.
    applied_at = min(
        not_before_arrest(woman, now - timedelta(days=2, hours=5)), now - timedelta(hours=6)
    )
    restraint = services.apply_restraint(
        by=custody,
        prisoner=woman,
        emergency=True,
        applied_at=applied_at,
        late_reason="Written up on return from the hospital escort",
        **EMERGENCY,
    )
    services.remove_restraint(
        by=custody, restraint=restraint, removed_at=applied_at + timedelta(hours=3)
    )
    services.confirm_restraint(by=governor, record=restraint)


def _on_now(woman, custody, governor, now) -> None:
    restraint = services.apply_restraint(
        by=custody,
        prisoner=woman,
        device="soft_cuffs",
        purpose="prevent_injury_to_others",
        necessity="Struck an officer twice on the unit; talking her down did not work.",
        place="prison",
        place_detail="Unit 2 day room",
        emergency=True,
        sought_from=governor,
        applied_at=now - timedelta(minutes=20),
    )
    services.review_restraint(
        by=custody,
        restraint=restraint,
        still_needed=True,
        note="Still agitated; a nurse is on the way.",
        reviewed_at=now - timedelta(minutes=5),
    )


def _by_approved_method(woman, custody, governor, health, now) -> None:
    approval = services.approve_method(
        by=health,
        prisoner=woman,
        devices=["soft_cuffs", "escort_cuff"],
        conditions="Hands in front only; nothing around the abdomen; remove on arrival.",
        valid_until=now + timedelta(days=30),
    )
    # As if health staff had approved it a week ago (or soon after her arrest): the
    # restraints by it since, each removed, make how long they last (indicator 22).
    approved_at = min(not_before_arrest(woman, now - timedelta(days=7)), now - timedelta(hours=8))
    MethodApproval.objects.filter(pk=approval.pk).update(approved_at=approved_at)
    starts = (
        approved_at + timedelta(hours=1),
        approved_at + timedelta(hours=2),
        now - timedelta(hours=3),
    )
    for start, minutes in zip(starts, (40, 25, 95), strict=True):
        restraint = services.apply_restraint(
            by=custody,
            prisoner=woman,
            device="soft_cuffs",
            purpose="prevent_self_harm",
            necessity="Hitting her head against the wall; would not stop when asked.",
            place="prison",
            place_detail="Health unit, observation room",
            emergency=True,
            applied_at=start,
            late_reason="Written up after she was taken to the health unit",
        )
        services.remove_restraint(
            by=custody, restraint=restraint, removed_at=start + timedelta(minutes=minutes)
        )
        services.confirm_restraint(by=governor, record=restraint)
    # A planned escort: on once the governor confirms it, by the method health approved.
    restraint = services.apply_restraint(
        by=custody,
        prisoner=woman,
        emergency=False,
        **{**HOSPITAL_ESCORT, "device": "escort_cuff"},
    )
    services.confirm_restraint(by=governor, record=restraint)
