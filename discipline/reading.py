"""Her discipline records as one role may read them, in a fixed number of queries: each part
only for a role holding its permission (absent, not empty, otherwise)."""

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from prisoners.models import ProtectionFlags

from .models import Sanction, SanctionReview, SegregationVisit
from .services.common import VIEW_CHARGE, VIEW_RESTRICTION, VIEW_SEGREGATION
from .services.segregation import barred

HEALTH_ROLE = "health"


def segregation_bar(viewer, prisoner) -> dict | None:
    """Why she can't be segregated today, in words `viewer` may read, or None if she can: the
    segregate form shows this instead of itself (the service still refuses a segregation
    posted anyway). The rule is said to everyone; what in her records set the protection
    only as far as the viewer may know it: a child living with her (which every case role
    sees), what the rule protects (pregnancy, breastfeeding) to health staff only (Rule 8)."""
    try:
        flags = prisoner.flags
    except ProtectionFlags.DoesNotExist:
        flags = ProtectionFlags(prisoner=prisoner)
    refusal = barred(prisoner, timezone.localdate(), protected=flags.no_segregation)
    if refusal is None:
        return None
    why = []
    if refusal.rule == "22":
        why.append(
            _(
                "Bangkok Rule 22 forbids close confinement and disciplinary segregation of the "
                "women it protects, whatever the measure is called, with no override."
            )
        )
        if flags.child_in_prison and "child_in_prison" in ProtectionFlags.shown_to(viewer):
            why.append(_("A child lives with her in prison."))
        if getattr(viewer, "role_code", "") == HEALTH_ROLE:
            why.append(
                _(
                    "It protects a woman who is pregnant, breastfeeding or has an infant in "
                    "her care: her clinical file says which applies."
                )
            )
        else:
            why.append(
                _(
                    "Anything else in her records that set it is confidential (Rule 8): ask "
                    "health staff if the protection seems wrong."
                )
            )
    else:
        why.append(
            _("Mandela Rule 45.2: no solitary confinement or segregation of a girl under 18.")
        )
    return {"message": str(refusal), "rule": refusal.rule, "why": why}


def charges_of(prisoner):
    return prisoner.charges.select_related("hearing", "laid_by").prefetch_related(
        Prefetch(
            "sanctions",
            Sanction.objects.select_related("segregation").prefetch_related(
                Prefetch("reviews", SanctionReview.objects.select_related("reviewed_by"))
            ),
        )
    )


def segregations_of(prisoner):
    return prisoner.segregations.select_related(
        "authorised_by",
        "sanction",
        "authority_sought_from",
        "authority_requested_by",
        "authority_refused_by",
    ).prefetch_related(Prefetch("visits", SegregationVisit.objects.select_related("seen_by")))


def record_of(viewer, prisoner) -> dict:
    """Her charges (with hearings, sanctions and reviews: whoever reads charges reads
    sanctions), segregations (with visits) and contact restrictions, each present only for a
    role that may read it."""
    shown: dict = {}
    if viewer.has_perm(VIEW_CHARGE):
        shown["charges"] = list(charges_of(prisoner))
    if viewer.has_perm(VIEW_SEGREGATION):
        segregations = list(segregations_of(prisoner))
        shown["segregations"] = segregations
        shown["current_segregation"] = next((s for s in segregations if s.is_open), None)
    if viewer.has_perm(VIEW_RESTRICTION):
        shown["contact_restrictions"] = list(prisoner.contact_restrictions.all())
    shown["today"] = timezone.localdate()
    return shown
