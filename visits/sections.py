"""Her page's visits section: what each role may see of her visitor list (Rule 44), her
visits (Rules 27, 28, 43), her contact in the last 90 days and how far her home is (Rule 26).
Absent for a role that reads none of it."""

from .permissions import (
    ADD_CONTACT,
    ADD_VISIT,
    ADD_VISITOR,
    ANY_VIEW,
    ANY_VISITOR_VIEW,
    CHANGE_VISITOR,
    VIEW_CONTACT,
    VIEW_VISIT,
    sees_all_visitors,
)
from .reading import (
    label_contacts,
    label_visits,
    labelled,
    past_visits,
    recent_contacts,
    upcoming_visits,
    visitors_for,
)

SHOWN = 10


def _visitors(user, prisoner) -> dict:
    if not any(user.has_perm(perm) for perm in ANY_VISITOR_VIEW):
        return {"visitors": None}
    visitors = labelled(user, visitors_for(user, prisoner)[: SHOWN + 1])
    return {
        "visitors": visitors[:SHOWN],
        "more_visitors": len(visitors) > SHOWN,
        "full": sees_all_visitors(user),
        "can_change": user.has_perm(CHANGE_VISITOR),
    }


def _visits(user, prisoner) -> dict:
    if not user.has_perm(VIEW_VISIT):
        return {"upcoming": None}
    return {
        "upcoming": label_visits(user, upcoming_visits(prisoner)[:5]),
        "recent": label_visits(user, past_visits(prisoner)[:5]),
    }


def _contacts(user, prisoner) -> dict:
    if not user.has_perm(VIEW_CONTACT):
        return {"contacts": None}
    return {"contacts": label_contacts(user, recent_contacts(prisoner)[:SHOWN])}


def section_context(request, prisoner) -> dict | None:
    user = request.user
    if not any(user.has_perm(perm) for perm in ANY_VIEW):
        return None
    return {
        "woman": prisoner,
        "distance": prisoner.home_distance_km(),
        **_visitors(user, prisoner),
        **_visits(user, prisoner),
        **_contacts(user, prisoner),
        "can_add_visitor": user.has_perm(ADD_VISITOR),
        "can_book": user.has_perm(ADD_VISIT),
        "can_add_contact": user.has_perm(ADD_CONTACT),
    }
