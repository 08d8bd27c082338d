from django.urls import path

from bangkok.operations import operation_urls

from . import api

urlpatterns = [
    path("prisoners/<uuid:uuid>/restraints/", api.HerRestraints.as_view(), name="api-restraints"),
    path(
        "prisoners/<uuid:uuid>/restraint-method-approval/",
        api.ApprovalInForce.as_view(),
        name="api-restraints-approval",
    ),
    *operation_urls(api.OPERATIONS, api.AREA),
]
