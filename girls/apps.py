from django.apps import AppConfig

from bangkok.hooks import plug


class GirlsConfig(AppConfig):
    name = "girls"
    verbose_name = "Girls under 18 (Rules 36-39)"

    def ready(self):
        plug(self)  # what it plugs into the other areas: girls/hooks.py
