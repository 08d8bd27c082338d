from django.urls import path

from . import views

app_name = "reminders"
urlpatterns = [
    path("", views.task_list, name="tasks"),
    path("<uuid:uuid>/done/", views.complete_task, name="complete"),
]
