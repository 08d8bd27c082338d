"""The register of children in the API (Rules 2.2 and 3).

Children's identities are confidential (Rule 3.2): only reception and social workers reach
these operations, every other role is refused (the 404 of a missing record) before anything
is read, and every read goes through `children_of`, which audits the ids disclosed.
"""

from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import APIView

from bangkok.actions import refused
from bangkok.api_permissions import requires
from bangkok.schema import FIELD_ERRORS
from bangkok.versions import VERSION_ANSWERS, VERSION_HEADERS, VersionedView
from prisoners.permissions import access_prisoner

from . import reading, services
from .models import Child
from .permissions import ADD_CHILD, CHANGE_CHILD, READ_IDENTITY, access_child
from .serializers import ChildChangeSerializer, ChildSerializer, SeparationSerializer

INVALID = OpenApiResponse(FIELD_ERRORS, description="Invalid input, naming the field.")


@extend_schema_view(
    get=extend_schema(
        tags=["children"],
        summary="Her children, for those who may know them (Rule 3.2; the read is audited)",
        responses={200: ChildSerializer(many=True)},
    ),
    post=extend_schema(
        tags=["children"],
        summary="Add one of her children to the register (Rule 3.1)",
        description=(
            "A child not living with her needs where she lives (or `location_unknown`) and who "
            'has custody; "not known" is allowed and asks social workers to find out.'
        ),
        request=ChildSerializer,
        responses={201: ChildSerializer, 400: INVALID},
    ),
)
class ChildrenList(APIView):
    # Not paginated: her children are a short list, read (and audited) in one go.
    def get_permissions(self):
        # Whoever adds a child is answered with her identity, so must be allowed to read it.
        if self.request.method == "POST":
            return [requires(ADD_CHILD)(), requires(READ_IDENTITY)()]
        return [requires(READ_IDENTITY)()]

    def get(self, request, uuid):
        mother = access_prisoner(request.user, uuid)
        children = reading.children_of(viewer=request.user, mother=mother)
        return Response(ChildSerializer(children, many=True).data)

    def post(self, request, uuid):
        mother = access_prisoner(request.user, uuid)
        body = ChildSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        child = services.record_child(by=request.user, mother=mother, **body.validated_data)
        return Response(ChildSerializer(child).data, status=status.HTTP_201_CREATED)


@extend_schema(
    tags=["children"],
    summary="Keep a child's record current (social workers, Rule 3)",
    description=(
        "A child living with her is never moved out by an edit: `lives_with_mother: false` "
        "on such a child is a 409 naming Rule 52; record the separation instead."
    ),
    request=ChildChangeSerializer(partial=True),
    responses={**VERSION_ANSWERS, 200: ChildSerializer, 400: INVALID, 409: refused(("52",))},
    parameters=VERSION_HEADERS,
)
class ChildDetail(VersionedView, APIView):
    versioned = Child
    permission_classes = [requires(CHANGE_CHILD), requires(READ_IDENTITY)]

    def patch(self, request, uuid):
        child = access_child(request.user, uuid, perm=CHANGE_CHILD)
        body = ChildChangeSerializer(child, data=request.data, partial=True)
        body.is_valid(raise_exception=True)
        child = self.change(
            request,
            child,
            lambda: services.update_child(by=request.user, child=child, **body.validated_data),
        )
        return Response(ChildSerializer(child).data)


@extend_schema(
    tags=["children"],
    summary="A child living with her leaves prison: the separation (social workers, Rule 52)",
    description=(
        "When, why in the child's best interests (52.1), and who will care for the child "
        "where (52.2: only once another carer is found; 409 naming the rule without). Only "
        "this step lifts the protections the child gave her."
    ),
    request=SeparationSerializer,
    responses={
        **VERSION_ANSWERS,
        201: SeparationSerializer,
        400: INVALID,
        409: refused(("52.1", "52.2")),
    },
    parameters=VERSION_HEADERS,
)
class ChildSeparation(VersionedView, APIView):
    versioned = Child
    permission_classes = [requires(CHANGE_CHILD), requires(READ_IDENTITY)]

    def post(self, request, uuid):
        child = access_child(request.user, uuid, perm=CHANGE_CHILD)
        body = SeparationSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        separation = self.change(
            request,
            child,
            lambda: services.separate_child(by=request.user, child=child, **body.validated_data),
        )
        return Response(SeparationSerializer(separation).data, status=status.HTTP_201_CREATED)
