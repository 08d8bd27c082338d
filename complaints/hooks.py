"""What complaints plug into the other areas."""

from django.utils.translation import gettext_lazy as _

from authority.registry import Hold
from prisoners.demo import DemoStep
from prisoners.sections import Section, holds
from reminders.kinds import AnsweredBy, MayBeMarkedDone, opens

from . import demo, figures, oversight, queues
from .permissions import READ, STATUS
from .reading import complaints_section
from .services.complaints import DEAL, LODGE
from .services.retaliation import HELD_TASK, REVIEW, lapse_held, refuse_while_held


def _complaints_section(request, prisoner):
    return complaints_section(viewer=request.user, prisoner=prisoner)


def _step(name: str):
    return opens("complaints:detail", perm=DEAL, step=name, section=f"step-{name}")


PLUGS = (
    *figures.FIGURES,  # the annual statistics (research)
    # Nobody decides an act asked for after her report until both reviews (Rules 7.3, 25.1).
    Hold(refuse_while_held, lapse=lapse_held),
    Section(
        key="complaints",
        title=_("Complaints and reports (Rules 7, 25)"),
        template="complaints/_section.html",
        context=_complaints_section,
        shown=holds(READ, STATUS, LODGE),
        order=400,
    ),
    *oversight.LISTS,
    *oversight.INDICATORS,
    *oversight.ZEROS,
    *queues.QUEUES,
    # Each is recorded on the complaint's page (its form open), the review on the held act's.
    AnsweredBy(
        _("the acknowledgement or the answer"),
        "complaints.acknowledge",
        page=opens("complaints:detail", perm=DEAL, section="deal"),
    ),
    AnsweredBy(_("the answer to the complaint"), "complaints.reply", page=_step("answer")),
    AnsweredBy(_("her protection plan"), "complaints.plan", page=_step("plan")),
    AnsweredBy(
        _("the offer of psychological support"),
        "complaints.support",
        page=opens("complaints:detail", perm=DEAL, section="deal"),
    ),
    AnsweredBy(
        _("the referral to the competent authority"), "complaints.referral", page=_step("refer")
    ),
    AnsweredBy(
        _("the review of the held action"),
        HELD_TASK,
        page=opens("complaints:held", perm=REVIEW),
    ),
    MayBeMarkedDone("complaints.medical", "safeguarding.record_opened"),
    DemoStep(order=140, run=demo.seed),
)
