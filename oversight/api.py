"""The oversight API (Rules 25.3, 67-70): for the governor and the inspector, per facility and
period, the counts the Rules say must be zero with their cases, and each area's records."""

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from bangkok.exports import FORMATS, FileNegotiation, download
from bangkok.pagination import KeysetPagination
from bangkok.schema import ERROR, FIELD_ERRORS
from facilities.models import Facility

from . import attempts, counted, exports, figures, reads, registry
from .forms import PeriodForm, ReadsForm
from .permissions import facilities_overseen, unnamed, unnamed_cases
from .serializers import (
    AttemptSerializer,
    IndicatorFacilitiesSerializer,
    IndicatorsSerializer,
    OverviewSerializer,
    ReadSerializer,
    RowSerializer,
    TrendSerializer,
)

TAG = "oversight"
PERIOD = [
    OpenApiParameter(
        "facility", OpenApiTypes.STR, description="A facility code; all yours if empty."
    ),
    OpenApiParameter("start", OpenApiTypes.DATE, description="First day (default: 30 days ago)."),
    OpenApiParameter("end", OpenApiTypes.DATE, description="Last day, included (default: today)."),
]
KEY = OpenApiParameter(
    "key", OpenApiTypes.STR, OpenApiParameter.PATH, description="As `key` in the overview."
)
REFUSED = OpenApiResponse(ERROR, description="Your role doesn't oversee facilities.")
MISSING = OpenApiResponse(ERROR, description="No such list or count for your role.")
INVALID = OpenApiResponse(FIELD_ERRORS, description="A facility or period that isn't valid.")


def asked_of(request, form_class=PeriodForm, **more) -> dict:
    """The query's facilities and period (and what else `form_class` reads) for the caller,
    or a 400 naming each field: a date given empty is refused as the schema's date format
    says, not taken as left out (the page's form takes it so)."""
    empty = [name for name in ("start", "end") if request.query_params.get(name, None) == ""]
    if empty:
        raise ValidationError(dict.fromkeys(empty, ["Give a date (YYYY-MM-DD) or leave it out."]))
    form = form_class(request.query_params, facilities=facilities_overseen(request.user), **more)
    if not form.is_valid():
        raise ValidationError(form.errors.get_json_data(escape_html=True))
    return form.cleaned_data


def period_of(request):
    data = asked_of(request)
    figures.asked(data["start"], data["end"])
    return data["facilities"], data["start"], data["end"]


CASES = ("first", "none")


@extend_schema(
    tags=[TAG],
    summary="Counts that must be zero, with their cases, and the records of a period",
    parameters=[
        *PERIOD,
        OpenApiParameter(
            "cases",
            OpenApiTypes.STR,
            enum=CASES,
            description="`first` (the default): each count's first cases in the answer; "
            "`none`: the counts alone, answered without reading a case (a query less for "
            "each count that isn't zero: most of the answer's time over many facilities).",
        ),
    ],
    responses={200: OverviewSerializer, 400: INVALID, 403: REFUSED},
)
class Overview(APIView):
    def get(self, request):
        facilities, start, end = period_of(request)
        first = request.query_params.get("cases", CASES[0])
        if first not in CASES:
            raise ValidationError({"cases": [f"Give {' or '.join(CASES)}."]})
        seen: dict = {}
        zeros, lists = registry.overview(
            request.user, facilities, start, end, seen=seen, cases=first == "first"
        )
        zeros = unnamed_cases(zeros) if first == "first" else zeros
        body = {
            "facilities": [f.code for f in facilities],
            "start": start,
            "end": end,
            "counted_at": seen.get("counted_at"),
            "must_be_zero": [
                {
                    "key": z["item"].key,
                    "label": z["item"].label,
                    "rule": z["item"].rule,
                    "count": z["count"],
                    "recorded": z["recorded"],
                    "refused": z["refused"],
                    **({"cases": z["cases"]} if first == "first" else {}),
                }
                for z in zeros
            ],
            "records": [{**vars(entry["item"]), "count": entry["count"]} for entry in lists],
            "timeliness": counted.timeliness(facilities, start, end, viewer=request.user),
            "breakdowns": [
                {**vars(entry["item"]), "table": entry["table"]}
                for entry in registry.breakdowns(request.user, facilities, start, end, seen)
            ],
        }
        return Response(OverviewSerializer(body).data)


