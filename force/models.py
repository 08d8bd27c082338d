"""Use of force (Bangkok Rules 24, 31; Mandela Rules 47-49, 82, paraphrase).

A `UseOfForce` records every use of force on her, not only instruments of restraint: who used
it, which techniques, why, what was tried first to calm things down, planned or spontaneous,
when and for how long, the injuries seen, the body-worn camera footage and where it happened.
A mechanical restraint stays a `restraints.Restraint`, and the use of force links to it.

Force is used only in self-defence, against an attempted escape or physical resistance to a
lawful order, or to prevent injury or serious damage, and no more than is strictly necessary
(Mandela 82.1): the reasons are a closed list the database keeps to, and punishment is not on
it (Mandela 43.2).

Whether she was under a protection a pregnancy, a birth or the weeks after it set (`protected`)
is read from her protection flags at the time and as recorded since, never from her clinical
file (Rule 8): the reviewer is told she was "protected", never why. `in_protected_period`:
force while she was under the "No restraints" protection (labour, birth, immediately after),
or in such a period health staff recorded later (`protected_period_alert_at`).

A `ForceHealthCheck` is health staff's check after the force; its findings are theirs alone
(Rule 8): custody see that it was done, and when. A `ForceReview` is the governor's review.
"""

import uuid
from datetime import timedelta

import pghistory
import pgtrigger
from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bangkok import late
from bangkok.versions import Versioned


class Technique(models.TextChoices):
    GUIDING_HOLD = "guiding_hold", _("Guiding hold")
    ESCORT_HOLD = "escort_hold", _("Escort hold (arm held to walk her)")
    RESTRAINT_HOLD = "restraint_hold", _("Restraint holds (arms held to stop her)")
    TAKEN_TO_GROUND = "taken_to_ground", _("Taken to the ground")
    CARRIED = "carried", _("Carried")
    MECHANICAL = "mechanical", _("Handcuffs or other instrument (recorded in restraints)")


class Reason(models.TextChoices):
    """Why force may be used (Mandela 82.1). Punishment is not a reason (Mandela 43.2)."""

    SELF_DEFENCE = "self_defence", _("Self-defence")
    PREVENT_SELF_HARM = "prevent_self_harm", _("To prevent her harming herself")
    PREVENT_INJURY_TO_OTHERS = "prevent_injury_to_others", _("To prevent injury to others")
    ATTEMPTED_ESCAPE = "attempted_escape", _("An attempted escape")
    RESISTANCE_TO_LAWFUL_ORDER = (
        "resistance_to_lawful_order",
        _("Physical resistance to a lawful order"),
    )
    PREVENT_SERIOUS_DAMAGE = "prevent_serious_damage", _("To prevent serious damage to property")


class Injury(models.TextChoices):
    NONE_SEEN = "none_seen", _("None seen")
    MINOR = "minor", _("Minor (a graze, a bruise)")
    SERIOUS = "serious", _("Serious (needs treatment)")


class Outcome(models.TextChoices):
    JUSTIFIED = "justified", _("Justified and proportionate")
    NOT_JUSTIFIED = "not_justified", _("Not justified or not proportionate")
    REFERRED = "referred", _("Referred for investigation")


class UseOfForceQuerySet(models.QuerySet):
    def in_protected_period(self):
        """Force on a woman in labour, giving birth or just after (Rule 24): recorded while the
        "No restraints" protection was on, or in a period health staff recorded later."""
        return self.filter(
            models.Q(in_protected_period=True) | models.Q(protected_period_alert_at__isnull=False)
        )

    def on_protected(self):
        return self.filter(protected=True)

    def by_men(self):
        return self.filter(men_involved__gt=0)

    def by_untrained_staff(self):
        return self.filter(untrained_involved__gt=0)

    def review_overdue(self, now=None):
        """Not reviewed by the governor within FORCE_REVIEW_HOURS (reviewed late, or not yet)."""
        now = now or timezone.now()
        late_review = models.Q(review__reviewed_at__gt=models.F("review_due_at"))
        return self.filter(late_review | models.Q(review__isnull=True, review_due_at__lt=now))

    def health_check_overdue(self, now=None):
        """No health check within FORCE_HEALTH_CHECK_HOURS (checked late, or not yet)."""
        now = now or timezone.now()
        late_check = models.Q(health_check__seen_at__gt=models.F("health_check_due_at"))
        return self.filter(
            late_check | models.Q(health_check__isnull=True, health_check_due_at__lt=now)
        )


