"""The searches API (Rules 19-21; Mandela Rules 51-52).

Custody officers record searches; the governor and the inspector read them and the training
records that say who may search. A woman outside the caller's facilities is the same 404 as
one who doesn't exist. A search the Rules forbid is a 409 naming the Rule, and nothing is
written: the service decides, whoever the client names as searching staff.
"""

from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from authority.serializers import RefuseInput
from bangkok.api_permissions import requires
from bangkok.operations import INVALID, Area, Operation, refused
from bangkok.pagination import KeysetPagination
from bangkok.schema import ERROR
from prisoners.permissions import access_prisoner

from . import reading, services
from .models import SearchAuthorisation
from .permissions import READ_TRAINING, RECORD, VIEW, access_for_search, access_search
from .serializers import (
    CellSearchInput,
    SearchAuthorityInput,
    SearchAuthoritySerializer,
    SearchInput,
    SearchSerializer,
    TrainingRecordSerializer,
)
from .services.training import TRAINING_ORDER

TAG = "searches"
SEARCH_ORDER = ("searched_at", "id")
RECORD_RULES = refused(("19", "20", "21", "M51", "M52"))


def shown(search):
    """The search as the API answers it, with its staff."""
    return SearchSerializer(reading.shown(search)).data


@extend_schema_view(
    get=extend_schema(
        tags=[TAG],
        summary="Her searches, and those of her child with her or children visiting her",
        description="Oldest first; a child living with her is named by the register's id only.",
    ),
    post=extend_schema(
        tags=[TAG],
        summary="Record a personal search of her, her child with her, or a child visiting her",
        description=(
            "A woman is searched only by women staff with valid search-methods training on the "
            "day (Rule 19); a child only by staff with valid training in searching children "
            "(Rule 21); a body cavity search only by health staff (Mandela 52). A strip or "
            "body cavity search needs an individual reason and an authority the governor gave "
            "for it before it was done (`authorisation`, or the governor in `authorised_by`; "
            "409 M51 otherwise, a backdated search too), and, where a scanner was available, "
            "why the scan would not do (Rule 20). Staff by username, of her facility."
        ),
        request=SearchInput,
        responses={201: SearchSerializer, 400: INVALID, 409: RECORD_RULES},
    ),
)
class HerSearches(generics.ListAPIView):
    serializer_class = SearchSerializer
    pagination_class = KeysetPagination
    keyset_fields = SEARCH_ORDER
    filter_backends = []

    def get_permissions(self):
        return [requires(RECORD if self.request.method == "POST" else VIEW)()]

    def get_queryset(self):
        woman = access_prisoner(self.request.user, self.kwargs["uuid"], perm=VIEW)
        return reading.her_searches(woman)

    def post(self, request, uuid):
        woman = access_for_search(request.user, uuid)
        body = SearchInput(data=request.data, context={"request": request, "woman": woman})
        body.is_valid(raise_exception=True)
        search = services.record_search(by=request.user, prisoner=woman, **body.validated_data)
        return Response(shown(search), status=status.HTTP_201_CREATED)


@extend_schema(tags=[TAG], summary="One search", responses={200: SearchSerializer})
class SearchDetail(APIView):
    permission_classes = [requires(VIEW)]

    def get(self, request, uuid):
        return Response(SearchSerializer(access_search(request.user, uuid)).data)


@extend_schema(
    tags=[TAG],
    summary="Record the search of a cell",
    description="A unit of one of your facilities and the cell; staff of that facility.",
    request=CellSearchInput,
    responses={201: SearchSerializer, 400: INVALID},
)
class CellSearches(APIView):
    permission_classes = [requires(RECORD)]

    def post(self, request):
        body = CellSearchInput(data=request.data, context={"request": request})
        body.is_valid(raise_exception=True)
        search = services.record_cell_search(by=request.user, **body.validated_data)
        return Response(shown(search), status=status.HTTP_201_CREATED)


@extend_schema(
    tags=[TAG],
    summary="Training records of the staff of your facilities (Rules 19, 21, 29-35)",
    description="By name, then course; with whether each is valid, expiring soon or expired.",
)
class TrainingRecords(generics.ListAPIView):
    serializer_class = TrainingRecordSerializer
    permission_classes = [requires(READ_TRAINING), requires(VIEW)]
    pagination_class = KeysetPagination
    keyset_fields = TRAINING_ORDER
    filter_backends = []

    def get_queryset(self):
        return services.training_records_visible_to(self.request.user)


def _access_for_authority(user, uuid, write: bool = True):
    """The woman, for asking or deciding authority for a search of her: 404 outside the
    caller's scope or for a role that reads no searches."""
    return access_prisoner(user, uuid, perm=VIEW)


AREA = Area(
    tag=TAG,
    access=_access_for_authority,
    not_found=OpenApiResponse(
        ERROR, description="No such woman or record in your facilities (the same answer)."
    ),
    prefix="api-searches",
)
OPERATIONS = [
    Operation(
        "ask-authority",
        "prisoners/<uuid:uuid>/search-authorities/",
        "Ask the governor's authority for a strip or body cavity search of her (Mandela 51)",
        services.request_search_authority,
        SearchAuthoritySerializer,
        SearchAuthorityInput,
        created=True,
        rules=("M51",),
        description=(
            "Custody. An individual reason (409, M51). It awaits the authority of the governor "
            "named in `sought_from`, or of any governor of her facility; the search may be "
            "recorded only on an authority given before it."
        ),
    ),
    Operation(
        "authority-confirm",
        "search-authorities/<uuid:uuid>/confirm/",
        "Give your authority for a strip or body cavity search (the governor)",
        services.confirm_search_authority,
        SearchAuthoritySerializer,
        model=SearchAuthorisation,
        arg="record",
        rules=("M51",),
        description=(
            "A governor of her facility with her own sign-in, never whoever asked (409, M51); "
            "only the one named, if one was. 400 once decided (of two at once, one wins)."
        ),
    ),
    Operation(
        "authority-refuse",
        "search-authorities/<uuid:uuid>/refuse/",
        "Refuse your authority for a strip or body cavity search, with a reason",
        services.refuse_search_authority,
        SearchAuthoritySerializer,
        RefuseInput,
        model=SearchAuthorisation,
        arg="record",
        rules=("M51",),
    ),
]
