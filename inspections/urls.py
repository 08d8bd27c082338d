from django.urls import path

from bangkok.actions import page_urls

from . import actions, views

app_name = "inspections"

urlpatterns = [
    path("", views.index, name="index"),
    path("visits/<uuid:uuid>/", views.visit, name="visit"),
    path("sampled/<uuid:uuid>/", views.case, name="case"),
    *(url for group, area in actions.GROUPS for url in page_urls(group, area)),
]
