from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AuditConfig(AppConfig):
    name = "audit"
    verbose_name = "Audit trail"

    def ready(self):
        from bangkok.versions import move_versions

        from .kept import refuse_deletes

        # Once per migrate, when every app's tables exist: no case row is ever deleted.
        post_migrate.connect(refuse_deletes, sender=self, dispatch_uid="audit.refuse_deletes")
        # And every changeable record's version moves on every change, whatever the door.
        post_migrate.connect(move_versions, sender=self, dispatch_uid="audit.move_versions")
