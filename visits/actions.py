"""What staff do with her visitor list, visits and contact (Rules 26-28, 43, 44), each declared
once for the API and, where staff do it on a page, for the page (`bangkok.actions`).

Each action finds the woman (or the visitor or visit, then its woman) through the access
funnel with the permission it needs: another facility's woman, or a role without that
permission, meets the 404 of a woman who doesn't exist. The service checks the role and the
Rules: a refusal is a 409 (beside the form on a page) naming the rule (44, 27, 28, 43, M43),
and nothing is written.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from authority.operations import decisions
from bangkok.actions import Action, Area, Page, to

from . import api
from . import serializers as io
from .forms import (
    BookingForm,
    CancelForm,
    ConsultationForm,
    ContactForm,
    CourtOrderForm,
    HeldForm,
    PrisonWithdrawForm,
    VisitorForm,
    WithdrawForm,
)
from .models import Visit, VisitCancellation, Visitor, VisitorWithdrawal, VisitStatus
from .permissions import (
    ADD_CONTACT,
    ADD_VISIT,
    ADD_VISITOR,
    CHANGE_VISIT,
    CHANGE_VISITOR,
    access_with,
    on_her_list,
    sees_child_identity,
)
from .reading import labelled
from .services import bookings as B
from .services import prison as P
from .services import visitors as V
from .services.contact import record_contact
from .views import visits as visit_pages
from .views.common import approved_visitors, her_children

PREFIX = "api-visits"


def area(*perms: str, sees=None) -> Area:
    return Area(
        tag=api.TAG, access=access_with(*perms), not_found=api.NOT_FOUND, prefix=PREFIX, sees=sees
    )


def form_page(title, intro, button, testid):
    """The context of `visits/form.html`: a form on its own page, about her or (its name in
    the title) one of her visitors."""

    def context(request, target) -> dict:
        shown = title
        if isinstance(target, Visitor):
            shown = f"{title}: {labelled(request.user, [target])[0].shown_name}"
        return {
            "title": shown,
            "intro": intro,
            "button": button,
            "testid": testid,
            "action": request.path,
        }

    return context


def her_visitors(result, visitor) -> str:
    return reverse("visits:visitors", kwargs={"uuid": visitor.prisoner.uuid})


def on_the_visit(key: str):
    """A refused outcome is shown on the visit's page again, beside its refusal."""
    return lambda request, visit, form: visit_pages.visit_page(
        request, visit_pages.with_its_visitors(visit), **{key: form}
    )


def cancelled(visit) -> str:
    if visit.status == VisitStatus.CANCELLED:
        return _("Visit recorded as cancelled.")
    return _("Recorded: the prison's cancellation takes effect when a governor confirms it.")


