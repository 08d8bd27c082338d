"""What the safeguarding area plugs into the other areas."""

from django.utils.translation import gettext_lazy as _

from admissions.services import AtTransfer
from prisoners.demo import DemoStep
from prisoners.sections import Section, holds
from reminders.kinds import AnsweredBy, opens

from . import demo, oversight, queues, services
from .reading import section


def _section(request, prisoner):
    return section(viewer=request.user, prisoner=prisoner)


PLUGS = (
    # Her open plans, needs and concerns go with her to the facility she moves to.
    AtTransfer(services.follow_her),
    # Each task closes only by the record that answers it.
    AnsweredBy(
        _("her support plan or management"),
        services.PLAN_KIND,
        page=opens("safeguarding:make-plan", perm=services.PLAN),
    ),
    AnsweredBy(
        _("the review of her safeguarding plan"),
        services.PLAN_REVIEW_KIND,
        page=opens("safeguarding:review-plan", perm=services.PLAN),
    ),
    AnsweredBy(
        _("the injuries of the incident"),
        services.INJURIES_KIND,
        page=opens("safeguarding:injuries", perm=services.INJURIES),
    ),
    AnsweredBy(
        _("the triage of her family's concern"),
        services.TRIAGE_KIND,
        page=opens("safeguarding:triage", perm=services.TRIAGE),
    ),
    AnsweredBy(
        _("the review of her social-care plan"),
        services.NEED_REVIEW_KIND,
        page=opens("safeguarding:review-need", perm=services.REVIEW_NEED),
    ),
    Section(
        key="safeguarding",
        title=_("Safeguarding"),
        template="safeguarding/_section.html",
        context=_section,
        shown=holds(services.VIEW),
        order=348,
    ),
    queues.PLANS,
    queues.CONCERNS,
    *oversight.LISTS,
    *oversight.ZEROS,
    DemoStep(order=148, run=demo.seed),
)
