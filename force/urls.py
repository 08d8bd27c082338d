from django.urls import path

from bangkok.actions import page_urls

from . import actions, views

app_name = "force"

urlpatterns = [
    path("women/<uuid:uuid>/", views.her_force, name="list"),
    path("<uuid:uuid>/", views.detail, name="detail"),
    *page_urls(actions.ACTIONS, actions.AREA),
]
