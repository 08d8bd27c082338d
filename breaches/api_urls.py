from django.urls import path

from bangkok.actions import operation_urls

from . import api

urlpatterns = [
    path("prisoners/<uuid:uuid>/breaches/", api.HerBreaches.as_view(), name="api-breaches"),
    *operation_urls(api.OPERATIONS, api.AREA),
]