class Rows(ListAPIView):
    serializer_class = RowSerializer
    pagination_class = KeysetPagination
    find = staticmethod(registry.list_for)

    def item(self):
        facilities_overseen(self.request.user)  # a role that doesn't oversee: 403 first
        item = self.find(self.request.user, self.kwargs["key"])
        if item is None:
            raise Http404("No such list.")
        return item

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema is being drawn
            return Facility.objects.none()
        item = self.item()
        self.keyset_fields = item.keyset
        queryset = self.records_of(item, *period_of(self.request))
        return registry.for_viewer(item, queryset, self.request.user)

    def records_of(self, item, *period):
        return item.records(*period)

    def list(self, request, *args, **kwargs):
        item = self.item()
        page = self.paginate_queryset(self.get_queryset())
        rows = unnamed([item.row(record) for record in page])
        return self.get_paginated_response(RowSerializer(rows, many=True).data)


@extend_schema(
    tags=[TAG],
    summary="One area's records in a facility and period, newest first",
    parameters=[KEY, *PERIOD],
    responses={200: RowSerializer(many=True), 400: INVALID, 403: REFUSED, 404: MISSING},
)
class Records(Rows):
    pass


@extend_schema(
    tags=[TAG],
    summary="Every case of a count that must be zero, newest first",
    parameters=[KEY, *PERIOD],
    responses={200: RowSerializer(many=True), 400: INVALID, 403: REFUSED, 404: MISSING},
)
class Cases(Rows):
    find = staticmethod(registry.zero_for)

    def records_of(self, item, *period):
        return item.cases(*period)


@extend_schema(
    tags=[TAG],
    summary="The acts refused under the rule of a count that must be zero, newest first",
    parameters=[KEY, *PERIOD],
    responses={200: AttemptSerializer(many=True), 400: INVALID, 403: REFUSED, 404: MISSING},
)
class Attempts(ListAPIView):
    serializer_class = AttemptSerializer
    pagination_class = KeysetPagination
    keyset_fields = registry.REFUSED_KEYSET

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema is being drawn
            return Facility.objects.none()
        found = attempts.under(self.request.user, self.kwargs["key"], period_of(self.request))
        if found is None:
            raise Http404("No such count.")
        return found[1]

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        shown = attempts.shown(page)
        return self.get_paginated_response(AttemptSerializer(shown, many=True).data)


@extend_schema(
    tags=[TAG],
    summary="Who read which kind of confidential record in a facility and period, and when",
    description=(
        "For the inspector and the governor, who check the confidentiality itself (Rules 8, "
        "3.2, 25.3): each read of a clinical file, a child's identity, a complaint, a "
        "safeguarding record and the like, newest first; never what it said, nor about whom, "
        "nor the read of a complaint that names the caller. `area` narrows it to one kind."
    ),
    parameters=[
        *PERIOD,
        OpenApiParameter(
            "area", OpenApiTypes.STR, description="One kind of record read (e.g. `health`)."
        ),
    ],
    responses={200: ReadSerializer(many=True), 400: INVALID, 404: MISSING},
)
class Reads(ListAPIView):
    serializer_class = ReadSerializer
    pagination_class = KeysetPagination
    keyset_fields = reads.READS_KEYSET

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema is being drawn
            return Facility.objects.none()
        user = self.request.user
        if not user.has_perm(reads.READ_AUDIT):
            raise Http404("No such list.")
        data = asked_of(self.request, ReadsForm, areas=reads.areas())
        return reads.reads(user, data["facilities"], data["start"], data["end"], data["area"])

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(ReadSerializer(reads.shown(page), many=True).data)


FILE = OpenApiResponse(
    OpenApiTypes.BINARY,
    description="The table as a file (CSV, ODS or XLSX), named for the table, the facility "
    "and the period. A cell a spreadsheet would run as a formula is written after an "
    "apostrophe.",
)
EXPORT_PARAMETERS = [
    OpenApiParameter(
        "name",
        OpenApiTypes.STR,
        OpenApiParameter.PATH,
        enum=sorted(exports.TABLES),
        description="Which table: `must-be-zero`, `records`, `timeliness`, `reads` (with "
        "`area`), or with a `key`: `list`, `cases`, `refused`, `breakdown`.",
    ),
    OpenApiParameter(
        "format",
        OpenApiTypes.STR,
        enum=sorted(FORMATS),
        description="The file's format (default `csv`).",
    ),
    *PERIOD,
    OpenApiParameter("area", OpenApiTypes.STR, description="For `reads`: one kind of record."),
]


