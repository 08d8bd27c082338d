"""What the governor and the inspector oversee of restraints (Rule 24; Mandela 43.2;
RULES-SPEC 3, indicators 20-22): the restraints used in a facility and period, and the counts
that must be zero, computed from the restraint records themselves; how many restraints of
pregnant women there were and how long they lasted (the median)."""

from django.db.models import F, Func, IntegerField, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from authority.services import late_or_refused
from bangkok.dates import during, from_day, until_day
from oversight.registry import (
    COUNT,
    MEDIAN,
    SMALLER,
    Indicator,
    MustBeZero,
    RecordList,
    Row,
    spread,
    tally,
)

from .models import Restraint
from .services import VIEW


def in_period(facilities, start, end):
    """Restraints on at any time from `start` to `end` (inclusive dates), newest first."""
    return (
        Restraint.objects.filter(facility__in=facilities, **until_day("applied_at", end))
        .filter(Q(removed_at__isnull=True) | Q(**from_day("removed_at", start)))
        .select_related("prisoner")
        .order_by("-applied_at", "-id")
    )


def asked_in_period(facilities, start, end):
    """Restraints applied, or asked for, from `start` to `end`, newest first."""
    return (
        Restraint.objects.filter(facility__in=facilities)
        .filter(
            Q(**during("applied_at", start, end))
            | Q(**during("authority_requested_at", start, end))
            | Q(**until_day("applied_at", end), removed_at__isnull=True)
        )
        .select_related("prisoner")
        .order_by("-recorded_at", "-id")
    )


def _state(restraint: Restraint) -> str:
    if restraint.is_applied:
        return _("still on")
    if restraint.applied_at is None:
        return _("planned, never on")
    return _("removed")


def row(restraint: Restraint) -> Row:
    what = _("%(device)s, %(purpose)s, %(state)s") % {
        "device": restraint.get_device_display(),
        "purpose": restraint.get_purpose_display(),
        "state": _state(restraint),
    }
    return Row(
        uuid=restraint.uuid,
        when=restraint.applied_at or restraint.recorded_at,
        woman=restraint.prisoner,
        what=what,
        url=reverse("restraints:detail", kwargs={"uuid": restraint.uuid}),
    )


LISTS = (
    RecordList(
        key="restraints",
        until="removed_at",
        title=_("Restraints"),
        rules="24; M43.2, M47-49",
        perm=VIEW,
        records=in_period,
        row=row,
        order=340,
    ),
)
ZEROS = (
    MustBeZero(
        key="restraints-obstetric",
        until="removed_at",
        label=_("Restraints during labour, birth or immediately after birth"),
        rule="24",
        perm=VIEW,
        cases=lambda f, s, e: in_period(f, s, e).in_obstetric_period(),
        row=row,
        order=340,
    ),
    MustBeZero(
        key="restraints-punishment",
        until="removed_at",
        label=_("Restraints used as a punishment"),
        rule="M43",
        perm=VIEW,
        cases=lambda f, s, e: in_period(f, s, e).as_punishment(),
        row=row,
        order=341,
    ),
    MustBeZero(
        key="restraints-without-health-approval",
        until="removed_at",
        label=_("Restraints of women needing health approval, without an approved method"),
        rule="24",
        perm=VIEW,
        cases=lambda f, s, e: in_period(f, s, e).without_health_approval(),
        row=row,
        order=342,
    ),
    MustBeZero(
        key="restraints-authority-late-or-refused",
        label=_(
            "Restraints the governor refused, or an emergency restraint not confirmed or "
            "removed within the set time"
        ),
        rule="M47",
        perm=VIEW,
        cases=lambda f, s, e: late_or_refused(asked_in_period(f, s, e), ended="removed_at"),
        row=row,
        order=343,
    ),
)


def _under_health_approval():
    return Restraint.objects.filter(applied_at__isnull=False, under_health_approval=True)


# How long it was on, in whole minutes (once it came off).
MINUTES_ON = Func(
    F("removed_at"),
    F("applied_at"),
    template="CAST(ROUND(EXTRACT(EPOCH FROM (%(expressions)s)) / 60) AS integer)",
    arg_joiner=" - ",
    output_field=IntegerField(),
)

INDICATORS = (
    Indicator(
        key="restraints-health-approval",
        number="22",
        title=_("Restraints of women whose restraint health staff must approve (pregnancy)"),
        rules="24",
        perm=VIEW,
        counts=tally(_under_health_approval, "applied_at__date"),
        direction=SMALLER,
        unit=COUNT,
        cases=("restraints-without-health-approval", "restraints-obstetric"),
        records="restraints",
    ),
    Indicator(
        key="restraints-health-approval-minutes",
        number="22",
        title=_(
            "How long the restraints of women whose restraint health staff must approve "
            "lasted (the median, of those removed)"
        ),
        rules="24",
        perm=VIEW,
        counts=spread(
            lambda: _under_health_approval().filter(removed_at__isnull=False),
            "applied_at__date",
            MINUTES_ON,
        ),
        direction=SMALLER,
        unit=MEDIAN,
        measure=_("minutes"),
        order=101,
        records="restraints",
    ),
)
