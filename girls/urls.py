from django.urls import path

from bangkok.actions import page_urls

from . import actions, views

app_name = "girls"

urlpatterns = [
    path("", views.index, name="index"),
    path("sealed/", views.sealed, name="sealed"),
    path("sealed/<uuid:uuid>/", views.sealed_record, name="sealed-record"),
    *(url for group, area in actions.GROUPS for url in page_urls(group, area)),
]
