"""Self-harm and suicide risk case management (Bangkok Rules 12, 13, 16, 35, paraphrase).

Any member of staff who is concerned about her opens a `Case`: what was seen or heard, what
prompted it (a time of distress, Rule 13, among others) and what was done at once. One case is
open for her at a time (a constraint). A member of staff trained in mental health, suicide and
self-harm (Rule 35) assesses her within a set time (`Assessment`), with her own account where
she takes part, and writes the care plan (`PlanAction`s: what, which team, how often). The case
is reviewed by several teams (`Review`, Rule 16: in consultation with mental-health and social
services) at most a set number of days apart by her risk, and closed only at a review where the
risk is low and she took part (or why not is recorded). A `ClosureCheck` follows the closure.

A `SelfHarmIncident` is the fact custody record (when, where, what was done at once); its
clinical part (`IncidentClinical`: method, injuries, treatment) is health staff's alone
(Rule 8). No row here is ever deleted.
"""

import uuid

import pghistory
import pgtrigger
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bangkok import late
from bangkok.versions import Versioned


class Prompt(models.TextChoices):
    SAID = "said", _("She said she would harm herself")
    FOUND = "found", _("Self-harm found")
    DISTRESS = "distress", _("A time of distress (Rule 13)")
    TOLD = "told", _("Told by her family or another woman")
    INCIDENT = "incident", _("A self-harm incident recorded")
    AGAIN = "again", _("A concern again after a case was closed")
    OTHER = "other", _("Other")


class Risk(models.TextChoices):
    LOW = "low", _("Low")
    RAISED = "raised", _("Raised")
    HIGH = "high", _("High")


class Team(models.TextChoices):
    CUSTODY = "custody", _("Custody")
    HEALTH = "health", _("Health")
    SOCIAL = "social", _("Social work")
    CHAPLAINCY = "chaplaincy", _("Chaplaincy")
    OTHER = "other", _("Other")


class CheckOutcome(models.TextChoices):
    WELL = "well", _("She is well")
    CONCERN = "concern", _("A concern again: a new case is opened")


class CaseQuerySet(models.QuerySet):
    def open(self):
        return self.filter(closed_at__isnull=True)

    def assessed_late(self):
        return self.filter(assessment__assessed_at__gt=models.F("assessment_due_at"))


