"""What a viewer may read of the girls in her facilities (Rules 36-39): the notices given to
a girl's parent or guardian, and the list of girls with whether each notice and her place in
education are there. Nothing here is clinical: her gynaecology and her pregnancy's specialist
are health's encounters and tasks, read in health's part of her file.

A sealed record (Havana r. 19) is read here too: the governor's list of the sealed records of
her facilities names nobody; a record she opened on a legal basis is read whole while the
opening lasts, each read audited as a confidential read ("girls.sealed_read")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Exists, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce, TruncMinute
from django.http import Http404

import audit
from facilities.scope import facilities_of
from prisoners.models import CustodyStatus, Prisoner
from prisoners.withheld import shown
from regime.models import Allocation

from .models import Event, GuardianNotice, Opening, SealedRecord
from .permissions import READ_SEALED, VIEW

if TYPE_CHECKING:
    from staff.models import User

NOTICE_ORDER = ("-told_at", "-id")
GIRL_ORDER = ("-date_of_birth", "-id")  # youngest first


def her_notices(woman: Prisoner) -> QuerySet[GuardianNotice]:
    return GuardianNotice.objects.filter(prisoner=woman).select_related("prisoner")


def girls_of(user: User) -> QuerySet[Prisoner]:
    """The girls under 18 in custody in her facilities, each with when she came (her open
    admission, or her last transfer in since), whether her parent or guardian was told since,
    and whether she has a place in education now. One query."""
    if not user.has_perm(VIEW):
        return Prisoner.objects.none()
    from admissions.models import Admission, Transfer

    open_admission = Admission.objects.filter(prisoner=OuterRef("pk"), released_at__isnull=True)
    arrived = Transfer.objects.filter(
        admission__prisoner=OuterRef("pk"), admission__released_at__isnull=True
    ).order_by("-moved_at")
    told = GuardianNotice.objects.filter(
        prisoner=OuterRef("pk"),
        reached=True,
        event__in=[Event.ADMISSION, Event.TRANSFER],
        told_at__gte=OuterRef("came_minute"),
    )
    education = Allocation.objects.open().filter(
        prisoner=OuterRef("pk"), activity__kind="education"
    )
    return (
        shown(Prisoner.objects.juveniles())
        .filter(facility__in=facilities_of(user), custody_status=CustodyStatus.IN_CUSTODY)
        .annotate(
            admitted_at=Subquery(open_admission.values("admitted_at")[:1]),
            moved_at=Subquery(arrived.values("moved_at")[:1]),
        )
        .annotate(came_at=Coalesce("moved_at", "admitted_at"))
        # A notice is dated to the minute, as the forms take it.
        .annotate(came_minute=TruncMinute("came_at"))
        .annotate(guardian_told=Exists(told), in_education=Exists(education))
        .select_related("facility", "unit")
    )


# -- Sealed records (Havana r. 19) ----------------------------------------------------------

SEALED_ORDER = ("-sealed_at", "-id")


def sealed_of(user: User, number: str = "") -> QuerySet[SealedRecord]:
    """The sealed records of her facilities, newest first, each with her own openings still
    open; none names the woman. `number`: only the one with this prison number exactly (the
    number an order to open it gives), so the list is never a search by name."""
    if not user.is_authenticated or not user.has_perm(READ_SEALED):
        return SealedRecord.objects.none()
    found = SealedRecord.objects.filter(facility__in=facilities_of(user))
    if number.strip():
        found = found.filter(prisoner__prison_number__iexact=number.strip())
    mine = Opening.objects.open_to(user)
    return found.select_related("facility").prefetch_related(
        Prefetch("openings", queryset=mine, to_attr="open_to_viewer")
    )


def her_opening(user: User, sealed: SealedRecord) -> Opening | None:
    """The opening of `sealed` to `user` that is still open, if any."""
    return Opening.objects.open_to(user).filter(sealed=sealed).first()


def opened_record(user: User, sealed: SealedRecord) -> dict:
    """The sealed record opened to `user`: her identity, her episodes in custody and her
    parent or guardian's notices, with the opening it is read under; one audit row of the
    confidential read with the ids disclosed. A record not open to her is the 404 of one that
    doesn't exist."""
    from admissions.models import Admission

    opening = her_opening(user, sealed)
    if opening is None:
        raise Http404("No such record in your facilities.")
    woman = Prisoner.objects.select_related("facility").get(pk=sealed.prisoner_id)
    episodes = list(
        Admission.objects.filter(prisoner=woman).select_related("facility").order_by("admitted_at")
    )
    notices = list(her_notices(woman))
    audit.record(
        by=user,
        action="girls.sealed_read",
        subject=sealed,
        facility=sealed.facility,
        disclosed=[str(woman.uuid)],
        detail={"opening": str(opening.uuid), "basis": opening.basis},
    )
    return {
        "sealed": sealed,
        "opening": opening,
        "woman": woman,
        "episodes": episodes,
        "notices": notices,
    }
