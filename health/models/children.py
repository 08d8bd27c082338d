"""Health checks of children living with their mothers (Rule 51.1)."""

import uuid

import pghistory
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bangkok.versions import Versioned


@pghistory.track()
class ChildCheck(Versioned):
    """A development check of a child living in prison, with the immunisations due at that
    age, on the national schedule (CHILD_CHECK_MONTHS), with community health services."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    child = models.ForeignKey(
        "register.Child", on_delete=models.PROTECT, related_name="health_checks"
    )
    age_months = models.PositiveSmallIntegerField(_("at the age of (months)"))
    due_on = models.DateField(_("due on"))
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    notes = models.TextField(
        _("development, growth and immunisations"), blank=True, max_length=5000
    )
    cancelled_at = models.DateTimeField(_("no longer due"), null=True, blank=True)

    class Meta:
        verbose_name = _("child health check")
        ordering = ["due_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["child", "age_months"], name="one_check_per_age"),
            models.CheckConstraint(
                condition=models.Q(done_at__isnull=True) | models.Q(done_by__isnull=False),
                name="a_done_check_says_by_whom",
            ),
        ]

    def __str__(self) -> str:
        return f"Child check {self.uuid}"
