from django.apps import AppConfig

from bangkok.hooks import plug


class EqualityConfig(AppConfig):
    name = "equality"
    verbose_name = "Equality and faith (Rules 54, 55; Mandela 2, 65, 66)"

    def ready(self):
        plug(self)  # what it plugs into the other areas: equality/hooks.py
