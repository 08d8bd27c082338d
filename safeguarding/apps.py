from django.apps import AppConfig

from bangkok.hooks import plug


class SafeguardingConfig(AppConfig):
    name = "safeguarding"
    verbose_name = "Safeguarding: violence, bullying and adults at risk (Rules 25.1, 31, 42.4)"

    def ready(self):
        plug(self)  # what it plugs into the other areas: safeguarding/hooks.py
