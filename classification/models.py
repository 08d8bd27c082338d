"""Gender-sensitive classification (Bangkok Rules 40, 41; Rule 8).

A `Classification` is one assessment of her with the gender-sensitive tool the prison uses
(`CLASSIFICATION_INSTRUMENT`, kept on each record): at admission (`initial`), at her regular
review, or on an event that changes her circumstances (a birth or pregnancy, a new child in
her care). Each new one replaces the one before (`supersedes`), which is kept, never changed
but for the moment it was replaced.

The tool's inputs are in two parts that never meet:

- **Risk factors** (the current offence, escapes, her conduct in custody, a risk to others):
  the only inputs of the score, from which the tool's default level follows
  (`classification.services.default_level`).
- **Needs** (violence she has experienced, her mental-health needs, substance use, her
  caretaking responsibilities, and the items she declined to answer, Rule 8): taken into
  account in her plan (Rule 41(b), (c)), never in her security level (Rule 41(a), (d)). They
  are confidential (RULES-SPEC T2): read only by social workers, the governor and health staff,
  each read audited.

The level assigned may be above the tool's default only for a stated reason of the list and a
rationale (Rule 41(a)); her mental-health needs alone never raise it (Rule 41(d)); violence she
has experienced and an item she declined are never reasons to raise it (Rules 41(a), 8). The
database holds each of these too. She is told her level and the reasons for it in plain words
(`reasons_for_her`).
"""

import uuid

import pghistory
import pgtrigger
from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bangkok.versions import Versioned


class Kind(models.TextChoices):
    INITIAL = "initial", _("Initial, after her admission")
    REVIEW = "review", _("Regular review")
    SENTENCING = "sentencing", _("Review after sentencing")
    PREGNANCY_OR_BIRTH = "pregnancy_or_birth", _("Review after a pregnancy or a birth")
    CARETAKING = "caretaking", _("Review after a change in her caretaking")


REVIEW_KINDS = [k for k in Kind if k != Kind.INITIAL]


class Level(models.TextChoices):
    LOW = "low", _("Low security")
    MEDIUM = "medium", _("Medium security")
    HIGH = "high", _("High security")


RANK = {Level.LOW: 0, Level.MEDIUM: 1, Level.HIGH: 2}


class Degree(models.IntegerChoices):
    """How far a risk factor is present, as the tool scores it."""

    NONE = 0, _("None")
    SOME = 1, _("Some")
    SERIOUS = 2, _("Serious")


class RaiseReason(models.TextChoices):
    """Why a level above the tool's default is assigned (Rule 41(a)). Her mental-health needs
    never suffice alone (Rule 41(d)); violence she has experienced and an item she declined are
    on the list only so that citing them is refused by name (Rules 41(a), 8)."""

    VIOLENCE_IN_CUSTODY = "violence_in_custody", _("Serious violence in custody since admission")
    ESCAPE_RISK = "escape_risk", _("A current, specific risk of escape")
    RISK_TO_OTHERS = "risk_to_others", _("A current, specific risk to others")
    DIRECTION = "direction", _("A direction of the court or another authority")
    MENTAL_HEALTH = "mental_health", _("Her mental-health needs")
    VICTIMISATION = "victimisation", _("Violence she has experienced")
    DECLINED_ITEM = "declined_item", _("An item she declined to answer")


# Reasons that may never raise her level, whatever else is said (Rules 41(a), 8).
NEVER_RAISE = (RaiseReason.VICTIMISATION, RaiseReason.DECLINED_ITEM)
# Reasons of health alone: never the only ground for a higher level (Rule 41(d)).
HEALTH_REASONS = (RaiseReason.MENTAL_HEALTH,)


class Need(models.TextChoices):
    """The needs-side items of the tool; each may be declined (Rule 8)."""

    VICTIMISATION = "victimisation", _("Violence she has experienced")
    MENTAL_HEALTH = "mental_health", _("Mental-health needs")
    SUBSTANCE_USE = "substance_use", _("Substance use")
    CARETAKING = "caretaking", _("Caretaking responsibilities")


# The needs inputs: confidential, read only with `read_needs` (and audited).
NEEDS_FIELDS = (
    "victimisation",
    "mental_health_needs",
    "substance_use",
    "caretaking",
    "declined",
    "needs_plan",
)
RISK_FIELDS = ("offence_violence", "escape_history", "conduct_in_custody", "risk_to_others")


