from django.urls import path

from bangkok.actions import page_urls

from . import actions, views

app_name = "pretrial"

urlpatterns = [
    path("", views.index, name="index"),
    path("hearings/<uuid:uuid>/", views.hearing, name="hearing"),
    *(url for group, area in actions.GROUPS for url in page_urls(group, area)),
]
