"""What the use-of-force area plugs into the other areas."""

from django.utils.translation import gettext_lazy as _

from health.services.maternity import PeriodWatcher
from prisoners.demo import DemoStep
from prisoners.sections import Section, holds
from reminders.kinds import AnsweredBy, MayBeMarkedDone, opens

from . import demo, figures, oversight, services
from .reading import force_section


def _force_section(request, prisoner):
    return force_section(viewer=request.user, prisoner=prisoner)


PLUGS = (
    *figures.FIGURES,  # the annual statistics (research)
    # Only the health check health staff record, and the governor's review, close their tasks.
    AnsweredBy(
        _("the health check after the force"),
        services.HEALTH_KIND,
        page=opens("force:health-check", perm=services.CHECK),
    ),
    AnsweredBy(
        _("the review of the use of force"),
        services.REVIEW_KIND,
        page=opens("force:review", perm=services.REVIEW),
    ),
    # The governor finds out how force fell in a period recorded later, and safeguarding
    # staff whether force after her report was retaliation: no record answers these yet, so
    # they mark them done with what they found.
    MayBeMarkedDone(services.PERIOD_KIND, services.RETALIATION_KIND),
    PeriodWatcher(services.on_protected_period),
    Section(
        key="force",
        title=_("Use of force"),
        template="force/_section.html",
        context=_force_section,
        shown=holds(services.VIEW),
        order=345,
    ),
    *oversight.LISTS,
    *oversight.INDICATORS,
    *oversight.ZEROS,
    DemoStep(order=145, run=demo.seed),
)
