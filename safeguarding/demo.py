"""Demo safeguarding records, made through the services as staff would, in several states: an
incident of bullying whose victim's support plan is made and reviewed and whose perpetrator's
management is made; an incident of violence with injuries recorded by health staff, its plans
still to make; a concern a family raised awaiting triage and another linked to an incident;
and a social-care need with its adjustments, reviewed once."""

from datetime import timedelta

from django.utils import timezone

from bangkok.plausible import not_before_arrest
from prisoners.models import CustodyStatus

from . import services
from .models import Measure, NeedKind, Part, Plan, Triage


def _incident(by, woman, other, *, kind, hours: float, injured=False):
    at = not_before_arrest(woman, timezone.now() - timedelta(hours=hours))
    at = not_before_arrest(other, at)
    return services.record_incident(
        by=by,
        prisoner=woman,
        kind=kind,
        occurred_at=min(at, timezone.now()),
        place="Unit 1, the kitchen",
        account="Pushed against the wall and her food taken, in front of others.",
        injured=injured,
        reported_by="herself",
        her_part=Part.VICTIM,
        others=[{"prisoner": other, "part": Part.PERPETRATOR}],
        late_reason="Written up after the shift" if hours > 4 else "",
    )


def seed(*, facility, staff, women) -> None:
    custody, officer, social, health = (
        staff.get(r) for r in ("custody", "safeguarding", "social", "health")
    )
    if not (custody and officer and social and health):
        return
    women = [w for w in women if w.custody_status == CustodyStatus.IN_CUSTODY]
    women = [w for w in women if not w.safeguarding_involvements.exists()][:6]
    if len(women) < 6:
        return
    victim, bully, hurt, attacker, family, older = women
    first = _incident(custody, victim, bully, kind="bullying", hours=30)
    for plan in Plan.objects.filter(involvement__incident=first):
        if plan.is_support:
            services.make_plan(
                by=officer,
                plan=plan,
                measures=[Measure.NO_CONTACT, Measure.OTHER_MOVED, Measure.KEY_WORKER],
                her_views="I want to stay on my unit with my friends.",
                support_offered=True,
            )
            plan.refresh_from_db()
            services.review_plan(
                by=officer,
                plan=plan,
                notes="No contact since; she feels safer.",
                her_views="Better.",
            )
        else:
            services.make_plan(
                by=social, plan=plan, measures=[Measure.NO_CONTACT, Measure.BEHAVIOUR]
            )
    second = _incident(custody, hurt, attacker, kind="violence", hours=2, injured=True)
    services.record_injuries(
        by=health,
        incident=second,
        injuries="Bruising to the left forearm.",
        treatment="Cold compress; seen again tomorrow.",
    )
    services.record_concern(
        by=custody,
        prisoner=family,
        raised_by="Her mother, by phone",
        way="phone",
        concern="She said on the phone that women on her unit threaten her.",
    )
    linked = services.record_concern(
        by=custody,
        prisoner=victim,
        raised_by="Her sister",
        way="visit",
        concern="She told us at the visit that her food is taken.",
    )
    services.triage_concern(
        by=officer,
        concern=linked,
        outcome=Triage.INCIDENT,
        incident=first,
        family_told="We know of it and she is supported; she can tell you more herself.",
    )
    need = services.record_need(
        by=social,
        prisoner=older,
        kind=NeedKind.MOBILITY,
        description="Walks with a stick; can't manage the stairs to the upper landing.",
        adjustments="A ground-floor cell; extra time to reach the dining hall.",
        her_views="I want to keep working in the library.",
    )
    services.review_need(
        by=social, need=need, in_place=True, notes="Ground-floor cell since Monday."
    )
