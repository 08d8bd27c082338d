"""What reminders plug into the other areas: her open tasks on her page."""

from django.utils.translation import gettext_lazy as _

from prisoners.sections import Section

from .services import tasks_for


def _her_tasks(request, prisoner):
    if not request.user.has_perm("reminders.view_reminder"):
        return None
    tasks = tasks_for(request.user).filter(prisoner=prisoner).select_related("prisoner")
    return {"tasks": list(tasks[:20])}


PLUGS = (
    Section(
        key="tasks",
        title=_("Open tasks for you"),
        template="reminders/_section.html",
        context=_her_tasks,
        order=900,
    ),
)
