from django.urls import path

from bangkok.actions import api_urls

from . import actions, api

urlpatterns = [
    path("girls/", api.Girls.as_view(), name="api-girls"),
    path("girls/sealed/", api.Sealed.as_view(), name="api-girls-sealed"),
    path("girls/sealed/<uuid:uuid>/", api.OpenedRecord.as_view(), name="api-girls-sealed-record"),
    *(url for group, area in actions.GROUPS for url in api_urls(group, area)),
]
