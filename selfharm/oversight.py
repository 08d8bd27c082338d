"""What the governor and the inspector oversee of self-harm cases (Rules 12, 16, 35): the cases
opened in a period, the assessments made after their time (with how late), the incidents, and
the count that must be zero of assessments by staff without a valid mental-health training
(Rule 35), computed from the records and the breaches staff recorded. A row says that a case
or an incident exists and when, never what it says."""

from datetime import date, timedelta

from django.db.models import Count, Exists, OuterRef
from django.db.models.functions import TruncDate, TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from bangkok.dates import during, from_day, until_day
from oversight.registry import COUNT, MONITOR, Indicator, MustBeZero, RecordList, Row, tally
from staff.models import Course, TrainingRecord

from .models import Case, SelfHarmIncident
from .services import VIEW

UNTRAINED = "selfharm-assessment-untrained"


def in_period(facilities, start, end):
    """Cases opened from `start` to `end` (inclusive dates), newest first."""
    return (
        Case.objects.filter(facility__in=facilities, **during("opened_at", start, end))
        .select_related("prisoner", "assessment")
        .order_by("-opened_at", "-id")
    )


def assessed_late(facilities, start, end):
    return in_period(facilities, start, end).assessed_late()


def by_untrained_staff(facilities, start, end):
    """Cases whose assessor held no valid mental-health training when she assessed (Rule 35):
    the service refuses them, so any found here got in another way."""
    lawful = TrainingRecord.objects.filter(
        user=OuterRef("assessment__assessed_by"),
        course=Course.MENTAL_HEALTH,
        completed__lte=OuterRef("assessed_day"),
        in_effect_from__lte=OuterRef("assessment__assessed_at"),
    ).exclude(expires__lt=OuterRef("assessed_day"))
    return (
        in_period(facilities, start, end)
        .filter(assessment__isnull=False)
        .annotate(assessed_day=TruncDate("assessment__assessed_at"))
        .filter(~Exists(lawful))
    )


def incidents_in_period(facilities, start, end):
    return (
        SelfHarmIncident.objects.filter(
            facility__in=facilities, **during("occurred_at", start, end)
        )
        .select_related("prisoner")
        .order_by("-occurred_at", "-id")
    )


def incidents_by_month(facilities, end: date | None = None) -> list[tuple[date, int]]:
    """How many incidents in each of the 12 months up to `end` (the trend), oldest first,
    months with none included, in one query."""
    end = end or timezone.localdate()
    first = end.replace(day=1)
    months = []
    for _step in range(12):
        months.insert(0, first)
        first = (first - timedelta(days=1)).replace(day=1)
    counted = dict(
        SelfHarmIncident.objects.filter(
            facility__in=facilities, **from_day("occurred_at", months[0])
        )
        .filter(**until_day("occurred_at", end))
        .annotate(month=TruncMonth("occurred_at"))
        .values("month")
        .annotate(n=Count("id"))
        .values_list("month", "n")
    )
    found = {timezone.localdate(m) if hasattr(m, "hour") else m: n for m, n in counted.items()}
    return [(month, found.get(month, 0)) for month in months]


def row(case: Case) -> Row:
    what = _("Self-harm case opened")
    assessment = getattr(case, "assessment", None)
    if assessment is not None and assessment.assessed_at > case.assessment_due_at:
        hours = int((assessment.assessed_at - case.assessment_due_at).total_seconds() // 3600)
        what = _("%(what)s; assessed %(hours)s hours late") % {"what": what, "hours": hours}
    return Row(
        uuid=case.uuid,
        when=case.opened_at,
        woman=case.prisoner,
        what=what,
        url=reverse("selfharm:case", kwargs={"uuid": case.uuid}),
    )


def incident_row(incident: SelfHarmIncident) -> Row:
    return Row(
        uuid=incident.uuid,
        when=incident.occurred_at,
        woman=incident.prisoner,
        what=_("Self-harm incident"),
        url=reverse("selfharm:incident-detail", kwargs={"uuid": incident.uuid}),
    )


LISTS = (
    RecordList(
        key="selfharm-cases",
        dated="opened_at",
        title=_lazy("Self-harm cases opened"),
        rules="12, 16",
        perm=VIEW,
        records=in_period,
        row=row,
        order=350,
    ),
    RecordList(
        key="selfharm-assessed-late",
        dated="opened_at",
        title=_lazy("Self-harm cases assessed after their time"),
        rules="16, 35",
        perm=VIEW,
        records=assessed_late,
        row=row,
        order=351,
    ),
    RecordList(
        key="selfharm-incidents",
        dated="occurred_at",
        title=_lazy("Self-harm incidents"),
        rules="12, 16",
        perm=VIEW,
        records=incidents_in_period,
        row=incident_row,
        order=352,
    ),
)
ZEROS = (
    MustBeZero(
        key=UNTRAINED,
        dated="opened_at",
        label=_lazy("Self-harm risk assessments by staff without valid mental-health training"),
        rule="35",
        perm=VIEW,
        cases=by_untrained_staff,
        row=row,
        order=350,
    ),
)


INDICATORS = (
    Indicator(
        key="selfharm-incidents",
        number="",
        title=_lazy("Incidents of self-harm"),
        rules="12, 16, 35",
        perm=VIEW,
        counts=tally(lambda: SelfHarmIncident.objects.all(), "occurred_at__date"),
        direction=MONITOR,
        unit=COUNT,
        records="selfharm-incidents",
    ),
)
