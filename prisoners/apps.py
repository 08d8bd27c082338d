from django.apps import AppConfig

from bangkok.hooks import plug


class PrisonersConfig(AppConfig):
    name = "prisoners"
    verbose_name = "Women in custody"

    def ready(self):
        plug(self)  # what it plugs into the other areas: prisoners/hooks.py
