from django.urls import path

from bangkok.actions import page_urls

from . import actions, views

app_name = "reminders"
urlpatterns = [
    path("", views.task_list, name="tasks"),
    *page_urls(actions.ACTIONS, actions.AREA),
]
