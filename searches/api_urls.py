from django.urls import path

from bangkok.actions import api_urls

from . import actions, api

urlpatterns = [
    *api_urls(actions.RECORDING_ACTIONS, actions.RECORDING),
    path("searches/<uuid:uuid>/", api.SearchDetail.as_view(), name="api-search-detail"),
    path("training-records/", api.TrainingRecords.as_view(), name="api-training-records"),
    path("training-capacity/", api.TrainingCapacity.as_view(), name="api-training-capacity"),
    *api_urls(actions.AUTHORITY_ACTIONS, actions.AUTHORITY),
]
