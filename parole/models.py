"""Her way out before her release, and protection that is hers to ask for (Bangkok Rules 45,
59, 63, 64).

- `LeaveRequest`: home leave or temporary release (Rule 45): asked by her or by staff for
  her, with its reason (her children, a sick relative, a funeral...), the governor's decision
  with its reasons, and whether she came back on time. A refusal names its ground from a
  closed list; her conduct is never a ground (Rule 23: no sanction takes away family
  contact), and the database keeps it so.
- `EligibilityReview`: her eligibility for leave, reviewed at set points (Rule 45: "to the
  maximum possible extent").
- `ParoleReview`: the file for her early conditional release (Rule 63), never submitted
  without its caretaking and reintegration sections.
- `NonCustodialReview`: the social worker's review of non-custodial options that a pregnancy
  or a new dependent child prompts (Rule 64). It records no clinical fact.
- `ProtectiveCustody`: custody to protect her, only at her express request in her words,
  under a named supervising authority, reviewed at set times, ended at once when she
  withdraws it (Rule 59). It has no regime of its own: it restricts nothing and is never a
  sanction.
"""

import uuid

import pghistory
import pgtrigger
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bangkok import late
from bangkok.versions import Versioned


def _no_delete(name: str) -> list:
    return [pgtrigger.Protect(name=name, operation=pgtrigger.Delete)]


def _person(**kwargs):
    return models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", **kwargs
    )


class LeaveKind(models.TextChoices):
    HOME_LEAVE = "home_leave", _("Home leave (overnight or longer)")
    TEMPORARY_RELEASE = "temporary_release", _("Temporary release for the day")


class LeaveReason(models.TextChoices):
    """Why she asks; her children, a sick relative and a funeral are named (Rule 45)."""

    CHILDREN = "children", _("Time with her children")
    SICK_RELATIVE = "sick_relative", _("A relative who is seriously ill")
    FUNERAL = "funeral", _("A funeral")
    FAMILY = "family", _("Family contact")
    RESETTLEMENT = "resettlement", _("Preparing for release: housing, work or services")
    OTHER = "other", _("Another reason")


class LeaveStatus(models.TextChoices):
    REQUESTED = "requested", _("Awaiting the governor's decision")
    GRANTED = "granted", _("Granted")
    REFUSED = "refused", _("Refused")


class RefusalGround(models.TextChoices):
    """What a refusal may rest on. `DISCIPLINE` is kept so that the API can say it and be
    refused: her conduct or a sanction is never a ground (Rule 23), and the database holds
    no refusal on it."""

    RISK_TO_OTHERS = "risk_to_others", _("A risk to others, assessed and recorded")
    NOT_RETURNING = "not_returning", _("A risk she would not return, assessed and recorded")
    NOT_ELIGIBLE = "not_eligible", _("Not yet eligible in law")
    NOT_VERIFIED = "not_verified", _("Her address or arrangements could not be verified")
    OTHER = "other", _("Another reason, stated")
    DISCIPLINE = "discipline", _("Her conduct or a disciplinary matter")


ALLOWED_GROUNDS = [g for g in RefusalGround.values if g != RefusalGround.DISCIPLINE]


class LeaveOutcome(models.TextChoices):
    ON_TIME = "on_time", _("Returned on time")
    LATE = "late", _("Returned late")
    NOT_RETURNED = "not_returned", _("Did not return")


