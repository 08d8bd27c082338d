from django.urls import path

from bangkok.actions import api_urls

from . import actions, api

urlpatterns = [
    path("tasks/", api.TaskList.as_view(), name="api-task-list"),
    *api_urls(actions.ACTIONS, actions.AREA),
]
