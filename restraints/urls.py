from django.urls import path

from . import views

app_name = "restraints"

urlpatterns = [
    path("women/<uuid:uuid>/", views.her_restraints, name="list"),
    path("women/<uuid:uuid>/apply/", views.apply, name="apply"),
    path("women/<uuid:uuid>/method-approval/", views.approve_method, name="approve-method"),
    path("<uuid:uuid>/", views.detail, name="detail"),
    path("<uuid:uuid>/review/", views.review, name="review"),
    path("<uuid:uuid>/remove/", views.remove, name="remove"),
]
