from django.urls import path

from . import api

urlpatterns = [
    path("prisoners/", api.PrisonerList.as_view(), name="api-prisoner-list"),
    path("prisoners/<uuid:uuid>/", api.PrisonerDetail.as_view(), name="api-prisoner-detail"),
]
