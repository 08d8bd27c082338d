from django.urls import path

from . import api

urlpatterns = [
    path("tasks/", api.TaskList.as_view(), name="api-task-list"),
    path("tasks/<uuid:uuid>/done/", api.CompleteTask.as_view(), name="api-task-complete"),
]
