from django.apps import AppConfig

from bangkok.hooks import plug


class ComplaintsConfig(AppConfig):
    name = "complaints"
    verbose_name = "Complaints and abuse reports (Rules 7 and 25)"

    def ready(self):
        plug(self)  # what it plugs into the other areas: complaints/hooks.py
