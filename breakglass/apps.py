from django.apps import AppConfig

from bangkok.hooks import plug


class BreakglassConfig(AppConfig):
    name = "breakglass"
    verbose_name = "Break-glass reads of the clinical file (Rule 8)"

    def ready(self):
        plug(self)  # what it plugs into the other areas: breakglass/hooks.py
