from django.urls import path

from bangkok.actions import page_urls

from . import actions, views

app_name = "classification"

urlpatterns = [
    path("women/<uuid:uuid>/", views.her_classifications, name="list"),
    path("women/<uuid:uuid>/for-her/", views.for_her, name="for-her"),
    path("<uuid:uuid>/", views.detail, name="detail"),
    *page_urls(actions.ACTIONS, actions.AREA),
]
