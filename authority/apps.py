from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuthorityConfig(AppConfig):
    name = "authority"
    verbose_name = "Authority given by the person who holds it"

    def ready(self):
        from reminders.kinds import answered_by

        from .services import WAITING_KIND

        # Only the governor's decision closes the task asking for it.
        answered_by(_("the decision on the authority asked for"), WAITING_KIND)
