from django.urls import path

from . import views

app_name = "authority"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("<slug:key>/<uuid:uuid>/confirm/", views.confirm, name="confirm"),
    path("<slug:key>/<uuid:uuid>/refuse/", views.refuse, name="refuse"),
]
