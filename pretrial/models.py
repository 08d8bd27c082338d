"""Pretrial detention (Rules 56, 57, 58, 65; Mandela 111-120; RULES-SPEC 2.21, 2.17).

An untried woman's legal status is kept on her record (`prisoners.LegalStatus.PRETRIAL`) and a
court's decision that changes it on her episode (`admissions.CourtOutcome`). This area keeps:

- `Hearing`: her court dates: when, which court, what kind, in person or by video link, her
  escort arranged, and what happened, linked to the court's decision when the hearing changed
  her legal status; the non-custodial alternatives considered at it (Rules 57, 58), which a
  girl under 18 must have at every court date (Rule 65).
- `CaretakingNotice`: the information on her caretaking responsibilities (her children and
  dependants) a social worker sent to her lawyer or the court before a hearing, for bail or an
  alternative to custody (Rule 58): to whom, when and what in summary.
- `LegalAdviser`: her lawyer's name, firm and contact details. Her consultations are
  privileged (Mandela 61, 119, 120): nothing of what is said in them is recorded anywhere.
- `SafetyScreen`: the screen of the particular risk of abuse an untried woman faces
  (Rule 56): the risks identified and the measures taken.

Each is a fact kept with its history; none is ever deleted.
"""

import uuid

import pghistory
import pgtrigger
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bangkok.versions import Versioned


def _by():
    return models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")


def _kept(name: str) -> list:
    return [pgtrigger.Protect(name=name, operation=pgtrigger.Delete)]


class HearingKind(models.TextChoices):
    FIRST_APPEARANCE = "first_appearance", _("First appearance")
    BAIL = "bail", _("Bail hearing")
    REMAND = "remand", _("Remand review")
    PRE_TRIAL = "pre_trial", _("Pre-trial hearing")
    TRIAL = "trial", _("Trial")
    SENTENCING = "sentencing", _("Sentencing")
    APPEAL = "appeal", _("Appeal")
    OTHER = "other", _("Other hearing")


class Attendance(models.TextChoices):
    IN_PERSON = "in_person", _("In person at court")
    VIDEO = "video", _("By video link from the facility")


class HearingResult(models.TextChoices):
    REMANDED = "remanded", _("Remanded in custody")
    BAIL = "bail", _("Bail or a non-custodial measure granted")
    ADJOURNED = "adjourned", _("Adjourned")
    STATUS_CHANGED = "status_changed", _("The court changed her legal status")
    NOT_HELD = "not_held", _("Not held")


