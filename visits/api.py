"""The visits API (Rules 26-28, 43, 44): her visitor list, visits and contact, and one
operation per service verb.

Each operation finds the woman (or the visitor or visit, then its woman) through the access
funnel with the permission it needs: another facility's woman, or a role without that
permission, meets the 404 of a woman who doesn't exist. The service checks the role and the
Rules: a refusal is a 409 naming the rule (44, 27, 28, 43, M43), and nothing is written. A
role that sees approved visitors only (custody) never reads a visitor she refused.
"""

from drf_spectacular.utils import OpenApiResponse, extend_schema

from authority.operations import decisions
from bangkok.actions import Area, Operation, operation_urls, view_for
from bangkok.pagination import KeysetPagination
from bangkok.schema import ERROR

from . import serializers as io
from .models import Visit, VisitCancellation, Visitor, VisitorWithdrawal
from .permissions import (
    ADD_CONTACT,
    ADD_VISIT,
    ADD_VISITOR,
    ANY_VISITOR_VIEW,
    CHANGE_VISIT,
    CHANGE_VISITOR,
    VIEW_CONTACT,
    VIEW_VISIT,
    access_with,
    access_woman,
    sees_all_visitors,
)
from .reading import contacts_of, label_contacts, labelled, visitors_for, with_visitors
from .services import bookings as B
from .services import prison as P
from .services import visitors as V
from .services.contact import record_contact

TAG = "visits"
PREFIX = "api-visits"
NOT_FOUND = OpenApiResponse(
    ERROR,
    description=(
        "No such record in your facilities, or your role may not do this (the same answer "
        "either way)."
    ),
)


def area(*perms: str) -> Area:
    return Area(tag=TAG, access=access_with(*perms), not_found=NOT_FOUND, prefix=PREFIX)


ADD_VISITOR_OP = Operation(
    "visitors",
    "prisoners/<uuid:uuid>/visitors/",
    "Put a person on her visitor list, to be approved only once she is consulted (Rule 44)",
    V.add_visitor,
    io.VisitorSerializer,
    io.VisitorInput,
    created=True,
    description="A child visitor needs a date of birth or an age.",
)
BOOK_OP = Operation(
    "visits",
    "prisoners/<uuid:uuid>/visits/",
    "Book a visit with visitors she approved (Rules 27, 28, 43, 44; Mandela 43.3)",
    B.book_visit,
    io.VisitSerializer,
    io.BookingInput,
    created=True,
    rules=("44", "27", "28", "M43"),
    description=(
        "Every visitor is on her list and approved, or named and matching an approved visitor "
        "(409, 44); her lawyer on a legal visit needs no place on the list. Conjugal visits "
        "only where the service allows them for men (409, 27). A visit with a child is open "
        "contact in a child-friendly room unless a reason is given (409, 28). A person under a "
        "security restriction of visits is refused (409, M43); her children never are."
    ),
)
CONTACT_OP = Operation(
    "contacts",
    "prisoners/<uuid:uuid>/contacts/",
    "Record a call, a letter or travel support for her family (Rule 26)",
    record_contact,
    io.ContactSerializer,
    io.ContactInput,
    created=True,
    rules=("44",),
    description="With an approved visitor (409, 44, for anyone else) or her child.",
)
CHECKED_AGAIN = (
    "A governor of her facility, never whoever asked (409); checked again now (400 once the "
    "visit was held or the visitor left her list; 409, 23, for her child)."
)
VISITOR_OPS = [
    Operation(
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
    ),
    Operation(
        "visitor-court-order",
        "visitors/<uuid:uuid>/court-order/",
        "Approve a visitor by a court order, recorded with its reference (Rule 44)",
        V.approve_by_court_order,
        io.VisitorSerializer,
        io.CourtOrderInput,
        model=Visitor,
        arg="visitor",
    ),
    Operation(
        "visitor-withdraw",
        "visitors/<uuid:uuid>/withdraw/",
        "She withdraws a visitor: they can't be booked any more (Rule 44)",
        V.withdraw_visitor,
        io.VisitorSerializer,
        io.WithdrawInput,
        model=Visitor,
        arg="visitor",
    ),
    Operation(
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
    ),
]
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
VISIT_OPS = [
    Operation(
        "visit-held",
        "visits/<uuid:uuid>/held/",
        "Record that the visit was held (Rules 26, 43)",
        B.record_visit_held,
        io.VisitSerializer,
        io.HeldInput,
        model=Visit,
        arg="visit",
    ),
    Operation(
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
    ),
]


