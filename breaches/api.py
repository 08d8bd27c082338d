"""The breaches API: her breaches for the governor, the inspector and health staff. Recording a
breach that happened anyway is an action (`breaches.actions`)."""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.generics import ListAPIView

from bangkok.pagination import KeysetPagination
from bangkok.schema import ERROR

from . import services
from .models import Breach
from .permissions import access_to_read
from .serializers import BreachSerializer

TAG = "breaches"
NOT_FOUND = OpenApiResponse(
    ERROR,
    description=(
        "No such woman in your facilities, or your role doesn't do this with breaches (the "
        "same answer either way)."
    ),
)


@extend_schema(tags=[TAG], summary="Breaches recorded about her, oldest first")
class HerBreaches(ListAPIView):
    serializer_class = BreachSerializer
    pagination_class = KeysetPagination
    keyset_fields = ("occurred_at", "id")

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Breach.objects.none()
        woman = access_to_read(self.request.user, self.kwargs["uuid"])
        return services.her_breaches(woman).select_related("prisoner")

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        return [services.shown_to(self.request.user, breach) for breach in page]
