"""Regime pages (Rule 42; Mandela 23, 44): the viewer's facilities, a facility's activities
with their places taken, one activity with the women who hold a place, and her own regime:
her places and her days out of cell. Every write is an action (`regime.actions`)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from bangkok.pagination import paginate
from facilities.scope import facilities_of, record_in_reach

from . import reading
from .models import Activity
from .permissions import (
    ALLOCATE,
    ATTEND,
    CORRECT_TIME,
    END,
    KEEP_ACTIVITIES,
    RECORD_TIME,
    REVIEW_SOLITARY,
    VIEW,
    access_facility,
    access_her,
)

DAY_ORDER = ("-day", "-id")


@login_required
@require_GET
def index(request):
    if not request.user.has_perm(VIEW):
        raise Http404("No such page.")
    facilities = list(facilities_of(request.user).order_by("code"))
    if len(facilities) == 1:
        return redirect("regime:facility", uuid=facilities[0].uuid)
    return render(request, "regime/index.html", {"facilities": facilities})


@login_required
@require_GET
def facility(request, uuid):
    place = access_facility(request.user, uuid)
    context = {
        "facility": place,
        "activities": reading.activities(place),
        "can_keep": request.user.has_perm(KEEP_ACTIVITIES),
    }
    return render(request, "regime/facility.html", context)


@login_required
@require_GET
def activity(request, uuid):
    if not request.user.has_perm(VIEW):
        raise Http404("No such activity in your facilities.")
    found = record_in_reach(request.user, Activity, uuid)
    places = found.allocations.open().select_related("prisoner").order_by("-started_on", "-id")
    context = {
        "activity": found,
        "facility": found.facility,
        "places": places,
        "can_keep": request.user.has_perm(KEEP_ACTIVITIES),
        "can_attend": request.user.has_perm(ATTEND),
    }
    return render(request, "regime/activity.html", context)


@login_required
@require_GET
def her(request, uuid):
    woman = access_her(request.user, uuid)
    user = request.user
    days = paginate(request, reading.her_days(woman), fields=DAY_ORDER)
    attendance = paginate(
        request, reading.her_attendance(woman), fields=DAY_ORDER, param="attendance-cursor"
    )
    context = {
        "woman": woman,
        "places": list(reading.her_allocations(woman)),
        "attendance": attendance,
        **days,
        "days": [{"day": record.day, "record": record} for record in days["page"].items],
        "can_allocate": user.has_perm(ALLOCATE),
        "can_end": user.has_perm(END),
        "can_attend": user.has_perm(ATTEND),
        "can_record": user.has_perm(RECORD_TIME),
        "can_correct": user.has_perm(CORRECT_TIME),
        "can_review": user.has_perm(REVIEW_SOLITARY),
    }
    return render(request, "regime/her.html", context)
