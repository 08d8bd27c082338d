"""Her admission episodes as a viewer may read them (Mandela Rules 7 and 67; Bangkok Rules
2.1, 2.2 and 4): the page's sections and the API's answers decide here, once, what each role
sees. Nothing read here is confidential enough to be audited: her children's identities,
read beside her admission, are audited by `register.reading`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Prefetch, Q
from django.utils.translation import gettext as _

from bangkok.names import folded
from facilities.scope import facilities_of
from prisoners.permissions import prisoners_visible_to
from register.permissions import can_read_child_identity

from . import gazetteer
from .models import (
    Admission,
    Allocation,
    Place,
    RightsItem,
    RightsOffer,
    Stage,
    SuspensionRequest,
    Transfer,
)
from .permissions import ADMIT, VIEW
from .services import (
    DECIDE_SUSPENSION,
    READ_FAMILY,
    READ_SUSPENSION,
    Home,
    checklist,
    distances_from_home,
    home_at,
    pending_transfers,
    rights_due,
)

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from prisoners.models import Prisoner
    from staff.models import User

READ_ALLOCATION = "admissions.view_allocation"


def sees_injuries(viewer: User) -> bool:
    """Whether injuries or ill-treatment were noted is for those who admit her (reception,
    the governor); health staff get the urgent task."""
    return viewer.has_perm(ADMIT)


def sees_grounds(viewer: User) -> bool:
    """The grounds of a request for suspension of detention speak of her children: only for
    roles that may know their identities (Rule 3.2)."""
    return can_read_child_identity(viewer)


def episode(viewer: User, admission: Admission) -> dict:
    """One episode as the viewer may read it: its checklist, transfers and pending transfers;
    the allocation and distances from her home only for roles that read allocations (Rule 4)."""
    show_allocation = viewer.has_perm(READ_ALLOCATION)
    shown = {
        "checklist": checklist(admission),
        "admits": sees_injuries(viewer),
        "show_allocation": show_allocation,
        "allocation": None,
        "distances": [],
        "transfers": list(admission.transfers.select_related("from_facility", "to_facility")),
        "pending_transfers": list(pending_transfers(admission)),
    }
    if show_allocation:
        shown["allocation"] = admission.allocations.select_related(
            "facility", "nearest", "preference"
        ).first()
        shown["distances"] = [
            {"facility": facility.code, "name": facility.name, "km": round(km, 1)}
            for facility, km in distances_from_home(admission.prisoner)
        ]
    return shown


def admission_section(*, viewer: User, prisoner: Prisoner) -> dict:
    """Her latest episode and checklist, with its property and transfers."""
    admission = (
        prisoner.admissions.prefetch_related(
            "rights",
            "property",
            Prefetch(
                "transfers",
                queryset=Transfer.objects.select_related("from_facility", "to_facility"),
            ),
        )
        .select_related("facility")
        .first()
    )
    if admission is None:
        return {"admission": None}
    return {
        "admission": admission,
        "checklist": checklist(admission),
        "show_injuries": sees_injuries(viewer),
        "property": list(admission.property.all()),
        "transfers": list(admission.transfers.all()),
        "pending_transfers": list(pending_transfers(admission)),
        "show_transfer_reason": viewer.has_perm(READ_ALLOCATION),
    }


def allocation_section(*, viewer: User, prisoner: Prisoner) -> dict | None:
    """The latest allocation decision and its reasons, for roles that read them (T2)."""
    if not viewer.has_perm(READ_ALLOCATION):
        return None
    latest = (
        Allocation.objects.filter(admission__prisoner=prisoner)
        .select_related("facility", "nearest", "preference")
        .first()
    )
    return {"allocation": latest, "woman": prisoner}


def family_section(*, viewer: User, prisoner: Prisoner) -> dict | None:
    """Her family and contacts (T2), for reception, social workers, the governor and the
    inspector; nothing for the others."""
    if not viewer.has_perm(READ_FAMILY):
        return None
    return {"family": list(prisoner.family.all())}


def suspension_section(*, viewer: User, prisoner: Prisoner) -> dict | None:
    """Her requests for suspension of detention: that they exist, when and their outcome for
    those who read them; the grounds only for those who know her children (Rule 3.2)."""
    if not viewer.has_perm(READ_SUSPENSION):
        return None
    return {
        "suspension_requests": list(SuspensionRequest.objects.filter(admission__prisoner=prisoner)),
        "show_grounds": sees_grounds(viewer),
        "can_decide_suspension": viewer.has_perm(DECIDE_SUSPENSION),
    }


def suspensions_on(viewer: User, admission: Admission) -> tuple[list[SuspensionRequest], bool]:
    """Her requests on this episode (each carrying the episode) and whether the viewer reads
    their grounds; nothing for a role that doesn't read them."""
    section = suspension_section(viewer=viewer, prisoner=admission.prisoner)
    if section is None:
        return [], False
    requests = [r for r in section["suspension_requests"] if r.admission_id == admission.pk]
    for suspension in requests:
        suspension.admission = admission
    return requests, section["show_grounds"]


