from django.urls import path

from bangkok.actions import page_urls

from . import actions, views

app_name = "breaches"

urlpatterns = [
    path("women/<uuid:uuid>/", views.her_breaches, name="list"),
    *page_urls(actions.ACTIONS, actions.AREA),
]
