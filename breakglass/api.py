"""The break-glass API's reads: the accesses the caller may list (nothing clinical), and the
emergency part of her file an access opened to the caller, each read audited. The writes are
actions (`breakglass.actions`)."""

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.generics import ListAPIView, RetrieveAPIView
from rest_framework.permissions import BasePermission

from bangkok.pagination import KeysetPagination
from bangkok.schema import ERROR

from . import reading
from .permissions import lists_accesses
from .serializers import BreakGlassAccessSerializer, EmergencyPartSerializer

TAG = "breakglass"


class ListsAccesses(BasePermission):
    """A role that lists break-glass reads (all, or her own), else the 404 of `bangkok.errors`."""

    def has_permission(self, request, view):
        return lists_accesses(request.user)


@extend_schema(
    tags=[TAG],
    summary="Break-glass reads of clinical files in your facilities, and their reviews",
    description="Newest first; whose file, who opened it, why, until when, and the review. "
    "Never anything of the file. Health staff, the governor and the inspector list them all; "
    "whoever breaks the glass, her own. `unreviewed=true`: only those not reviewed yet.",
    parameters=[
        OpenApiParameter("unreviewed", OpenApiTypes.STR, enum=["true", "false"], required=False)
    ],
)
class Accesses(ListAPIView):
    serializer_class = BreakGlassAccessSerializer
    pagination_class = KeysetPagination
    keyset_fields = reading.ORDER
    permission_classes = [ListsAccesses]

    def get_queryset(self):
        unreviewed = self.request.query_params.get("unreviewed", "false")
        if unreviewed not in ("true", "false"):
            raise ValidationError({"unreviewed": [_("Say true or false.")]})
        return reading.accesses_of(self.request.user, unreviewed=unreviewed == "true")


@extend_schema(
    tags=[TAG],
    summary="The emergency part of her clinical file, opened to you by break-glass; each read "
    "is audited",
    responses={
        200: EmergencyPartSerializer,
        404: OpenApiResponse(
            ERROR, description="No such break-glass read open to you (the same answer either way)."
        ),
    },
)
class Opened(RetrieveAPIView):
    serializer_class = EmergencyPartSerializer

    def get_object(self):
        return reading.opened_part(self.request.user, self.kwargs["uuid"])
