from django.urls import path

from . import api

urlpatterns = [
    path("oversight/", api.Overview.as_view(), name="api-oversight"),
    path("oversight/records/<slug:key>/", api.Records.as_view(), name="api-oversight-records"),
    path("oversight/must-be-zero/<slug:key>/", api.Cases.as_view(), name="api-oversight-cases"),
    path("oversight/reads/", api.Reads.as_view(), name="api-oversight-reads"),
    path(
        "oversight/must-be-zero/<slug:key>/refused/",
        api.Attempts.as_view(),
        name="api-oversight-attempts",
    ),
    path("oversight/export/<slug:name>/", api.Export.as_view(), name="api-oversight-export"),
    path(
        "oversight/export/<slug:name>/<slug:key>/",
        api.ExportKey.as_view(),
        name="api-oversight-export-key",
    ),
    path("oversight/indicators/", api.Indicators.as_view(), name="api-oversight-indicators"),
    path(
        "oversight/indicators/facilities/",
        api.IndicatorFacilities.as_view(),
        name="api-oversight-indicator-facilities",
    ),
    path(
        "oversight/indicators/<slug:key>/",
        api.IndicatorTrend.as_view(),
        name="api-oversight-indicator",
    ),
]
