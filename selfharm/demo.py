"""Demo self-harm cases, made through the services as staff would, one in each state: awaiting
its assessment; open with a care plan; a review overdue; closed and awaiting its check; closed
and checked; and an incident with its clinical part. The assessor is health staff with a valid
mental-health training (Rule 35)."""

from datetime import timedelta

from django.utils import timezone

from bangkok.plausible import not_before_arrest
from prisoners.models import CustodyStatus

from . import services
from .models import CheckOutcome, Prompt, Risk, Team

PLAN = [
    {"what": "Check on her every hour, talk with her", "team": Team.CUSTODY, "when": "Hourly"},
    {"what": "See the mental-health nurse", "team": Team.HEALTH, "when": "Daily"},
    {"what": "Call her sister with her", "team": Team.SOCIAL, "when": "By Friday"},
]


def _open(woman, by, days: int, concern: str, prompt=Prompt.SAID):
    now = timezone.now()
    noticed = not_before_arrest(woman, now - timedelta(days=days))
    return services.open_case(
        by=by,
        prisoner=woman,
        concern=concern,
        prompt=prompt,
        immediate_action="Stayed with her and told the unit's senior officer.",
        noticed_at=noticed,
        late_reason="Written up after the shift" if days else "",
    )


def _assess(case, by, risk, *, hours: float = 6):
    return services.assess(
        by=by,
        case=case,
        took_part=True,
        her_account="She says the news from home was too much and she felt alone.",
        risk=risk,
        triggers="Bad news from home; nights alone in her cell.",
        protective="Her children's visits; her friend on the unit.",
        plan=PLAN,
        assessed_at=min(case.noticed_at + timedelta(hours=hours), timezone.now()),
    )


def _review(case, by, others, *, days_ago: float, close: bool, risk=Risk.LOW):
    now = timezone.now()
    case.refresh_from_db()
    held = min(max(now - timedelta(days=days_ago), case.assessment.assessed_at), now)
    return services.review_case(
        by=by,
        case=case,
        participants=others,
        took_part=True,
        her_account="She feels better and wants to keep seeing the nurse.",
        risk=risk,
        plan_changes="Hourly checks stopped; nurse weekly.",
        close=close,
        held_at=held,
        late_reason="Written up after the meeting",
    )


def seed(*, facility, staff, women) -> None:
    custody, health, social = (staff.get(r) for r in ("custody", "health", "social"))
    if not (custody and health and social) or not services.trained(health, timezone.now()):
        return
    women = [w for w in women if w.custody_status == CustodyStatus.IN_CUSTODY]
    women = [w for w in women if services.open_case_of(w) is None][:6]
    if len(women) < 6:
        return
    awaiting, planned, overdue, closing, checked, incident = women
    _open(awaiting, custody, 0, "Said at lunch that she would be better off dead.")
    _assess(_open(planned, social, 0, "Cuts on her forearm seen at the shower."), health, Risk.HIGH)
    case = _open(overdue, custody, 6, "Crying all night after a call from home.", Prompt.DISTRESS)
    _assess(case, health, Risk.RAISED)
    case = _open(closing, social, 12, "Her mother told us she was talking of ending it.")
    _assess(case, health, Risk.RAISED)
    _review(case, health, [custody, social], days_ago=3, close=True)
    case = _open(checked, custody, 20, "Gave away her belongings.", Prompt.OTHER)
    _assess(case, health, Risk.LOW)
    _review(case, health, [social], days_ago=12, close=True)
    case.refresh_from_db()
    services.check_after_closure(
        by=health, case=case, outcome=CheckOutcome.WELL, notes="Well, working in the garden."
    )
    found = services.record_incident(
        by=custody,
        prisoner=incident,
        occurred_at=timezone.now() - timedelta(hours=1),
        place="Unit 2, her cell",
        response="First aid given at once; nurse called; stayed with her.",
        first_aid_called=True,
    )
    services.record_clinical(
        by=health,
        incident=found,
        method="Superficial cuts with a broken plastic razor.",
        injuries="Three superficial cuts, left forearm.",
        treatment="Cleaned and dressed; seen again tomorrow.",
    )
