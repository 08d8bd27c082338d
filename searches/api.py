"""The searches API (Rules 19-21; Mandela Rules 51-52): what staff read of searches.

Custody officers record searches (`searches.actions`); the governor and the inspector read
them and the training records that say who may search. A woman outside the caller's
facilities is the same 404 as one who doesn't exist.
"""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.response import Response
from rest_framework.views import APIView

from bangkok.api_permissions import requires
from bangkok.pagination import KeysetPagination
from prisoners.permissions import access_prisoner

from . import reading, services
from .permissions import READ_TRAINING, VIEW, access_search
from .serializers import CapacitySerializer, SearchSerializer, TrainingRecordSerializer
from .services.training import TRAINING_ORDER

TAG = "searches"
SEARCH_ORDER = ("searched_at", "id")


@extend_schema_view(
    get=extend_schema(
        tags=[TAG],
        summary="Her searches, and those of her child with her or children visiting her",
        description="Oldest first; a child living with her is named by the register's id only.",
    ),
)
class HerSearches(generics.ListAPIView):
    """Her searches; recording one at the same address is an action (`searches.actions`)."""

    serializer_class = SearchSerializer
    pagination_class = KeysetPagination
    keyset_fields = SEARCH_ORDER
    filter_backends = []
    permission_classes = [requires(VIEW)]

    def get_queryset(self):
        woman = access_prisoner(self.request.user, self.kwargs["uuid"], perm=VIEW)
        return reading.her_searches(woman)


@extend_schema(tags=[TAG], summary="One search", responses={200: SearchSerializer})
class SearchDetail(APIView):
    permission_classes = [requires(VIEW)]

    def get(self, request, uuid):
        return Response(SearchSerializer(access_search(request.user, uuid)).data)


@extend_schema(
    tags=[TAG],
    summary="Training records of the staff of your facilities (Rules 19, 21, 29-35)",
    description="By name, then course; with whether each is valid, expiring soon or expired.",
)
class TrainingRecords(generics.ListAPIView):
    serializer_class = TrainingRecordSerializer
    permission_classes = [requires(READ_TRAINING), requires(VIEW)]
    pagination_class = KeysetPagination
    keyset_fields = TRAINING_ORDER
    filter_backends = []

    def get_queryset(self):
        return services.training_records_visible_to(self.request.user)


@extend_schema(
    tags=[TAG],
    summary="Staff capacity of your facilities (Rules 29-35)",
    description=(
        "Staff working with women prisoners, women among them, senior posts held by women, "
        "the share holding each training valid today and new starters past the day their "
        "Rule 33.1 training was due: each facility, then all together. Counts only."
    ),
    responses={200: CapacitySerializer(many=True)},
)
class TrainingCapacity(APIView):
    permission_classes = [requires(READ_TRAINING), requires(VIEW)]

    def get(self, request):
        capacity = services.staff_capacity(request.user)
        return Response(CapacitySerializer(capacity, many=True).data)
