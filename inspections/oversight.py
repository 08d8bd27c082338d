"""Inspections on oversight (Rule 25.3): the visits to the facility that took place in the
period, each saying whether its team had a woman member; indicator 52, the visits that took
place with at least one woman member ÷ the visits (`reading.visits_with_women_members` gives
the same for one period)."""

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from oversight.registry import Indicator, RecordList, Row, share

from . import reading
from .models import Member, Visit


def visit_row(visit: Visit) -> Row:
    kind = _("Announced visit") if visit.announced else _("Unannounced visit")
    team = "" if getattr(visit, "has_woman", True) else " " + _("(no woman on the team: Rule 25.3)")
    return Row(
        uuid=visit.uuid,
        when=visit.started_at,
        woman=None,
        what=f"{kind}: {visit.body}{team}",
        url=reverse("inspections:visit", kwargs={"uuid": visit.uuid}),
    )


LISTS = (
    RecordList(
        key="inspection-visits",
        dated="started_at",
        title=gettext_lazy("Inspection and monitoring visits"),
        rules="25.3",
        perm=reading.VIEW,
        records=reading.visited_in,
        row=visit_row,
        order=95,
    ),
)

INDICATORS = (
    Indicator(
        key="inspections-with-women",
        number="52",
        title=gettext_lazy("Inspection and monitoring visits with at least one woman member"),
        rules="25.3",
        perm=reading.VIEW,
        counts=share(
            lambda: Visit.objects.filter(started_at__isnull=False),
            "started_at__date",
            Q(Exists(Member.objects.filter(visit=OuterRef("pk"), woman=True))),
        ),
        target=100,
        records="inspection-visits",
    ),
)
