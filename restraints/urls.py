from django.urls import path

from bangkok.actions import page_urls

from . import actions, views

app_name = "restraints"

urlpatterns = [
    path("women/<uuid:uuid>/", views.her_restraints, name="list"),
    path("<uuid:uuid>/", views.detail, name="detail"),
    *page_urls(actions.ACTIONS, actions.AREA),
]