@pghistory.track()
class Case(Versioned):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="selfharm_cases"
    )
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    concern = models.TextField(_("the concern"), max_length=5000)
    prompt = models.CharField(_("what prompted it"), max_length=10, choices=Prompt)
    immediate_action = models.TextField(_("what was done at once"), max_length=5000, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    opened_at = models.DateTimeField(default=timezone.now, editable=False)
    noticed_at = models.DateTimeField(_("when it was seen or heard"))
    late_reason = late.model_field()
    assessment_due_at = models.DateTimeField()
    risk = models.CharField(_("risk"), max_length=8, choices=Risk, blank=True)
    next_review_at = models.DateTimeField(_("next review"), null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    check_due_at = models.DateTimeField(null=True, blank=True)
    follows = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="followed_by",
        verbose_name=_("follows the case"),
    )

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("self-harm case")
        ordering = ["-opened_at", "-id"]
        permissions = [("read_case", "Can read a self-harm case's concern, plan and reviews")]
        indexes = [models.Index(fields=["facility", "opened_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["prisoner"],
                condition=models.Q(closed_at__isnull=True),
                name="selfharm_one_open_case",
                violation_error_message=_("She has an open self-harm case already."),
            ),
            models.CheckConstraint(
                condition=models.Q(prompt__in=Prompt.values), name="selfharm_prompt_known"
            ),
            models.CheckConstraint(
                condition=models.Q(closed_at__isnull=True) | models.Q(check_due_at__isnull=False),
                name="selfharm_closure_has_check",
            ),
            models.CheckConstraint(
                condition=models.Q(noticed_at__lte=models.F("opened_at")),
                name="selfharm_concern_not_in_the_future",
            ),
        ]
        triggers = [pgtrigger.Protect(name="selfharm_case_no_delete", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return f"Self-harm case {self.uuid}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class Taking(models.Model):
    """Whether she took part, in her words, or why not (Rule 16: with her involvement)."""

    took_part = models.BooleanField(_("she took part"))
    her_account = models.TextField(_("her account, in her words"), max_length=5000, blank=True)
    why_not = models.TextField(_("why she didn't take part"), max_length=2000, blank=True)

    class Meta:
        abstract = True


@pghistory.track()
class Assessment(Taking):
    """The assessment of her risk (Rules 12, 16) by staff trained under Rule 35."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="assessment")
    assessed_at = models.DateTimeField(_("assessed"))
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    risk = models.CharField(_("risk"), max_length=8, choices=Risk)
    triggers = models.TextField(_("what triggers it"), max_length=5000, blank=True)
    protective = models.TextField(_("what protects her"), max_length=5000, blank=True)
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)
    late_reason = models.CharField(
        _("why the assessment is late"), max_length=late.MAX_LENGTH, blank=True
    )

    class Meta:
        verbose_name = _("self-harm risk assessment")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(took_part=True) | ~models.Q(why_not=""),
                name="selfharm_assessment_her_part_or_why_not",
            ),
            models.CheckConstraint(
                condition=models.Q(risk__in=Risk.values), name="selfharm_assessment_risk_known"
            ),
        ]
        triggers = [
            pgtrigger.Protect(name="selfharm_assessment_no_delete", operation=pgtrigger.Delete)
        ]

    def __str__(self) -> str:
        return f"Self-harm assessment {self.uuid}"


@pghistory.track()
class Review(Taking):
    """A multidisciplinary review of the case (Rule 16)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="reviews")
    held_at = models.DateTimeField(_("held"), default=timezone.now)
    chaired_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="+", verbose_name=_("staff who took part")
    )
    others_present = models.CharField(
        _("others who took part"),
        max_length=300,
        blank=True,
        help_text=_("A chaplain, an outside mental-health team: name and role."),
    )
    risk = models.CharField(_("risk"), max_length=8, choices=Risk)
    plan_changes = models.TextField(_("changes to the care plan"), max_length=5000, blank=True)
    next_review_at = models.DateTimeField(_("next review"), null=True, blank=True)
    closes = models.BooleanField(_("the case is closed"), default=False)
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)
    late_reason = late.model_field()

    class Meta:
        verbose_name = _("self-harm case review")
        ordering = ["-held_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(took_part=True) | ~models.Q(why_not=""),
                name="selfharm_review_her_part_or_why_not",
            ),
            models.CheckConstraint(
                condition=models.Q(closes=True) | models.Q(next_review_at__isnull=False),
                name="selfharm_review_next_or_closes",
            ),
            models.CheckConstraint(
                condition=models.Q(closes=False) | models.Q(risk=Risk.LOW),
                name="selfharm_closes_only_at_low_risk",
            ),
        ]
        triggers = [pgtrigger.Protect(name="selfharm_review_no_delete", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return f"Self-harm review {self.uuid}"


@pghistory.track()
class PlanAction(models.Model):
    """One action of her care plan: what, which team, how often or by when."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="plan")
    what = models.CharField(_("what"), max_length=500)
    team = models.CharField(_("team"), max_length=12, choices=Team)
    when = models.CharField(_("how often or by when"), max_length=200)
    added_at = models.DateTimeField(default=timezone.now, editable=False)
    review = models.ForeignKey(
        Review, on_delete=models.PROTECT, null=True, blank=True, related_name="added"
    )

    class Meta:
        verbose_name = _("care plan action")
        ordering = ["added_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(team__in=Team.values), name="selfharm_plan_team_known"
            )
        ]
        triggers = [pgtrigger.Protect(name="selfharm_plan_no_delete", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return f"Care plan action {self.uuid}"


@pghistory.track()
class ClosureCheck(models.Model):
    """The check after a case is closed: she is well, or a concern again (a new case)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="closure_check")
    checked_at = models.DateTimeField(_("checked"), default=timezone.now)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    outcome = models.CharField(_("outcome"), max_length=8, choices=CheckOutcome)
    notes = models.TextField(_("notes"), max_length=5000)

    class Meta:
        verbose_name = _("check after a self-harm case closed")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(outcome__in=CheckOutcome.values),
                name="selfharm_check_outcome_known",
            )
        ]
        triggers = [pgtrigger.Protect(name="selfharm_check_no_delete", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return f"Self-harm closure check {self.uuid}"


@pghistory.track()
class SelfHarmIncident(Versioned):
    """What custody record of an incident of self-harm: when, where, what was done at once.
    Nothing clinical: the method, injuries and treatment are `IncidentClinical`."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="selfharm_incidents"
    )
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="incidents")
    occurred_at = models.DateTimeField(_("when"))
    place = models.CharField(_("where"), max_length=200)
    response = models.TextField(_("what was done at once"), max_length=5000)
    first_aid_called = models.BooleanField(_("first aid called"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)
    late_reason = late.model_field()
    clinical_due_at = models.DateTimeField()

    class Meta:
        verbose_name = _("self-harm incident")
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["facility", "occurred_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(occurred_at__lte=models.F("recorded_at")),
                name="selfharm_incident_not_in_the_future",
            )
        ]
        triggers = [
            pgtrigger.Protect(name="selfharm_incident_no_delete", operation=pgtrigger.Delete)
        ]

    def __str__(self) -> str:
        return f"Self-harm incident {self.uuid}"


@pghistory.track()
class IncidentClinical(models.Model):
    """Health staff's part of an incident: clinical (Rule 8), theirs alone."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    incident = models.OneToOneField(
        SelfHarmIncident, on_delete=models.PROTECT, related_name="clinical"
    )
    method = models.TextField(_("method"), max_length=2000)
    injuries = models.TextField(_("injuries"), max_length=5000)
    treatment = models.TextField(_("treatment"), max_length=5000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("clinical record of a self-harm incident")
        triggers = [
            pgtrigger.Protect(name="selfharm_clinical_no_delete", operation=pgtrigger.Delete)
        ]

    def __str__(self) -> str:
        return f"Clinical record {self.uuid}"
