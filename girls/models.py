"""Girls under 18 in custody (Rules 36-39; RULES-SPEC 2.17).

What this area keeps of its own is the word given to a girl's parent or guardian when she is
admitted, transferred or released (Rule 36, the protection of girls; the UN Rules for the
Protection of Juveniles Deprived of their Liberty, r. 22): who was told, by whom, how and when,
or who could not be reached and what was tried. A notice is a fact: never changed or deleted;
a later attempt is a new notice.

The rest rests on the other areas' records: her education is a place on an education activity
of the regime (Rule 37); her access to a gynaecologist (Rule 38) and the specialist who
follows a pregnant girl (Rule 39) are health's encounters, which only health staff read.
"""

import uuid

import pghistory
import pgtrigger
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Event(models.TextChoices):
    ADMISSION = "admission", _("Her admission")
    TRANSFER = "transfer", _("Her transfer to another facility")
    RELEASE = "release", _("Her release")
    OTHER = "other", _("Another event (illness, injury)")


class How(models.TextChoices):
    PHONE = "phone", _("By telephone")
    IN_PERSON = "in_person", _("In person")
    LETTER = "letter", _("By letter")
    EMAIL = "email", _("By email")
    AUTHORITY = "authority", _("Through the child protection authority")


@pghistory.track(append_only=True)
class GuardianNotice(models.Model):
    """Her parent or guardian told of an event, or an attempt that did not reach them."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    prisoner = models.ForeignKey(
        "prisoners.Prisoner",
        on_delete=models.PROTECT,
        related_name="guardian_notices",
        verbose_name=_("girl"),
    )
    event = models.CharField(_("told of"), max_length=16, choices=Event)
    reached = models.BooleanField(
        _("reached"), help_text=_("No: nobody could be reached; say what was tried.")
    )
    guardian = models.CharField(_("parent or guardian"), max_length=200)
    relationship = models.CharField(_("relationship to her"), max_length=100)
    how = models.CharField(_("how"), max_length=16, choices=How)
    told_at = models.DateTimeField(_("when"))
    note = models.TextField(_("what was said or tried"), max_length=2000, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("parent or guardian told")
        ordering = ["-told_at", "-id"]
        indexes = [models.Index(fields=["facility", "told_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(reached=True) | ~models.Q(note=""),
                name="girls_unreached_says_what_was_tried",
                violation_error_message=_("Say what was tried to reach them."),
            ),
        ]
        triggers = [
            pgtrigger.Protect(
                name="girls_notice_unchanged", operation=pgtrigger.Update | pgtrigger.Delete
            )
        ]

    def __str__(self) -> str:
        return f"Guardian notice {self.uuid}"  # never her name: str() ends up in logs
