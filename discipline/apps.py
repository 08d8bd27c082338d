from django.apps import AppConfig

from bangkok.hooks import plug


class DisciplineConfig(AppConfig):
    name = "discipline"
    verbose_name = "Discipline (Rules 22, 23)"

    def ready(self):
        plug(self)  # what it plugs into the other areas: discipline/hooks.py