def export_schema(operation_id: str, *more) -> dict:
    return {
        "tags": [TAG],
        "summary": "A table of oversight as a file (CSV, ODS or XLSX)",
        "operation_id": operation_id,
        "parameters": [*EXPORT_PARAMETERS, *more],
        "responses": {
            (200, "text/csv"): FILE,
            (200, FORMATS["ods"][0]): FILE,
            (200, FORMATS["xlsx"][0]): FILE,
            400: INVALID,
            403: REFUSED,
            404: MISSING,
        },
    }


class Export(APIView):
    """A table of oversight as a file: exactly the rows and columns the page shows the caller,
    each download audited (who, which table, filters, format, how many rows)."""

    content_negotiation_class = FileNegotiation

    @extend_schema(**export_schema("oversight_export"))
    def get(self, request, name, key=""):
        fmt = request.query_params.get("format", "csv")
        if fmt not in FORMATS:
            raise ValidationError({"format": ["Choose csv, ods or xlsx."]})
        user = request.user
        if name == "reads":
            if not user.has_perm(reads.READ_AUDIT):
                raise Http404("No such table.")
            data = asked_of(request, ReadsForm, areas=reads.areas())
            period = (data["facilities"], data["start"], data["end"])
        else:
            period = period_of(request)
            data = {}
        table = exports.table(user, name, key, period, data)
        if table is None:
            raise Http404("No such table.")
        facilities = list(period[0])
        return download(
            table, fmt, by=user, facility=facilities[0] if len(facilities) == 1 else None
        )


class ExportKey(Export):
    """A list, the cases of a count, its refused attempts or a breakdown, by its key."""

    @extend_schema(**export_schema("oversight_export_key", KEY))
    def get(self, request, name, key=""):
        return super().get(request, name, key)


@extend_schema(
    tags=[TAG],
    summary="The indicators of a period, beside the period of the same length before it",
    description=(
        "RULES-SPEC 3 (Rules 25.3, 67-70): each indicator your role oversees, in aggregate, "
        "for your facilities (or `facility`) from `start` to `end`: a rate (numerator, "
        "denominator, rate per 100), a count, a rate per 100 women a month (its denominator "
        "the days women were held) or a median (`median`, in `measure`, of `denominator` "
        "values), its direction and target, and the same for the period before. A rate of "
        "fewer than `SMALL_CELL` women, or a median of fewer values, is suppressed (null)."
    ),
    parameters=PERIOD,
    responses={200: IndicatorsSerializer, 400: INVALID, 403: REFUSED},
)
class Indicators(APIView):
    def get(self, request):
        facilities, start, end = period_of(request)
        seen: dict = {}
        found = registry.compared(request.user, facilities, start, end, seen=seen)
        body = {
            "facilities": [f.code for f in facilities],
            "start": start,
            "end": end,
            "counted_at": seen.get("counted_at"),
            "indicators": found,
        }
        return Response(IndicatorsSerializer(body).data)


@extend_schema(
    tags=[TAG],
    summary="The indicators side by side for each of your facilities, and their total",
    description=(
        "A facility's rate of fewer than `SMALL_CELL` women is suppressed, and then the "
        "smallest other facility's too, since the total is given."
    ),
    parameters=PERIOD,
    responses={200: IndicatorFacilitiesSerializer, 400: INVALID, 403: REFUSED},
)
class IndicatorFacilities(APIView):
    def get(self, request):
        facilities, start, end = period_of(request)
        seen: dict = {}
        places, rows = registry.by_facility(request.user, facilities, start, end, seen=seen)
        for row in rows:
            row["facilities"] = [
                {**figure, "facility": place.code}
                for place, figure in zip(places, row["facilities"], strict=True)
            ]
        body = {
            "start": start,
            "end": end,
            "counted_at": seen.get("counted_at"),
            "indicators": rows,
        }
        return Response(IndicatorFacilitiesSerializer(body).data)


class IndicatorTrend(APIView):
    @extend_schema(
        tags=[TAG],
        summary="One indicator month by month, for the 12 months to the end of the period",
        operation_id="v1_oversight_indicator_trend",
        parameters=[KEY, *PERIOD],
        responses={200: TrendSerializer, 400: INVALID, 403: REFUSED, 404: MISSING},
    )
    def get(self, request, key):
        facilities, _start, end = period_of(request)
        found = registry.trend(request.user, facilities, end, key)
        if not found:
            raise Http404("No such indicator.")
        return Response(TrendSerializer(found[0]).data)
