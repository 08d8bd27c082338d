"""Her daily regime (Rule 42; Mandela 23, 44, 45, paraphrase).

- The facility's activities (`add_activity`, `change_activity`): what it offers, whether it
  suits pregnant women and mothers with their children (Rule 42.2, 42.3), and its places.
- Her place on one (`allocate`, `end_allocation`): an allocation beyond the places is refused;
  social workers allocate to programmes and family activities only. Ended by staff (not at
  her request, nor because it finished or she left), it is an adverse act: after her report
  it is held for both reviews (Rules 7.3, 25.1), and a review that finds it retaliatory gives
  her place back (`give_place_back`).
- Whether she went (`record_attendance`): one record a place a day; cancelled by the prison
  counts on oversight.
- Her time out of cell each day (`record_time_out`, `correct_time_out`): one record a woman a
  day, corrected under its version with a reason; less than REGIME_REASON_BELOW_MINUTES says
  why (Rule 42).
- The daily check (`check_de_facto_solitary`): a day she was locked up DE_FACTO_SOLITARY_HOURS
  or more with no segregation on record (Mandela 44) asks the governor, whose review answers
  it (`review_solitary_day`); a day of a woman in custody with no record is kept as a
  `MissingDay` for oversight.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import audit
from bangkok.errors import RuleBroken
from bangkok.plausible import check_after_arrest
from complaints.models import AdverseKind, HeldAction
from complaints.services import hold_if_protected
from facilities.scope import may_act
from prisoners.models import CustodyStatus, Prisoner
from reminders.models import Reminder
from reminders.services import resolve_reminder, schedule_reminder

from .models import (
    NOT_ADVERSE,
    SOCIAL_KINDS,
    Absence,
    Activity,
    Allocation,
    Attendance,
    EndReason,
    Kind,
    MissingDay,
    SolitaryReview,
    TimeOutOfCell,
)
from .permissions import (
    ALLOCATE,
    ALLOCATE_ANY,
    ATTEND,
    CORRECT_TIME,
    END,
    KEEP_ACTIVITIES,
    RECORD_TIME,
    REVIEW_SOLITARY,
)

if TYPE_CHECKING:
    from facilities.models import Facility
    from staff.models import User

SOLITARY_KIND = "regime.de_facto_solitary"
CHANGEABLE = ("name", "description", "for_pregnant", "for_mothers", "capacity", "active")
A_DAY = 24 * 60


def _may(by: User, perm: str, facility: Facility) -> None:
    may_act(by, perm, facility, _("Your role can't do this with her regime."))


def _not_future(day: date, field: str = "day") -> None:
    if day > timezone.localdate():
        raise ValidationError({field: _("This can't be in the future.")})


def _in_custody(prisoner: Prisoner) -> None:
    if prisoner.custody_status != CustodyStatus.IN_CUSTODY:
        raise ValidationError(_("She is not in custody."))


def solitary_key(record: TimeOutOfCell) -> str:
    return f"regime.solitary:{record.uuid}"


# Activities ---------------------------------------------------------------------------------


def _save_once(record: Any, field: str, taken: str, **kwargs: Any) -> None:
    """Save it, or tell her the database already holds its like (two at once: the database
    keeps one, and the other is told so, as the one checked before it is)."""
    try:
        with transaction.atomic():
            record.save(**kwargs)
    except IntegrityError:
        raise ValidationError({field: taken}) from None


@transaction.atomic
def add_activity(
    *,
    by: User,
    facility: Facility,
    name: str,
    kind: str,
    capacity: int,
    description: str = "",
    for_pregnant: bool = False,
    for_mothers: bool = False,
) -> Activity:
    """Add an activity the facility offers (Rule 42.1: a balanced and comprehensive
    programme of activities that takes account of women's gender-appropriate needs), saying
    whether it suits pregnant women and mothers with their children (Rule 42.2)."""
    _may(by, KEEP_ACTIVITIES, facility)
    if kind not in Kind.values:
        raise ValidationError({"kind": _("Choose a kind of activity.")})
    if not name.strip():
        raise ValidationError({"name": _("Name the activity.")})
    if capacity < 1:
        raise ValidationError({"capacity": _("At least one place.")})
    activity = Activity(
        facility=facility,
        name=name.strip(),
        kind=kind,
        capacity=capacity,
        description=description.strip(),
        for_pregnant=for_pregnant,
        for_mothers=for_mothers,
        created_by=by,
    )
    _save_once(activity, "name", _("The facility already has an activity of that name."))
    audit.record(
        by=by,
        action="regime.activity_added",
        subject=activity,
        facility=facility,
        detail={"kind": kind, "capacity": capacity},
    )
    return activity


@transaction.atomic
def change_activity(*, by: User, activity: Activity, **fields: Any) -> Activity:
    """Change an activity: its name, description, whom it suits, its places, or stop offering
    it (never deleted: her allocations name it). Its places are never fewer than the women
    who hold one."""
    unknown = set(fields) - set(CHANGEABLE)
    if unknown:
        raise ValidationError({name: _("This can't be changed here.") for name in unknown})
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    _may(by, KEEP_ACTIVITIES, activity.facility)
    if "name" in fields:
        fields["name"] = fields["name"].strip()
        if not fields["name"]:
            raise ValidationError({"name": _("Name the activity.")})
    held = activity.allocations.open().count()
    if "capacity" in fields and fields["capacity"] < max(held, 1):
        raise ValidationError(
            {"capacity": _("%(held)s women hold a place: end places first.") % {"held": held}}
        )
    before = {name: str(getattr(activity, name)) for name in fields}
    for name, value in fields.items():
        setattr(activity, name, value)
    _save_once(
        activity,
        "name",
        _("The facility already has an activity of that name."),
        update_fields=list(fields),
    )
    audit.record(
        by=by,
        action="regime.activity_changed",
        subject=activity,
        facility=activity.facility,
        detail={"before": before, "after": {name: str(v) for name, v in fields.items()}},
    )
    return activity


# Allocations --------------------------------------------------------------------------------


def _may_for_kind(by: User, activity: Activity) -> None:
    """Custody officers and the governor allocate to any activity; social workers to
    programmes and family activities."""
    if not by.has_perm(ALLOCATE_ANY) and activity.kind not in SOCIAL_KINDS:
        raise ValidationError(
            {"activity": _("Your role allocates to programmes and family activities only.")}
        )


@transaction.atomic
def allocate(
    *, by: User, prisoner: Prisoner, activity: Activity, started_on: date | None = None
) -> Allocation:
    """Give her a place on an activity of her facility (Rule 42.1). Refused when it has no
    place left (its places are counted under its lock, so two allocations at once never take
    one place twice), when it is no longer offered, or when she holds a place on it already."""
    _may(by, ALLOCATE, prisoner.facility)
    _in_custody(prisoner)
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    if activity.facility_id != prisoner.facility_id:
        raise ValidationError({"activity": _("Choose an activity of her facility.")})
    _may_for_kind(by, activity)
    if not activity.active:
        raise ValidationError({"activity": _("This activity is not offered now.")})
    started_on = started_on or timezone.localdate()
    open_places = activity.allocations.open()
    if open_places.filter(prisoner=prisoner).exists():
        raise ValidationError({"activity": _("She has a place on this activity already.")})
    if open_places.count() >= activity.capacity:
        raise ValidationError(
            {
                "activity": _(
                    "%(name)s is full: its %(capacity)s places are taken. End a place, or "
                    "give the activity more places."
                )
                % {"name": activity.name, "capacity": activity.capacity}
            }
        )
    allocation = Allocation(
        activity=activity,
        prisoner=prisoner,
        facility=prisoner.facility,
        started_on=started_on,
        allocated_by=by,
    )
    allocation.full_clean()
    allocation.save()
    audit.record(
        by=by,
        action="regime.allocated",
        subject=allocation,
        facility=prisoner.facility,
        detail={"activity": str(activity.uuid), "kind": activity.kind},
    )
    return allocation


@transaction.atomic
def end_allocation(
    *,
    by: User,
    allocation: Allocation,
    reason: str,
    note: str = "",
    ended_on: date | None = None,
) -> Allocation:
    """End her place on an activity. Removed by staff (not at her request, nor because it was
    completed or she left), it is an adverse act (Rules 7.3, 25.1): it says why, and while she
    is protected after her report it is held for the safeguarding and the governor's reviews.
    The place ends at once as for any woman, so whoever removed her learns nothing of the
    hold; a review that finds it retaliatory gives the place back (`give_place_back`)."""
    allocation = (
        Allocation.objects.select_for_update()
        .select_related("activity", "prisoner")
        .get(pk=allocation.pk)
    )
    _may(by, END, allocation.facility)
    _may_for_kind(by, allocation.activity)
    if allocation.ended_on is not None:
        raise ValidationError(_("This place has ended already."))
    if reason not in EndReason.values:
        raise ValidationError({"reason": _("Choose why it ends.")})
    note = note.strip()
    if reason == EndReason.REMOVED and not note:
        raise ValidationError({"note": _("Say why she is removed from it.")})
    ended_on = ended_on or timezone.localdate()
    _not_future(ended_on, "ended_on")
    if ended_on < allocation.started_on:
        raise ValidationError({"ended_on": _("It can't end before it started.")})
    allocation.ended_on, allocation.end_reason = ended_on, reason
    allocation.end_note, allocation.ended_by = note, by
    allocation.save(update_fields=["ended_on", "end_reason", "end_note", "ended_by"])
    if reason not in NOT_ADVERSE:
        hold_if_protected(
            by=by,
            prisoner=allocation.prisoner,
            kind=AdverseKind.ACTIVITY_REMOVAL,
            summary=gettext_lazy("Removal from %(activity)s"),
            summary_params={"activity": allocation.activity.name},
            params={"allocation": str(allocation.uuid)},
            record=allocation,
        )
    audit.record(
        by=by,
        action="regime.allocation_ended",
        subject=allocation,
        facility=allocation.facility,
        detail={"reason": reason},
    )
    return allocation


def give_place_back(*, by: User, held: HeldAction) -> None:
    """A review found her removal retaliatory (Rules 7.3, 25.1): her place is given back (the
    removal stays in its history), unless she holds a new place on that activity since."""
    allocation = Allocation.objects.select_for_update().get(uuid=str(held.record_uuid))
    if allocation.end_reason != EndReason.REMOVED:
        return
    again = Allocation.objects.open().filter(
        activity=allocation.activity_id, prisoner=allocation.prisoner_id
    )
    if again.exists():
        return
    allocation.ended_on, allocation.end_reason, allocation.end_note = None, "", ""
    allocation.ended_by = None
    allocation.save(update_fields=["ended_on", "end_reason", "end_note", "ended_by"])
    audit.record(
        by=by,
        action="regime.place_given_back",
        subject=allocation,
        facility=allocation.facility,
        detail={"rule": "25.1"},
    )


@transaction.atomic
def record_attendance(
    *,
    by: User,
    allocation: Allocation,
    day: date,
    attended: bool,
    absence: str = "",
    note: str = "",
) -> Attendance:
    """Whether she went to her activity on a day she held the place, and if not, why: her
    choice, sick, cancelled by the prison (counted on oversight, Rule 42), or other. One
    record a place a day."""
    _may(by, ATTEND, allocation.facility)
    _not_future(day)
    if day < allocation.started_on or (allocation.ended_on and day >= allocation.ended_on):
        raise ValidationError({"day": _("She didn't hold this place that day.")})
    if attended:
        absence = ""
    elif absence not in Absence.values:
        raise ValidationError({"absence": _("Say why she didn't attend.")})
    attendance = Attendance(
        allocation=allocation,
        facility=allocation.facility,
        day=day,
        attended=attended,
        absence=absence,
        note=note.strip(),
        recorded_by=by,
    )
    taken = _("Her attendance that day is recorded already.")
    if Attendance.objects.filter(allocation=allocation, day=day).exists():
        raise ValidationError({"day": taken})
    _save_once(attendance, "day", taken)
    audit.record(
        by=by,
        action="regime.attendance_recorded",
        subject=attendance,
        facility=allocation.facility,
        detail={"attended": attended, "absence": absence},
    )
    return attendance


# Time out of cell ---------------------------------------------------------------------------


def _reason_if_little(minutes: int, reason: str) -> str:
    """Less than REGIME_REASON_BELOW_MINUTES out of her cell says why (Rule 42; Mandela 23,
    44)."""
    if not 0 <= minutes <= A_DAY:
        raise ValidationError({"minutes": _("Between 0 and 1440 minutes (a whole day).")})
    reason = reason.strip()
    least = settings.REGIME_REASON_BELOW_MINUTES
    if minutes < least and not reason:
        raise RuleBroken(
            _(
                "Say why she was out of her cell less than %(least)s minutes: women have a "
                "balanced programme of activities, and locked up 22 hours or more a day is "
                "solitary confinement."
            )
            % {"least": least},
            rule="42",
            field="reason",
        )
    return reason


@transaction.atomic
def record_time_out(
    *, by: User, prisoner: Prisoner, day: date, minutes: int, reason: str = ""
) -> TimeOutOfCell:
    """How long she was out of her cell on a day (Rule 42; Mandela 23, 44): one record a woman
    a day (a second is refused: correct the first). Less than REGIME_REASON_BELOW_MINUTES
    says why. The daily check reads it the next day."""
    _may(by, RECORD_TIME, prisoner.facility)
    _in_custody(prisoner)
    _not_future(day)
    check_after_arrest(prisoner, timezone.make_aware(datetime.combine(day, time.max)), "day")
    reason = _reason_if_little(minutes, reason)
    taken = _("Her time out of cell that day is recorded already: correct that record.")
    if TimeOutOfCell.objects.filter(prisoner=prisoner, day=day).exists():
        raise ValidationError({"day": taken})
    record = TimeOutOfCell(
        prisoner=prisoner,
        facility=prisoner.facility,
        day=day,
        minutes=minutes,
        reason=reason,
        recorded_by=by,
    )
    _save_once(record, "day", taken)
    _ask_if_locked_up(record)
    audit.record(
        by=by,
        action="regime.time_out_recorded",
        subject=record,
        facility=prisoner.facility,
        detail={"day": day.isoformat(), "minutes": minutes},
    )
    return record


@transaction.atomic
def correct_time_out(
    *, by: User, time_out: TimeOutOfCell, minutes: int, correction: str, reason: str = ""
) -> TimeOutOfCell:
    """Correct a day's time out of cell, saying why; the record's history keeps what it said
    before. A day already put to the governor stays with her until she answers it."""
    _may(by, CORRECT_TIME, time_out.facility)
    time_out = TimeOutOfCell.objects.select_for_update().get(pk=time_out.pk)
    correction = correction.strip()
    if not correction:
        raise ValidationError({"correction": _("Say why it is corrected.")})
    reason = _reason_if_little(minutes, reason)
    before = time_out.minutes
    time_out.minutes, time_out.reason, time_out.correction = minutes, reason, correction
    time_out.save(update_fields=["minutes", "reason", "correction"])
    _ask_if_locked_up(time_out)
    audit.record(
        by=by,
        action="regime.time_out_corrected",
        subject=time_out,
        facility=time_out.facility,
        detail={"before": before, "after": minutes},
    )
    return time_out


@transaction.atomic
def correct_attendance(
    *,
    by: User,
    attendance: Attendance,
    attended: bool,
    correction: str,
    absence: str = "",
    note: str = "",
) -> Attendance:
    """Correct whether she went to her activity that day, saying why; the record's history
    keeps what it said before (a cancellation by the prison counts on oversight as corrected,
    Rule 42)."""
    _may(by, ATTEND, attendance.facility)
    attendance = Attendance.objects.select_for_update().get(pk=attendance.pk)
    correction = correction.strip()
    if not correction:
        raise ValidationError({"correction": _("Say why it is corrected.")})
    if attended:
        absence = ""
    elif absence not in Absence.values:
        raise ValidationError({"absence": _("Say why she didn't attend.")})
    before = {"attended": attendance.attended, "absence": attendance.absence}
    attendance.attended, attendance.absence = attended, absence
    attendance.note, attendance.correction = note.strip(), correction
    attendance.save(update_fields=["attended", "absence", "note", "correction"])
    audit.record(
        by=by,
        action="regime.attendance_corrected",
        subject=attendance,
        facility=attendance.facility,
        detail={"before": before, "after": {"attended": attended, "absence": absence}},
    )
    return attendance


# The daily check ----------------------------------------------------------------------------


def _ask_governor(record: TimeOutOfCell, now: datetime) -> None:
    schedule_reminder(
        key=solitary_key(record),
        kind=SOLITARY_KIND,
        rule="M44",
        title=gettext_lazy(
            "Locked up 22 hours or more on %(day)s with no segregation on record: find out "
            "why and record what was done"
        ),
        title_params={"day": record.day},
        facility=record.facility,
        assignee_role="governor",
        prisoner=record.prisoner,
        due_at=now,
    )


def _ask_if_locked_up(record: TimeOutOfCell) -> None:
    """A day already over, recorded or corrected as one she was locked up 22 hours or more
    with no segregation on record, goes to the governor at once: the daily check looks back
    REGIME_CHECK_DAYS only, and a day recorded later than that would never reach her."""
    if record.day >= timezone.localdate():
        return
    unanswered = TimeOutOfCell.objects.filter(pk=record.pk, solitary_review__isnull=True)
    if unanswered.de_facto_solitary().exists():
        _ask_governor(record, timezone.now())


def _missing_days(days: list[date]) -> list[MissingDay]:
    """Each day of `days` after her admission with no time out of cell recorded, for every
    woman in custody now."""
    women = Prisoner.objects.filter(custody_status=CustodyStatus.IN_CUSTODY).annotate(
        since=Min("admissions__admitted_at")
    )
    recorded = set(TimeOutOfCell.objects.filter(day__in=days).values_list("prisoner_id", "day"))
    missing = []
    for woman in women.filter(since__isnull=False).only("pk", "facility_id"):
        first = timezone.localdate(woman.since)
        for day in days:
            if day > first and (woman.pk, day) not in recorded:
                missing.append(
                    MissingDay(prisoner_id=woman.pk, facility_id=woman.facility_id, day=day)
                )
    return missing


@transaction.atomic
def check_de_facto_solitary(*, today: date | None = None) -> int:
    """The daily check (Mandela 44, 45): for each of the REGIME_CHECK_DAYS days before today,
    every day a woman was out of her cell two hours or less (locked up DE_FACTO_SOLITARY_HOURS
    or more) with no segregation on record covering it asks the governor, once, to find out
    why and record what was done; only her review closes it. Each day with no time out of
    cell recorded for a woman in custody is kept for oversight, once. Returns how many days
    of de facto solitary confinement are put to the governor; as often as it runs, one task
    a day."""
    today = today or timezone.localdate()
    days = [today - timedelta(days=n) for n in range(1, settings.REGIME_CHECK_DAYS + 1)]
    now = timezone.now()
    found = (
        TimeOutOfCell.objects.filter(day__in=days, solitary_review__isnull=True)
        .de_facto_solitary()
        .select_related("prisoner", "facility")
    )
    asked = 0
    for record in found:
        _ask_governor(record, now)
        asked += 1
    MissingDay.objects.bulk_create(_missing_days(days), ignore_conflicts=True)
    return asked


@transaction.atomic
def review_solitary_day(*, by: User, time_out: TimeOutOfCell, account: str) -> SolitaryReview:
    """The governor's answer to a day she was locked up 22 hours or more with no segregation
    on record (Mandela 44, 45): what happened and what was done. It closes the task; one
    review a day. A day that was no such day (out longer, or segregated) has nothing to
    review, unless it was put to her before a correction."""
    _may(by, REVIEW_SOLITARY, time_out.facility)
    time_out = TimeOutOfCell.objects.select_for_update().get(pk=time_out.pk)
    if SolitaryReview.objects.filter(time_out=time_out).exists():
        raise ValidationError(_("This day has been reviewed already."))
    asked = Reminder.objects.filter(key=solitary_key(time_out)).exists()
    solitary = TimeOutOfCell.objects.filter(pk=time_out.pk).de_facto_solitary().exists()
    if not (asked or solitary):
        raise ValidationError(
            _(
                "She was not locked up 22 hours or more that day without a segregation: "
                "nothing to review."
            )
        )
    account = account.strip()
    if not account:
        raise ValidationError({"account": _("Say what happened and what was done.")})
    review = SolitaryReview(time_out=time_out, account=account, reviewed_by=by)
    review.save()
    resolve_reminder(key=solitary_key(time_out), by=by, outcome=_("Reviewed."))
    audit.record(
        by=by,
        action="regime.solitary_reviewed",
        subject=time_out,
        facility=time_out.facility,
        detail={"day": time_out.day.isoformat(), "rule": "M44"},
    )
    return review
