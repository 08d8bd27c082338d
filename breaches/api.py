"""The breaches API: her breaches for the governor, the inspector and health staff, and one
operation to record a breach that happened anyway, for any role that writes her records."""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.generics import ListAPIView

from bangkok.actions import Area, Operation
from bangkok.pagination import KeysetPagination
from bangkok.schema import ERROR

from . import services
from .models import Breach
from .permissions import access_to_read
from .serializers import BreachInput, BreachSerializer

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


OPERATIONS = [
    Operation(
        "record",
        "prisoners/<uuid:uuid>/breaches/record/",
        "Record a breach of a Rule that happened anyway (Rules 19, 21, 22, 24; M45, M52)",
        services.record_breach,
        BreachSerializer,
        BreachInput,
        created=True,
        description=(
            "Any role that writes her case records, in her facility. The rule follows from "
            "`kind`; the governor is given a task and the breach counts on oversight, in "
            "the count that must be zero of the same key."
        ),
    ),
]

AREA = Area(tag=TAG, access=access_to_read, not_found=NOT_FOUND, prefix="api-breaches")
