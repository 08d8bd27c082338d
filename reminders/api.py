from django.http import Http404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.response import Response
from rest_framework.views import APIView

from bangkok.api_permissions import requires
from bangkok.pagination import KeysetPagination
from bangkok.versions import VERSION_ANSWERS, VERSION_HEADERS, VersionedView

from . import services
from .models import Reminder
from .serializers import CompleteReminderSerializer, ReminderSerializer
from .views import TASK_ORDER


@extend_schema(tags=["tasks"], summary="My open tasks (reminders for my role)")
class TaskList(generics.ListAPIView):
    serializer_class = ReminderSerializer
    permission_classes = [requires("reminders.view_reminder")]
    pagination_class = KeysetPagination
    keyset_fields = TASK_ORDER
    filter_backends = []

    def get_queryset(self):
        return services.tasks_for(self.request.user).select_related("prisoner", "facility")


@extend_schema(
    tags=["tasks"],
    summary="Mark one of my tasks done",
    description=(
        "Only a task no record answers, by the team it is for: a task the Rules require "
        "closes when the record answering it is written, and the governor directs another "
        "team's task escalated to her rather than closing it (400, saying why)."
    ),
    request=CompleteReminderSerializer,
    responses={
        **VERSION_ANSWERS,
        200: ReminderSerializer,
        400: OpenApiResponse(description="Invalid input, or a task 'done' can't close"),
        404: OpenApiResponse(description="Not one of your open tasks"),
    },
    parameters=VERSION_HEADERS,
)
class CompleteTask(VersionedView, APIView):
    versioned = Reminder
    permission_classes = [requires("reminders.change_reminder")]

    def post(self, request, uuid):
        reminder = services.tasks_for(request.user).filter(uuid=uuid).first()
        if reminder is None:
            raise Http404
        body = CompleteReminderSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        reminder = self.change(
            request,
            reminder,
            lambda: services.complete_reminder(
                reminder=reminder, by=request.user, outcome=body.validated_data["outcome"]
            ),
        )
        return Response(ReminderSerializer(reminder, context={"request": request}).data)
