from django.urls import path

from bangkok.actions import api_urls

from . import actions, api

urlpatterns = [
    path("inspections/visits/", api.Visits.as_view(), name="api-inspections"),
    *(url for group, area in actions.GROUPS for url in api_urls(group, area)),
]
