"""The restraints API (Rule 24; Mandela 43.2, 47-49): her restraints and the method approved for
her, to read; what staff do with restraints is declared in `restraints.actions`. A woman
outside the caller's facilities, or a caller whose role doesn't read restraints, gets the 404
of a woman who doesn't exist."""

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from bangkok.pagination import KeysetPagination

from . import reading
from . import serializers as io
from .actions import NOT_FOUND, TAG
from .models import Restraint, RestraintReview
from .permissions import access_her_restraints

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
