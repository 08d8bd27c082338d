from django.apps import AppConfig

from bangkok.hooks import plug


class PretrialConfig(AppConfig):
    name = "pretrial"
    verbose_name = "Pretrial detention (Rules 56-58, 65; Mandela 111-120)"

    def ready(self):
        plug(self)  # what it plugs into the other areas: pretrial/hooks.py
