from django.urls import path

from bangkok.actions import operation_urls

from . import api

urlpatterns = [
    path("prisoners/<uuid:uuid>/health/", api.ClinicalFile.as_view(), name="api-health-file"),
    *operation_urls(api.OPERATIONS, api.AREA),
]
