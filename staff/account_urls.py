from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("changes/", views.changes, name="changes"),
    path("changes/<uuid:uuid>/confirm/", views.decide, {"verdict": "confirm"}, name="confirm"),
    path("changes/<uuid:uuid>/refuse/", views.decide, {"verdict": "refuse"}, name="refuse"),
    path("training/new/", views.record_training, name="record-training"),
    path("password/", views.set_password, name="password"),
]
