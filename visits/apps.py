from django.apps import AppConfig

from bangkok.hooks import plug


class VisitsConfig(AppConfig):
    name = "visits"
    verbose_name = "Visits and family contact (Rules 26-28, 43, 44)"

    def ready(self):
        plug(self)  # what it plugs into the other areas: visits/hooks.py
