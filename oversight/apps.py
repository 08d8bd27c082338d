from django.apps import AppConfig

from bangkok.hooks import plug


class OversightConfig(AppConfig):
    name = "oversight"
    verbose_name = "Oversight (Rules 25.3, 67-70)"

    def ready(self):
        plug(self)  # what it plugs into the other areas: oversight/hooks.py
