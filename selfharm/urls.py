from django.urls import path

from bangkok.actions import page_urls

from . import actions, views

app_name = "selfharm"

urlpatterns = [
    path("<uuid:uuid>/", views.case, name="case"),
    path("incidents/<uuid:uuid>/", views.incident, name="incident-detail"),
    path("trend/", views.trend, name="trend"),
    *page_urls(actions.ACTIONS, actions.AREA),
]
