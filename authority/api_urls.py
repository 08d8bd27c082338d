from django.urls import path

from . import api

urlpatterns = [
    path("authorities/waiting/", api.Waiting.as_view(), name="api-authorities-waiting"),
]
