"""The use-of-force API (Rules 8, 24, 31; Mandela 82): her uses of force, to read, each as the
caller may read it; what staff do is declared in `force.actions`. A woman outside the caller's
facilities, or a caller whose role doesn't read uses of force, gets the 404 of a woman who
doesn't exist."""

from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView

from bangkok.pagination import KeysetPagination
from health.permissions import can_read_clinical

from . import reading
from . import serializers as io
from .models import UseOfForce
from .permissions import access_her_force

TAG = "force"


@extend_schema(tags=[TAG], summary="Her uses of force (Mandela 82)")
class HerForce(ListAPIView):
    """Her uses of force; the health check's findings only for readers of her clinical file."""

    serializer_class = io.UseOfForceSerializer
    pagination_class = KeysetPagination
    keyset_fields = ("started_at", "id")

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return UseOfForce.objects.none()
        self.woman = access_her_force(self.request.user, self.kwargs["uuid"])
        return reading.her_force(self.woman).select_related("prisoner")

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        # Whether she reads the findings, asked once for the page, and its read audited once.
        self.clinical = can_read_clinical(self.request.user, self.woman)
        if self.clinical:
            reading.checks_read(self.request.user, page or [])
        return page

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "clinical": getattr(self, "clinical", None)}
