"""The register of children in the API (Rules 2.2 and 3): her children, read by those who may
know them. What staff do with the register is declared in `register.actions`.

Children's identities are confidential (Rule 3.2): only reception and social workers read
them, every other role is refused (the 404 of a missing record) before anything is read, and
every read goes through `children_of`, which audits the ids disclosed.
"""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.response import Response
from rest_framework.views import APIView

from bangkok.api_permissions import requires
from prisoners.permissions import access_prisoner

from . import reading
from .permissions import READ_IDENTITY
from .serializers import ChildSerializer


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
