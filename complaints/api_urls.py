from django.urls import path

from bangkok.actions import operation_urls

from . import api

urlpatterns = [
    path(
        "prisoners/<uuid:uuid>/complaints/",
        api.HerComplaints.as_view(),
        name="api-prisoner-complaints",
    ),
    path("complaints/<uuid:uuid>/", api.ComplaintDetail.as_view(), name="api-complaint"),
    path("held-actions/", api.HeldActions.as_view(), name="api-held-actions"),
    *operation_urls(api.OPERATIONS, api.AREA),
]
