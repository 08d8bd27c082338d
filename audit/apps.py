from django.apps import AppConfig

from bangkok.hooks import plug


class AuditConfig(AppConfig):
    name = "audit"
    verbose_name = "Audit trail"

    def ready(self):
        plug(self)  # what it plugs into the other areas: audit/hooks.py
