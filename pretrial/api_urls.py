from django.urls import path

from bangkok.actions import api_urls

from . import actions, api

urlpatterns = [
    path("court-hearings/", api.Hearings.as_view(), name="api-pretrial-hearings"),
    path("court-hearings/<uuid:uuid>/", api.OneHearing.as_view(), name="api-pretrial-hearing"),
    *(url for group, area in actions.GROUPS for url in api_urls(group, area)),
]
