from django.urls import path

from . import api

urlpatterns = [
    path(
        "prisoners/<uuid:uuid>/discipline/",
        api.DisciplineRecord.as_view(),
        name="api-discipline-record",
    ),
    *api.urls,
]
