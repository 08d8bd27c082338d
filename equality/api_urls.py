from django.urls import path

from bangkok.actions import api_urls

from . import actions, api

urlpatterns = [
    path(
        "prisoners/<uuid:uuid>/equality/",
        api.HerRecord.as_view(),
        name="api-equality-her",
    ),
    *(url for group, area in actions.GROUPS for url in api_urls(group, area)),
]
