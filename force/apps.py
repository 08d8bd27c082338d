from django.apps import AppConfig

from bangkok.hooks import plug


class ForceConfig(AppConfig):
    name = "force"
    verbose_name = "Use of force (Rules 24, 31; Mandela 82)"

    def ready(self):
        plug(self)  # what it plugs into the other areas: force/hooks.py
