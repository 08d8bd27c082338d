"""What the governor and the inspector oversee of safeguarding (Rules 25.1, 31; Mandela 1,
5.2): the incidents between women in a period and their counts by kind, the plans made after
their time, the family concerns, and the counts that must be zero of victims whose support plan
was not made in time (Rule 25.1: immediate protection, support and counselling) and of victims
separated against their wishes; a breach recorded under either key adds to its count. A row says
that a record exists, its kind and when, never what happened nor who else was involved: an
incident's row names no woman at all."""

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from bangkok.dates import during
from oversight.registry import MustBeZero, RecordList, Row

from .models import SEPARATES_HER, FamilyConcern, Incident, Kind, Part, Plan
from .services import VIEW

UNSUPPORTED = "safeguarding-victim-plan-late"
SEPARATED = "safeguarding-victim-separated"


def incidents_in_period(facilities, start, end):
    return (
        Incident.objects.filter(facility__in=facilities, **during("occurred_at", start, end))
        .annotate(women=Count("involved"))
        .order_by("-occurred_at", "-id")
    )


def incidents_by_kind(facilities, start=None, end=None) -> list[tuple[str, int]]:
    """How many incidents of each kind, every kind listed, in one query."""
    found = Incident.objects.filter(facility__in=facilities)
    if start is not None and end is not None:
        found = found.filter(**during("occurred_at", start, end))
    counted = dict(found.values("kind").annotate(n=Count("id")).values_list("kind", "n"))
    return [(str(label), counted.get(code, 0)) for code, label in Kind.choices]


def plans_late(facilities, start, end):
    return (
        Plan.objects.filter(facility__in=facilities, **during("opened_at", start, end))
        .made_late()
        .select_related("prisoner")
        .order_by("-opened_at", "-id")
    )


def victims_unsupported(facilities, start, end):
    """Victims whose support plan was made after its time, or is still awaited past it
    (Rule 25.1)."""
    return plans_late(facilities, start, end).filter(part=Part.VICTIM)


def victims_separated(facilities, start, end):
    """Victims moved, held apart or restricted without their own request (Rule 25.1): the
    service and a database constraint refuse them, so any counted here was recorded as a
    breach that happened anyway."""
    return (
        Plan.objects.filter(
            facility__in=facilities,
            **during("opened_at", start, end),
            part=Part.VICTIM,
            measures__overlap=SEPARATES_HER,
            at_her_request=False,
        )
        .select_related("prisoner")
        .order_by("-opened_at", "-id")
    )


def concerns_in_period(facilities, start, end):
    return (
        FamilyConcern.objects.filter(facility__in=facilities, **during("received_at", start, end))
        .select_related("prisoner")
        .order_by("-received_at", "-id")
    )


def incident_row(incident: Incident) -> Row:
    women = getattr(incident, "women", None)
    what = incident.get_kind_display()
    if women:
        what = _("%(kind)s; %(women)s women involved") % {"kind": what, "women": women}
    return Row(
        uuid=incident.uuid,
        when=incident.occurred_at,
        woman=None,
        what=what,
        url=reverse("safeguarding:incident-detail", kwargs={"uuid": incident.uuid}),
    )


def plan_row(plan: Plan) -> Row:
    what = _("Support plan") if plan.is_support else _("Management of a perpetrator")
    state = _("made late") if plan.made_at else _("still awaited")
    return Row(
        uuid=plan.uuid,
        when=plan.opened_at,
        woman=plan.prisoner,
        what=f"{what}: {state}",
        url=reverse("safeguarding:plan", kwargs={"uuid": plan.uuid}),
    )


def concern_row(concern: FamilyConcern) -> Row:
    return Row(
        uuid=concern.uuid,
        when=concern.received_at,
        woman=concern.prisoner,
        what=_("A concern her family raised: %(state)s")
        % {"state": concern.get_triage_display() if concern.triage else _("awaiting triage")},
        url=reverse("safeguarding:concern-detail", kwargs={"uuid": concern.uuid}),
    )


LISTS = (
    RecordList(
        key="safeguarding-incidents",
        dated="occurred_at",
        title=_lazy("Incidents between women"),
        rules="25.1, 31",
        perm=VIEW,
        records=incidents_in_period,
        row=incident_row,
        order=360,
    ),
    RecordList(
        key="safeguarding-plans-late",
        dated="opened_at",
        title=_lazy("Support plans and management made after their time"),
        rules="25.1",
        perm=VIEW,
        records=plans_late,
        row=plan_row,
        order=361,
    ),
    RecordList(
        key="safeguarding-family-concerns",
        dated="received_at",
        title=_lazy("Concerns raised by women's families"),
        rules="25.1",
        perm=VIEW,
        records=concerns_in_period,
        row=concern_row,
        order=362,
    ),
)
ZEROS = (
    MustBeZero(
        key=UNSUPPORTED,
        dated="opened_at",
        label=_lazy("Victims whose support plan was not made in time"),
        rule="25.1",
        perm=VIEW,
        cases=victims_unsupported,
        row=plan_row,
        order=360,
    ),
    MustBeZero(
        key=SEPARATED,
        dated="opened_at",
        label=_lazy("Victims moved, held apart or restricted against their wishes"),
        rule="25.1",
        perm=VIEW,
        cases=victims_separated,
        row=plan_row,
        order=361,
    ),
)
