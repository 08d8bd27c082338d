"""What a viewer may read of the girls in her facilities (Rules 36-39): the notices given to
a girl's parent or guardian, and the list of girls with whether each notice and her place in
education are there. Nothing here is clinical: her gynaecology and her pregnancy's specialist
are health's encounters and tasks, read in health's part of her file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce, TruncMinute

from facilities.scope import facilities_of
from prisoners.models import CustodyStatus, Prisoner
from regime.models import Allocation

from .models import Event, GuardianNotice
from .permissions import VIEW

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
        Prisoner.objects.juveniles()
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