class ClassificationQuerySet(models.QuerySet):
    def current(self):
        return self.filter(superseded_at__isnull=True)

    def high_on_mental_health_alone(self):
        """High security raised above the tool's default for her mental-health needs alone
        (Rule 41(d)): refused by the service and the database, so always none."""
        return self.filter(level=Level.HIGH, raise_reasons=[RaiseReason.MENTAL_HEALTH])

    def review_overdue(self, today=None):
        """Current classifications of women in custody past their review date, and those
        replaced by a review made after it."""
        today = today or timezone.localdate()
        open_late = models.Q(
            superseded_at__isnull=True,
            next_review_on__lt=today,
            prisoner__custody_status="in_custody",
        )
        reviewed_late = models.Q(superseded_at__date__gt=models.F("next_review_on"))
        return self.filter(open_late | reviewed_late)


@pghistory.track()
class Classification(Versioned):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="classifications"
    )
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    instrument = models.CharField(_("instrument"), max_length=200)
    # Risk factors: the score's only inputs.
    offence_violence = models.PositiveSmallIntegerField(
        _("violence in the current offence"), choices=Degree
    )
    escape_history = models.PositiveSmallIntegerField(_("escapes or attempts"), choices=Degree)
    conduct_in_custody = models.PositiveSmallIntegerField(_("violence in custody"), choices=Degree)
    risk_to_others = models.PositiveSmallIntegerField(_("risk to others"), choices=Degree)
    score = models.PositiveSmallIntegerField(_("score"))
    default_level = models.CharField(_("the tool's level"), max_length=10, choices=Level)
    level = models.CharField(_("level assigned"), max_length=10, choices=Level)
    raise_reasons = ArrayField(
        models.CharField(max_length=30, choices=RaiseReason),
        default=list,
        blank=True,
        verbose_name=_("reasons for a level above the tool's"),
    )
    rationale = models.TextField(_("rationale"), max_length=5000, blank=True)
    reasons_for_her = models.TextField(_("the reasons, as she is told them"), max_length=5000)
    # Needs: her plan's inputs, never her level's (Rule 41(b), (c)); confidential.
    victimisation = models.TextField(_("violence she has experienced"), max_length=5000, blank=True)
    mental_health_needs = models.TextField(_("mental-health needs"), max_length=5000, blank=True)
    substance_use = models.TextField(_("substance use"), max_length=5000, blank=True)
    caretaking = models.TextField(_("caretaking responsibilities"), max_length=5000, blank=True)
    declined = ArrayField(
        models.CharField(max_length=20, choices=Need),
        default=list,
        blank=True,
        verbose_name=_("items she declined to answer"),
    )
    needs_plan = models.TextField(
        _("what her needs call for in her plan"), max_length=5000, blank=True
    )
    classified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    classified_at = models.DateTimeField(_("classified"), default=timezone.now)
    due_at = models.DateTimeField(_("due by"), null=True, blank=True)
    next_review_on = models.DateField(_("next review"))
    supersedes = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="superseded_by",
    )
    superseded_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ClassificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("classification")
        verbose_name_plural = _("classifications")
        ordering = ["-classified_at", "-id"]
        permissions = [
            ("read_assessment", "Can read the risk factors and reasons of a classification"),
            ("read_needs", "Can read the needs inputs of a classification"),
        ]
        indexes = [
            models.Index(fields=["facility", "classified_at"]),
            # Her classifications by date: whether one came within the set time of an
            # admission, one look-up an admission (oversight, QUALITY.md P3).
            models.Index(fields=["prisoner", "classified_at"], name="classification_hers_by_date"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["prisoner"],
                condition=models.Q(superseded_at__isnull=True),
                name="classification_one_current",
            ),
            models.CheckConstraint(
                condition=models.Q(raise_reasons__contained_by=RaiseReason.values),
                name="classification_raise_reasons_on_the_list",
            ),
            models.CheckConstraint(
                condition=~models.Q(raise_reasons__overlap=list(NEVER_RAISE)),
                name="classification_never_raised_for_victimisation_or_declined",
            ),
            models.CheckConstraint(
                condition=~models.Q(raise_reasons=[RaiseReason.MENTAL_HEALTH]),
                name="classification_never_raised_on_mental_health_alone",
            ),
            models.CheckConstraint(
                condition=models.Q(level=models.F("default_level"))
                | models.Q(level=Level.LOW)
                | models.Q(level=Level.MEDIUM, default_level=Level.HIGH)
                | (~models.Q(rationale="") & ~models.Q(raise_reasons=[])),
                name="classification_raised_with_reasons",
            ),
            models.CheckConstraint(
                condition=models.Q(declined__contained_by=Need.values),
                name="classification_declined_on_the_list",
            ),
        ]
        triggers = [pgtrigger.Protect(name="classification_no_delete", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return f"Classification {self.uuid}"

    @property
    def raised(self) -> bool:
        return RANK[Level(self.level)] > RANK[Level(self.default_level)]

    def raise_reason_labels(self) -> list[str]:
        return [str(RaiseReason(r).label) for r in self.raise_reasons]

    def declined_labels(self) -> list[str]:
        return [str(Need(n).label) for n in self.declined]
