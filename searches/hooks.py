"""What searches plug into the other areas."""

from django.utils.translation import gettext_lazy as _

from complaints.services import AdverseAction, stop_by_refusal
from prisoners.demo import DemoStep
from prisoners.sections import Section, holds
from reminders.kinds import AnsweredBy

from . import demo, oversight
from .models import INVASIVE_KINDS
from .permissions import VIEW
from .reading import searches_section
from .services.searches import AREA, request_search_authority
from .services.training import KIND, NEW_STARTER_KIND


def _searches_section(request, prisoner):
    return searches_section(viewer=request.user, prisoner=prisoner)


PLUGS = (
    AREA,
    # A strip or body cavity search asked for after her report (Rules 7.3, 25.1).
    *(
        AdverseAction(kind, held_by=request_search_authority, stop=stop_by_refusal(AREA))
        for kind in INVASIVE_KINDS
    ),
    Section(
        key="searches",
        title=_("Searches"),
        template="searches/_section.html",
        context=_searches_section,
        shown=holds(VIEW),
        order=300,
    ),
    *oversight.LISTS,
    *oversight.ZEROS,
    *oversight.INDICATORS,
    AnsweredBy(_("the renewed training"), KIND),
    AnsweredBy(_("her training in women's rights and gender-specific needs"), NEW_STARTER_KIND),
    # The demonstration: its records for the women admitted, after every woman is seeded.
    DemoStep(order=100, run=demo.seed),
)
