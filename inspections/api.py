"""The inspections API's reads (Rule 25.3): the visits of the caller's facilities, a visit with
its team, sample, findings and recommendations. The writes are actions (`inspections.actions`)."""

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView, RetrieveAPIView

from bangkok.api_permissions import requires
from bangkok.pagination import KeysetPagination

from . import reading
from .models import Recommendation, Visit
from .permissions import access_visit
from .serializers import (
    InspectionFindingSerializer,
    InspectionRecommendationSerializer,
    InspectionSampleSerializer,
    InspectionVisitListSerializer,
    InspectionVisitSerializer,
)

TAG = "inspections"


@extend_schema(tags=[TAG], summary="Inspection and monitoring visits in your facilities")
class Visits(ListAPIView):
    serializer_class = InspectionVisitListSerializer
    pagination_class = KeysetPagination
    keyset_fields = reading.ORDER
    permission_classes = [requires(reading.VIEW)]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Visit.objects.none()
        return reading.visits(self.request.user)


class VisitDetail(InspectionVisitSerializer):
    findings = InspectionFindingSerializer(many=True, read_only=True)
    recommendations = InspectionRecommendationSerializer(many=True, read_only=True)
    sample = InspectionSampleSerializer(read_only=True, allow_null=True)

    class Meta(InspectionVisitSerializer.Meta):
        fields = [*InspectionVisitSerializer.Meta.fields, "findings", "recommendations", "sample"]
        read_only_fields = fields


@extend_schema(tags=[TAG], summary="A visit: its team, figures, sample, findings, recommendations")
class VisitView(RetrieveAPIView):
    serializer_class = VisitDetail

    def get_object(self):
        visit = access_visit(self.request.user, self.kwargs["uuid"])
        return (
            Visit.objects.filter(pk=visit.pk)
            .select_related("facility", "sample")
            .prefetch_related(
                "team",
                "findings",
                "sample__women__prisoner",
                Prefetch(
                    "recommendations",
                    Recommendation.objects.select_related("finding", "owner", "plan", "visit"),
                ),
            )
            .get()
        )
