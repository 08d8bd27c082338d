from django.apps import AppConfig

from bangkok.hooks import plug


class ReleaseConfig(AppConfig):
    name = "release"
    verbose_name = "Release and reintegration"

    def ready(self):
        plug(self)  # what it plugs into the other areas: release/hooks.py
