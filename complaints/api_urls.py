from django.urls import path

from bangkok.actions import api_urls

from . import actions, api

urlpatterns = [
    path("complaints/<uuid:uuid>/", api.ComplaintDetail.as_view(), name="api-complaint"),
    path("held-actions/", api.HeldActions.as_view(), name="api-held-actions"),
    *api_urls(actions.LODGING, actions.HERS),
    *api_urls(actions.ACTIONS, actions.AREA),
]
