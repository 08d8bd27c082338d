"""What the governor and the inspector oversee of visits (RULES-SPEC 3, indicators 37-38):
visits and her decisions about visitors in a facility and period, and the counts that must
be zero, computed from the records themselves. Rows carry no visitor's name (a child's
identity is confidential, Rule 3.2), only the relationship and the decision."""

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bangkok.dates import during, until_day
from oversight.registry import Indicator, MustBeZero, RecordList, Row, once_past, share

from .models import Answer, Visit, Visitor, VisitorStatus, VisitStatus
from .permissions import VIEW_VISIT, VIEW_VISITOR


def visits_in(facilities, start, end):
    return (
        Visit.objects.filter(facility__in=facilities, **during("starts_at", start, end))
        .select_related("prisoner")
        .order_by("-starts_at", "-id")
    )


def decisions_in(facilities, start, end):
    """Visitors she was consulted about, or a court ordered, in the period."""
    consulted = Q(**during("consulted_at", start, end))
    ordered = Q(**during("court_order_recorded_at", start, end))
    return (
        Visitor.objects.filter(consulted | ordered, prisoner__facility__in=facilities)
        .select_related("prisoner")
        .order_by("-id")
    )


def approved_without_her_agreement(facilities, start, end):
    """Rule 44: approved visitors (added in the period) with neither her recorded agreement
    nor a court order."""
    return (
        Visitor.objects.filter(
            prisoner__facility__in=facilities,
            **until_day("added_at", end),
            status=VisitorStatus.APPROVED,
            court_order_reference="",
        )
        .exclude(answer=Answer.AGREES, consulted_at__isnull=False)
        .select_related("prisoner")
        .order_by("-id")
    )


def child_visits_closed_without_reason(facilities, start, end):
    """Rule 28: visits involving a child without open contact or a child-friendly room, and
    no individual reason written."""
    return (
        visits_in(facilities, start, end)
        .filter(involves_child=True, setting_reason="")
        .filter(Q(open_contact=False) | Q(child_friendly=False))
    )


def visit_row(visit: Visit) -> Row:
    return Row(
        uuid=visit.uuid,
        when=visit.starts_at,
        woman=visit.prisoner,
        what=_("%(kind)s, %(status)s")
        % {"kind": visit.get_kind_display(), "status": visit.get_status_display().lower()},
        url=reverse("visits:visit", kwargs={"uuid": visit.uuid}),
    )


def decision_row(visitor: Visitor) -> Row:
    if visitor.by_court_order:
        what = _("%(relationship)s: approved by court order")
    else:
        what = _("%(relationship)s: %(status)s")
    return Row(
        uuid=visitor.uuid,
        when=visitor.court_order_recorded_at or visitor.consulted_at or visitor.added_at,
        woman=visitor.prisoner,
        what=what
        % {
            "relationship": visitor.get_relationship_display(),
            "status": visitor.get_status_display().lower(),
        },
        url=reverse("visits:visitors", kwargs={"uuid": visitor.prisoner.uuid}),
    )


LISTS = (
    RecordList(
        key="visits",
        title=gettext_lazy("Visits"),
        rules="26, 27, 28, 43",
        perm=VIEW_VISIT,
        records=visits_in,
        row=visit_row,
        order=70,
        day="starts_at",
        keyset=("-starts_at", "-id"),
    ),
    RecordList(
        key="visitor-decisions",
        dated_by=("consulted_at", "court_order_recorded_at"),
        title=gettext_lazy("Her decisions about visitors"),
        rules="44",
        perm=VIEW_VISITOR,
        records=decisions_in,
        row=decision_row,
        order=71,
        facility="prisoner__facility",
    ),
)
ZEROS = (
    MustBeZero(
        key="visitors-approved-without-her-agreement",
        whatever_start=True,
        label=gettext_lazy("Visitors approved without her agreement or a court order"),
        rule="44",
        perm=VIEW_VISITOR,
        cases=approved_without_her_agreement,
        row=decision_row,
        order=70,
        facility="prisoner__facility",
    ),
    MustBeZero(
        key="child-visits-closed-without-reason",
        label=gettext_lazy(
            "Visits with children without open contact or a child-friendly room, and no reason"
        ),
        rule="28",
        perm=VIEW_VISIT,
        cases=child_visits_closed_without_reason,
        row=visit_row,
        order=71,
        day="starts_at",
        keyset=("-starts_at", "-id"),
    ),
)


INDICATORS = (
    Indicator(
        key="child-visits-open-contact",
        number="37",
        title=gettext_lazy("Visits with children held with open contact"),
        rules="28",
        perm=VIEW_VISIT,
        counts=share(
            lambda: Visit.objects.filter(status=VisitStatus.HELD, involves_child=True),
            "starts_at__date",
            Q(open_contact=True),
            settles=once_past,
        ),
        target=100,
        cases=("child-visits-closed-without-reason",),
        records="visits",
    ),
    Indicator(
        key="visitors-with-her",
        number="38",
        title=gettext_lazy("Visitors put on her list after asking her"),
        rules="44",
        perm=VIEW_VISITOR,
        counts=share(
            lambda: Visitor.objects.all(),
            "added_at__date",
            Q(consulted_at__isnull=False),
            facility="prisoner__facility",
        ),
        target=100,
        cases=("visitors-approved-without-her-agreement",),
        records="visitor-decisions",
    ),
)
