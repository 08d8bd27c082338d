"""The complaints API (Rules 7, 25): lodge for her, read (safeguarding and inspectors; every
read audited), deal with it, and review actions held after a report. A complaint that names
the caller doesn't exist for her: 404, like one that doesn't exist."""

from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from bangkok.actions import Area, Operation
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
    complaints_visible_to,
    held_actions_visible_to,
)
from .services import complaints as services
from .services.retaliation import review_held_action

TAG = "complaints"
NOT_FOUND = OpenApiResponse(
    ERROR, description="No such woman or complaint in your facilities (the same answer either way)."
)
INVALID = OpenApiResponse(FIELD_ERRORS, description="Invalid input, naming the field.")


@extend_schema(tags=[TAG])
class HerComplaints(ListAPIView):
    """Her complaints: whole for safeguarding staff and inspectors (the read is audited),
    status only for the governor; never one that names the caller."""

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
        summary="Lodge a complaint or a report of abuse for her, in confidence (Rules 7, 25)",
        request=io.LodgeInput,
        responses={
            201: io.LodgedSerializer,
            400: INVALID,
            403: OpenApiResponse(ERROR),
            404: NOT_FOUND,
            409: OpenApiResponse(ERROR),
        },
    )
    def post(self, request, uuid):
        if not request.user.has_perm(services.LODGE):
            raise PermissionDenied
        woman = access_prisoner(request.user, uuid)
        body = io.LodgeInput(data=request.data, context={"woman": woman})
        body.is_valid(raise_exception=True)
        complaint = services.lodge_complaint(by=request.user, prisoner=woman, **body.validated_data)
        return Response(io.LodgedSerializer(complaint).data, status=status.HTTP_201_CREATED)


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


def access_for_dealing(user, uuid, write=True):
    """The woman a complaint operation acts on: in the caller's scope, or 404."""
    return access_prisoner(user, uuid)


def sees(user, record) -> bool:
    """A complaint she reads (never one naming her), or a held action she may see."""
    if isinstance(record, HeldAction):
        return held_actions_visible_to(user).filter(pk=record.pk).exists()
    return complaints_visible_to(user).filter(pk=record.pk).exists()


def _op(name, summary, verb, out, body=None, rules=(), created=False):
    return Operation(
        name,
        f"complaints/<uuid:uuid>/{name}/",
        summary,
        verb,
        out,
        body,
        model=Complaint,
        arg="complaint",
        rules=rules,
        created=created,
    )


S = services
OPERATIONS = [
    _op(
        "acknowledge",
        "Record that it was acknowledged (Mandela 57)",
        S.acknowledge_complaint,
        io.ComplaintSerializer,
    ),
    _op(
        "assign",
        "Give it to a safeguarding officer it doesn't name (Mandela 71.3)",
        S.assign_complaint,
        io.ComplaintSerializer,
        io.AssignInput,
        rules=("M71",),
    ),
    _op(
        "protection-plan",
        "Her protection plan, the same day (Rule 25.1)",
        S.record_protection_plan,
        io.ProtectionPlanSerializer,
        io.PlanInput,
        rules=("25.1",),
        created=True,
    ),
    _op(
        "referral",
        "Refer her report to an independent authority (Rule 7.1)",
        S.refer_complaint,
        io.ComplaintSerializer,
        io.ReferInput,
    ),
    _op(
        "psychological-support",
        "Record that psychological support was offered (Rule 7.2)",
        S.offer_psychological_support,
        io.ComplaintSerializer,
    ),
    _op(
        "answer",
        "Record the answer she was given (Mandela 57)",
        S.answer_complaint,
        io.ComplaintSerializer,
        io.AnswerInput,
    ),
    _op(
        "close",
        "Close it (a report of abuse needs its plan and the offer of support)",
        S.close_complaint,
        io.ComplaintSerializer,
        rules=("25.1", "7.2"),
    ),
    Operation(
        "review",
        "held-actions/<uuid:uuid>/review/",
        "Review an action held after her report: retaliation or not (Rules 7.3, 25.1)",
        review_held_action,
        io.HeldActionSerializer,
        io.HeldReviewInput,
        model=HeldAction,
        arg="held",
        rules=("M71",),
    ),
]
AREA = Area(
    tag=TAG, access=access_for_dealing, not_found=NOT_FOUND, prefix="api-complaints", sees=sees
)
