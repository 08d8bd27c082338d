"""What the parole area plugs into the others."""

from django.utils.translation import gettext_lazy as _

from admissions.services import AtAdmission, AtCourtOutcome, AtRelease
from complaints.services import AdverseAction
from prisoners.demo import DemoStep
from prisoners.sections import Section
from prisoners.services import FlagWatcher
from register.services import ChildWatcher
from reminders.kinds import AnsweredBy, opens

from . import demo, oversight, services
from .reading import her_parole, reads_any


def _section(request, prisoner):
    return her_parole(viewer=request.user, prisoner=prisoner)


PLUGS = (
    # A refusal of leave after her report is reviewed by both; found retaliatory, it is set
    # aside (Rules 7.3, 25.1).
    AdverseAction("leave_refusal", held_by=services.decide_leave, stop=services.set_aside_refusal),
    # Rule 64: a pregnancy (from her protections) or a new dependent child.
    FlagWatcher(services.on_flags_changed),
    # Her protective custody ends when she leaves custody.
    AtRelease(services.end_at_release),
    ChildWatcher(services.on_child_recorded),
    # Rule 53.1: a sentenced foreign national's transfer home, considered with her early.
    AtAdmission(services.ask_to_consider_transfer),
    AtCourtOutcome(services.on_court_outcome),
    AnsweredBy(
        _("her transfer home, considered with her"),
        services.TRANSFER_KIND,
        page=opens("parole:consider-home-transfer", perm=services.CONSIDER_TRANSFER, of="woman"),
    ),
    AnsweredBy(
        _("the review of her eligibility for leave"),
        services.ELIGIBILITY_KIND,
        page=opens("parole:review-eligibility", perm=services.REVIEW_ELIGIBILITY, of="woman"),
    ),
    AnsweredBy(
        _("the governor's decision on the leave"),
        services.DECISION_KIND,
        page=opens("parole:leave", perm=services.DECIDE_LEAVE),
    ),
    AnsweredBy(
        _("her return from leave"),
        services.RETURN_KIND,
        page=opens("parole:leave", perm=services.RECORD_RETURN),
    ),
    AnsweredBy(
        _("the parole review, submitted"),
        services.PAROLE_KIND,
        page=opens("parole:parole-review", perm=services.SUBMIT_PAROLE),
    ),
    AnsweredBy(
        _("the review of non-custodial options"),
        services.NONCUSTODIAL_KIND,
        page=opens("parole:review-noncustodial", perm=services.REVIEW_NONCUSTODIAL, of="woman"),
    ),
    AnsweredBy(
        _("the review of her protective custody"),
        services.CUSTODY_REVIEW_KIND,
        page=opens("parole:custody", perm=services.REVIEW_CUSTODY),
    ),
    Section(
        key="parole",
        title=_("Leave, parole and protective custody"),
        template="parole/_section.html",
        context=_section,
        shown=reads_any,
        order=360,
    ),
    *oversight.LISTS,
    *oversight.ZEROS,
    DemoStep(order=150, run=demo.seed),
)
