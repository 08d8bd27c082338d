from django.urls import path

from bangkok.actions import api_urls

from . import actions, api

urlpatterns = [
    path("girls/", api.Girls.as_view(), name="api-girls"),
    *(url for group, area in actions.GROUPS for url in api_urls(group, area)),
]
