from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _section(request, prisoner):
    from .permissions import RECORD, VIEW

    user = request.user
    can_read, can_record = user.has_perm(VIEW), user.has_perm(RECORD)
    if not (can_read or can_record):
        return None
    count = prisoner.breaches.count() if can_read else 0
    return {"woman": prisoner, "can_read": can_read, "can_record": can_record, "count": count}


class BreachesConfig(AppConfig):
    name = "breaches"
    verbose_name = "Breaches recorded by staff"

    def ready(self):
        from prisoners.sections import Section, register
        from reminders.kinds import may_be_marked_done

        from . import oversight, services

        oversight.register_all()
        # The governor finds out how a recorded breach happened and marks it done with what
        # she found: no record answers it.
        may_be_marked_done(services.TASK_KIND)
        register(
            Section(
                key="breaches",
                title=_("Breaches recorded"),
                template="breaches/_section.html",
                context=_section,
                order=900,
            )
        )
