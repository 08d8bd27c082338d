from django.urls import path

from . import api

urlpatterns = [
    path(
        "prisoners/<uuid:uuid>/children/", api.ChildrenList.as_view(), name="api-prisoner-children"
    ),
    path("children/<uuid:uuid>/", api.ChildDetail.as_view(), name="api-child-detail"),
    path(
        "children/<uuid:uuid>/separation/",
        api.ChildSeparation.as_view(),
        name="api-child-separation",
    ),
]