class Listed:
    """A GET list on the path of a POST operation: paginated, newest first."""

    pagination_class = KeysetPagination

    def page(self, request, queryset, shown, serializer):
        items = self.paginator.paginate_queryset(queryset, request, view=self)
        return self.paginator.get_paginated_response(serializer(shown(items), many=True).data)

    @property
    def paginator(self):
        if not hasattr(self, "_paginator"):
            self._paginator = self.pagination_class()
        return self._paginator


class VisitorList(Listed, view_for(ADD_VISITOR_OP, area(ADD_VISITOR)).cls):
    keyset_fields = ("added_at", "id")

    @extend_schema(
        tags=[TAG],
        summary="Her visitors: all, with her consultation; or, for custody, the approved ones",
        description="A role that sees approved visitors only gets their names and relationship.",
        responses={200: io.VisitorSerializer(many=True), 404: NOT_FOUND},
    )
    def get(self, request, uuid):
        woman = access_woman(request.user, uuid, *ANY_VISITOR_VIEW)
        full = sees_all_visitors(request.user)
        serializer = io.VisitorSerializer if full else io.ApprovedVisitorSerializer
        return self.page(
            request,
            visitors_for(request.user, woman),
            lambda items: labelled(request.user, items),
            serializer,
        )


class VisitList(Listed, view_for(BOOK_OP, area(ADD_VISIT)).cls):
    keyset_fields = ("-starts_at", "-id")

    @extend_schema(
        tags=[TAG],
        summary="Her visits, newest first",
        description="Visitors by uuid; the lawyer of a legal visit by name and number.",
        responses={200: io.VisitSerializer(many=True), 404: NOT_FOUND},
    )
    def get(self, request, uuid):
        woman = access_woman(request.user, uuid, VIEW_VISIT)
        visits = with_visitors(Visit.objects.filter(prisoner=woman))
        return self.page(request, visits, list, io.VisitSerializer)


class ContactList(Listed, view_for(CONTACT_OP, area(ADD_CONTACT)).cls):
    keyset_fields = ("-at", "-id")

    @extend_schema(
        tags=[TAG],
        summary="Her calls, letters and travel support, newest first (Rule 26)",
        description="With an approved visitor or one of her children (by uuid).",
        responses={200: io.ContactSerializer(many=True), 404: NOT_FOUND},
    )
    def get(self, request, uuid):
        woman = access_woman(request.user, uuid, VIEW_CONTACT)
        return self.page(
            request,
            contacts_of(woman).select_related("child"),
            lambda items: label_contacts(request.user, items),
            io.ContactSerializer,
        )


def urls() -> list:
    from django.urls import path

    return [
        path(ADD_VISITOR_OP.path, VisitorList.as_view(), name=f"{PREFIX}-visitors"),
        path(BOOK_OP.path, VisitList.as_view(), name=f"{PREFIX}-visits"),
        path(CONTACT_OP.path, ContactList.as_view(), name=f"{PREFIX}-contacts"),
        *operation_urls(VISITOR_OPS, area(CHANGE_VISITOR)),
        *operation_urls(VISIT_OPS, area(CHANGE_VISIT)),
        *operation_urls(CONFIRMING, area(P.CONFIRM)),
    ]
