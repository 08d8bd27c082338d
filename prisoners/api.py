from drf_spectacular.utils import extend_schema
from rest_framework import generics

from bangkok.api_permissions import requires
from bangkok.pagination import KeysetPagination
from bangkok.versions import READ_HEADERS, VersionedView

from .filters import PrisonerFilter
from .permissions import access_prisoner, prisoners_visible_to
from .serializers import PrisonerDetailSerializer, PrisonerListSerializer
from .views import LIST_ORDER


@extend_schema(tags=["women"], summary="Find women in your facilities")
class PrisonerList(generics.ListAPIView):
    """Women in the caller's facilities, searchable by name or prison number (`q`)."""

    serializer_class = PrisonerListSerializer
    permission_classes = [requires("prisoners.view_prisoner")]
    filterset_class = PrisonerFilter
    pagination_class = KeysetPagination
    keyset_fields = LIST_ORDER

    def get_queryset(self):
        return prisoners_visible_to(self.request.user).select_related("facility", "unit", "flags")


@extend_schema(
    tags=["women"],
    summary="One woman's core record and protection flags",
    description="Answers her record's `ETag`: a change to it (her home) sends it in If-Match.",
    parameters=READ_HEADERS,
)
class PrisonerDetail(VersionedView, generics.RetrieveAPIView):
    serializer_class = PrisonerDetailSerializer
    permission_classes = [requires("prisoners.view_prisoner")]
    lookup_field = "uuid"

    def get_queryset(self):
        return prisoners_visible_to(self.request.user)

    def get_object(self):
        return self.read(access_prisoner(self.request.user, self.kwargs["uuid"]))
