from django.apps import AppConfig

from bangkok.hooks import plug


class HygieneConfig(AppConfig):
    name = "hygiene"
    verbose_name = "Hygiene (Rule 5)"

    def ready(self):
        plug(self)  # what it plugs into the other areas: hygiene/hooks.py
