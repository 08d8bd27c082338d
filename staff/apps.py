from django.apps import AppConfig

from bangkok.hooks import plug


class StaffConfig(AppConfig):
    name = "staff"
    verbose_name = "Staff and roles"

    def ready(self):
        plug(self)  # what it plugs into the other areas: staff/hooks.py
