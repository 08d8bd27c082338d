from django.urls import path

from . import views

app_name = "breaches"

urlpatterns = [
    path("women/<uuid:uuid>/", views.her_breaches, name="list"),
    path("women/<uuid:uuid>/new/", views.record, name="record"),
]
