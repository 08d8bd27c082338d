from django.urls import path

from bangkok.actions import api_urls

from . import actions, api

urlpatterns = [
    path("prisoners/<uuid:uuid>/health/", api.ClinicalFile.as_view(), name="api-health-file"),
    *api_urls(actions.ACTIONS, actions.AREA),
]
