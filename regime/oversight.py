"""What the governor and the inspector oversee of her regime (Rule 42; Mandela 23, 44): the
days a woman was locked up 22 hours or more with no segregation on record (a count that must
be zero, computed from the days recorded), the activities the prison cancelled, the women in
custody with no place on any activity, and the days with no time out of cell recorded (a
zero means nothing if the days go unrecorded)."""

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from oversight.registry import COUNT, SMALLER, Indicator, MustBeZero, RecordList, Row, share, tally
from prisoners.models import CustodyStatus, Prisoner

from .models import Absence, Allocation, Attendance, MissingDay, TimeOutOfCell
from .permissions import VIEW


def _her_page(woman) -> str:
    return reverse("regime:her", kwargs={"uuid": woman.uuid})


def solitary_days(facilities, start, end):
    return (
        TimeOutOfCell.objects.filter(facility__in=facilities, day__range=(start, end))
        .de_facto_solitary()
        .select_related("prisoner")
        .order_by("-day", "-id")
    )


def solitary_row(record: TimeOutOfCell) -> Row:
    return Row(
        uuid=record.uuid,
        when=record.day,
        woman=record.prisoner,
        what=_("Out of her cell %(minutes)s minutes; no segregation on record")
        % {"minutes": record.minutes},
        url=_her_page(record.prisoner),
    )


def cancelled(facilities, start, end):
    return (
        Attendance.objects.filter(
            facility__in=facilities, day__range=(start, end), absence=Absence.CANCELLED
        )
        .select_related("allocation__prisoner", "allocation__activity")
        .order_by("-day", "-id")
    )


def cancelled_row(attendance: Attendance) -> Row:
    woman = attendance.allocation.prisoner
    return Row(
        uuid=attendance.uuid,
        when=attendance.day,
        woman=woman,
        what=_("%(activity)s, cancelled by the prison")
        % {"activity": attendance.allocation.activity.name},
        url=_her_page(woman),
    )


def without_activity(facilities, start, end):
    """Women in custody now with no current place on any activity (the period doesn't
    matter: it is now)."""
    placed = Allocation.objects.current().filter(prisoner=OuterRef("pk"))
    return (
        Prisoner.objects.filter(facility__in=facilities, custody_status=CustodyStatus.IN_CUSTODY)
        .exclude(Exists(placed))
        .order_by("-id")
    )


def woman_row(woman: Prisoner) -> Row:
    return Row(
        uuid=woman.uuid,
        when=woman.created_at,
        woman=woman,
        what=_("No place on any activity"),
        url=_her_page(woman),
    )


def unrecorded(facilities, start, end):
    """Days the daily check found no time out of cell recorded, still unrecorded."""
    recorded = TimeOutOfCell.objects.filter(prisoner=OuterRef("prisoner"), day=OuterRef("day"))
    return (
        MissingDay.objects.filter(facility__in=facilities, day__range=(start, end))
        .exclude(Exists(recorded))
        .select_related("prisoner")
        .order_by("-day", "-id")
    )


def missing_row(missing: MissingDay) -> Row:
    return Row(
        uuid=missing.uuid,
        when=missing.day,
        woman=missing.prisoner,
        what=_("No time out of cell recorded"),
        url=_her_page(missing.prisoner),
    )


LISTS = (
    RecordList(
        key="regime-cancelled",
        dated="day",
        title=_lazy("Activities cancelled by the prison"),
        rules="42",
        perm=VIEW,
        records=cancelled,
        row=cancelled_row,
        order=380,
    ),
    RecordList(
        key="regime-no-activity",
        now=True,
        title=_lazy("Women in custody with no place on any activity"),
        rules="42",
        perm=VIEW,
        records=without_activity,
        row=woman_row,
        order=381,
    ),
    RecordList(
        key="regime-days-without-record",
        dated="day",
        title=_lazy("Days without a record of her time out of cell"),
        rules="M44",
        perm=VIEW,
        records=unrecorded,
        row=missing_row,
        order=382,
    ),
)
ZEROS = (
    MustBeZero(
        key="de-facto-solitary",
        dated="day",
        label=_lazy("Days a woman was locked up 22 hours or more with no segregation on record"),
        rule="M44",
        perm=VIEW,
        cases=solitary_days,
        row=solitary_row,
        order=380,
    ),
)


def _locked_up() -> Q:
    return Q(minutes__lte=(24 - settings.DE_FACTO_SOLITARY_HOURS) * 60)


INDICATORS = (
    Indicator(
        key="days-locked-up",
        number="",
        title=_lazy("Days recorded on which she was locked up 22 hours or more"),
        rules="M23, M44",
        perm=VIEW,
        counts=share(TimeOutOfCell.objects.all, "day", _locked_up()),
        direction=SMALLER,
        cases=("de-facto-solitary",),
    ),
    Indicator(
        key="women-locked-up",
        number="",
        title=_lazy("Women locked up 22 hours or more on at least one day"),
        rules="M23, M44",
        perm=VIEW,
        counts=tally(TimeOutOfCell.objects.all, "day", what="prisoner", among=_locked_up),
        direction=SMALLER,
        unit=COUNT,
        cases=("de-facto-solitary",),
    ),
)
