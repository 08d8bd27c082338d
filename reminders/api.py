from drf_spectacular.utils import extend_schema
from rest_framework import generics

from bangkok.api_permissions import requires
from bangkok.pagination import KeysetPagination

from . import services
from .serializers import ReminderSerializer
from .views import TASK_ORDER


@extend_schema(tags=["tasks"], summary="My open tasks (reminders for my role)")
class TaskList(generics.ListAPIView):
    serializer_class = ReminderSerializer
    permission_classes = [requires("reminders.view_reminder")]
    pagination_class = KeysetPagination
    keyset_fields = TASK_ORDER
    filter_backends = []

    def get_queryset(self):
        return services.listed(services.tasks_for(self.request.user))