PLACES_SHOWN = 20


def find_places(viewer: User, text: str, *, limit: int = PLACES_SHOWN) -> list[Home]:
    """Places she may call home whose name starts with `text` (two letters at least): those the
    viewer's facilities added first, then the gazetteer's towns, the most populous first; at
    most `limit`, the picker asks for more letters beyond."""
    wanted = " ".join(text.split())
    if len(folded(wanted)) < 2:
        return []
    added = Place.objects.filter(
        facility__in=facilities_of(viewer), name__istartswith=wanted
    ).order_by("name", "id")[:limit]
    found = [home_at(place) for place in added]
    found += [
        Home(town.key, town.name, town.country, town.latitude, town.longitude)
        for town in gazetteer.search(wanted, limit=limit - len(found))
    ]
    return found


def in_reception(viewer: User) -> QuerySet[Admission]:
    """Admissions of her facilities still in reception, each with what is still missing
    before it is complete (Rules 2.1, 2.2, 4; Mandela 7, 67): the rights not yet offered and
    answered, a dependent child outside with no arrangement nor reason, her allocation, her
    home and the property inventory she signs. Nothing of a child's identity is read here."""
    from register.models import Child

    if not viewer.has_perm(ADMIT):
        return Admission.objects.none()
    answered = {
        item: Exists(RightsOffer.objects.filter(admission=OuterRef("pk"), item=item))
        for item in RightsItem.values
    }
    foreign = ~Q(prisoner__nationalities=[]) & ~Q(
        prisoner__nationalities__contains=[settings.HOME_COUNTRY]
    )
    waiting_child = Child.objects.filter(
        mother=OuterRef("prisoner"),
        dependent=True,
        lives_with_mother=False,
        arrangements="",
        no_arrangements_reason="",
    )
    rights_missing = (
        ~answered[RightsItem.FAMILY_CONTACT]
        | ~answered[RightsItem.LEGAL_ADVICE]
        | ~answered[RightsItem.INFORMATION]
        | (foreign & ~answered[RightsItem.CONSULAR])
    )
    return (
        Admission.objects.filter(
            stage=Stage.RECEPTION, prisoner__in=prisoners_visible_to(viewer, VIEW)
        )
        .select_related("prisoner", "facility")
        .annotate(
            **{f"offered_{item}": value for item, value in answered.items()},
            rights_missing=ExpressionWrapper(rights_missing, output_field=BooleanField()),
            child_waiting=Exists(waiting_child),
            allocated=Exists(Allocation.objects.filter(admission=OuterRef("pk"))),
        )
    )


def missing_steps(admission: Any) -> list[str]:
    """What an admission from `in_reception` (with its annotations) still lacks, as the
    officer reads it."""
    missing = [
        str(RightsItem(item).label)
        for item in rights_due(admission)
        if not getattr(admission, f"offered_{item}")
    ]
    if admission.child_waiting:
        missing.append(_("a child's arrangement (Rule 2.2)"))
    if not admission.allocated:
        missing.append(_("her allocation (Rule 4)"))
    if admission.prisoner.home_latitude is None:
        missing.append(_("her home"))
    if admission.property_signed_at is None:
        missing.append(_("her signature on the property inventory"))
    return missing
