"""What the audit trail plugs into Django: once per migrate, when every app's tables exist, no
case row is ever deleted, and every changeable record's version moves on every change,
whatever the door; an act refused under a Rule is kept, and counted on oversight beside the
counts that must be zero; a table downloaded as a file is kept too."""

from django.apps import apps
from django.db.models.signals import post_migrate

from bangkok.hooks import Receiver
from bangkok.signals import exported, rule_refused
from bangkok.versions import move_versions
from oversight.registry import Refused

from .exports import record_export
from .kept import refuse_deletes
from .refusals import record_refusal, refused_by_rule, refused_under

_AUDIT = apps.get_app_config("audit")

PLUGS = (
    Receiver(post_migrate, refuse_deletes, sender=_AUDIT, dispatch_uid="audit.refuse_deletes"),
    Receiver(post_migrate, move_versions, sender=_AUDIT, dispatch_uid="audit.move_versions"),
    Receiver(rule_refused, record_refusal, dispatch_uid="audit.record_refusal"),
    Receiver(exported, record_export, dispatch_uid="audit.record_export"),
    Refused(refused_by_rule, refused_under),
)
