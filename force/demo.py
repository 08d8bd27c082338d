"""Demo uses of force, recorded through the services as custody, health staff and the governor
would, one in each state: four days ago, checked by health staff and reviewed as justified;
the holds that went with a restraint on now, awaiting its health check and review; on a
protected woman five days ago, checked but not reviewed in time (counted on oversight); and,
on a woman protected after her report, force an hour ago that safeguarding staff are asked
to look at."""

from datetime import timedelta

from django.utils import timezone

from bangkok.plausible import not_before_arrest
from complaints.services import protected_against_retaliation
from prisoners.models import CustodyStatus

from . import services
from .models import Outcome


def _form(**fields) -> dict:
    return {
        "reason": "prevent_injury_to_others",
        "account": "Pushed another woman against the wall in the dining hall and would not let go.",
        "deescalation": "Two officers talked to her for minutes and asked her to step away.",
        "injury_to_her": "none_seen",
        "injury_to_staff": "none_seen",
        "camera_reference": "BWC-0412-2211",
        "location": "Dining hall",
        "duration_minutes": 4,
        **fields,
    }


def seed(*, facility, staff, women) -> None:
    custody, health, governor = (staff.get(r) for r in ("custody", "health", "governor"))
    if not (custody and health and governor):
        return
    women = [w for w in women if w.custody_status == CustodyStatus.IN_CUSTODY]
    for woman in women:
        woman.flags.refresh_from_db()
    now = timezone.now()
    after_report = [w for w in women if protected_against_retaliation(w)]
    others = [w for w in women if w not in after_report]
    protected = [w for w in others if _protected(w)]
    free = [w for w in others if not _protected(w)]
    if free:
        _reviewed(free[0], custody, health, governor, now)
    restrained = [w for w in free if w.restraints.applied().exists()]
    if restrained:
        _with_a_restraint(restrained[0], custody)
    if protected:
        _review_overdue(protected[0], custody, health, now)
    if after_report:
        _after_report(after_report[0], custody, now)


def _protected(woman) -> bool:
    return any(getattr(woman.flags, flag) for flag in services.PROTECTING_FLAGS)


def _when(woman, now, ago: timedelta):
    return min(not_before_arrest(woman, now - ago), now - timedelta(hours=7))


def _reviewed(woman, custody, health, governor, now) -> None:
    started_at = _when(woman, now, timedelta(days=4))
    force = services.record_force(
        by=custody,
        prisoner=woman,
        techniques=["guiding_hold", "restraint_hold"],
        staff_involved=[custody],
        started_at=started_at,
        late_reason="Written up after the night shift's handover",
        **_form(),
    )
    services.record_health_check(
        by=health,
        force=force,
        examined=True,
        findings="Red marks on both wrists, no swelling; no other injury.",
        seen_at=started_at + timedelta(minutes=40),
        late_reason="Typed up from the night nurse's notes",
    )
    services.review_force(
        by=governor,
        force=force,
        outcome=Outcome.JUSTIFIED,
        findings="The footage shows talking was tried first and the hold ended once she let go.",
        lessons="Call the unit's senior officer sooner when a woman will not step away.",
    )


def _with_a_restraint(woman, custody) -> None:
    restraint = woman.restraints.applied().first()
    services.record_force(
        by=custody,
        prisoner=woman,
        techniques=["restraint_hold", "mechanical"],
        staff_involved=[custody],
        restraint=restraint,
        started_at=restraint.applied_at - timedelta(minutes=2),
        **_form(
            reason="prevent_injury_to_others",
            account="Struck an officer twice on the unit; held, then soft cuffs applied.",
            location="Unit 2 day room",
            duration_minutes=3,
        ),
    )


def _review_overdue(woman, custody, health, now) -> None:
    started_at = _when(woman, now, timedelta(days=5))
    force = services.record_force(
        by=custody,
        prisoner=woman,
        techniques=["guiding_hold"],
        staff_involved=[custody],
        started_at=started_at,
        late_reason="The officer was on leave the next day",
        **_form(
            reason="resistance_to_lawful_order",
            account="Would not leave the visits hall at the end of the visit; guided out.",
            location="Visits hall",
            camera_reference="",
            no_footage_reason="The officer's camera battery was flat.",
            duration_minutes=2,
        ),
    )
    services.record_health_check(
        by=health,
        force=force,
        examined=False,
        seen_at=started_at + timedelta(hours=1),
        late_reason="Typed up from the duty nurse's notes",
    )


def _after_report(woman, custody, now) -> None:
    services.record_force(
        by=custody,
        prisoner=woman,
        techniques=["escort_hold"],
        staff_involved=[custody],
        started_at=now - timedelta(hours=1),
        **_form(
            reason="prevent_self_harm",
            account="Tried to climb onto the landing rail; held by the arm and walked back.",
            deescalation="",
            no_deescalation_reason="She was already climbing: there was no time to talk first.",
            location="Landing, wing B",
            duration_minutes=2,
        ),
    )
