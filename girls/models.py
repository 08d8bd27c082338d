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

from bangkok.openings import Opened, ends_after_it_opens


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


# -- Her records sealed after her release (Havana r. 19) ----------------------------------


class SealedBy(models.TextChoices):
    CLOCK = "clock", _("Sealed when the time after her release had passed")
    GOVERNOR = "governor", _("Sealed at once by the governor")


@pghistory.track(append_only=True)
class SealedRecord(models.Model):
    """The records of a woman who was a girl under 18 when an episode in custody began,
    sealed after her release (the UN Rules for the Protection of Juveniles Deprived of their
    Liberty, r. 19: "sealed, and, at an appropriate time, expunged"). Once sealed she is in no
    list, search, queue or page (`prisoners.withheld`); only an opening on a recorded legal
    basis reads her record again. A seal is a fact: never changed, never lifted."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    prisoner = models.OneToOneField(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="+", verbose_name=_("woman")
    )
    released_at = models.DateTimeField(_("released"))
    sealed_at = models.DateTimeField(_("sealed"), default=timezone.now)
    sealed_by = models.CharField(_("how"), max_length=10, choices=SealedBy)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reason = models.TextField(_("why now"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("sealed record")
        ordering = ["-sealed_at", "-id"]
        indexes = [models.Index(fields=["facility", "sealed_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(sealed_by="clock", decided_by__isnull=True)
                | (models.Q(sealed_by="governor", decided_by__isnull=False) & ~models.Q(reason="")),
                name="girls_seal_by_governor_says_why",
                violation_error_message=_("The governor's seal names her and says why."),
            ),
        ]
        triggers = [
            pgtrigger.Protect(
                name="girls_seal_unchanged", operation=pgtrigger.Update | pgtrigger.Delete
            )
        ]

    def __str__(self) -> str:
        return f"Sealed record {self.uuid}"  # never her name


class LegalBasis(models.TextChoices):
    COURT_ORDER = "court_order", _("An order of a court")
    HER_REQUEST = "her_request", _("Her own request")
    LAW = "law", _("Another provision of law")


@pghistory.track(append_only=True)
class Opening(Opened):
    """A sealed record opened to one governor, on a recorded legal basis, until a time
    (GIRL_RECORDS_OPEN_DAYS): each read of it is audited as a confidential read."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sealed = models.ForeignKey(
        SealedRecord, on_delete=models.PROTECT, related_name="openings", verbose_name=_("record")
    )
    basis = models.CharField(_("legal basis"), max_length=16, choices=LegalBasis)
    reference = models.CharField(_("reference"), max_length=200)
    reason = models.TextField(_("why it is opened"), max_length=2000)

    class Meta:
        verbose_name = _("sealed record opened")
        ordering = ["-opened_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(reference="") & ~models.Q(reason=""),
                name="girls_opening_has_basis",
                violation_error_message=_("Give the reference of its legal basis and why."),
            ),
            ends_after_it_opens("girls_opening_ends_after_it_opens"),
        ]
        triggers = [
            pgtrigger.Protect(
                name="girls_opening_unchanged", operation=pgtrigger.Update | pgtrigger.Delete
            )
        ]

    def __str__(self) -> str:
        return f"Opening {self.uuid}"


@pghistory.track(append_only=True)
class MatchDecision(models.Model):
    """The governor's decision on whether a woman admitted is the person of a sealed record
    (reception is never told that one may match): linked or not, with her reason. A link
    opens nothing: the sealed record stays sealed."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sealed = models.ForeignKey(
        SealedRecord, on_delete=models.PROTECT, related_name="matches", verbose_name=_("record")
    )
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="+", verbose_name=_("woman")
    )
    same_person = models.BooleanField(_("the same person"))
    reason = models.TextField(_("why"), max_length=2000)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("sealed record matched")
        ordering = ["-decided_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["sealed", "prisoner"], name="girls_match_decided_once"),
            models.CheckConstraint(condition=~models.Q(reason=""), name="girls_match_says_why"),
        ]
        triggers = [
            pgtrigger.Protect(
                name="girls_match_unchanged", operation=pgtrigger.Update | pgtrigger.Delete
            )
        ]

    def __str__(self) -> str:
        return f"Match decision {self.uuid}"
