from django.apps import AppConfig

from bangkok.hooks import plug


class HealthConfig(AppConfig):
    name = "health"
    verbose_name = "Health (Rules 6-18, 48-52)"

    def ready(self):
        plug(self)  # what it plugs into the other areas: health/hooks.py
