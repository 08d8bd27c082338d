"""Clinical encounters with her choice of a woman clinician (Rules 10-11), and mental-health
care with suicide and self-harm prevention (Rules 12, 13, 16).

All of it is the clinical file (T3): health staff of her facility read and write it. Custody
staff see only the derived flags (`woman_clinician_requested`, `observation_level`), never the
reason for them.
"""

import uuid

import pghistory
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bangkok.versions import Versioned
from prisoners.models import ObservationLevel
from staff.models import Gender


@pghistory.track()
class WomanClinicianRequest(models.Model):
    """She asked to be examined or treated by a woman physician or nurse (Rule 10.2). In
    force until she withdraws it; while in force, the `woman_clinician_requested` flag is on."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="woman_clinician_requests"
    )
    requested_at = models.DateTimeField(_("asked"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("request for a woman clinician")
        ordering = ["-requested_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["prisoner"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="one_woman_clinician_request_in_force",
            )
        ]

    def __str__(self) -> str:
        return f"Woman clinician request {self.uuid}"


class EncounterKind(models.TextChoices):
    GENERAL = "general", _("General")
    MENTAL_HEALTH = "mental_health", _("Mental health")
    SUBSTANCE_USE = "substance_use", _("Substance use")
    HIV_CARE = "hiv_care", _("HIV care")
    HEALTH_EDUCATION = "health_education", _("Health education")
    GYNAECOLOGY = "gynaecology", _("Gynaecology")  # a girl's regular access (Rule 38)
    OTHER = "other", _("Other")


class PresenceReason(models.TextChoices):
    """Why non-medical staff were present at an examination: the only three Rule 11.1 allows."""

    DOCTOR_EXCEPTIONAL = "doctor_exceptional", _("The doctor judged the circumstances exceptional")
    DOCTOR_SECURITY = "doctor_security", _("The doctor asked for staff for security reasons")
    HER_REQUEST = "her_request", _("She asked for a member of staff to be present")


@pghistory.track()
class Encounter(models.Model):
    """A clinical encounter. The clinician's gender is taken when it is recorded; so is
    whether she had asked for a woman clinician (Rule 10.2)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="encounters"
    )
    at = models.DateTimeField(_("date and hour"), default=timezone.now)
    kind = models.CharField(_("kind"), max_length=20, choices=EncounterKind)
    clinician = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    clinician_gender = models.CharField(_("clinician's gender"), max_length=16, choices=Gender)
    urgent = models.BooleanField(_("urgent medical intervention"), default=False)
    notes = models.TextField(_("notes"), blank=True, max_length=5000)
    woman_clinician_requested = models.BooleanField(
        _("she had asked for a woman clinician"), default=False
    )
    woman_unavailable_reason = models.CharField(
        _("why no woman clinician was available"), max_length=300, blank=True
    )
    woman_present = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("woman staff member present"),
    )
    non_medical_reason = models.CharField(
        _("why non-medical staff were present"), max_length=20, choices=PresenceReason, blank=True
    )
    man_present_warning = models.BooleanField(
        _("warned that non-medical staff present should be women"), default=False
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("clinical encounter")
        ordering = ["-at", "-id"]
        constraints = [
            # Rule 10.2: a man examined her against her wish only when urgent, or when no woman
            # was available, said why, and with a woman staff member present.
            models.CheckConstraint(
                condition=models.Q(woman_clinician_requested=False)
                | models.Q(clinician_gender="woman")
                | models.Q(urgent=True)
                | (~models.Q(woman_unavailable_reason="") & models.Q(woman_present__isnull=False)),
                name="encounter_woman_clinician_or_reason_and_woman_present",
            )
        ]

    def __str__(self) -> str:
        return f"Encounter {self.uuid}"


@pghistory.track()
class EncounterPresence(models.Model):
    """A non-medical member of staff present at the encounter (Rule 11), with her gender as
    it was then."""

    encounter = models.ForeignKey(Encounter, on_delete=models.PROTECT, related_name="presences")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    gender = models.CharField(_("gender"), max_length=16, choices=Gender)
    role = models.CharField(_("role"), max_length=32, blank=True)

    class Meta:
        verbose_name = _("non-medical staff present")
        ordering = ["encounter", "id"]
        constraints = [
            models.UniqueConstraint(fields=["encounter", "person"], name="present_once_each")
        ]

    def __str__(self) -> str:
        return f"{self.person_id} at {self.encounter_id}"


class RiskLevel(models.TextChoices):
    NONE = "none", _("None")
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


@pghistory.track()
class MentalHealthAssessment(models.Model):
    """A mental-health and suicide/self-harm risk assessment, with her care plan (Rules 12, 16)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="mental_health_assessments"
    )
    assessed_at = models.DateTimeField(_("assessed"), default=timezone.now)
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    tool = models.CharField(_("tool used"), max_length=100)
    risk_level = models.CharField(
        _("risk of suicide or self-harm"), max_length=8, choices=RiskLevel
    )
    care_plan = models.TextField(_("care plan"), blank=True, max_length=5000)

    class Meta:
        verbose_name = _("mental-health assessment")
        ordering = ["-assessed_at", "-id"]

    def __str__(self) -> str:
        return f"Mental-health assessment {self.uuid}"


@pghistory.track()
class ObservationDecision(models.Model):
    """The observation level health staff set, on an assessment or on its own; the latest one
    is her `observation_level` flag. Deciding again at the same level is a review (Rule 16)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="observation_decisions"
    )
    level = models.CharField(_("observation level"), max_length=12, choices=ObservationLevel)
    decided_at = models.DateTimeField(_("decided"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    assessment = models.OneToOneField(
        MentalHealthAssessment,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="observation_decision",
    )
    reason = models.CharField(_("reason"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("observation decision")
        ordering = ["-decided_at", "-id"]

    def __str__(self) -> str:
        return f"Observation {self.level} {self.uuid}"


@pghistory.track()
class SegregationClearance(models.Model):
    """A clinician's decision that segregation is safe for her while she is under observation
    (Rule 16; Mandela 45.2). Observation keeps her under "No segregation" without one; it
    lapses when her observation level changes, and a lapsed one stays on record."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="segregation_clearances"
    )
    observation = models.ForeignKey(
        ObservationDecision, on_delete=models.PROTECT, related_name="segregation_clearances"
    )
    level = models.CharField(_("observation level"), max_length=12, choices=ObservationLevel)
    reason = models.TextField(_("why segregation is safe for her"), max_length=2000)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), default=timezone.now)
    lapsed_at = models.DateTimeField(_("lapsed"), null=True, blank=True)

    class Meta:
        verbose_name = _("clinical clearance for segregation")
        ordering = ["-decided_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(reason="") & ~models.Q(level="none"),
                name="segregation_clearance_has_reason_and_observation",
            )
        ]

    def __str__(self) -> str:
        return f"Segregation clearance {self.uuid}"


class DistressKind(models.TextChoices):
    """Times when women may feel particular distress (Rule 13)."""

    COURT = "court", _("Court hearing or sentence")
    CHILD_SEPARATION = "child_separation", _("Separation from a child")
    BAD_NEWS = "bad_news", _("Bad news")
    ANNIVERSARY = "anniversary", _("Anniversary")
    TRANSFER = "transfer", _("Transfer")
    OTHER = "other", _("Other")


@pghistory.track()
class DistressEvent(models.Model):
    """A time of particular distress (Rule 13): she is seen again within
    DISTRESS_RECHECK_HOURS; the next assessment closes the re-check."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="distress_events"
    )
    kind = models.CharField(_("what"), max_length=20, choices=DistressKind)
    occurred_at = models.DateTimeField(_("when"), default=timezone.now)
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    rechecked_by_assessment = models.ForeignKey(
        MentalHealthAssessment,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="distress_events",
    )

    class Meta:
        verbose_name = _("time of distress")
        ordering = ["-occurred_at", "-id"]

    def __str__(self) -> str:
        return f"Distress event {self.uuid}"


class RestraintLimit(models.TextChoices):
    NO_RESTRAINTS = "no_restraints", _("No restraints, for any purpose")
    HEALTH_APPROVAL = "health_approval", _("Restraints only by a method health staff approve")


class RestraintLimitReason(models.TextChoices):
    """Why health staff limit restraints: never shown outside the clinical file. The flags it
    sets are the same as those a pregnancy, labour or a birth sets (Rule 24), so a flag never
    tells which it was."""

    INJURY = "injury", _("An injury")
    DISABILITY = "disability", _("A disability")
    MENTAL_HEALTH = "mental_health", _("A mental-health reason")
    MEDICAL_CONDITION = "medical_condition", _("A medical condition")


@pghistory.track()
class RestraintRestriction(Versioned):
    """A clinical restriction on restraints health staff record for her (Rule 24; Mandela
    47-49: restraints only as far as her health allows). While in force it sets the "No
    restraints" or the "restraints only as health approves" flag, as a pregnancy, labour or a
    birth does; the reason stays here (T3)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="restraint_restrictions"
    )
    limit = models.CharField(_("restriction"), max_length=16, choices=RestraintLimit)
    reason = models.CharField(_("clinical reason"), max_length=20, choices=RestraintLimitReason)
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("clinical restriction on restraints")
        ordering = ["-recorded_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(limit__in=["no_restraints", "health_approval"]),
                name="restraint_restriction_limit_known",
            ),
        ]

    def __str__(self) -> str:
        return f"Restraint restriction {self.uuid}"

    @property
    def in_force(self) -> bool:
        return self.ended_at is None
