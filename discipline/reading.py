"""Her discipline records as one role may read them, in a fixed number of queries: each part
only for a role holding its permission (absent, not empty, otherwise)."""

from django.db.models import Prefetch
from django.utils import timezone

from .models import Sanction, SanctionReview, SegregationVisit
from .services.common import VIEW_CHARGE, VIEW_RESTRICTION, VIEW_SEGREGATION


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
