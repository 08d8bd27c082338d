from django.apps import AppConfig

from bangkok.hooks import plug


class AdmissionsConfig(AppConfig):
    name = "admissions"
    verbose_name = "Admission (Rules 2 and 4)"

    def ready(self):
        plug(self)  # what it plugs into the other areas: admissions/hooks.py
