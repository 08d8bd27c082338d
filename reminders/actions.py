"""Marking one of her tasks done, from her list of tasks or the API: the task is found among her
own (`services.tasks_for`); a refusal comes back on the list as a message, and from the API as a
400 saying why (a task a record answers, or another team's escalated task)."""

from django import forms
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse

from bangkok.actions import Action, Area, Page, refusal_back
from bangkok.forms import StyledForm

from . import services
from .models import Reminder
from .serializers import CompleteReminderSerializer, ReminderSerializer


class CompleteForm(StyledForm):
    outcome = forms.CharField(
        required=False, strip=False, max_length=Reminder._meta.get_field("outcome").max_length
    )


def her_task(user, address):
    """One of her open tasks (a task may concern no woman), else 404."""
    reminder = services.tasks_for(user).filter(uuid=address["uuid"]).first()
    if reminder is None:
        raise Http404
    return reminder, reminder.prisoner


def done(reminder) -> str:
    return _("Marked as done: %(title)s") % {"title": reminder.heading}


AREA = Area(tag="tasks", access=None, not_found=None, prefix="api-task", find=her_task)

ACTIONS = [
    Action(
        "complete",
        "tasks/<uuid:uuid>/done/",
        "Mark one of my tasks done",
        services.complete_reminder,
        ReminderSerializer,
        CompleteReminderSerializer,
        model=Reminder,
        arg="reminder",
        perm="reminders.change_reminder",
        description=(
            "Only a task no record answers, by the team it is for: a task the Rules require "
            "closes when the record answering it is written, and the governor directs another "
            "team's task escalated to her rather than closing it (400, saying why)."
        ),
        answer=lambda request, reminder: (
            ReminderSerializer(reminder, context={"request": request}).data
        ),
        answers={
            400: OpenApiResponse(description="Invalid input, or a task 'done' can't close"),
            404: OpenApiResponse(description="Not one of your open tasks"),
        },
        page=Page(
            "<uuid:uuid>/done/",
            CompleteForm,
            done=done,
            then=lambda result, target: "reminders:tasks",
            again=refusal_back("reminders:tasks"),
            back=True,
            methods_first=True,
        ),
    ),
]
