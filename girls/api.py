"""The girls API's reads: the notices given to a girl's parent or guardian (Rule 36), and the
girls under 18 in the caller's facilities. The writes are actions (`girls.actions`)."""

from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView

from bangkok.api_permissions import requires
from bangkok.pagination import KeysetPagination

from . import reading
from .models import GuardianNotice
from .permissions import VIEW, access_her
from .serializers import GirlSerializer, GuardianNoticeSerializer

TAG = "girls"


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
