"""Safeguarding: violence and bullying between women, adults at risk, and her family's concerns
(Bangkok Rules 25.1, 31, 41, 42.4; Mandela 1, 5.2, paraphrase).

- An `Incident` between women (violence, bullying, sexual harassment, threats, theft or
  extortion) is recorded by any member of staff of her facility: when, where, what happened,
  whether anyone was hurt, who reported it, and each woman involved with her part
  (`Involvement`: victim, perpetrator, witness, not clear). What the injuries were is health
  staff's part (`Injuries`, Rule 8), like self-harm's clinical part.
- Each victim gets a support plan and each perpetrator her management (`Plan`, opened with the
  incident, made within a set time, reviewed by its date: `PlanReview`). A measure that
  separates or restricts a victim is hers to ask for, never imposed (Rule 25.1; a constraint).
- A social-care need (`CareNeed`: disability, older age, mobility, sensory, learning, personal
  care) with its reasonable adjustments (Mandela 5.2), reviewed by its date (`CareReview`) and
  closed with a reason.
- A concern her family raised about her safety (`FamilyConcern`), recorded by the member of
  staff who received it and triaged by safeguarding staff: linked to an incident or a care
  need, or closed with a reason. What the family is told never names a perpetrator.

Complaints and reports of abuse by her (Rules 7, 25), with retaliation's hold on adverse acts,
are `complaints`' records; an incident here links to none of their texts. No row here is
ever deleted.
"""

import uuid

import pghistory
import pgtrigger
from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bangkok import late
from bangkok.versions import Versioned


class Kind(models.TextChoices):
    VIOLENCE = "violence", _("Violence")
    BULLYING = "bullying", _("Bullying")
    SEXUAL_HARASSMENT = "sexual_harassment", _("Sexual harassment")
    THREATS = "threats", _("Threats")
    THEFT = "theft", _("Theft or extortion")


class ReportedBy(models.TextChoices):
    STAFF = "staff", _("A member of staff saw it")
    HERSELF = "herself", _("The woman herself")
    ANOTHER_WOMAN = "another_woman", _("Another woman")
    FAMILY = "family", _("Her family")


class Part(models.TextChoices):
    VICTIM = "victim", _("Victim")
    PERPETRATOR = "perpetrator", _("Perpetrator")
    WITNESS = "witness", _("Witness")
    UNCLEAR = "unclear", _("Not clear yet")


class Measure(models.TextChoices):
    """Protection of a victim and management of a perpetrator. The measures that separate or
    restrict the woman herself (`SEPARATES_HER`) are a victim's to ask for (Rule 25.1)."""

    NO_CONTACT = "no_contact", _("No contact between them")
    SUPERVISION = "supervision", _("Closer supervision where they meet")
    OTHER_MOVED = "other_moved", _("The other woman moved to another unit")
    KEY_WORKER = "key_worker", _("A named member of staff she can go to")
    COUNSELLING = "counselling", _("Support and counselling")
    HEALTH_CARE = "health_care", _("Health care and advice")
    MOVED_UNIT = "moved_unit", _("She is moved to another unit")
    SEGREGATION = "segregation", _("She is held apart from other women")
    REGIME_LIMITED = "regime_limited", _("Her activities or work are limited")
    BEHAVIOUR = "behaviour", _("A programme on her behaviour")
    DISCIPLINE = "discipline", _("Referred for a disciplinary charge")
    POLICE = "police", _("Referred to the police")


SEPARATES_HER = [Measure.MOVED_UNIT, Measure.SEGREGATION, Measure.REGIME_LIMITED]
# What a perpetrator's management may not take: it is about her, not the victim.
VICTIM_ONLY = [Measure.COUNSELLING, Measure.OTHER_MOVED, Measure.KEY_WORKER]


class NeedKind(models.TextChoices):
    DISABILITY = "disability", _("Disability")
    OLDER_AGE = "older_age", _("Older age")
    MOBILITY = "mobility", _("Mobility")
    SENSORY = "sensory", _("Sight or hearing")
    LEARNING = "learning", _("Learning disability or difficulty")
    PERSONAL_CARE = "personal_care", _("Personal care")


class NeedEnd(models.TextChoices):
    MET = "met", _("The need is met and no longer calls for a plan")
    DECLINED = "declined", _("She declined the plan, knowing what it offered")
    LEFT = "left", _("She left the facility")


class ConcernWay(models.TextChoices):
    PHONE = "phone", _("By phone")
    LETTER = "letter", _("By letter or email")
    VISIT = "visit", _("At a visit")


class Triage(models.TextChoices):
    INCIDENT = "incident", _("Linked to an incident")
    NEED = "need", _("Linked to a social-care need")
    CLOSED = "closed", _("Closed with a reason")


