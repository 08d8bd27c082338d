from django.urls import path

from bangkok.actions import api_urls

from . import actions, api

urlpatterns = [
    path("breakglass/", api.Accesses.as_view(), name="api-breakglass"),
    path("breakglass/<uuid:uuid>/", api.Opened.as_view(), name="api-breakglass-read"),
    *(url for group, area in actions.GROUPS for url in api_urls(group, area)),
]
