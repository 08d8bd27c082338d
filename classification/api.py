"""The classification API (Rules 8, 40, 41): her classifications, to read, each as the caller
may read it; what staff do is declared in `classification.actions`. A woman outside the
caller's facilities, or a caller whose role doesn't read classifications, gets the 404 of a
woman who doesn't exist."""

from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView

from bangkok.pagination import KeysetPagination

from . import reading
from . import serializers as io
from .models import Classification
from .permissions import access_her_classification
from .services import NEEDS

TAG = "classification"


@extend_schema(tags=[TAG], summary="Her classifications (Rules 40, 41)")
class HerClassifications(ListAPIView):
    """Her classifications, newest first; the needs inputs only for social workers, the
    governor and health staff, the page's read audited once."""

    serializer_class = io.ClassificationSerializer
    pagination_class = KeysetPagination
    keyset_fields = ("classified_at", "id")

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Classification.objects.none()
        self.woman = access_her_classification(self.request.user, self.kwargs["uuid"])
        return reading.her_classifications(self.woman)

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        self.needs = self.request.user.has_perm(NEEDS)
        if self.needs:
            reading.needs_read(self.request.user, page or [])
        return page

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "needs": getattr(self, "needs", None)}
