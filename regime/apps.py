from django.apps import AppConfig

from bangkok.hooks import plug


class RegimeConfig(AppConfig):
    name = "regime"
    verbose_name = "Her daily regime (Rule 42; Mandela 23, 44)"

    def ready(self):
        plug(self)  # what it plugs into the other areas: regime/hooks.py
