"""Demo children on the register, recorded through the services as reception would: about a
third of the women have children, outside with family, in care, not known, or living with her
in the mother and baby unit on a best-interests decision (Rule 49). Of the children living
with her, some have a review coming, some a review overdue, some a separation being planned,
and some have left her on a complete plan (Rule 52)."""

from datetime import timedelta

from django.utils import timezone

from prisoners.services import SUITED_TO_CHILDREN, place_on_unit

from .services import (
    appeal_unit_decision,
    apply_for_unit,
    decide_best_interests,
    decide_unit_application,
    plan_separation,
    record_child,
    record_child_activity,
    separate_child,
)

ADMISSION_DECISION = {
    "participants": "She, the unit's social worker and nurse",
    "her_views": "She wants the child with her in the mother and baby unit.",
    "child_needs": "A baby who needs her mother's care and is breastfed.",
    "outcome": "with_her",
    "reasons": "The child is best cared for with her mother in the mother and baby unit.",
}

CHILD_NAMES = ["Ploy", "Nam", "Fah", "Mali", "Ton", "Beam", "Yada", "Sara", "Leo", "Ines", "Omar"]


def children(demo) -> None:
    i, woman = demo.i, demo.woman
    if i % 7 == 1 and not woman.is_juvenile:
        _unit_application(demo, refused=i % 14 == 1)
    if i % 3 != 0 or woman.is_juvenile:
        return
    reception = demo.user("reception", woman.facility)
    today = timezone.localdate()
    for n in range(1 + i % 2):
        kind = (i // 3 + n) % 4
        fields = {
            "given_names": demo.rng.choice(CHILD_NAMES),
            "family_name": woman.family_name,
            "date_of_birth": today - timedelta(days=demo.rng.randint(200, 16 * 365)),
        }
        if kind == 0:
            fields |= {
                "lives_with_mother": True,
                "date_of_birth": today - timedelta(days=demo.rng.randint(60, 700)),
            }
            # Rule 49: she comes to live with her mother on a social worker's decision.
            decide_best_interests(
                by=demo.user("social", woman.facility), mother=woman, **ADMISSION_DECISION
            )
        elif kind == 1:
            fields |= {
                "location": woman.home_place or "Bangkok",
                "custody": "relative",
                "arrangements": "Her sister cares for the child.",
            }
        elif kind == 2:
            fields |= {
                "location": "Children's home",
                "custody": "institution",
                "no_arrangements_reason": "Arrested away from home; no family reached.",
            }
        else:
            fields |= {"location_unknown": True, "custody": "unknown"}
        child = record_child(by=reception, mother=woman, **fields)
        if kind == 0:
            if i % 24 != 0:
                # Rule 51.2: custody move her to the mother and baby unit; a few still wait.
                place_on_unit(
                    by=demo.user("custody", woman.facility),
                    prisoner=woman,
                    unit=woman.facility.units.get(designation=SUITED_TO_CHILDREN),
                    reason="Her child lives with her.",
                )
            _life_in_prison(demo, child, variant=(i // 12) % 4)


SEPARATION_DECISION = {
    "participants": "She, the unit's social worker, the health visitor and her mother",
    "her_views": "She wants her mother to care for the child and to see the child often.",
    "child_needs": "A toddler who is ready for nursery and a life outside.",
    "outcome": "apart",
    "reasons": "Her mother can care for the child near the prison; the child starts nursery.",
}

PLAN = {
    "carer": "Her mother",
    "location": "Nonthaburi",
    "carer_contact": "+66 2 000 0000",
    "custody": "relative",
    "transition": "Two weeks of day visits to her mother, then two weekends, then the move.",
    "her_views": "She agrees and asked for weekly visits.",
    "contact_plan": "Her mother brings the child every Saturday; a video call on Wednesdays.",
    "contact_every_days": 7,
}


def _life_in_prison(demo, child, *, variant: int) -> None:
    """0: the review is months away; 1: a review decided long ago, now overdue; 2: a decision
    that the child leaves and a plan whose care is not yet confirmed; 3: the child has left on a
    complete plan."""
    woman, today = child.mother, timezone.localdate()
    social = demo.user("social", woman.facility)
    if variant in (0, 1):
        # Rules 42.2, 51.2: childcare while she studies; an outing (one child still waits).
        record_child_activity(
            by=social,
            child=child,
            kind="childcare",
            on=today - timedelta(days=2),
            hours=3,
            who="The unit's nursery nurse",
            her_activity="Her literacy class",
        )
        if variant == 0:
            record_child_activity(
                by=social,
                child=child,
                kind="outing",
                on=today - timedelta(days=5),
                who="Her grandmother, with an officer in plain clothes",
                place="The riverside park",
            )
    if variant == 1:
        decide_best_interests(
            by=social,
            mother=woman,
            child=child,
            decided_on=today - timedelta(days=200),
            **ADMISSION_DECISION,
        )
    elif variant >= 2:
        decide_best_interests(by=social, mother=woman, child=child, **SEPARATION_DECISION)
        plan = {**PLAN, "planned_on": today + timedelta(days=21)}
        if variant == 3:
            plan |= {"care_confirmed_on": today, "her_consulted_on": today}
            if woman.is_foreign_national:
                plan |= {
                    "consular_consulted_on": today,
                    "consular_official": "The consul",
                    "home_country_considered": "She wants the child to grow up near her here.",
                }
        plan_separation(by=social, child=child, **plan)
        if variant == 3:
            separate_child(by=social, child=child)


def _unit_application(demo, *, refused: bool) -> None:
    """An application for a place in the mother and baby unit (Rules 49-51), awaiting the
    board; or refused for want of a place, and appealed."""
    woman, today = demo.woman, timezone.localdate()
    social = demo.user("social", woman.facility)
    application = apply_for_unit(
        by=social,
        mother=woman,
        applicant="her",
        applied_on=today - timedelta(days=10),
        expected_on=today + timedelta(days=demo.rng.randint(50, 150)),
    )
    if refused:
        decide_unit_application(
            by=social,
            application=application,
            decision="refused",
            reasons="The unit is full until next month.",
        )
        appeal_unit_decision(
            by=social, application=application, grounds="A place frees up before the birth."
        )
