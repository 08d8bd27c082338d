"""The audit trail (Mandela Rule 6: a secure audit trail). Rows are only ever added."""

import pgtrigger
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    """Who did or read what, when, in which role and facility, and which ids were disclosed.

    A database trigger refuses UPDATE and DELETE, whatever the write path. Rows carry ids,
    never confidential values: `disclosed` lists the ids shown, `detail` the non-confidential
    facts of the action.
    """

    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty for the system itself (scheduled tasks)."),
    )
    actor_role = models.CharField(max_length=20, blank=True)
    action = models.CharField(max_length=64)
    facility = models.ForeignKey(
        "facilities.Facility", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    subject_type = models.CharField(max_length=64, blank=True)
    subject_id = models.CharField(max_length=64, blank=True)
    disclosed = models.JSONField(default=list, blank=True)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("audit event")
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["subject_type", "subject_id", "-at"]),
            models.Index(fields=["facility", "-at"]),
            models.Index(fields=["actor", "-at"]),
            # The acts refused under a Rule (`refusals.REFUSED`), counted beside oversight's
            # counts that must be zero: a few among every row of the trail.
            models.Index(
                fields=["facility", "at"],
                condition=models.Q(action="rule.refused"),
                name="audit_refused",
            ),
        ]
        triggers = [
            pgtrigger.Protect(
                name="audit_append_only", operation=pgtrigger.Update | pgtrigger.Delete
            ),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.subject_type}:{self.subject_id}"
