"""Safeguarding records (Rules 7 and 25).

A safeguarding record is opened when she reports abuse, or discloses it to health staff. It
holds no account of what happened: the disclosure stays in the clinical file, a complaint's
narrative in the complaint. It marks her as protected against retaliation for a period
(Rules 7.3 and 25.1) during which adverse actions against her are held for review.
"""

import uuid

import pghistory
import pgtrigger
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Source(models.TextChoices):
    HEALTH_DISCLOSURE = "health_disclosure", _("Disclosure to health staff")
    ABUSE_REPORT = "abuse_report", _("Report of abuse")
    COMPLAINT = "complaint", _("Complaint")


class RecordStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


@pghistory.track()
class SafeguardingRecord(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="safeguarding_records"
    )
    facility = models.ForeignKey("prisoners.Facility", on_delete=models.PROTECT, related_name="+")
    source = models.CharField(_("opened by"), max_length=20, choices=Source)
    opened_at = models.DateTimeField(_("opened"), default=timezone.now)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    protected_until = models.DateTimeField(_("protected against retaliation until"))
    status = models.CharField(
        _("status"), max_length=8, choices=RecordStatus, default=RecordStatus.OPEN
    )

    class Meta:
        verbose_name = _("safeguarding record")
        ordering = ["-opened_at", "-id"]
        triggers = [pgtrigger.Protect(name="safeguarding_no_delete", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return f"Safeguarding record {self.uuid}"

    @property
    def protecting(self) -> bool:
        return self.protected_until > timezone.now()
