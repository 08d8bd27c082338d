from django.urls import path

from bangkok.actions import api_urls

from . import actions, api

urlpatterns = [
    path("prisoners/", api.PrisonerList.as_view(), name="api-prisoner-list"),
    path("prisoners/export/", api.PrisonerExport.as_view(), name="api-prisoner-export"),
    path("prisoners/<uuid:uuid>/", api.PrisonerDetail.as_view(), name="api-prisoner-detail"),
    *api_urls(actions.ACTIONS, actions.AREA),
]
