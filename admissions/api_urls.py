from django.urls import path

from bangkok.actions import api_urls

from . import actions, api

urlpatterns = [
    path(
        "admissions/returning/",
        api.FindReturningWoman.as_view(),
        name="api-admission-find-returning",
    ),
    path("admissions/<uuid:uuid>/", api.AdmissionDetail.as_view(), name="api-admission-detail"),
    *api_urls(actions.ACTIONS, actions.AREA),
    *api_urls(actions.FAMILY_ACTIONS, actions.FAMILY),
    *api_urls(actions.HOME_ACTIONS, actions.AREA),
    *api_urls(actions.TRANSFER_DECISIONS, actions.TRANSFER_AREA),
]
