"""The visits API (Rules 26-28, 43, 44): what staff read of her visitor list, visits and
contact. Adding to each list at the same address, and every other write, is an action
(`visits.actions`).

Another facility's woman, or a role without the permission to read, meets the 404 of a woman
who doesn't exist. A role that sees approved visitors only (custody) never reads a visitor she
refused.
"""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.views import APIView

from bangkok.pagination import KeysetPagination
from bangkok.schema import ERROR

from . import serializers as io
from .models import Visit
from .permissions import ANY_VISITOR_VIEW, VIEW_CONTACT, VIEW_VISIT, access_woman, sees_all_visitors
from .reading import contacts_of, label_contacts, labelled, visitors_for, with_visitors

TAG = "visits"
NOT_FOUND = OpenApiResponse(
    ERROR,
    description=(
        "No such record in your facilities, or your role may not do this (the same answer "
        "either way)."
    ),
)


class Listed(APIView):
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


class VisitorList(Listed):
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


class VisitList(Listed):
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


class ContactList(Listed):
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