@pghistory.track()
class Hearing(Versioned):
    """One of her court dates. Entered by reception, custody or social workers; its escort
    arranged and its result recorded by reception, custody or the governor."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="hearings"
    )
    admission = models.ForeignKey(
        "admissions.Admission", on_delete=models.PROTECT, related_name="hearings"
    )
    at = models.DateTimeField(_("date and time"))
    court = models.CharField(_("court"), max_length=200)
    kind = models.CharField(_("kind of hearing"), max_length=20, choices=HearingKind)
    attendance = models.CharField(_("she attends"), max_length=12, choices=Attendance)
    reference = models.CharField(_("case reference"), max_length=100, blank=True)
    escort_arranged = models.BooleanField(_("escort and transport arranged"), default=False)
    escort = models.CharField(
        _("escort and transport"),
        max_length=300,
        blank=True,
        help_text=_("Who escorts her and how she travels, or the video room booked."),
    )
    entered_by = _by()
    entered_at = models.DateTimeField(default=timezone.now, editable=False)
    result = models.CharField(_("what happened"), max_length=16, choices=HearingResult, blank=True)
    result_note = models.TextField(_("what the court decided"), max_length=2000, blank=True)
    alternatives = models.TextField(
        _("non-custodial alternatives considered"),
        max_length=4000,
        blank=True,
        help_text=_(
            "Bail, a diversion, a community measure: what was put to the court and what it "
            "decided (Rules 57, 58; for a girl under 18, required at every court date, Rule 65)."
        ),
    )
    court_outcome = models.OneToOneField(
        "admissions.CourtOutcome",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hearing",
        verbose_name=_("the court's decision on her legal status"),
    )
    result_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    result_at = models.DateTimeField(null=True, editable=False)

    class Meta:
        verbose_name = _("court hearing")
        ordering = ["at", "id"]
        indexes = [
            models.Index(fields=["facility", "at"]),
            models.Index(fields=["prisoner", "at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(result="") | models.Q(result_at__isnull=False),
                name="pretrial_hearing_result_dated",
            ),
            models.CheckConstraint(
                condition=~models.Q(result="status_changed")
                | models.Q(court_outcome__isnull=False),
                name="pretrial_status_change_names_the_decision",
                violation_error_message=_("Name the court's decision that changed her status."),
            ),
        ]
        triggers = _kept("pretrial_hearing_kept")

    def __str__(self) -> str:
        return f"Hearing {self.uuid}"  # never her name: str() ends up in logs

    @property
    def held(self) -> bool:
        return bool(self.result)


class SentTo(models.TextChoices):
    LAWYER = "lawyer", _("Her lawyer")
    COURT = "court", _("The court")
    BOTH = "both", _("Her lawyer and the court")


@pghistory.track(append_only=True)
class CaretakingNotice(models.Model):
    """Her caretaking information sent before a hearing, for bail or an alternative to
    custody (Rule 58). The summary may name her children: only roles that read children's
    identities (Rule 3.2) read it; others learn to whom it was sent and when."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    hearing = models.ForeignKey(Hearing, on_delete=models.PROTECT, related_name="notices")
    sent_to = models.CharField(_("sent to"), max_length=8, choices=SentTo)
    recipient = models.CharField(
        _("name of the recipient"),
        max_length=200,
        help_text=_("Her lawyer, or the court's office."),
    )
    sent_at = models.DateTimeField(_("sent on"))
    summary = models.TextField(
        _("what was shared, in summary"),
        max_length=4000,
        help_text=_(
            "Her children and dependants, who cares for them now, what custody means for them."
        ),
    )
    recorded_by = _by()
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("caretaking information sent")
        ordering = ["-sent_at", "-id"]
        triggers = [
            pgtrigger.Protect(
                name="pretrial_notice_unchanged", operation=pgtrigger.Update | pgtrigger.Delete
            )
        ]

    def __str__(self) -> str:
        return f"Caretaking notice {self.uuid}"


@pghistory.track()
class LegalAdviser(Versioned):
    """Her lawyer. The name and firm are read by every role that reads her court dates; the
    contact details only by those who arrange her legal visits, calls and hearings (reception,
    custody, social workers, the governor). What she says to her lawyer is privileged
    (Mandela 61, 120): it is never recorded."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="legal_advisers"
    )
    name = models.CharField(_("lawyer's name"), max_length=200)
    firm = models.CharField(_("firm or legal aid office"), max_length=200, blank=True)
    phone = models.CharField(_("telephone"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    acting = models.BooleanField(_("acts for her now"), default=True)
    recorded_by = _by()
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("legal adviser")
        permissions = [("read_adviser_contact", "Read her lawyer's contact details")]
        ordering = ["-acting", "name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(phone="", email="", address=""),
                name="pretrial_adviser_reachable",
                violation_error_message=_("Give a telephone, an email or an address."),
            )
        ]
        triggers = _kept("pretrial_adviser_kept")

    def __str__(self) -> str:
        return f"Legal adviser {self.uuid}"


@pghistory.track(append_only=True)
class SafetyScreen(models.Model):
    """The screen of the particular risk of abuse she faces in pretrial detention (Rule 56):
    the risks identified and the measures taken. Read whole by social workers, safeguarding
    staff and the governor; others learn that it was done and when."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="pretrial_screens"
    )
    screened_at = models.DateTimeField(_("screened on"))
    risks_found = models.BooleanField(_("risks identified"))
    risks = models.TextField(_("the risks identified"), max_length=4000, blank=True)
    measures = models.TextField(_("the measures taken"), max_length=4000, blank=True)
    recorded_by = _by()
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("pretrial safety screen")
        permissions = [("read_safetyscreen", "Read what her pretrial-safety screen found")]
        ordering = ["-screened_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(risks_found=False)
                | (~models.Q(risks="") & ~models.Q(measures="")),
                name="pretrial_risks_have_measures",
                violation_error_message=_("Say what the risks are and the measures taken."),
            )
        ]
        triggers = [
            pgtrigger.Protect(
                name="pretrial_screen_unchanged", operation=pgtrigger.Update | pgtrigger.Delete
            )
        ]

    def __str__(self) -> str:
        return f"Pretrial safety screen {self.uuid}"
