"""Marking one of her tasks done, from her list of tasks: the task is found among her own
(`services.tasks_for`), a refusal comes back on the list as a message."""

from django import forms
from django.http import Http404
from django.utils.translation import gettext as _

from bangkok.actions import Action, Area, Page, refusal_back
from bangkok.forms import StyledForm

from . import services
from .models import Reminder


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
        "",
        "Mark one of my tasks done",
        services.complete_reminder,
        model=Reminder,
        arg="reminder",
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
