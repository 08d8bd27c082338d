from django.urls import path

from bangkok.actions import api_urls

from . import actions, api

urlpatterns = [
    path("self-harm-cases/<uuid:uuid>/", api.CaseDetail.as_view(), name="api-selfharm-case-detail"),
    path(
        "self-harm-incidents/<uuid:uuid>/",
        api.IncidentDetail.as_view(),
        name="api-selfharm-incident-detail",
    ),
    *api_urls(actions.ACTIONS, actions.AREA),
]
