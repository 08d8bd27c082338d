"""What break-glass plugs into the other areas (Rule 8): on her page, for a custody officer or
the governor, the way to the emergency part of her clinical file (or to the read still open to
them); what closes the review task; oversight's list and indicator 53; the demo."""

from django.utils.translation import gettext_lazy as _

from prisoners.demo import DemoStep
from prisoners.sections import Section
from reminders.kinds import AnsweredBy, opens

from . import demo, oversight, reading, services
from .permissions import REVIEW, may_break


def _section(request, prisoner):
    if not may_break(request.user):
        return None  # absent for every role that reads her file already, or may not break it
    return {"woman": prisoner, "opened": reading.open_to(request.user, prisoner)}


PLUGS = (
    Section(
        key="breakglass",
        title=_("Her clinical file in an emergency"),
        template="breakglass/_section.html",
        context=_section,
        order=121,
        shown=lambda request, prisoner: may_break(request.user),
    ),
    AnsweredBy(
        _("the review of the break-glass read"),
        services.REVIEW_KIND,
        page=opens("breakglass:review", perm=REVIEW),
    ),
    *oversight.LISTS,
    *oversight.INDICATORS,
    DemoStep(order=190, run=demo.seed),
)
