"""What staff do with her regime (Rule 42; Mandela 23, 44), each declared once for the API and
the page (`bangkok.actions`). A facility, activity, place, day or woman outside the caller's
facilities, or a role that may not do the verb, is the 404 of a record that doesn't exist; a
refusal under a Rule is a 409 (beside the form on a page) naming it, with nothing written."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse

from bangkok.actions import Action, Area, Page, titled, to
from bangkok.schema import ERROR
from facilities.scope import record_in_reach

from . import api, services
from . import serializers as io
from .forms import (
    ActivityForm,
    AllocateForm,
    AttendanceForm,
    ChangeActivityForm,
    CorrectAttendanceForm,
    CorrectTimeOutForm,
    EndAllocationForm,
    SolitaryReviewForm,
    TimeOutForm,
)
from .models import Activity, Allocation, Attendance, TimeOutOfCell
from .permissions import (
    ALLOCATE,
    ATTEND,
    CORRECT_TIME,
    END,
    KEEP_ACTIVITIES,
    RECORD_TIME,
    REVIEW_SOLITARY,
    access_facility,
    access_her,
)

NOT_FOUND = OpenApiResponse(
    ERROR,
    description=(
        "No such facility, activity, place, day or woman in your facilities, or your role "
        "doesn't do this (the same answer either way)."
    ),
)


def _facility(user, address):
    return access_facility(user, address["uuid"]), None


def _activity(user, address):
    return record_in_reach(user, Activity, address["uuid"]), None


FACILITY = Area(tag=api.TAG, access=None, not_found=NOT_FOUND, prefix="api-regime", find=_facility)
ACTIVITY = Area(tag=api.TAG, access=None, not_found=NOT_FOUND, prefix="api-regime", find=_activity)
WOMAN = Area(tag=api.TAG, access=access_her, not_found=NOT_FOUND, prefix="api-regime")


def _on_facility(heading, intro=""):
    def context(request, target) -> dict:
        facility = getattr(target, "facility", target)
        return {"facility": facility, "record": target, "heading": heading, "intro": intro}

    return context


def _her_page(result, target) -> str:
    woman = getattr(target, "prisoner", target)
    return to("regime:her", of="target")(result, woman)


def _activity_page(result, target) -> str:
    activity = getattr(target, "activity", target)
    return to("regime:activity", of="target")(result, activity)


def _as_it_is(request, activity) -> dict:
    return {"initial": {name: getattr(activity, name) for name in services.CHANGEABLE}}


def _her_facility(request, woman) -> dict:
    return {"woman": woman, "user": request.user}


def _the_day(request, record) -> dict:
    return {
        "day": record,
        "heading": _("Review a day locked up"),
        "intro": _(
            "She was out of her cell two hours or less that day, with no segregation on "
            "record: de facto solitary confinement (Mandela 44). Find out why, and record "
            "what happened and what was done."
        ),
    }


FACILITY_ACTIONS = [
    Action(
        "add-activity",
        "regime/facilities/<uuid:uuid>/activities/",
        "Add an activity the facility offers (Rule 42)",
        services.add_activity,
        io.ActivitySerializer,
        io.ActivityInput,
        arg="facility",
        created=True,
        perm=KEEP_ACTIVITIES,
        reads=api.FacilityActivities,
        page=Page(
            "facilities/<uuid:uuid>/activities/new/",
            ActivityForm,
            template="regime/form.html",
            context=_on_facility(
                _("Add an activity"),
                _(
                    "A balanced programme of activities that meets women's needs, with "
                    "activities suited to pregnant women and to mothers with their children "
                    "(Rule 42)."
                ),
            ),
            done=_("Activity added."),
            then=to("regime:activity"),
        ),
    ),
]

ACTIVITY_ACTIONS = [
    Action(
        "change-activity",
        "regime/activities/<uuid:uuid>/",
        "Change an activity: its name, whom it suits, its places, whether it is offered",
        services.change_activity,
        io.ActivitySerializer,
        io.ActivityChange,
        model=Activity,
        arg="activity",
        perm=KEEP_ACTIVITIES,
        method="patch",
        page=Page(
            "activities/<uuid:uuid>/edit/",
            ChangeActivityForm,
            template="regime/form.html",
            form_kwargs=_as_it_is,
            context=_on_facility(_("Change an activity")),
            done=_("Activity changed."),
            then=_activity_page,
        ),
    ),
]

WOMAN_ACTIONS = [
    Action(
        "allocate",
        "prisoners/<uuid:uuid>/regime/allocations/",
        "Give her a place on an activity of her facility (Rule 42)",
        services.allocate,
        io.PlaceSerializer,
        io.AllocateInput,
        created=True,
        perm=ALLOCATE,
        reads=api.HerAllocations,
        description=(
            "Custody officers and the governor, to any activity; social workers, to programmes "
            "and family activities. 400 when the activity has no place left."
        ),
        page=Page(
            "women/<uuid:uuid>/allocate/",
            AllocateForm,
            template="regime/her_form.html",
            form_kwargs=_her_facility,
            context=titled(_("Give her a place on an activity")),
            done=_("Place given."),
            then=to("regime:her", of="target"),
        ),
    ),
    Action(
        "end-allocation",
        "regime/allocations/<uuid:uuid>/end/",
        "End her place on an activity; removed by staff, held after her report (Rules 7.3, 25)",
        services.end_allocation,
        io.PlaceSerializer,
        io.EndAllocationInput,
        model=Allocation,
        arg="allocation",
        perm=END,
        description=(
            "Removed by staff (`removed`) says why. While she is protected after her report, "
            "a removal is held for review; the answer is the same as for any woman."
        ),
        page=Page(
            "allocations/<uuid:uuid>/end/",
            EndAllocationForm,
            template="regime/her_form.html",
            context=titled(_("End her place"), button=_("End it")),
            done=_("Place ended."),
            then=_her_page,
        ),
    ),
    Action(
        "record-attendance",
        "regime/allocations/<uuid:uuid>/attendance/",
        "Record whether she attended her activity on a day, and if not why (Rule 42)",
        services.record_attendance,
        io.AttendanceSerializer,
        io.AttendanceInput,
        model=Allocation,
        arg="allocation",
        created=True,
        changes=False,
        perm=ATTEND,
        page=Page(
            "allocations/<uuid:uuid>/attendance/",
            AttendanceForm,
            template="regime/her_form.html",
            context=titled(_("Record her attendance")),
            done=_("Attendance recorded."),
            then=_her_page,
        ),
    ),
    Action(
        "correct-attendance",
        "regime/attendance/<uuid:uuid>/correct/",
        "Correct a day's attendance, saying why; its history keeps what it said (Rule 42)",
        services.correct_attendance,
        io.AttendanceSerializer,
        io.CorrectAttendanceInput,
        model=Attendance,
        woman="allocation__prisoner",
        arg="attendance",
        perm=ATTEND,
        page=Page(
            "attendance/<uuid:uuid>/correct/",
            CorrectAttendanceForm,
            template="regime/her_form.html",
            form_kwargs=lambda request, record: {
                "initial": {
                    "attended": "yes" if record.attended else "no",
                    "absence": record.absence,
                    "note": record.note,
                }
            },
            context=titled(_("Correct her attendance")),
            done=_("Attendance corrected."),
            then=lambda result, target: _her_page(result, target.allocation.prisoner),
        ),
    ),
    Action(
        "record-time-out",
        "prisoners/<uuid:uuid>/regime/time-out/",
        "Record how long she was out of her cell on a day (Rule 42; Mandela 23, 44)",
        services.record_time_out,
        io.TimeOutSerializer,
        io.TimeOutInput,
        created=True,
        rules=("42",),
        perm=RECORD_TIME,
        reads=api.HerTimeOut,
        description=(
            "Custody officers and the governor; one record a woman a day (400 for a second: "
            "correct the first). Below the set minimum without a reason: 409 naming Rule 42."
        ),
        page=Page(
            "women/<uuid:uuid>/time-out/new/",
            TimeOutForm,
            template="regime/her_form.html",
            context=titled(
                _("Record her time out of cell"),
                _(
                    "Locked up 22 hours or more a day without a segregation on record is de "
                    "facto solitary confinement (Mandela 44): the governor is told the next day."
                ),
            ),
            done=_("Time out of cell recorded."),
            then=to("regime:her", of="target"),
        ),
    ),
    Action(
        "correct-time-out",
        "regime/time-out/<uuid:uuid>/correct/",
        "Correct a day's time out of cell, saying why; its history keeps what it said",
        services.correct_time_out,
        io.TimeOutSerializer,
        io.CorrectTimeOutInput,
        model=TimeOutOfCell,
        arg="time_out",
        rules=("42",),
        perm=CORRECT_TIME,
        page=Page(
            "time-out/<uuid:uuid>/correct/",
            CorrectTimeOutForm,
            template="regime/her_form.html",
            form_kwargs=lambda request, record: {
                "initial": {"minutes": record.minutes, "reason": record.reason}
            },
            context=titled(_("Correct her time out of cell")),
            done=_("Time out of cell corrected."),
            then=_her_page,
        ),
    ),
    Action(
        "review-solitary",
        "regime/time-out/<uuid:uuid>/review/",
        "Review a day she was locked up 22 hours or more with no segregation (Mandela 44)",
        services.review_solitary_day,
        io.SolitaryReviewSerializer,
        io.SolitaryReviewInput,
        model=TimeOutOfCell,
        arg="time_out",
        created=True,
        changes=False,
        perm=REVIEW_SOLITARY,
        description="The governor. Closes the task the daily check gave her. 400 once reviewed.",
        page=Page(
            "time-out/<uuid:uuid>/review/",
            SolitaryReviewForm,
            template="regime/her_form.html",
            context=_the_day,
            done=_("Review recorded."),
            then=_her_page,
        ),
    ),
]

GROUPS = (
    (FACILITY_ACTIONS, FACILITY),
    (ACTIVITY_ACTIONS, ACTIVITY),
    (WOMAN_ACTIONS, WOMAN),
)
