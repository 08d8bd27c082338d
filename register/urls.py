from django.urls import path

from . import views

app_name = "register"

urlpatterns = [
    path("children/<uuid:uuid>/separation/", views.separate, name="separate"),
]
