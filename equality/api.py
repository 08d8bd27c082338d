"""The equality and faith API's reads: her record as the caller may read it (a part her role
may not read is absent, and a role that reads none of it gets the 404 of a missing woman), and
the facility's representatives of each faith. The writes are actions (`equality.actions`)."""

from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from bangkok.pagination import KeysetPagination

from .models import Representative
from .permissions import VIEW_PROVISION, access_facility, access_her
from .reading import her_record
from .serializers import HerRecordSerializer, RepresentativeSerializer

TAG = "equality"


@extend_schema(
    tags=[TAG],
    summary="Her equality and faith record, as your role may read it",
    responses={200: HerRecordSerializer},
)
class HerRecord(APIView):
    def get(self, request, uuid):
        woman = access_her(request.user, uuid)
        return Response(HerRecordSerializer(her_record(request.user, woman)).data)


@extend_schema(tags=[TAG], summary="The facility's representatives of each faith (Mandela 65.1)")
class FacilityRepresentatives(ListAPIView):
    serializer_class = RepresentativeSerializer
    pagination_class = KeysetPagination
    keyset_fields = ("id",)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Representative.objects.none()
        facility = access_facility(self.request.user, self.kwargs["uuid"], VIEW_PROVISION)
        return facility.faith_representatives.select_related("facility")
