from django.urls import path

from bangkok.actions import page_urls

from . import actions, views

app_name = "equality"

urlpatterns = [
    path("", views.index, name="index"),
    path("facilities/<uuid:uuid>/", views.facility, name="facility"),
    path("women/<uuid:uuid>/", views.her, name="her"),
    *(url for group, area in actions.GROUPS for url in page_urls(group, area)),
]
