"""The governor's queue through the API: what awaits her authority, area by area. Each area
declares its confirm and refuse operations in its own API table (`verbs_for`)."""

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from . import services
from .serializers import AreaQueueSerializer
from .views import holds_any_authority


@extend_schema(
    tags=["authority"],
    summary="Authorities waiting for you",
    description=(
        "Actions of your facilities that need your authority (a strip or body cavity search, "
        "a segregation, a restraint, a sanction, a contact restriction, a transfer), not those "
        "you asked for yourself nor those sought from another governor; a restraint taken at "
        "once in an emergency first (Mandela 47-48). "
        "Confirm or refuse each through its area's operation."
    ),
    responses={200: AreaQueueSerializer(many=True)},
)
class Waiting(APIView):
    def get(self, request):
        if not holds_any_authority(request.user):
            raise Http404("No such page.")
        return Response(AreaQueueSerializer(services.waiting_for(request.user), many=True).data)