@pghistory.track()
class LeaveRequest(Versioned):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="leave_requests"
    )
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind of leave"), max_length=20, choices=LeaveKind)
    reason = models.CharField(_("reason"), max_length=20, choices=LeaveReason)
    details = models.TextField(_("details"), max_length=3000)
    destination = models.CharField(_("where she will be"), max_length=300)
    starts_at = models.DateTimeField(_("leaves"))
    returns_by = models.DateTimeField(_("returns by"))
    her_request = models.BooleanField(
        _("she asked herself"),
        default=True,
        help_text=_("No: staff asked for her (a social worker, for her children)."),
    )
    requested_by = _person(verbose_name=_("recorded by"))
    requested_at = models.DateTimeField(_("asked"), default=timezone.now, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=LeaveStatus, default=LeaveStatus.REQUESTED
    )
    decided_by = _person(null=True, blank=True, verbose_name=_("decided by"))
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    refusal_ground = models.CharField(
        _("ground for refusal"), max_length=20, choices=RefusalGround, blank=True
    )
    decision_reasons = models.TextField(_("reasons for the decision"), blank=True, max_length=3000)
    conditions = models.TextField(_("conditions of leave"), blank=True, max_length=3000)
    # A refusal a review after her report found retaliatory (Rules 7.3, 25.1) is set aside:
    # the request waits for a new decision, and the refusal stays in its history.
    set_aside_at = models.DateTimeField(_("refusal set aside"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=15, choices=LeaveOutcome, blank=True)
    returned_at = models.DateTimeField(_("returned"), null=True, blank=True)
    outcome_note = models.TextField(_("note on her return"), blank=True, max_length=3000)
    # A return dated hours before it is recorded says why (it decides on time or late).
    return_late_reason = late.model_field()
    outcome_by = _person(null=True, blank=True)
    outcome_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("leave request")
        ordering = ["-starts_at", "-id"]
        permissions = [("decide_leave", "Can decide home leave and temporary release")]
        indexes = [models.Index(fields=["facility", "requested_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(returns_by__gt=models.F("starts_at")),
                name="leave_returns_after_it_starts",
            ),
            models.CheckConstraint(
                condition=Q(status=LeaveStatus.REQUESTED, decided_by__isnull=True)
                | Q(
                    status=LeaveStatus.GRANTED,
                    decided_by__isnull=False,
                    decided_at__isnull=False,
                    refusal_ground="",
                )
                | (
                    Q(status=LeaveStatus.REFUSED, decided_by__isnull=False)
                    & Q(decided_at__isnull=False, refusal_ground__in=ALLOWED_GROUNDS)
                    & ~Q(decision_reasons="")
                ),
                name="leave_decided_with_reasons_never_on_discipline",
            ),
            models.CheckConstraint(
                condition=Q(outcome="", returned_at__isnull=True)
                | Q(status=LeaveStatus.GRANTED, outcome=LeaveOutcome.NOT_RETURNED)
                | Q(
                    status=LeaveStatus.GRANTED,
                    outcome__in=[LeaveOutcome.ON_TIME, LeaveOutcome.LATE],
                    returned_at__isnull=False,
                ),
                name="leave_outcome_only_of_granted_leave",
            ),
        ]
        triggers = _no_delete("leave_no_delete")

    def __str__(self) -> str:
        return f"Leave request {self.uuid}"

    @property
    def is_open(self) -> bool:
        return self.status == LeaveStatus.REQUESTED


@pghistory.track()
class EligibilityReview(models.Model):
    """Her eligibility for home leave and temporary release, reviewed at set points."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="leave_eligibility"
    )
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    eligible = models.BooleanField(_("eligible for leave"))
    reasons = models.TextField(_("reasons"), max_length=3000)
    next_review_on = models.DateField(_("next review"))
    reviewed_by = _person()
    reviewed_at = models.DateTimeField(_("reviewed"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("leave eligibility review")
        ordering = ["-reviewed_at", "-id"]
        triggers = _no_delete("eligibility_no_delete")

    def __str__(self) -> str:
        return f"Leave eligibility review {self.uuid}"


class Recommendation(models.TextChoices):
    RELEASE = "release", _("Release on parole")
    RELEASE_WITH_CONDITIONS = "release_with_conditions", _("Release on parole, with conditions")
    DEFER = "defer", _("Not yet: review again later")


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", _("Being prepared")
    SUBMITTED = "submitted", _("Submitted to the parole board")


@pghistory.track()
class ParoleReview(Versioned):
    """The file for her early conditional release (Rule 63). The caretaking section may name
    her children: it is read by the roles that keep children's identities (Rule 3.2)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="parole_reviews"
    )
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    eligibility_date = models.DateField(_("eligible for parole on"))
    caretaking = models.TextField(
        _("her caretaking responsibilities"),
        blank=True,
        max_length=5000,
        help_text=_("Who depends on her care, and how her release would serve them (Rule 63)."),
    )
    reintegration = models.TextField(
        _("her reintegration needs"),
        blank=True,
        max_length=5000,
        help_text=_("Housing, income, health, support: what she needs to settle (Rule 63)."),
    )
    recommendation = models.CharField(
        _("recommendation"), max_length=30, choices=Recommendation, blank=True
    )
    notes = models.TextField(_("notes"), blank=True, max_length=5000)
    status = models.CharField(max_length=10, choices=ReviewStatus, default=ReviewStatus.DRAFT)
    prepared_by = _person()
    prepared_at = models.DateTimeField(default=timezone.now, editable=False)
    submitted_by = _person(null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)

    class Meta:
        verbose_name = _("parole review")
        ordering = ["-eligibility_date", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status=ReviewStatus.DRAFT, submitted_at__isnull=True)
                | (
                    Q(status=ReviewStatus.SUBMITTED, submitted_at__isnull=False)
                    & ~Q(caretaking="")
                    & ~Q(reintegration="")
                    & ~Q(recommendation="")
                ),
                name="parole_review_submitted_with_both_sections",
            ),
        ]
        triggers = _no_delete("parole_review_no_delete")

    def __str__(self) -> str:
        return f"Parole review {self.uuid}"

    @property
    def is_draft(self) -> bool:
        return self.status == ReviewStatus.DRAFT

    @property
    def missing_sections(self) -> list[str]:
        return [
            str(label)
            for name, label in (
                ("caretaking", _("her caretaking responsibilities")),
                ("reintegration", _("her reintegration needs")),
            )
            if not getattr(self, name).strip()
        ]


