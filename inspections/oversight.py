"""Inspections on oversight (Rule 25.3): the visits to the facility that took place in the
period, each saying whether its team had a woman member (indicator 52 is
`reading.visits_with_women_members`)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from oversight.registry import RecordList, Row

from . import reading
from .models import Visit


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
        title=gettext_lazy("Inspection and monitoring visits"),
        rules="25.3",
        perm=reading.VIEW,
        records=reading.visited_in,
        row=visit_row,
        order=95,
    ),
)
