from django.urls import path

from bangkok.operations import operation_urls

from . import api

urlpatterns = [
    path(
        "prisoners/<uuid:uuid>/searches/", api.HerSearches.as_view(), name="api-prisoner-searches"
    ),
    path("searches/<uuid:uuid>/", api.SearchDetail.as_view(), name="api-search-detail"),
    path("cell-searches/", api.CellSearches.as_view(), name="api-cell-searches"),
    path("training-records/", api.TrainingRecords.as_view(), name="api-training-records"),
    *operation_urls(api.OPERATIONS, api.AREA),
]
