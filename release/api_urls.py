from django.urls import path

from bangkok.actions import api_urls

from . import actions, api

urlpatterns = [
    path("admissions/<uuid:uuid>/release-plan/", api.HerRelease.as_view(), name="api-release-plan"),
    *api_urls(actions.ACTIONS, actions.AREA),
    *api_urls(actions.COPY_ACTIONS, actions.COPIES),
]
