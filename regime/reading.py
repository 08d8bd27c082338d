"""Her regime as a viewer may read it (Rule 42; Mandela 23, 44), for her page, the regime
pages and the API alike. Nothing here is confidential: every role that reads regimes
(custody, social workers, health staff, the governor, the inspector) reads all of it."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.db.models import Count, Q
from django.utils import timezone

from .models import Activity, Allocation, AllocationQuerySet, Attendance, TimeOutOfCell
from .permissions import ALLOCATE, RECORD_TIME, VIEW

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from facilities.models import Facility
    from prisoners.models import Prisoner
    from staff.models import User

SECTION_DAYS = 7


def activities(facility: Facility) -> QuerySet[Activity]:
    """The facility's activities, each with how many places are taken, in one query."""
    return facility.activities.annotate(
        taken=Count("allocations", filter=Q(allocations__ended_on__isnull=True))
    ).order_by("-active", "kind", "name", "id")


def her_allocations(prisoner: Prisoner) -> AllocationQuerySet:
    """Her places, newest first, with their activity."""
    return Allocation.objects.filter(prisoner=prisoner).select_related(
        "activity", "allocated_by", "ended_by"
    )


def her_attendance(prisoner: Prisoner) -> QuerySet[Attendance]:
    """Her attendance at her activities, newest day first, with the activity and who recorded
    it."""
    return Attendance.objects.filter(allocation__prisoner=prisoner).select_related(
        "allocation__activity", "recorded_by"
    )


def her_days(prisoner: Prisoner) -> QuerySet[TimeOutOfCell]:
    """Her days out of cell, newest first, with who recorded them and any review."""
    return prisoner.times_out_of_cell.select_related("recorded_by", "solitary_review__reviewed_by")


def last_days(prisoner: Prisoner, days: int = SECTION_DAYS) -> list[dict]:
    """Each of the last `days` days before today, newest first, with its record or None."""
    today = timezone.localdate()
    wanted = [today - timedelta(days=n) for n in range(1, days + 1)]
    recorded = {r.day: r for r in her_days(prisoner).filter(day__in=wanted)}
    return [{"day": day, "record": recorded.get(day)} for day in wanted]


def regime_section(*, viewer: User, prisoner: Prisoner) -> dict | None:
    """Her regime on her page, for roles that read it: her current places and her last seven
    days out of cell."""
    if not viewer.has_perm(VIEW):
        return None
    return {
        "woman": prisoner,
        "places": list(her_allocations(prisoner).current()),
        "days": last_days(prisoner),
        "can_allocate": viewer.has_perm(ALLOCATE),
        "can_record": viewer.has_perm(RECORD_TIME),
    }
