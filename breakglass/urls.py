from django.urls import path

from bangkok.actions import page_urls

from . import actions, views

app_name = "breakglass"

urlpatterns = [
    path("", views.index, name="index"),
    path("<uuid:uuid>/", views.read, name="read"),
    *(url for group, area in actions.GROUPS for url in page_urls(group, area)),
]