@pghistory.track()
class UseOfForce(Versioned):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="uses_of_force"
    )
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    techniques = ArrayField(
        models.CharField(max_length=20, choices=Technique), verbose_name=_("techniques")
    )
    reason = models.CharField(_("why"), max_length=30, choices=Reason)
    account = models.TextField(_("what happened"), max_length=5000)
    deescalation = models.TextField(
        _("what was tried first"),
        blank=True,
        max_length=5000,
        help_text=_("Talking, time, a colleague she trusts: what was tried before force."),
    )
    no_deescalation_reason = models.TextField(
        _("why nothing could be tried first"), blank=True, max_length=5000
    )
    planned = models.BooleanField(_("planned"), default=False)
    started_at = models.DateTimeField(_("started"))
    duration_minutes = models.PositiveIntegerField(_("how long (minutes)"))
    staff_involved = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="+", verbose_name=_("staff involved")
    )
    injury_to_her = models.CharField(_("injuries to her"), max_length=10, choices=Injury)
    injury_to_staff = models.CharField(_("injuries to staff"), max_length=10, choices=Injury)
    camera_reference = models.CharField(
        _("body-worn camera footage"),
        max_length=100,
        blank=True,
        help_text=_("The footage reference; empty if nothing was filmed."),
    )
    no_footage_reason = models.CharField(_("why there is no footage"), max_length=300, blank=True)
    location = models.CharField(_("where"), max_length=200)
    restraint = models.ForeignKey(
        "restraints.Restraint",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="uses_of_force",
        verbose_name=_("restraint used"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)
    late_reason = late.model_field()
    # Her protections at the time (never the reasons for them, Rule 8).
    protected = models.BooleanField(default=False)
    in_protected_period = models.BooleanField(default=False)
    protected_period_alert_at = models.DateTimeField(null=True, blank=True)
    # Who used it, as it stood then (Rules 31, 33.1; Mandela 81): how many of the staff
    # involved were men, and how many had no valid training in women's gender-specific needs.
    men_involved = models.PositiveSmallIntegerField(default=0)
    untrained_involved = models.PositiveSmallIntegerField(default=0)
    health_check_due_at = models.DateTimeField()
    review_due_at = models.DateTimeField()

    objects = UseOfForceQuerySet.as_manager()

    class Meta:
        verbose_name = _("use of force")
        verbose_name_plural = _("uses of force")
        ordering = ["-started_at", "-id"]
        permissions = [("review_force", "Can review a use of force")]
        indexes = [models.Index(fields=["facility", "started_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    techniques__contained_by=Technique.values, techniques__len__gte=1
                ),
                name="force_techniques_on_the_list",
            ),
            models.CheckConstraint(
                condition=models.Q(reason__in=Reason.values), name="force_reason_never_punishment"
            ),
            models.CheckConstraint(
                condition=~models.Q(deescalation="") | ~models.Q(no_deescalation_reason=""),
                name="force_deescalation_or_why_not",
            ),
            models.CheckConstraint(
                condition=~models.Q(camera_reference="") | ~models.Q(no_footage_reason=""),
                name="force_footage_or_why_not",
            ),
            models.CheckConstraint(
                condition=models.Q(duration_minutes__gte=1), name="force_lasts_a_minute_or_more"
            ),
            models.CheckConstraint(
                condition=models.Q(started_at__lte=models.F("recorded_at")),
                name="force_not_in_the_future",
            ),
        ]
        triggers = [pgtrigger.Protect(name="force_no_delete", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return f"Use of force {self.uuid}"

    @property
    def ended_at(self):
        return self.started_at + timedelta(minutes=self.duration_minutes)

    def technique_labels(self) -> list[str]:
        return [str(Technique(t).label) for t in self.techniques]


@pghistory.track()
class ForceHealthCheck(models.Model):
    """Health staff's check after a use of force. `examined`, `findings` and `treatment` are
    clinical (Rule 8): only those who read her clinical file see them."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    force = models.OneToOneField(UseOfForce, on_delete=models.PROTECT, related_name="health_check")
    seen_at = models.DateTimeField(_("seen"))
    seen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    examined = models.BooleanField(
        _("examined"), help_text=_("False: she declined an examination.")
    )
    findings = models.TextField(_("findings"), max_length=5000, blank=True)
    treatment = models.TextField(_("treatment or referral"), max_length=5000, blank=True)
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)
    # Not clinical: a check dated well before it is recorded says why, for every reader.
    late_reason = late.model_field()

    class Meta:
        verbose_name = _("health check after force")
        triggers = [pgtrigger.Protect(name="force_check_no_delete", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return f"Health check {self.uuid}"


@pghistory.track()
class ForceReview(models.Model):
    """The governor's review of a use of force (Mandela 82.1)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    force = models.OneToOneField(UseOfForce, on_delete=models.PROTECT, related_name="review")
    reviewed_at = models.DateTimeField(_("reviewed"), default=timezone.now)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome)
    findings = models.TextField(_("findings"), max_length=5000)
    lessons = models.TextField(_("lessons"), max_length=5000, blank=True)
    referred_to = models.CharField(_("referred to"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("review of a use of force")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(outcome__in=Outcome.values), name="force_review_outcome_known"
            ),
            models.CheckConstraint(
                condition=~models.Q(outcome="referred") | ~models.Q(referred_to=""),
                name="force_referral_names_where",
            ),
        ]
        triggers = [pgtrigger.Protect(name="force_review_no_delete", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return f"Force review {self.uuid}"