class NonCustodialOutcome(models.TextChoices):
    PUT_FORWARD = "put_forward", _("A non-custodial option put to the court or the board")
    ALREADY_BEFORE = "already_before", _("Already before the court or the board")
    NOT_APPROPRIATE = "not_appropriate", _("Not appropriate now, for the reasons given")


@pghistory.track()
class NonCustodialReview(models.Model):
    """The review of non-custodial options a pregnancy or a new dependent child prompts
    (Rule 64). What prompted it is not recorded here: the task said only "review"."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="noncustodial_reviews"
    )
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    options = models.TextField(_("options considered"), max_length=5000)
    outcome = models.CharField(_("outcome"), max_length=20, choices=NonCustodialOutcome)
    reasons = models.TextField(_("reasons"), max_length=5000)
    care_of_children = models.TextField(
        _("provision for the care of her children"), blank=True, max_length=5000
    )
    reviewed_by = _person()
    reviewed_at = models.DateTimeField(_("reviewed"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("review of non-custodial options")
        ordering = ["-reviewed_at", "-id"]
        triggers = _no_delete("noncustodial_review_no_delete")

    def __str__(self) -> str:
        return f"Non-custodial review {self.uuid}"


class CustodyEnd(models.TextChoices):
    WITHDRAWN = "withdrawn", _("She withdrew her request")
    AUTHORITY = "authority", _("The supervising authority ended it")
    NO_LONGER_NEEDED = "no_longer_needed", _("Protection no longer needed, with her agreement")
    RELEASED = "released", _("She left custody")


@pghistory.track()
class ProtectiveCustody(Versioned):
    """Custody to protect her (Rule 59), only at her express request: her words and her
    signature (or mark), under a named supervising authority. Not a regime: it restricts
    nothing, is never a sanction, and ends at once by her word."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="protective_custody"
    )
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    at_her_request = models.BooleanField(_("at her express request"), default=True)
    her_words = models.TextField(
        _("her request, in her words"),
        max_length=3000,
        help_text=_("What she asked for and why, as she said it."),
    )
    she_signed = models.BooleanField(_("she signed or made her mark"), default=False)
    supervising_authority = models.CharField(
        _("supervising authority"),
        max_length=200,
        help_text=_("The court or other competent authority that supervises it (Rule 59)."),
    )
    authority_reference = models.CharField(_("its reference"), max_length=100, blank=True)
    shelter_considered = models.TextField(
        _("non-custodial protection considered"),
        max_length=3000,
        help_text=_("Shelters or community protection considered first (Rule 59)."),
    )
    recorded_by = _person()
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    ended_by = _person(null=True, blank=True)
    end_reason = models.CharField(_("why it ended"), max_length=20, choices=CustodyEnd, blank=True)
    end_words = models.TextField(_("her words, or the authority's"), blank=True, max_length=3000)

    class Meta:
        verbose_name = _("protective custody")
        verbose_name_plural = _("protective custody")
        ordering = ["-started_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(at_her_request=True, she_signed=True)
                & ~Q(her_words="")
                & ~Q(supervising_authority=""),
                name="protective_custody_only_at_her_request",
            ),
            models.CheckConstraint(
                condition=Q(ended_at__isnull=True, end_reason="")
                | Q(ended_at__gte=models.F("started_at"), ended_by__isnull=False)
                & ~Q(end_reason=""),
                name="protective_custody_end_has_a_reason",
            ),
            models.UniqueConstraint(
                fields=["prisoner"],
                condition=Q(ended_at__isnull=True),
                name="one_protective_custody_at_a_time",
            ),
        ]
        triggers = _no_delete("protective_custody_no_delete")

    def __str__(self) -> str:
        return f"Protective custody {self.uuid}"

    @property
    def is_current(self) -> bool:
        return self.ended_at is None


