from django.urls import path

from bangkok.actions import api_urls

from . import actions, api

urlpatterns = [
    path("prisoners/<uuid:uuid>/restraints/", api.HerRestraints.as_view(), name="api-restraints"),
    path(
        "prisoners/<uuid:uuid>/restraint-method-approval/",
        api.ApprovalInForce.as_view(),
        name="api-restraints-approval",
    ),
    *api_urls(actions.ACTIONS, actions.AREA),
]
