"""The discipline API (Rules 22, 23; Mandela 36-46): her discipline record, to read; what staff
do about discipline is declared in `discipline.actions`. Another facility's woman, or a role
that reads none of it, meets the 404 of a woman who doesn't exist."""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from . import serializers as io
from .actions import NOT_FOUND, TAG
from .permissions import ANY_VIEW, access_with
from .reading import record_of


class DisciplineRecord(APIView):
    """Her charges (with hearings, sanctions, reviews), segregations (with health visits) and
    contact restrictions; each part only for a role that may read it."""

    @extend_schema(
        tags=[TAG],
        summary="Her discipline record (Rules 22, 23)",
        responses={200: io.DisciplineSerializer, 404: NOT_FOUND},
    )
    def get(self, request, uuid):
        woman = access_with(*ANY_VIEW)(request.user, uuid)
        record = record_of(request.user, woman)
        data = {"woman": woman.uuid}
        for part in ("charges", "segregations", "contact_restrictions"):
            if part in record:
                data[part] = record[part]
        return Response(io.DisciplineSerializer(data).data)