@pghistory.track()
class Incident(Versioned):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey(
        "prisoners.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("unit"),
    )
    kind = models.CharField(_("what kind"), max_length=20, choices=Kind)
    occurred_at = models.DateTimeField(_("when"))
    place = models.CharField(_("where"), max_length=200)
    account = models.TextField(_("what happened"), max_length=5000)
    injured = models.BooleanField(_("someone was hurt"))
    reported_by = models.CharField(_("who reported it"), max_length=16, choices=ReportedBy)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)
    late_reason = late.model_field()

    class Meta:
        verbose_name = _("incident between women")
        ordering = ["-occurred_at", "-id"]
        permissions = [
            ("read_incident", "Can read an incident's account and the women involved"),
        ]
        indexes = [models.Index(fields=["facility", "occurred_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=Kind.values), name="safeguarding_kind_known"
            ),
            models.CheckConstraint(
                condition=models.Q(occurred_at__lte=models.F("recorded_at")),
                name="safeguarding_incident_not_in_the_future",
            ),
        ]
        triggers = [
            pgtrigger.Protect(name="safeguarding_incident_no_delete", operation=pgtrigger.Delete)
        ]

    def __str__(self) -> str:
        return f"Incident between women {self.uuid}"


@pghistory.track()
class Involvement(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="involved")
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="safeguarding_involvements"
    )
    part = models.CharField(_("her part"), max_length=12, choices=Part)

    class Meta:
        verbose_name = _("woman involved in an incident")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["incident", "prisoner"], name="safeguarding_involved_once"
            ),
            models.CheckConstraint(
                condition=models.Q(part__in=Part.values), name="safeguarding_part_known"
            ),
        ]
        triggers = [
            pgtrigger.Protect(name="safeguarding_involvement_no_delete", operation=pgtrigger.Delete)
        ]

    def __str__(self) -> str:
        return f"Involvement {self.uuid}"


