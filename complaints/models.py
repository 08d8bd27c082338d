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
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bangkok import texts
from bangkok.versions import Versioned


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
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
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


class Kind(models.TextChoices):
    COMPLAINT = "complaint", _("Complaint")
    ABUSE_REPORT = "abuse_report", _("Report of abuse")


class Channel(models.TextChoices):
    IN_PERSON = "in_person", _("To a member of staff")
    CONFIDENTIAL_BOX = "confidential_box", _("Confidential complaints box")
    LETTER = "letter", _("Letter")
    INSPECTOR = "inspector", _("Through an inspector or monitoring body")
    LAWYER = "lawyer", _("Through her lawyer")
    FAMILY = "family", _("Through her family")


class Subject(models.TextChoices):
    TREATMENT_BY_STAFF = "treatment_by_staff", _("Treatment by staff")
    OTHER_PRISONERS = "other_prisoners", _("Other prisoners")
    CONDITIONS = "conditions", _("Living conditions")
    HEALTH_CARE = "health_care", _("Health care")
    CONTACT = "contact", _("Visits and family contact")
    DISCIPLINE = "discipline", _("Discipline or searches")
    PROPERTY = "property", _("Property")
    OTHER = "other", _("Something else")


class Perpetrator(models.TextChoices):
    STAFF = "staff", _("A member of staff")
    PRISONER = "prisoner", _("Another prisoner")
    OTHER = "other", _("Someone else")
    UNKNOWN = "unknown", _("Not known")


class Timing(models.TextChoices):
    BEFORE = "before", _("Before her detention")
    DURING = "during", _("During her detention")


class ComplaintStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


class ComplaintQuerySet(models.QuerySet):
    def not_naming(self, user):
        """Complaints that don't name `user`: a member of staff named in a complaint never
        sees it nor learns it exists (Rule 25; Mandela 57.2, 71.3)."""
        return self.exclude(named_staff=user)

    def naming(self, user):
        """What `not_naming` leaves out: the complaints naming `user`."""
        return self.filter(named_staff=user)


@pghistory.track(exclude=["narrative"])
class Complaint(Versioned):
    """A complaint or a report of abuse, lodged by her or for her (Rules 7, 25).

    Its account (`narrative`) and the staff it names are restricted (T4): safeguarding staff
    and inspectors read them, every read audited; the governor sees that it exists and its
    status; a member of staff it names sees nothing of it, anywhere.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="complaints"
    )
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind)
    lodged_by_her = models.BooleanField(_("lodged by her"), default=True)
    lodged_for_her_by = models.CharField(
        _("lodged for her by"),
        max_length=200,
        blank=True,
        help_text=_("Who lodged it for her, if she didn't herself (a relative, her lawyer)."),
    )
    channel = models.CharField(_("how it came"), max_length=20, choices=Channel)
    subject = models.CharField(_("what it is about"), max_length=24, choices=Subject)
    narrative = models.TextField(_("her account"), max_length=10000)
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    named_staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="+",
        verbose_name=_("staff it names"),
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dealt with by"),
    )
    acknowledge_by = models.DateTimeField(_("to acknowledge by"))
    reply_by = models.DateTimeField(_("to answer by"))
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    reply = models.TextField(_("answer"), blank=True, max_length=5000)
    replied_at = models.DateTimeField(_("answered"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=ComplaintStatus, default=ComplaintStatus.RECEIVED
    )
    safeguarding_record = models.OneToOneField(
        SafeguardingRecord, on_delete=models.PROTECT, related_name="complaint"
    )
    # A report of abuse (Rules 7, 25)
    timing = models.CharField(_("when it happened"), max_length=8, choices=Timing, blank=True)
    perpetrator = models.CharField(
        _("alleged perpetrator"), max_length=10, choices=Perpetrator, blank=True
    )
    sexual = models.BooleanField(_("sexual abuse"), default=False)
    wishes_legal_action = models.BooleanField(_("she wishes to take legal action"), default=False)
    referred_at = models.DateTimeField(
        _("referred to an independent authority"), null=True, blank=True
    )
    referred_to = models.CharField(_("authority referred to"), max_length=200, blank=True)
    psychological_support_offered_at = models.DateTimeField(
        _("psychological support offered"), null=True, blank=True
    )

    objects = ComplaintQuerySet.as_manager()

    class Meta:
        verbose_name = _("complaint or report of abuse")
        ordering = ["-received_at", "-id"]
        # The newest first, across facilities: oversight's first cases of a period (13 ms to
        # 1 ms for a year of 120 facilities, sorting the matches after reading each woman).
        indexes = [models.Index(fields=["received_at", "id"], name="complaint_received")]
        permissions = [("view_complaint_status", "Can see that a complaint exists and its status")]
        triggers = [pgtrigger.Protect(name="complaint_no_delete", operation=pgtrigger.Delete)]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="complaint")
                | (~models.Q(timing="") & ~models.Q(perpetrator="")),
                name="abuse_report_says_when_and_who",
                violation_error_message=_("A report of abuse says when it happened and by whom."),
            ),
            models.CheckConstraint(
                condition=models.Q(lodged_by_her=True) | ~models.Q(lodged_for_her_by=""),
                name="complaint_lodged_for_her_names_who",
                violation_error_message=_("Say who lodged it for her."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.uuid}"

    @property
    def is_abuse_report(self) -> bool:
        return self.kind == Kind.ABUSE_REPORT

    @property
    def is_overdue(self) -> bool:
        now = timezone.now()
        if self.status == ComplaintStatus.RECEIVED and self.acknowledge_by < now:
            return True
        return self.status in (ComplaintStatus.RECEIVED, ComplaintStatus.ACKNOWLEDGED) and (
            self.reply_by < now
        )


class Measure(models.TextChoices):
    PERPETRATOR_MOVED = "perpetrator_moved", _("The alleged perpetrator is moved or reassigned")
    NO_CONTACT = "no_contact", _("No contact between them")
    SUPERVISION = "supervision", _("Closer supervision where she is")
    SHE_IS_MOVED = "she_is_moved", _("She is moved (her wish or no other way)")
    OTHER = "other", _("Another measure")


@pghistory.track()
class ProtectionPlan(models.Model):
    """Her immediate protection after a report of abuse, the same day (Rule 25.1): the
    alleged perpetrator is moved, not her, unless she wishes it or there is no other way."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    complaint = models.OneToOneField(
        Complaint, on_delete=models.PROTECT, related_name="protection_plan"
    )
    measures = ArrayField(
        models.CharField(max_length=20, choices=Measure), verbose_name=_("measures")
    )
    moving_her_reason = models.TextField(_("why she is the one moved"), blank=True, max_length=5000)
    support_offered = models.BooleanField(_("support and counselling offered"), default=False)
    made_at = models.DateTimeField(_("made"), default=timezone.now)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("protection plan")
        triggers = [pgtrigger.Protect(name="protection_plan_no_delete", operation=pgtrigger.Delete)]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(measures__contains=["she_is_moved"])
                | ~models.Q(moving_her_reason=""),
                name="plan_moving_her_has_a_reason",
                violation_error_message=_("Say why she, not the alleged perpetrator, is moved."),
            ),
        ]

    def __str__(self) -> str:
        return f"Protection plan {self.uuid}"

    @property
    def measure_labels(self) -> list[str]:
        return [str(Measure(code).label) for code in self.measures]


