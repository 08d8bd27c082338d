"""The girls API's reads: the notices given to a girl's parent or guardian (Rule 36), and the
girls under 18 in the caller's facilities. The writes are actions (`girls.actions`)."""

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.generics import ListAPIView, RetrieveAPIView

from bangkok.api_permissions import requires
from bangkok.pagination import KeysetPagination
from bangkok.schema import ERROR

from . import reading
from .models import GuardianNotice
from .permissions import READ_SEALED, VIEW, access_her, access_sealed
from .serializers import (
    GirlSerializer,
    GuardianNoticeSerializer,
    OpenedRecordSerializer,
    SealedRecordSerializer,
)

TAG = "girls"
NOT_FOUND = OpenApiResponse(
    ERROR, description="No such record open to you in your facilities (the same answer either way)."
)


@extend_schema(
    tags=[TAG], summary="Her parent or guardian told of her admission, transfer, release"
)
class HerNotices(ListAPIView):
    serializer_class = GuardianNoticeSerializer
    pagination_class = KeysetPagination
    keyset_fields = reading.NOTICE_ORDER

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return GuardianNotice.objects.none()
        woman = access_her(self.request.user, self.kwargs["uuid"])
        return reading.her_notices(woman)


@extend_schema(
    tags=[TAG],
    summary="Girls under 18 in your facilities (Rules 36-39)",
    description="Youngest first; with whether her parent or guardian was told of her last "
    "admission or transfer, and whether she has a place in education.",
)
class Girls(ListAPIView):
    serializer_class = GirlSerializer
    pagination_class = KeysetPagination
    keyset_fields = reading.GIRL_ORDER
    permission_classes = [requires(VIEW)]

    def get_queryset(self):
        return reading.girls_of(self.request.user)


@extend_schema(
    tags=[TAG],
    summary="The sealed records of your facilities (Havana Rule 19), naming nobody",
    description="Newest first. `number`: only the record with this prison number exactly "
    "(the number an order to open it gives); never a search by name.",
    parameters=[OpenApiParameter("number", str, required=False)],
)
class Sealed(ListAPIView):
    serializer_class = SealedRecordSerializer
    pagination_class = KeysetPagination
    keyset_fields = reading.SEALED_ORDER
    permission_classes = [requires(READ_SEALED)]

    def get_queryset(self):
        number = self.request.query_params.get("number", "")[:40]
        return reading.sealed_of(self.request.user, number)


@extend_schema(
    tags=[TAG],
    summary="A sealed record opened to you on a legal basis; each read is audited",
    responses={200: OpenedRecordSerializer, 404: NOT_FOUND},
)
class OpenedRecord(RetrieveAPIView):
    serializer_class = OpenedRecordSerializer

    def get_object(self):
        found = access_sealed(self.request.user, self.kwargs["uuid"])
        return reading.opened_record(self.request.user, found)
