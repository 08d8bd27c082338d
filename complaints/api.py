"""The complaints API (Rules 7, 25): lodge for her, read (safeguarding and inspectors; every
read audited), and the actions held after a report; what staff do with them is declared in
`complaints.actions`. A complaint that names the caller doesn't exist for her: 404, like one
that doesn't exist."""

from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from bangkok.pagination import KeysetPagination
from bangkok.schema import ERROR, FIELD_ERRORS
from bangkok.versions import READ_HEADERS, VersionedView
from prisoners.permissions import access_prisoner

from . import reading
from . import serializers as io
from .models import Complaint, HeldAction
from .permissions import (
    READ,
    STATUS,
    access_complaint,
)

TAG = "complaints"
NOT_FOUND = OpenApiResponse(
    ERROR, description="No such woman or complaint in your facilities (the same answer either way)."
)
INVALID = OpenApiResponse(FIELD_ERRORS, description="Invalid input, naming the field.")


# Documented for reading them and for lodging one at the same address (`complaints.actions`).
LISTED = (
    "Her complaints: whole for safeguarding staff and inspectors (the read is audited),\n"
    "status only for the governor; never one that names the caller."
)


@extend_schema(tags=[TAG], description=LISTED)
class HerComplaints(ListAPIView):
    __doc__ = LISTED

    pagination_class = KeysetPagination
    keyset_fields = ("-received_at", "-id")

    def reads(self) -> bool:
        return reading.reads_content(self.request.user)

    def get_serializer_class(self):
        if getattr(self, "swagger_fake_view", False) or self.reads():
            return io.ComplaintSerializer
        return io.ComplaintStatusSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Complaint.objects.none()
        user = self.request.user
        if not (user.has_perm(READ) or user.has_perm(STATUS)):
            raise PermissionDenied
        woman = access_prisoner(user, self.kwargs["uuid"])
        return (
            reading.her_complaints(user, woman)
            .select_related("prisoner", "assigned_to", "protection_plan")
            .prefetch_related("named_staff")
        )

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        if page:
            reading.listed(
                viewer=request.user,
                woman=page[0].prisoner,
                facility=page[0].facility,
                complaints=page,
            )
        data = self.get_serializer_class()(page, many=True).data
        return self.get_paginated_response(data)


@extend_schema(
    tags=[TAG],
    summary="A complaint, whole (safeguarding staff and inspectors; the read is audited)",
    responses={200: io.ComplaintSerializer, 404: NOT_FOUND},
    parameters=READ_HEADERS,
)
class ComplaintDetail(VersionedView, APIView):
    def get(self, request, uuid):
        complaint = self.read(access_complaint(request.user, uuid))
        reading.read(viewer=request.user, complaint=complaint)
        return Response(io.ComplaintSerializer(complaint).data)


@extend_schema(tags=[TAG], summary="Actions held after a report, in your facilities")
class HeldActions(ListAPIView):
    serializer_class = io.HeldActionSerializer
    pagination_class = KeysetPagination
    keyset_fields = ("-requested_at", "-id")

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return HeldAction.objects.none()
        return reading.held_actions(self.request.user)
