from django.apps import AppConfig

from bangkok.hooks import plug


class BreachesConfig(AppConfig):
    name = "breaches"
    verbose_name = "Breaches recorded by staff"

    def ready(self):
        plug(self)  # what it plugs into the other areas: breaches/hooks.py
