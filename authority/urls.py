from django.urls import path

from bangkok.actions import page_urls

from . import actions, views

app_name = "authority"

urlpatterns = [
    path("", views.queue, name="queue"),
    *page_urls(actions.ACTIONS, actions.AREA),
]
