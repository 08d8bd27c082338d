"""What restraints plug into the other areas."""

from django.utils.translation import gettext_lazy as _

from complaints.services import AdverseAction, stop_by_refusal
from health.services.maternity import PeriodWatcher
from prisoners.demo import DemoStep
from prisoners.sections import Section, holds
from prisoners.services import FlagWatcher
from reminders.kinds import AnsweredBy, MayBeMarkedDone

from . import demo, figures, oversight, services
from .reading import restraints_section


def _restraints_section(request, prisoner):
    return restraints_section(viewer=request.user, prisoner=prisoner)


PLUGS = (
    *figures.FIGURES,  # the annual statistics (research)
    services.AREA,
    # A planned restraint asked for after her report (Rules 7.3, 25.1).
    AdverseAction(
        "restraint", held_by=services.apply_restraint, stop=stop_by_refusal(services.AREA)
    ),
    FlagWatcher(services.on_flags_changed),
    AnsweredBy(
        _("the review, removal or decision on the restraint"), *services.CLOSED_BY_THE_RECORD
    ),
    # The governor finds out how a restraint overlapped a period recorded later; no record
    # answers that yet, so she marks it done with what she found.
    MayBeMarkedDone(services.PERIOD_KIND),
    PeriodWatcher(services.on_protected_period),
    Section(
        key="restraints",
        title=_("Restraints"),
        template="restraints/_section.html",
        context=_restraints_section,
        shown=holds(services.VIEW),
        order=340,
    ),
    *oversight.LISTS,
    *oversight.INDICATORS,
    *oversight.ZEROS,
    DemoStep(order=120, run=demo.seed),
)
