"""Break-glass reads of a woman's clinical file (Rule 8; RULES-SPEC 1, tier T4, and indicator
53).

Her clinical file is health staff's alone. In an emergency, when no member of health staff can
tell them what they need, a custody officer or the governor of her facility reads its
emergency part (`health.reading.emergency_part`) by break-glass: she gives the reason, and the
part is open to her alone, for that woman alone, for BREAK_GLASS_MINUTES; each read is audited
as a confidential read naming the access. An access is a fact (never changed or deleted), and
so is its review: afterwards a second person (health staff or a governor, never the one who
read) finds it justified or not, with why when it was not."""

import uuid

import pghistory
import pgtrigger
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bangkok.openings import Opened, ends_after_it_opens


class Reason(models.TextChoices):
    UNWELL = "unwell", _("She is unwell, injured or unconscious")
    SELF_HARM = "self_harm", _("She has harmed herself or her life is at risk")
    HOSPITAL = "hospital", _("She is taken to hospital and the escort must know")
    OTHER = "other", _("Another emergency")


@pghistory.track(append_only=True)
class Access(Opened):
    """The emergency part of one woman's clinical file opened to one member of staff who may
    not read the file, for a reason, until a time."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="+", verbose_name=_("woman")
    )
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(_("reason"), max_length=16, choices=Reason)
    detail = models.TextField(_("what is happening"), max_length=2000)

    class Meta:
        verbose_name = _("break-glass read")
        ordering = ["-opened_at", "-id"]
        indexes = [models.Index(fields=["facility", "opened_at"], name="breakglass_in_period")]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(detail=""),
                name="breakglass_access_says_why",
                violation_error_message=_("Say what is happening."),
            ),
            ends_after_it_opens("breakglass_access_ends_after_it_opens"),
        ]
        triggers = [
            pgtrigger.Protect(
                name="breakglass_access_unchanged",
                operation=pgtrigger.Update | pgtrigger.Delete,
            )
        ]

    def __str__(self) -> str:
        return f"Break-glass read {self.uuid}"


class Finding(models.TextChoices):
    JUSTIFIED = "justified", _("Justified")
    NOT_JUSTIFIED = "not_justified", _("Not justified")


@pghistory.track(append_only=True)
class Review(models.Model):
    """A second person's review of a break-glass read: justified or not, and why."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    access = models.OneToOneField(
        Access, on_delete=models.PROTECT, related_name="review", verbose_name=_("break-glass read")
    )
    finding = models.CharField(_("finding"), max_length=16, choices=Finding)
    note = models.TextField(_("why"), max_length=2000, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("break-glass review")
        ordering = ["-reviewed_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(finding="not_justified") | ~models.Q(note=""),
                name="breakglass_unjustified_says_why",
                violation_error_message=_("Say why it was not justified."),
            ),
        ]
        triggers = [
            pgtrigger.Protect(
                name="breakglass_review_unchanged",
                operation=pgtrigger.Update | pgtrigger.Delete,
            )
        ]

    def __str__(self) -> str:
        return f"Break-glass review {self.uuid}"
