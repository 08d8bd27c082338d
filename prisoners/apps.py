from django.apps import AppConfig


class PrisonersConfig(AppConfig):
    name = "prisoners"
    verbose_name = "Women in custody"

    def ready(self):
        from reminders.kinds import may_be_marked_done

        from .demo import DEMO_TASK_KINDS

        # The demonstration's sample tasks (seed_demo): nothing answers them.
        may_be_marked_done(*DEMO_TASK_KINDS.values())
