from django.apps import AppConfig

from bangkok.hooks import plug


class RemindersConfig(AppConfig):
    name = "reminders"
    verbose_name = "Reminders and tasks"

    def ready(self):
        plug(self)