class AdverseKind(models.TextChoices):
    """Every act that can harm her while she is protected after a report (Rules 7.3, 25.1).
    Each area registers how it holds its kinds (an `AdverseAction` in its `hooks.py`);
    a test holds that every kind here is registered and held by its service."""

    CHARGE = "charge", _("A disciplinary charge")
    SANCTION = "sanction", _("A sanction")
    SEGREGATION = "segregation", _("Segregation")
    SEGREGATION_EXTENSION = "segregation_extension", _("An extension of her segregation")
    TRANSFER = "transfer", _("A transfer")
    CONTACT_RESTRICTION = "contact_restriction", _("A restriction of her contact")
    LOSS_OF_WORK = "loss_of_work", _("Loss of her work or activities")
    ACTIVITY_REMOVAL = "activity_removal", _("Removal from her work or an activity by staff")
    STRIP_SEARCH = "strip", _("A strip search")
    BODY_CAVITY_SEARCH = "body_cavity", _("A body cavity search")
    RESTRAINT = "restraint", _("A planned restraint")
    VISIT_CANCELLATION = "visit_cancellation", _("A visit cancelled by the prison")
    VISITOR_WITHDRAWAL = "visitor_withdrawal", _("A visitor withdrawn by the prison")
    LEAVE_REFUSAL = "leave_refusal", _("Home leave or temporary release refused")


class HeldStatus(models.TextChoices):
    HELD = "held", _("Held for review")
    RELEASED = "released", _("Reviewed: it goes ahead")
    STOPPED = "stopped", _("Reviewed: it does not go ahead")
    LAPSED = "lapsed", _("Ended before review: nothing left to review")


@pghistory.track()
class HeldAction(Versioned):
    """An adverse action against a woman protected after her report, held until safeguarding
    and the governor have both reviewed it (Rules 7.3, 25.1). Inspectors see every one."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="held_actions"
    )
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("action"), max_length=24, choices=AdverseKind)
    summary = models.CharField(
        _("what was asked"),
        max_length=300,
        help_text=_("In English, for logs and searches; each reader reads it in her language."),
    )
    # What was asked, as a message id and its parameters (`bangkok.texts`), written in each
    # reader's language; empty for a summary kept only as written.
    summary_key = models.CharField(max_length=300, blank=True, default="", editable=False)
    summary_params = models.JSONField(default=dict, blank=True, editable=False)
    params = models.JSONField(default=dict, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(_("asked"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=10, choices=HeldStatus, default=HeldStatus.HELD
    )
    safeguarding_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    safeguarding_at = models.DateTimeField(null=True, blank=True)
    safeguarding_finds_retaliation = models.BooleanField(null=True, blank=True)
    governor_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    governor_at = models.DateTimeField(null=True, blank=True)
    governor_finds_retaliation = models.BooleanField(null=True, blank=True)
    review_note = models.TextField(_("review notes"), blank=True, max_length=5000)
    decided_at = models.DateTimeField(null=True, blank=True)
    # The area's own record when the action is recorded at once in its ordinary waiting state
    # (a charge laid, awaiting its hearing) and only its next step waits for the reviews: the
    # member of staff who asked sees the record as it would be for any woman.
    record_model = models.CharField(max_length=60, blank=True, default="", editable=False)
    record_uuid = models.UUIDField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("action held for review")
        ordering = ["-requested_at", "-id"]
        permissions = [("review_held_action", "Can review an action held after a report")]
        triggers = [pgtrigger.Protect(name="held_action_no_delete", operation=pgtrigger.Delete)]
        indexes = [models.Index(fields=["record_uuid"], name="held_action_record")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} held ({self.get_status_display()})"

    @property
    def asked(self) -> str:
        """What was asked, in the reader's language."""
        return texts.written(self.summary_key, self.summary_params, self.summary)

    @property
    def is_held(self) -> bool:
        return self.status == HeldStatus.HELD
