"""What the classification area plugs into the other areas."""

from django.utils.translation import gettext_lazy as _

from admissions.services import AtAdmission, AtCourtOutcome
from health.services.maternity import PeriodWatcher
from prisoners.demo import DemoStep
from prisoners.sections import Section, holds
from prisoners.services import FlagWatcher
from register.services import ChildWatcher
from reminders.kinds import AnsweredBy, opens

from . import demo, oversight, services
from .reading import section


def _section(request, prisoner):
    return section(viewer=request.user, prisoner=prisoner)


PLUGS = (
    # Rules 40, 41: classified within a set time of her admission; only the record closes it.
    AtAdmission(services.ask_for_initial),
    AnsweredBy(
        _("her classification"),
        services.INITIAL_KIND,
        page=opens("classification:classify", perm=services.RECORD, of="woman"),
    ),
    AnsweredBy(
        _("the review of her classification"),
        services.REVIEW_KIND,
        page=opens("classification:review", perm=services.RECORD),
    ),
    AnsweredBy(
        _("the review of her classification"),
        services.EVENT_KIND,
        page=opens("classification:review", perm=services.RECORD),
    ),
    # Convicted or sentenced: her classification is reviewed (a review after sentencing).
    AtCourtOutcome(services.on_court_outcome),
    # A birth, a pregnancy or a new dependent child: her classification is reviewed.
    PeriodWatcher(services.on_protected_period),
    FlagWatcher(services.on_flags_changed),
    ChildWatcher(services.on_child_recorded),
    Section(
        key="classification",
        title=_("Classification"),
        template="classification/_section.html",
        context=_section,
        shown=holds(services.VIEW),
        order=340,
    ),
    *oversight.LISTS,
    *oversight.ZEROS,
    DemoStep(order=147, run=demo.seed),
)
