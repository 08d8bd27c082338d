from django.apps import AppConfig

from bangkok.hooks import plug


class RestraintsConfig(AppConfig):
    name = "restraints"
    verbose_name = "Instruments of restraint (Rule 24)"

    def ready(self):
        plug(self)  # what it plugs into the other areas: restraints/hooks.py
