from django.urls import path

from bangkok.actions import page_urls

from . import actions, views

app_name = "searches"

urlpatterns = [
    *page_urls(actions.RECORDING_ACTIONS, actions.RECORDING),
    *page_urls(actions.AUTHORITY_ACTIONS, actions.AUTHORITY),
    path("training/", views.training_records, name="training"),
    path("<uuid:uuid>/", views.search_detail, name="detail"),
]
