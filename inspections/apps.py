from django.apps import AppConfig

from bangkok.hooks import plug


class InspectionsConfig(AppConfig):
    name = "inspections"
    verbose_name = "Inspections and monitoring visits (Rule 25.3)"

    def ready(self):
        plug(self)  # what it plugs into the other areas: inspections/hooks.py
