"""What visits plug into the other areas."""

from django.utils.translation import gettext_lazy as _

from complaints.services import AdverseAction, stop_by_refusal
from prisoners.demo import DemoStep
from prisoners.sections import Section, holds
from register.services import SeparationWatcher
from reminders.kinds import AnsweredBy

from . import demo, oversight, queues
from .permissions import ANY_VIEW
from .sections import section_context
from .services import prison
from .services.reminders import child_left_her

PLUGS = (
    *queues.QUEUES,
    Section(
        key="visits",
        title=_("Visits and family contact"),
        template="visits/_section.html",
        context=section_context,
        shown=holds(*ANY_VIEW),
        order=250,
    ),
    *oversight.LISTS,
    *oversight.INDICATORS,
    *oversight.ZEROS,
    AnsweredBy(_("a family visit held or a contact"), "visits.family_contact"),
    AnsweredBy(_("a visit with children held"), "visits.child_visit"),
    # Her child has left prison: the visiting plan starts at once (Rule 52.3).
    SeparationWatcher(child_left_her),
    # What the prison does to her family contact awaits a governor (Rule 43; Mandela 43.3),
    # and waits for both reviews after her report (Rules 7.3, 25.1).
    prison.CANCELLATIONS,
    AdverseAction(
        "visit_cancellation",
        held_by=prison.ask_to_cancel_visit,
        stop=stop_by_refusal(prison.CANCELLATIONS),
    ),
    prison.WITHDRAWALS,
    AdverseAction(
        "visitor_withdrawal",
        held_by=prison.ask_to_withdraw_visitor,
        stop=stop_by_refusal(prison.WITHDRAWALS),
    ),
    DemoStep(order=130, run=demo.seed),
)
