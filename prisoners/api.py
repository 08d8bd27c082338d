from django_filters.rest_framework import DjangoFilterBackend
from django_filters.utils import translate_validation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.views import APIView

from bangkok.api_permissions import requires
from bangkok.exports import FORMATS, FileNegotiation, download
from bangkok.pagination import KeysetPagination
from bangkok.schema import FIELD_ERRORS
from bangkok.versions import READ_HEADERS, VersionedView

from . import exports
from .filters import LIST_COLUMNS, PrisonerFilter
from .models import CustodyStatus, LegalStatus
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
    keyset_columns = LIST_COLUMNS  # its rows (`PrisonerRows`), as on the page
    keyset_shape = None

    def get_queryset(self):
        return prisoners_visible_to(self.request.user)

    def filter_queryset(self, queryset):
        """The filters as django-filter's backend applies them (a 400 naming the field that
        is wrong), and the list's query as a shape of values, as on the page."""
        backend = DjangoFilterBackend()
        filterset = backend.get_filterset(self.request, queryset, self)
        if not filterset.is_valid():
            raise translate_validation(filterset.errors)
        self.keyset_shape = filterset.shape(self.request.user)
        return filterset.qs


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


FILE = OpenApiResponse(
    OpenApiTypes.BINARY,
    description="The women the list shows you for these filters, as a file named for the "
    "table, the facility and the day. A cell a spreadsheet would run as a formula is written "
    "after an apostrophe.",
)


class PrisonerExport(APIView):
    """The list of women as a file, with the page's filters (in custody unless
    `custody_status` says otherwise); each download audited."""

    permission_classes = [requires("prisoners.view_prisoner")]
    content_negotiation_class = FileNegotiation

    @extend_schema(
        tags=["women"],
        summary="The list of women as a file (CSV, ODS or XLSX)",
        operation_id="prisoners_export",
        parameters=[
            OpenApiParameter(
                "format", OpenApiTypes.STR, enum=sorted(FORMATS), description="Default `csv`."
            ),
            OpenApiParameter("q", OpenApiTypes.STR, description="Name or prison number."),
            OpenApiParameter("facility", OpenApiTypes.STR, description="A facility's code."),
            OpenApiParameter("unit", OpenApiTypes.STR, description="A unit's id (uuid)."),
            OpenApiParameter("legal_status", OpenApiTypes.STR, enum=LegalStatus.values),
            OpenApiParameter(
                "custody_status",
                OpenApiTypes.STR,
                enum=["", *CustodyStatus.values],
                description="In custody unless given; empty for both.",
            ),
            OpenApiParameter("juvenile", OpenApiTypes.STR, enum=["true", "false"]),
        ],
        responses={
            (200, "text/csv"): FILE,
            (200, FORMATS["ods"][0]): FILE,
            (200, FORMATS["xlsx"][0]): FILE,
            400: OpenApiResponse(FIELD_ERRORS, description="A filter that isn't valid."),
        },
    )
    def get(self, request):
        fmt = request.query_params.get("format", "csv")
        if fmt not in FORMATS:
            raise ValidationError({"format": ["Choose csv, ods or xlsx."]})
        params = request.query_params.copy()
        params.pop("format", None)
        table = exports.women(request, params)
        if table is None:
            raise ValidationError({"filters": ["Check the search and filters."]})
        return download(table, fmt, by=request.user)
