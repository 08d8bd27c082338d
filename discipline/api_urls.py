from django.urls import path

from bangkok.actions import api_urls

from . import actions, api

urlpatterns = [
    path(
        "prisoners/<uuid:uuid>/discipline/",
        api.DisciplineRecord.as_view(),
        name="api-discipline-record",
    ),
    *(url for group, area in actions.GROUPS for url in api_urls(group, area)),
]
