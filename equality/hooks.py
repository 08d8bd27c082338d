"""What the equality and faith area plugs into the others."""

from django.utils.translation import gettext_lazy as _

from prisoners.demo import DemoStep
from prisoners.sections import Section, holds
from reminders.kinds import AnsweredBy

from . import demo, oversight, services
from .permissions import ADJUSTMENTS, READ, VIEW_NEEDS, VIEW_VISITS
from .reading import her_record
from .views import may


def _section(request, prisoner):
    shown = her_record(request.user, prisoner)
    if shown is None:
        return None
    return {"woman": prisoner, "shown": shown, **may(request.user)}


PLUGS = (
    *oversight.BREAKDOWNS,
    *oversight.INDICATORS,
    AnsweredBy(_("the visit arranged, or closed"), services.VISIT_KIND),
    Section(
        key="equality",
        title=_("Equality and faith"),
        template="equality/_section.html",
        context=_section,
        shown=holds(READ, ADJUSTMENTS, VIEW_NEEDS, VIEW_VISITS),
        order=870,
    ),
    DemoStep(order=170, run=demo.seed),
)
