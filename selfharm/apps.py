from django.apps import AppConfig

from bangkok.hooks import plug


class SelfharmConfig(AppConfig):
    name = "selfharm"
    verbose_name = "Self-harm and suicide risk (Rules 12, 13, 16, 35)"

    def ready(self):
        plug(self)  # what it plugs into the other areas: selfharm/hooks.py
