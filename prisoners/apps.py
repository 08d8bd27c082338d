from django.apps import AppConfig


class PrisonersConfig(AppConfig):
    name = "prisoners"
    verbose_name = "Women in custody"

    def ready(self):
        from reminders.kinds import may_be_marked_done
        from staff.roles import ROLE_CHOICES

        # The demonstration's sample tasks (seed_demo): nothing answers them.
        may_be_marked_done(*(f"demo.{role}" for role, _label in ROLE_CHOICES))
