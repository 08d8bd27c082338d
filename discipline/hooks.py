"""What discipline plugs into the other areas."""

from django.utils.translation import gettext_lazy as _

from complaints.services import AdverseAction, stop_by_refusal
from prisoners.demo import DemoStep
from prisoners.sections import Section, holds
from prisoners.services import FlagWatcher
from reminders.kinds import AnsweredBy, MayBeMarkedDone, opens
from visits.services.bookings import VisitBar

from . import demo, figures, oversight
from .permissions import ANY_VIEW
from .services import charges, contact, segregation
from .services.common import ADJUDICATE, VISIT
from .views.common import section_context

# Where the tasks about a segregation are answered: its page, the form open.
SEGREGATION_END = opens("discipline:segregation", perm=ADJUDICATE, step="end", section="end")

PLUGS = (
    *figures.FIGURES,  # the annual statistics (research)
    segregation.AREA,
    segregation.EXTENSIONS,
    charges.SANCTIONS,
    contact.RESTRICTIONS,
    # A confirmed restriction of visits with a person bars booking one (Mandela 43.3).
    VisitBar(contact.visits_restricted_until),
    FlagWatcher(segregation.watch_protection),
    # Only ending the segregation closes the orders to end it (Rule 22; Mandela 44).
    AnsweredBy(
        _("the end of the segregation"),
        segregation.END_NOW_KIND,
        segregation.ALERT_KIND,
        page=SEGREGATION_END,
    ),
    AnsweredBy(_("its end or extension"), segregation.PLANNED_END_KIND, page=SEGREGATION_END),
    AnsweredBy(
        _("the daily health visit"),
        segregation.VISIT_KIND,
        page=opens("discipline:segregation", perm=VISIT, step="visit", section="visit"),
    ),
    MayBeMarkedDone(segregation.UNFIT_KIND, segregation.ENDED_AT_LIMIT_KIND),
    Section(
        key="discipline",
        title=_("Discipline"),
        template="discipline/_section.html",
        context=section_context,
        shown=holds(*ANY_VIEW),
        order=320,
    ),
    *oversight.LISTS,
    *oversight.ZEROS,
    # Adverse actions held after her report, carried out once both reviews release them
    # (Rules 7.3, 25.1).
    AdverseAction("charge", held_by=charges.lay_charge, stop=charges.stop_held_charge),
    *(
        AdverseAction(
            kind,
            charges.carry_out_sanction,
            held_by=charges.impose_sanction,
            stop=stop_by_refusal(charges.SANCTIONS),
        )
        for kind in ("sanction", "loss_of_work")
    ),
    AdverseAction(
        "segregation",
        segregation.carry_out_segregation,
        held_by=segregation.segregate,
        stop=stop_by_refusal(segregation.AREA),
    ),
    AdverseAction(
        "segregation_extension",
        held_by=segregation.extend_segregation,
        stop=stop_by_refusal(segregation.EXTENSIONS),
    ),
    AdverseAction(
        "contact_restriction",
        contact.carry_out_restriction,
        held_by=contact.restrict_contact,
        stop=stop_by_refusal(contact.RESTRICTIONS),
    ),
    DemoStep(order=110, run=demo.seed),
)
