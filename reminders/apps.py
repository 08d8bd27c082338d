from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _her_tasks(request, prisoner):
    from .services import tasks_for

    if not request.user.has_perm("reminders.view_reminder"):
        return None
    tasks = tasks_for(request.user).filter(prisoner=prisoner).select_related("prisoner")
    return {"tasks": list(tasks[:20])}


class RemindersConfig(AppConfig):
    name = "reminders"
    verbose_name = "Reminders and tasks"

    def ready(self):
        from prisoners.sections import Section, register

        register(
            Section(
                key="tasks",
                title=_("Open tasks for you"),
                template="reminders/_section.html",
                context=_her_tasks,
                order=900,
            )
        )
