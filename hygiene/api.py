"""The hygiene API's reads: a facility's catalogue with its last counts, its water
interruptions, and her entitlements (a clinical basis read as "approved by health" by roles
that may not know it, Rule 8). The writes are actions (`hygiene.actions`)."""

from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView

from bangkok.pagination import KeysetPagination

from . import services
from .models import Entitlement, Item, WaterInterruption
from .permissions import VIEW, access_facility, access_her
from .serializers import EntitlementSerializer, ItemSerializer, WaterSerializer

TAG = "hygiene"


@extend_schema(tags=[TAG], summary="The facility's hygiene items")
class FacilityItems(ListAPIView):
    serializer_class = ItemSerializer
    pagination_class = KeysetPagination
    keyset_fields = ("id",)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Item.objects.none()
        facility = access_facility(self.request.user, self.kwargs["uuid"], VIEW)
        return facility.hygiene_items.select_related("facility")


@extend_schema(tags=[TAG], summary="The facility's water interruptions, newest first")
class FacilityWater(ListAPIView):
    serializer_class = WaterSerializer
    pagination_class = KeysetPagination
    keyset_fields = ("-started_at", "-id")

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return WaterInterruption.objects.none()
        facility = access_facility(self.request.user, self.kwargs["uuid"], VIEW)
        return WaterInterruption.objects.filter(facility=facility).select_related(
            "facility", "unit"
        )


@extend_schema(tags=[TAG], summary="Her hygiene entitlements")
class HerEntitlements(ListAPIView):
    serializer_class = EntitlementSerializer
    pagination_class = KeysetPagination
    keyset_fields = ("-granted_at", "-id")

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Entitlement.objects.none()
        woman = access_her(self.request.user, self.kwargs["uuid"])
        return Entitlement.objects.filter(prisoner=woman).select_related("prisoner")

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        return services.shown_all(self.request.user, page)
