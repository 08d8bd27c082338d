"""The release API: her release as the caller may read it. Every write is an action
(`release.actions`)."""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from . import reading
from .permissions import access_episode
from .serializers import PlanSerializer, plan_answer

TAG = "release"


class HerRelease(APIView):
    @extend_schema(
        tags=[TAG],
        summary="Her release plan, health continuity status and copies (Rules 45-47; M9)",
        responses=PlanSerializer,
    )
    def get(self, request, uuid):
        admission = access_episode(request.user, uuid)
        return Response(plan_answer(reading.plan_page(viewer=request.user, admission=admission)))
