"""Demo children on the register, recorded through the services as reception would: about a
third of the women have children, outside with family, in care, not known, or living with her
in the mother and baby unit."""

from datetime import timedelta

from django.utils import timezone

from .services import decide_best_interests, record_child

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
        record_child(by=reception, mother=woman, **fields)