@pghistory.track()
class Injuries(models.Model):
    """Health staff's part of an incident: the injuries and their treatment (Rule 8)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    incident = models.OneToOneField(Incident, on_delete=models.PROTECT, related_name="injuries")
    injuries = models.TextField(_("injuries"), max_length=5000)
    treatment = models.TextField(_("treatment"), max_length=5000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("injuries in an incident between women")
        verbose_name_plural = _("injuries in incidents between women")
        triggers = [
            pgtrigger.Protect(name="safeguarding_injuries_no_delete", operation=pgtrigger.Delete)
        ]

    def __str__(self) -> str:
        return f"Injuries {self.uuid}"


class PlanQuerySet(models.QuerySet):
    def awaited(self):
        return self.filter(made_at__isnull=True)

    def made_late(self):
        return self.filter(
            models.Q(made_at__gt=models.F("due_at"))
            | models.Q(made_at__isnull=True, due_at__lt=timezone.now())
        )


@pghistory.track()
class Plan(Versioned):
    """A victim's support plan or a perpetrator's management, opened with the incident
    (`made_at` empty) and made by safeguarding staff within a set time."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    involvement = models.OneToOneField(Involvement, on_delete=models.PROTECT, related_name="plan")
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="safeguarding_plans"
    )
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    part = models.CharField(_("for"), max_length=12, choices=Part)
    opened_at = models.DateTimeField(default=timezone.now, editable=False)
    due_at = models.DateTimeField(_("to be made by"))
    made_at = models.DateTimeField(_("made"), null=True, blank=True)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    measures = ArrayField(
        models.CharField(max_length=20, choices=Measure),
        default=list,
        blank=True,
        verbose_name=_("measures"),
    )
    at_her_request = models.BooleanField(
        _("she asked for a measure that separates her"), default=False
    )
    her_views = models.TextField(_("her views, in her words"), max_length=5000, blank=True)
    support_offered = models.BooleanField(_("support and counselling offered"), default=False)
    notes = models.TextField(_("notes"), max_length=5000, blank=True)
    next_review_at = models.DateTimeField(_("next review"), null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("support plan or management")
        ordering = ["-opened_at", "-id"]
        indexes = [models.Index(fields=["facility", "opened_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(part__in=[Part.VICTIM, Part.PERPETRATOR]),
                name="safeguarding_plan_victim_or_perpetrator",
            ),
            # Rule 25.1: a measure that separates or restricts a victim is hers to ask for.
            models.CheckConstraint(
                condition=~models.Q(part=Part.VICTIM)
                | ~models.Q(measures__overlap=SEPARATES_HER)
                | (models.Q(at_her_request=True) & ~models.Q(her_views="")),
                name="safeguarding_victim_not_separated_against_her_wishes",
                violation_error_message=_(
                    "A measure that separates or restricts a victim is taken only at her own "
                    "request (Rule 25.1)."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(made_at__isnull=True) | models.Q(next_review_at__isnull=False),
                name="safeguarding_plan_made_has_a_review",
            ),
        ]
        triggers = [
            pgtrigger.Protect(name="safeguarding_plan_no_delete", operation=pgtrigger.Delete)
        ]

    def __str__(self) -> str:
        return f"Safeguarding plan {self.uuid}"

    @property
    def is_support(self) -> bool:
        return self.part == Part.VICTIM

    @property
    def measure_labels(self) -> list[str]:
        return [str(Measure(code).label) for code in self.measures]


@pghistory.track()
class PlanReview(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="reviews")
    held_at = models.DateTimeField(_("held"), default=timezone.now)
    held_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    her_views = models.TextField(_("her views, in her words"), max_length=5000, blank=True)
    notes = models.TextField(_("what was found"), max_length=5000)
    next_review_at = models.DateTimeField(_("next review"), null=True, blank=True)
    closes = models.BooleanField(_("the plan ends"), default=False)

    class Meta:
        verbose_name = _("review of a support plan or management")
        ordering = ["-held_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes=True) | models.Q(next_review_at__isnull=False),
                name="safeguarding_review_next_or_closes",
            )
        ]
        triggers = [
            pgtrigger.Protect(name="safeguarding_review_no_delete", operation=pgtrigger.Delete)
        ]

    def __str__(self) -> str:
        return f"Safeguarding plan review {self.uuid}"


@pghistory.track()
class CareNeed(Versioned):
    """A social-care need and its plan of reasonable adjustments (Mandela 5.2; Rule 42.4)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="care_needs"
    )
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("what kind of need"), max_length=16, choices=NeedKind)
    description = models.TextField(_("the need"), max_length=5000)
    adjustments = models.TextField(_("reasonable adjustments"), max_length=5000)
    her_views = models.TextField(_("her views, in her words"), max_length=5000, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)
    next_review_at = models.DateTimeField(_("next review"), null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    ended = models.CharField(_("why it ended"), max_length=10, choices=NeedEnd, blank=True)

    class Meta:
        verbose_name = _("social-care need")
        ordering = ["-recorded_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=NeedKind.values), name="safeguarding_need_kind_known"
            ),
            models.CheckConstraint(
                condition=models.Q(closed_at__isnull=True, next_review_at__isnull=False)
                | (models.Q(closed_at__isnull=False) & ~models.Q(ended="")),
                name="safeguarding_need_reviewed_or_ended",
            ),
        ]
        triggers = [
            pgtrigger.Protect(name="safeguarding_need_no_delete", operation=pgtrigger.Delete)
        ]

    def __str__(self) -> str:
        return f"Social-care need {self.uuid}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


@pghistory.track()
class CareReview(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    need = models.ForeignKey(CareNeed, on_delete=models.PROTECT, related_name="reviews")
    held_at = models.DateTimeField(_("held"), default=timezone.now)
    held_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    in_place = models.BooleanField(_("the adjustments are in place"))
    her_views = models.TextField(_("her views, in her words"), max_length=5000, blank=True)
    notes = models.TextField(_("what was found"), max_length=5000)
    adjustments = models.TextField(_("the adjustments from now on"), max_length=5000, blank=True)
    next_review_at = models.DateTimeField(_("next review"), null=True, blank=True)
    ended = models.CharField(_("why it ended"), max_length=10, choices=NeedEnd, blank=True)

    class Meta:
        verbose_name = _("review of a social-care need")
        ordering = ["-held_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(ended="") | models.Q(next_review_at__isnull=False),
                name="safeguarding_care_review_next_or_ends",
            )
        ]
        triggers = [
            pgtrigger.Protect(name="safeguarding_care_review_no_delete", operation=pgtrigger.Delete)
        ]

    def __str__(self) -> str:
        return f"Social-care review {self.uuid}"


@pghistory.track()
class FamilyConcern(Versioned):
    """A concern her family raised about her safety, as the member of staff received it."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="family_concerns"
    )
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    raised_by = models.CharField(_("who raised it (name and relationship)"), max_length=200)
    way = models.CharField(_("how it reached us"), max_length=8, choices=ConcernWay)
    concern = models.TextField(_("the concern"), max_length=5000)
    received_at = models.DateTimeField(_("received"))
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)
    late_reason = late.model_field()
    triage = models.CharField(_("outcome"), max_length=10, choices=Triage, blank=True)
    triaged_at = models.DateTimeField(null=True, blank=True)
    triaged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    incident = models.ForeignKey(
        Incident, on_delete=models.PROTECT, null=True, blank=True, related_name="family_concerns"
    )
    need = models.ForeignKey(
        CareNeed, on_delete=models.PROTECT, null=True, blank=True, related_name="family_concerns"
    )
    reason = models.TextField(_("why it is closed"), max_length=2000, blank=True)
    family_told = models.TextField(_("what her family is told"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("concern raised by her family")
        ordering = ["-received_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(way__in=ConcernWay.values), name="safeguarding_concern_way_known"
            ),
            models.CheckConstraint(
                condition=models.Q(triage="")
                | models.Q(triage=Triage.INCIDENT, incident__isnull=False)
                | models.Q(triage=Triage.NEED, need__isnull=False)
                | (models.Q(triage=Triage.CLOSED) & ~models.Q(reason="")),
                name="safeguarding_concern_triage_whole",
            ),
        ]
        triggers = [
            pgtrigger.Protect(name="safeguarding_concern_no_delete", operation=pgtrigger.Delete)
        ]

    def __str__(self) -> str:
        return f"Family concern {self.uuid}"

    @property
    def awaiting(self) -> bool:
        return not self.triage
