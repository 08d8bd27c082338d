from django.urls import path

from . import views

app_name = "complaints"

urlpatterns = [
    path("women/<uuid:uuid>/lodge/", views.lodge, name="lodge"),
    path("<uuid:uuid>/", views.detail, name="detail"),
    path("<uuid:uuid>/<slug:step>/", views.act, name="act"),
    path("held/", views.held_list, name="held-list"),
    path("held/<uuid:uuid>/", views.held_detail, name="held"),
]
