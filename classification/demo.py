"""Demo classifications, recorded through the services as social workers would: one woman at
the tool's low level with her needs taken into her plan, one raised to medium for a reason the
Rules allow, with its rationale; the others still to be classified (their tasks open)."""

from prisoners.models import CustodyStatus

from . import services

LOW = {
    "offence_violence": 0,
    "escape_history": 0,
    "conduct_in_custody": 0,
    "risk_to_others": 0,
    "level": "low",
    "reasons_for_her": (
        "The offence involved no violence, you have never tried to escape and you have had no "
        "trouble here. You will be reviewed in six months."
    ),
    "victimisation": "Years of violence from a former partner; she asked for counselling.",
    "caretaking": "Two children, 4 and 9, with her mother.",
    "needs_plan": "Trauma counselling; parenting programme; visits with her children.",
}
RAISED = {
    "offence_violence": 2,
    "escape_history": 0,
    "conduct_in_custody": 0,
    "risk_to_others": 0,
    "level": "medium",
    "raise_reasons": ["risk_to_others"],
    "rationale": (
        "A named woman on the low-security unit is the victim of the offence; she may not "
        "live near her. Reviewed as soon as the victim is released."
    ),
    "reasons_for_her": (
        "Your level is medium because the person harmed in your offence lives on the "
        "low-security unit. It will be looked at again when she leaves."
    ),
    "mental_health_needs": "Low mood since sentencing; sees the mental-health nurse weekly.",
    "declined": ["substance_use"],
    "needs_plan": "Weekly mental-health nurse; education class.",
}


def seed(*, facility, staff, women) -> None:
    social = staff.get("social")
    if social is None:
        return
    women = [w for w in women if w.custody_status == CustodyStatus.IN_CUSTODY]
    for woman, inputs in zip(women[:2], (LOW, RAISED), strict=False):
        if services.classified_since_admission(woman) is None:
            services.classify(by=social, prisoner=woman, **inputs)
