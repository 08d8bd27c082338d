from django.apps import AppConfig

from bangkok.hooks import plug


class ParoleConfig(AppConfig):
    name = "parole"
    verbose_name = "Temporary release, parole and protective custody (Rules 45, 59, 63, 64)"

    def ready(self):
        plug(self)  # what it plugs into the other areas: parole/hooks.py
