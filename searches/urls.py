from django.urls import path

from . import views

app_name = "searches"

urlpatterns = [
    path("women/<uuid:uuid>/new/", views.record_search, name="record"),
    path("women/<uuid:uuid>/authority/", views.ask_authority, name="ask-authority"),
    path("cells/new/", views.record_cell_search, name="record-cell"),
    path("training/", views.training_records, name="training"),
    path("<uuid:uuid>/", views.search_detail, name="detail"),
]
