from django.urls import path

from bangkok.actions import api_urls

from . import actions, api

urlpatterns = [
    path(
        "safeguarding-incidents/<uuid:uuid>/",
        api.IncidentDetail.as_view(),
        name="api-safeguarding-incident-detail",
    ),
    path(
        "family-concerns/<uuid:uuid>/",
        api.ConcernDetail.as_view(),
        name="api-safeguarding-concern-detail",
    ),
    path("care-needs/<uuid:uuid>/", api.NeedDetail.as_view(), name="api-safeguarding-need-detail"),
    *api_urls(actions.ACTIONS, actions.AREA),
    *api_urls(actions.INCIDENT_ACTIONS, actions.INCIDENTS),
]