@pghistory.track()
class CustodyReview(models.Model):
    """A review of her protective custody at its set time: the supervising authority's
    finding, and whether she still asks for it."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    custody = models.ForeignKey(ProtectiveCustody, on_delete=models.PROTECT, related_name="reviews")
    reviewed_by = _person()
    reviewed_at = models.DateTimeField(_("reviewed"), default=timezone.now, editable=False)
    authority_finding = models.TextField(_("the supervising authority's finding"), max_length=3000)
    she_still_asks = models.BooleanField(_("she still asks for it"))
    note = models.TextField(_("note"), blank=True, max_length=3000)

    class Meta:
        verbose_name = _("protective custody review")
        ordering = ["reviewed_at", "id"]
        triggers = _no_delete("custody_review_no_delete")

    def __str__(self) -> str:
        return f"Protective custody review {self.uuid}"


class TransferStatus(models.TextChoices):
    NOT_PURSUED = "not_pursued", _("Considered, not pursued")
    APPLIED = "applied", _("Awaiting the decision")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")
    WITHDRAWN = "withdrawn", _("She withdrew")


class TransferInitiative(models.TextChoices):
    HER_APPLICATION = "her_application", _("She applied")
    PROPOSED = "proposed", _("Proposed to her, with her informed consent")


class NotPursued(models.TextChoices):
    NO_AGREEMENT = "no_agreement", _("No transfer agreement with her country")
    SHE_DECLINES = "she_declines", _("She does not wish it")
    RESIDENT = "resident", _("She lives in this country")


@pghistory.track()
class HomeTransfer(Versioned):
    """Her transfer to her home country, considered as early as possible (Rule 53.1): where an
    agreement is in place, pursued only on her application or her informed consent (in her
    words, the day she gave it, and for a proposal who explained it and in which language),
    decided by the competent authority, and ended at once by her withdrawal."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="home_transfers"
    )
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    country = models.CharField(_("her home country"), max_length=2)
    status = models.CharField(_("status"), max_length=12, choices=TransferStatus)
    not_pursued = models.CharField(
        _("why it is not pursued"), max_length=16, choices=NotPursued, blank=True
    )
    agreement = models.CharField(
        _("transfer agreement"),
        max_length=300,
        blank=True,
        help_text=_("The bilateral or multilateral agreement it rests on (Rule 53.1)."),
    )
    initiative = models.CharField(
        _("how it started"), max_length=16, choices=TransferInitiative, blank=True
    )
    her_words = models.TextField(
        _("her application or consent, in her words"), max_length=3000, blank=True
    )
    consent_on = models.DateField(_("day she applied or consented"), null=True, blank=True)
    informed_by = models.CharField(
        _("who explained it to her"),
        max_length=200,
        blank=True,
        help_text=_("For a proposal: who explained the transfer and what it means for her."),
    )
    informed_language = models.CharField(_("in the language"), max_length=12, blank=True)
    children_there = models.BooleanField(
        _("she has children in her home country"),
        default=False,
        help_text=_("Rule 53.1: considered especially for her."),
    )
    note = models.TextField(_("note"), max_length=3000, blank=True)
    recorded_by = _person()
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now, editable=False)
    authority = models.CharField(_("deciding authority"), max_length=200, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    reasons = models.TextField(_("reasons"), max_length=3000, blank=True)
    decided_by = _person(null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawn_words = models.TextField(_("her words"), max_length=3000, blank=True)

    class Meta:
        verbose_name = _("transfer to her home country")
        ordering = ["-recorded_at", "-id"]
        permissions = [
            ("decide_home_transfer", "Records the decision on a transfer home (Rule 53.1)")
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="not_pursued", not_pursued__gt="")
                | (
                    ~Q(status="not_pursued")
                    & Q(not_pursued="", consent_on__isnull=False)
                    & ~Q(her_words="")
                    & ~Q(agreement="")
                    & ~Q(initiative="")
                ),
                name="home_transfer_only_on_her_application_or_consent",
            ),
            models.UniqueConstraint(
                fields=["prisoner"],
                condition=Q(status__in=["applied", "approved"]),
                name="one_home_transfer_pursued_at_a_time",
            ),
        ]
        triggers = _no_delete("home_transfer_no_delete")

    def __str__(self) -> str:
        return f"Home transfer {self.uuid}"

    @property
    def is_pursued(self) -> bool:
        return self.status in (TransferStatus.APPLIED, TransferStatus.APPROVED)
