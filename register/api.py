"""The register of children in the API (Rules 2.2 and 3): her children, read by those who may
know them. What staff do with the register is declared in `register.actions`.

Children's identities are confidential (Rule 3.2): only reception and social workers read
them, every other role is refused (the 404 of a missing record) before anything is read, and
every read goes through `children_of`, which audits the ids disclosed.
"""

from django.http import Http404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from bangkok.api_permissions import requires
from bangkok.pagination import KeysetPagination
from prisoners.permissions import access_prisoner

from . import reading
from .models import Child, ChildActivity
from .permissions import READ_IDENTITY
from .serializers import ChildActivitySerializer, ChildSerializer


@extend_schema_view(
    get=extend_schema(
        tags=["children"],
        summary="Her children, for those who may know them (Rule 3.2; the read is audited)",
        responses={200: ChildSerializer(many=True)},
    ),
)
class ChildrenList(APIView):
    """Her children, read in one go; adding one at the same address is an action
    (`register.actions`)."""

    # Not paginated: her children are a short list, read (and audited) in one go.
    permission_classes = [requires(READ_IDENTITY)]

    def get(self, request, uuid):
        mother = access_prisoner(request.user, uuid)
        children = reading.children_of(viewer=request.user, mother=mother)
        return Response(ChildSerializer(children, many=True).data)


@extend_schema(
    tags=["children"],
    summary="A child's days in prison, newest first (Rules 42.2, 50, 51.2; the read is audited)",
)
class ChildActivities(ListAPIView):
    """Childcare, outings, nursery and time together of a child living with her mother;
    recording one at the same address is an action (`register.actions`)."""

    permission_classes = [requires(READ_IDENTITY)]
    serializer_class = ChildActivitySerializer
    pagination_class = KeysetPagination
    keyset_fields = ("-on", "-id")
    filter_backends: list = []

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ChildActivity.objects.none()
        child = Child.objects.filter(uuid=self.kwargs["uuid"]).select_related("mother").first()
        if child is None:
            raise Http404("No such child in your facilities.")
        access_prisoner(self.request.user, child.mother.uuid)
        return reading.activities_of(viewer=self.request.user, child=child)
