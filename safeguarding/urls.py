from django.urls import path

from bangkok.actions import page_urls

from . import actions, views

app_name = "safeguarding"

urlpatterns = [
    path("", views.incidents, name="incidents"),
    path("incidents/<uuid:uuid>/", views.incident, name="incident-detail"),
    path("plans/<uuid:uuid>/", views.plan, name="plan"),
    path("concerns/<uuid:uuid>/", views.concern, name="concern-detail"),
    path("needs/<uuid:uuid>/", views.need, name="need-detail"),
    *page_urls(actions.ACTIONS, actions.AREA),
    *page_urls(actions.INCIDENT_ACTIONS, actions.INCIDENTS),
]
