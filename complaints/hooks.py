"""What complaints plug into the other areas."""

from django.utils.translation import gettext_lazy as _

from authority.registry import Hold
from prisoners.demo import DemoStep
from prisoners.sections import Section
from reminders.kinds import AnsweredBy, MayBeMarkedDone

from . import demo, oversight
from .reading import complaints_section
from .services.retaliation import HELD_TASK, lapse_held, refuse_while_held


def _complaints_section(request, prisoner):
    return complaints_section(viewer=request.user, prisoner=prisoner)


PLUGS = (
    # Nobody decides an act asked for after her report until both reviews (Rules 7.3, 25.1).
    Hold(refuse_while_held, lapse=lapse_held),
    Section(
        key="complaints",
        title=_("Complaints and reports (Rules 7, 25)"),
        template="complaints/_section.html",
        context=_complaints_section,
        order=400,
    ),
    *oversight.LISTS,
    *oversight.ZEROS,
    AnsweredBy(_("the acknowledgement or the answer"), "complaints.acknowledge"),
    AnsweredBy(_("the answer to the complaint"), "complaints.reply"),
    AnsweredBy(_("her protection plan"), "complaints.plan"),
    AnsweredBy(_("the offer of psychological support"), "complaints.support"),
    AnsweredBy(_("the referral to the competent authority"), "complaints.referral"),
    AnsweredBy(_("the review of the held action"), HELD_TASK),
    MayBeMarkedDone("complaints.medical", "safeguarding.record_opened"),
    DemoStep(order=140, run=demo.seed),
)