ADD_VISITOR_ACTIONS = [
    Action(
        "visitors",
        "prisoners/<uuid:uuid>/visitors/",
        "Put a person on her visitor list, to be approved only once she is consulted (Rule 44)",
        V.add_visitor,
        io.VisitorSerializer,
        io.VisitorInput,
        created=True,
        reads=api.VisitorList,
        description="A child visitor needs a date of birth or an age.",
        page=Page(
            "women/<uuid:uuid>/visitors/new/",
            VisitorForm,
            name="add-visitor",
            template="visits/form.html",
            form_kwargs=lambda request, woman: {
                "children": (
                    her_children(request.user, woman) if sees_child_identity(request.user) else []
                )
            },
            context=form_page(
                _("Add a person to her visitor list"),
                _("They can visit only once she has been consulted and agrees (Rule 44)."),
                _("Add to her list"),
                "visitor-form",
            ),
            done=_("Added to her list: consult her before anyone visits."),
            then=to("visits:visitors", of="target"),
        ),
    ),
]
BOOKING_ACTIONS = [
    Action(
        "visits",
        "prisoners/<uuid:uuid>/visits/",
        "Book a visit with visitors she approved (Rules 27, 28, 43, 44; Mandela 43.3)",
        B.book_visit,
        io.VisitSerializer,
        io.BookingInput,
        created=True,
        rules=("44", "27", "28", "M43"),
        reads=api.VisitList,
        description=(
            "Every visitor is on her list and approved, or named and matching an approved "
            "visitor (409, 44); her lawyer on a legal visit needs no place on the list. "
            "Conjugal visits only where the service allows them for men (409, 27). A visit "
            "with a child is open contact in a child-friendly room unless a reason is given "
            "(409, 28). A person under a security restriction of visits is refused (409, M43); "
            "her children never are."
        ),
        page=Page(
            "women/<uuid:uuid>/visits/new/",
            BookingForm,
            name="book",
            template="visits/form.html",
            form_kwargs=lambda request, woman: {"approved": approved_visitors(request.user, woman)},
            context=form_page(
                _("Book a visit"),
                _(
                    "Only visitors she agreed to can visit (Rule 44). A visit with a child is "
                    "open contact in a child-friendly room unless you write why not (Rule 28)."
                ),
                _("Book the visit"),
                "booking-form",
            ),
            done=_("Visit booked."),
            then=to("visits:visit"),
        ),
    ),
]
CONTACT_ACTIONS = [
    Action(
        "contacts",
        "prisoners/<uuid:uuid>/contacts/",
        "Record a call, a letter or travel support for her family (Rule 26)",
        record_contact,
        io.ContactSerializer,
        io.ContactInput,
        created=True,
        rules=("44",),
        reads=api.ContactList,
        description="With an approved visitor (409, 44, for anyone else) or her child.",
        page=Page(
            "women/<uuid:uuid>/contacts/new/",
            ContactForm,
            name="add-contact",
            template="visits/form.html",
            form_kwargs=lambda request, woman: {
                "approved": approved_visitors(request.user, woman),
                "children": her_children(request.user, woman),
            },
            context=form_page(
                _("Record contact with her family"),
                _("Calls, letters and support for a family far away keep her in touch (Rule 26)."),
                _("Record the contact"),
                "contact-form",
            ),
            done=_("Contact recorded."),
            then=to("visits:contacts", of="target"),
        ),
    ),
]
VISITOR_ACTIONS = [
    Action(
        "visitor-consultation",
        "visitors/<uuid:uuid>/consultation/",
        "Record her consultation about a visitor and her answer (Rule 44)",
        V.record_consultation,
        io.VisitorSerializer,
        io.ConsultationInput,
        model=Visitor,
        arg="visitor",
        rules=("44",),
        description="Her refusal stands: a person she refused can't be approved (409, 44).",
        page=Page(
            "visitors/<uuid:uuid>/consultation/",
            ConsultationForm,
            name="consult",
            template="visits/form.html",
            context=form_page(
                _("Her answer about a visitor"),
                _(
                    "Ask her, in a language she understands and away from others, whether she "
                    "agrees to this person visiting her. Her refusal stands (Rule 44)."
                ),
                _("Record her answer"),
                "consultation-form",
            ),
            done=_("Her answer is recorded."),
            then=her_visitors,
        ),
    ),
    Action(
        "visitor-court-order",
        "visitors/<uuid:uuid>/court-order/",
        "Approve a visitor by a court order, recorded with its reference (Rule 44)",
        V.approve_by_court_order,
        io.VisitorSerializer,
        io.CourtOrderInput,
        model=Visitor,
        arg="visitor",
        page=Page(
            "visitors/<uuid:uuid>/court-order/",
            CourtOrderForm,
            name="court-order",
            template="visits/form.html",
            context=form_page(
                _("Record a court order"),
                _("Only a court order approves a person she did not agree to (Rule 44)."),
                _("Record the court order"),
                "court-order-form",
            ),
            done=_("Court order recorded: the visitor is approved."),
            then=her_visitors,
        ),
    ),
    Action(
        "visitor-withdraw",
        "visitors/<uuid:uuid>/withdraw/",
        "She withdraws a visitor: they can't be booked any more (Rule 44)",
        V.withdraw_visitor,
        io.VisitorSerializer,
        io.WithdrawInput,
        model=Visitor,
        arg="visitor",
        page=Page(
            "visitors/<uuid:uuid>/withdraw/",
            WithdrawForm,
            name="withdraw",
            template="visits/form.html",
            context=form_page(
                _("Withdraw a visitor"),
                _("She may withdraw a visitor at any time; visits booked with them are cancelled."),
                _("Withdraw the visitor"),
                "withdraw-form",
            ),
            done=_("Visitor withdrawn."),
            then=her_visitors,
        ),
    ),
    Action(
        "visitor-prison-withdrawal",
        "visitors/<uuid:uuid>/prison-withdrawal/",
        "The prison asks to withdraw a visitor, for security (Rules 23, 44; Mandela 43.3)",
        P.ask_to_withdraw_visitor,
        io.VisitorWithdrawalSerializer,
        io.PrisonActInput,
        model=Visitor,
        arg="visitor",
        created=True,
        rules=("23", "M43"),
        description=(
            "With the reason (409, M43); never her child (409, 23). It awaits a governor's "
            "confirmation (`authority: pending`): the visitor stays on her list, and on the "
            "visits booked with them, until she confirms it."
        ),
        page=Page(
            "visitors/<uuid:uuid>/withdraw-by-prison/",
            PrisonWithdrawForm,
            name="withdraw-by-prison",
            template="visits/form.html",
            context=form_page(
                _("The prison withdraws a visitor"),
                _(
                    "Only as strictly required for security and order, saying why (Mandela "
                    "Rule 43.3); never her child (Rule 23). They stay on her list until a "
                    "governor confirms it."
                ),
                _("Ask a governor to confirm"),
                "prison-withdraw-form",
            ),
            done=_("Recorded: it takes effect when a governor confirms it."),
            then=her_visitors,
        ),
    ),
]
VISIT_ACTIONS = [
    Action(
        "visit-held",
        "visits/<uuid:uuid>/held/",
        "Record that the visit was held (Rules 26, 43)",
        B.record_visit_held,
        io.VisitSerializer,
        io.HeldInput,
        model=Visit,
        arg="visit",
        page=Page(
            "visits/<uuid:uuid>/held/",
            HeldForm,
            name="held",
            form_kwargs=lambda request, visit: {"prefix": "held"},
            again=on_the_visit("held"),
            done=_("Visit recorded as held."),
            then=to("visits:visit"),
        ),
    ),
    Action(
        "visit-cancel",
        "visits/<uuid:uuid>/cancel/",
        "Record that the visit was cancelled, by whom and why (Rule 43)",
        B.cancel_visit,
        io.VisitSerializer,
        io.CancelInput,
        model=Visit,
        arg="visit",
        rules=("43",),
        description=(
            "The prison cancels only with a reason (409, 43), and only once a governor "
            "confirms it: the visit stays booked until then (`visit-cancellation-confirm`)."
        ),
        page=Page(
            "visits/<uuid:uuid>/cancel/",
            CancelForm,
            name="cancel",
            form_kwargs=lambda request, visit: {"prefix": "cancel"},
            again=on_the_visit("cancel"),
            done=cancelled,
            then=to("visits:visit"),
        ),
    ),
]
CHECKED_AGAIN = (
    "A governor of her facility, never whoever asked (409); checked again now (400 once the "
    "visit was held or the visitor left her list; 409, 23, for her child)."
)
# A governor confirms or refuses what the prison asked to do to her family contact.
CONFIRMING = [
    *decisions(
        "visit-cancellation",
        "visit-cancellations",
        VisitCancellation,
        io.VisitCancellationSerializer,
        P.CANCELLATIONS.key,
        rules=("43",),
        description=CHECKED_AGAIN,
    ),
    *decisions(
        "visitor-withdrawal",
        "visitor-withdrawals",
        VisitorWithdrawal,
        io.VisitorWithdrawalSerializer,
        P.WITHDRAWALS.key,
        rules=("23", "M43"),
        description=CHECKED_AGAIN,
    ),
]

# Each list with the area (the permission) its woman is reached by.
MOUNTED = [
    (ADD_VISITOR_ACTIONS, area(ADD_VISITOR)),
    (BOOKING_ACTIONS, area(ADD_VISIT)),
    (CONTACT_ACTIONS, area(ADD_CONTACT)),
    (VISITOR_ACTIONS, area(CHANGE_VISITOR, sees=on_her_list)),
    (VISIT_ACTIONS, area(CHANGE_VISIT)),
    (CONFIRMING, area(P.CONFIRM)),
]
