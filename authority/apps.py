from django.apps import AppConfig


class AuthorityConfig(AppConfig):
    name = "authority"
    verbose_name = "Authority given by the person who holds it"

    def ready(self):
        from reminders.services import OUTCOME_REQUIRED_KINDS

        from .services import WAITING_KIND

        # Only the governor's decision closes the task asking for it.
        OUTCOME_REQUIRED_KINDS.add(WAITING_KIND)
