from django.urls import path

from . import api

urlpatterns = [
    path("prisoners/<uuid:uuid>/health/", api.ClinicalFile.as_view(), name="api-health-file"),
    *(path(op.path, api.view_for(op), name=f"api-health-{op.name}") for op in api.OPERATIONS),
]
