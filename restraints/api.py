"""The restraints API (Rule 24; Mandela 43.2, 47-49): her restraints, and one operation per
verb. A woman outside the caller's facilities, or a caller whose role doesn't read
restraints, gets the 404 of a woman who doesn't exist; a role that reads restraints but may
not do the verb, 403; a refusal under a Rule, 409 naming it, with nothing written."""

from django.db.models import Prefetch
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from authority.serializers import RefuseInput
from bangkok.operations import Area, Operation
from bangkok.pagination import KeysetPagination
from bangkok.schema import ERROR

from . import reading, services
from . import serializers as io
from .models import Restraint, RestraintReview
from .permissions import access_her_restraints

TAG = "restraints"
NOT_FOUND = OpenApiResponse(
    ERROR,
    description=(
        "No such record in your facilities, or your role doesn't read restraints (the same "
        "answer either way)."
    ),
)


NO_APPROVAL = {"in_force": False, "devices": [], "valid_until": None}


@extend_schema(tags=[TAG], summary="Her restraints, oldest first (Rule 24)")
class HerRestraints(ListAPIView):
    serializer_class = io.RestraintSerializer
    pagination_class = KeysetPagination
    keyset_fields = ("applied_at", "id")

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Restraint.objects.none()
        woman = access_her_restraints(self.request.user, self.kwargs["uuid"])
        reviews = RestraintReview.objects.select_related("reviewed_by")
        return (
            reading.her_restraints(woman)
            .select_related("prisoner")
            .prefetch_related(Prefetch("reviews", reviews))
        )


@extend_schema(
    tags=[TAG],
    summary="The method of restraint health staff approved for her, if one is in force (Rule 24)",
    description="Its devices and term; its conditions are for health staff (in the approval).",
    responses={200: io.ApprovalInForceSerializer, 404: NOT_FOUND},
)
class ApprovalInForce(APIView):
    def get(self, request, uuid):
        woman = access_her_restraints(request.user, uuid)
        shown = reading.approval_shown(request.user, woman) or NO_APPROVAL
        return Response(io.ApprovalInForceSerializer(shown).data)


OPERATIONS = [
    Operation(
        "apply",
        "prisoners/<uuid:uuid>/restraints/apply/",
        "Record a restraint applied to her (Rule 24; Mandela 43.2, 47, 48)",
        services.apply_restraint,
        io.RestraintSerializer,
        io.RestraintApplyInput,
        created=True,
        rules=("24", "M47"),
        description=(
            "Custody staff. Refused (409, Rule 24, no override) while she is under the 'No "
            "restraints' protection, or was at any time since `applied_at`; under the "
            "health-approval protection, refused unless a method approval in force covers "
            "the device. Only approved devices and purposes exist (400 otherwise). "
            "`emergency: true` (only to prevent harm, injury or damage, else 409 M47): on at "
            "once, to be confirmed by the governor or removed by `authority_due_at`. "
            "`emergency: false`: awaits the governor's authority and is not on until then."
        ),
    ),
    Operation(
        "confirm",
        "restraints/<uuid:uuid>/confirm/",
        "Give your authority for a restraint (the governor, with her own sign-in)",
        services.confirm_restraint,
        io.RestraintSerializer,
        model=Restraint,
        arg="record",
        rules=("24", "M47"),
        description=(
            "A governor of her facility, never whoever asked. Rule 24 is checked again now "
            "(409). A planned restraint comes on now. 400 once decided (of two governors at "
            "once, one wins)."
        ),
    ),
    Operation(
        "refuse",
        "restraints/<uuid:uuid>/refuse/",
        "Refuse your authority for a restraint, with a reason",
        services.refuse_restraint,
        io.RestraintSerializer,
        RefuseInput,
        model=Restraint,
        arg="record",
        rules=("M47",),
        description="One on now must come off at once: custody are ordered to remove it.",
    ),
    Operation(
        "review",
        "restraints/<uuid:uuid>/review/",
        "Review a restraint that is on: is it still needed? (Mandela 48.1)",
        services.review_restraint,
        io.RestraintReviewSerializer,
        io.RestraintReviewInput,
        model=Restraint,
        arg="restraint",
        created=True,
        description="`still_needed: false` takes it off now. 400 once it is removed.",
    ),
    Operation(
        "remove",
        "restraints/<uuid:uuid>/remove/",
        "Record that a restraint was removed (Mandela 48.1)",
        services.remove_restraint,
        io.RestraintSerializer,
        io.RestraintRemoveInput,
        model=Restraint,
        arg="restraint",
        description="Closes its review reminders and any alert. 400 once it is removed.",
    ),
    Operation(
        "approve-method",
        "prisoners/<uuid:uuid>/restraint-method-approvals/",
        "Approve the least restrictive method of restraint for her (Rule 24)",
        services.approve_method,
        io.MethodApprovalSerializer,
        io.MethodApprovalInput,
        created=True,
        description="Health staff of her facility.",
    ),
]

AREA = Area(tag=TAG, access=access_her_restraints, not_found=NOT_FOUND, prefix="api-restraints")
