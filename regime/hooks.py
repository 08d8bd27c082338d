"""What the regime area plugs into the other areas."""

from django.utils.translation import gettext_lazy as _

from complaints.services import AdverseAction
from prisoners.demo import DemoStep
from prisoners.sections import Section, holds
from reminders.kinds import AnsweredBy, opens

from . import demo, oversight, services
from .permissions import REVIEW_SOLITARY, VIEW
from .reading import regime_section


def _section(request, prisoner):
    return regime_section(viewer=request.user, prisoner=prisoner)


PLUGS = (
    # A day of de facto solitary confinement closes only by the governor's review of it.
    AnsweredBy(
        _("the review of the day she was locked up"),
        services.SOLITARY_KIND,
        page=opens("regime:review-solitary", perm=REVIEW_SOLITARY),
    ),
    # Her removal from an activity by staff, held after her report (Rules 7.3, 25.1).
    AdverseAction(
        "activity_removal", held_by=services.end_allocation, stop=services.give_place_back
    ),
    Section(
        key="regime",
        title=_("Daily regime"),
        template="regime/_section.html",
        context=_section,
        shown=holds(VIEW),
        order=860,
    ),
    *oversight.LISTS,
    *oversight.INDICATORS,
    *oversight.ZEROS,
    DemoStep(order=165, run=demo.seed),
)
