from django.urls import path

from bangkok.actions import api_urls

from . import actions, api

urlpatterns = [
    path("prisoners/<uuid:uuid>/breaches/", api.HerBreaches.as_view(), name="api-breaches"),
    *api_urls(actions.ACTIONS, actions.AREA),
]
