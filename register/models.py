"""The register of children (Rule 3; Mandela Rule 7(f)).

A child's identity (names, date of birth, where she is, who cares for her) is confidential
(Rule 3.2): reception enters it at admission, social workers keep it, and every other role
learns only whether the woman has children and how many. A child living with her mother is
recorded here, never as a prisoner.
"""

import uuid

import pghistory
import pgtrigger
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bangkok.plausible import validate_birth_date
from bangkok.versions import Versioned
from prisoners.models import age_on


class Custody(models.TextChoices):
    """Who has custody or guardianship of a child not living with her mother (Rule 3.1)."""

    OTHER_PARENT = "other_parent", _("The other parent")
    RELATIVE = "relative", _("A relative")
    FOSTER = "foster", _("Foster care")
    INSTITUTION = "institution", _("An institution")
    STATE_CARE = "state_care", _("State care")
    SELF = "self", _("Independent (adult child)")
    UNKNOWN = "unknown", _("Not known")


# What staff record about a child, declared once: the page form, the API and the services take
# exactly these (Rules 2.2, 3.1).
CHILD_FIELDS = (
    "given_names",
    "family_name",
    "date_of_birth",
    "lives_with_mother",
    "location",
    "location_unknown",
    "custody",
    "carer_contact",
    "dependent",
    "arrangements",
    "no_arrangements_reason",
)


@pghistory.track()
class Child(Versioned):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    mother = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="children"
    )
    given_names = models.CharField(_("child's given names"), max_length=200)
    family_name = models.CharField(_("child's family name"), max_length=200, blank=True)
    date_of_birth = models.DateField(_("date of birth"), validators=[validate_birth_date])
    lives_with_mother = models.BooleanField(_("lives with her mother in prison"), default=False)
    location = models.CharField(_("where the child lives"), max_length=300, blank=True)
    location_unknown = models.BooleanField(_("where the child lives is not known"), default=False)
    custody = models.CharField(
        _("custody or guardianship"), max_length=16, choices=Custody, blank=True
    )
    carer_contact = models.CharField(_("carer's contact"), max_length=300, blank=True)
    dependent = models.BooleanField(
        _("depends on her for care"),
        default=True,
        help_text=_("She had caretaking responsibility for this child before admission."),
    )
    arrangements = models.TextField(
        _("arrangements made for the child"),
        blank=True,
        help_text=_("What she arranged for the child's care, prior to or on admission (Rule 2.2)."),
        max_length=5000,
    )
    no_arrangements_reason = models.TextField(
        _("why no arrangement is recorded"),
        blank=True,
        help_text=_("Only when no arrangement could be made; it must say why (Rule 2.2)."),
        max_length=5000,
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    separation = models.ForeignKey(
        "Separation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("latest separation from her mother"),
    )
    review_due_on = models.DateField(
        _("best-interests review due"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "While the child lives with her: the day the next best-interests decision is due "
            "(Rules 49, 52.1)."
        ),
    )

    class Meta:
        verbose_name = _("child")
        verbose_name_plural = _("children")
        ordering = ["date_of_birth", "id"]
        # The children living with their mothers now, a few among every child on record
        # (oversight's reviews past due and days without an outing, QUALITY.md P3).
        indexes = [
            models.Index(
                fields=["mother"],
                condition=models.Q(lives_with_mother=True),
                name="child_living_with_mother",
            )
        ]
        constraints = [
            # Rule 3.1: a child not with her mother has a location and a custody status.
            models.CheckConstraint(
                condition=models.Q(lives_with_mother=True)
                | (
                    (~models.Q(location="") | models.Q(location_unknown=True))
                    & ~models.Q(custody="")
                ),
                name="child_outside_has_location_and_custody",
                violation_error_message=_(
                    "Record where the child lives and who has custody (Rule 3.1); "
                    "'Not known' is allowed."
                ),
            ),
            # Rule 49: a child lives with her only on a best-interests decision, whose next
            # review is kept on the child; nothing sets "lives with her" without one.
            models.CheckConstraint(
                condition=models.Q(lives_with_mother=False) | models.Q(review_due_on__isnull=False),
                name="child_with_her_has_a_review_date",
                violation_error_message=_(
                    "A child comes to live with her mother only on a best-interests decision "
                    "(Rule 49)."
                ),
            ),
        ]
        triggers = [
            pgtrigger.Protect(name="child_no_delete", operation=pgtrigger.Delete),
            # Rule 52: a child living with her leaves only by a separation of her own,
            # recorded first; no edit switches "lives with her" off.
            pgtrigger.Trigger(
                name="child_leaves_only_by_separation",
                operation=pgtrigger.Update,
                when=pgtrigger.Before,
                condition=pgtrigger.Condition(
                    "OLD.lives_with_mother AND NOT NEW.lives_with_mother AND "
                    "(NEW.separation_id IS NULL "
                    "OR NEW.separation_id IS NOT DISTINCT FROM OLD.separation_id)"
                ),
                func="RAISE EXCEPTION 'Rule 52: a child living with her mother leaves only "
                "by a recorded separation' USING ERRCODE = 'check_violation'; RETURN NULL;",
            ),
        ]

    def __str__(self) -> str:
        return f"Child {self.uuid}"  # never the name: str() ends up in logs

    @property
    def age(self) -> int:
        return age_on(self.date_of_birth, timezone.localdate())

    @property
    def whereabouts_unknown(self) -> bool:
        return not self.lives_with_mother and (
            self.location_unknown or self.custody == Custody.UNKNOWN
        )

    @property
    def needs_arrangement(self) -> bool:
        """A dependent child outside with neither an arrangement nor a reason (Rule 2.2)."""
        return (
            self.dependent
            and not self.lives_with_mother
            and not self.arrangements.strip()
            and not self.no_arrangements_reason.strip()
        )


@pghistory.track()
class Separation(models.Model):
    """A child living with her mother leaves prison (Rule 52): decided on the child's best
    interests, only once another carer is found (52.2), recorded by a social worker with when,
    why and where the child goes. Only this step lifts the protections the child gave her."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="separations")
    separated_on = models.DateField(_("day the child leaves"))
    reason = models.TextField(_("why, in the child's best interests"), max_length=2000)
    carer = models.CharField(_("who cares for the child"), max_length=200)
    carer_contact = models.CharField(_("carer's contact"), max_length=300, blank=True)
    location = models.CharField(_("where the child will live"), max_length=300)
    custody = models.CharField(_("custody or guardianship"), max_length=16, choices=Custody)
    decision = models.ForeignKey(
        "BestInterestsDecision",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("the best-interests decision it carries out"),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("separation of a child from her mother")
        ordering = ["-separated_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(carer="") & ~models.Q(reason="") & ~models.Q(custody=""),
                name="separation_has_reason_and_carer",
            )
        ]
        triggers = [pgtrigger.Protect(name="separation_no_delete", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return f"Separation {self.uuid}"  # never the child's name: str() ends up in logs


class Outcome(models.TextChoices):
    """What a best-interests decision decides (Rules 49, 52.1)."""

    WITH_HER = "with_her", _("The child lives with her mother in prison")
    APART = "apart", _("The child lives apart from her mother")


class DecisionKind(models.TextChoices):
    ADMISSION = "admission", _("Before the child comes to live with her")
    REVIEW = "review", _("Review of the child's stay with her")


@pghistory.track()
class BestInterestsDecision(models.Model):
    """A decision, on the child's best interests, whether a child lives with her mother in
    prison (Rule 49) or is separated from her (Rule 52.1): who took part, her views, the
    child's needs, the decision and its reasons. Made before a child comes to live with her
    (the child may not be on the register yet: a baby not yet born), at every review while the
    child stays, and before the national maximum age of stay."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    mother = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="best_interests_decisions"
    )
    child = models.ForeignKey(
        Child,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="best_interests_decisions",
        help_text=_("Empty for a child not yet on the register (a baby not yet born)."),
    )
    kind = models.CharField(_("decision"), max_length=16, choices=DecisionKind)
    decided_on = models.DateField(_("day decided"))
    participants = models.TextField(_("who took part"), max_length=2000)
    her_views = models.TextField(_("her views"), max_length=5000)
    child_needs = models.TextField(_("the child's needs"), max_length=5000)
    outcome = models.CharField(_("the decision"), max_length=16, choices=Outcome)
    reasons = models.TextField(_("the reasons, in the child's best interests"), max_length=5000)
    next_review_on = models.DateField(_("next review due"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("best-interests decision")
        ordering = ["-decided_on", "-id"]
        permissions = [
            ("oversee_children", "Can see, without identities, children living in prison")
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(participants="")
                & ~models.Q(her_views="")
                & ~models.Q(child_needs="")
                & ~models.Q(reasons=""),
                name="best_interests_decision_is_complete",
            ),
            models.CheckConstraint(
                condition=models.Q(outcome="apart") | models.Q(next_review_on__isnull=False),
                name="best_interests_stay_has_a_review",
            ),
        ]
        triggers = [pgtrigger.Protect(name="best_interests_no_delete", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return f"Best-interests decision {self.uuid}"


@pghistory.track()
class SeparationPlan(Versioned):
    """How a child living with her mother will leave prison (Rule 52): the alternative care
    identified and confirmed (who, where, their contact), a gradual transition, her
    consultation, for a foreign national consultation with consular officials (52.2), and how
    she and the child will meet after (52.3). Carried out by the separation."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="separation_plans")
    carer = models.CharField(_("who will care for the child"), max_length=200)
    location = models.CharField(_("where the child will live"), max_length=300)
    carer_contact = models.CharField(_("carer's contact"), max_length=300, blank=True)
    custody = models.CharField(_("custody or guardianship"), max_length=16, choices=Custody)
    care_confirmed_on = models.DateField(
        _("day the carer confirmed the arrangement"), null=True, blank=True
    )
    transition = models.TextField(
        _("the gradual transition: its stages and dates"), max_length=5000, blank=True
    )
    her_consulted_on = models.DateField(_("day she was consulted"), null=True, blank=True)
    her_views = models.TextField(_("her views on the plan"), max_length=5000, blank=True)
    consular_consulted_on = models.DateField(
        _("day consular officials were consulted"), null=True, blank=True
    )
    consular_official = models.CharField(
        _("consular official consulted"), max_length=300, blank=True
    )
    home_country_considered = models.TextField(
        _("relocation to the child's home country, considered with her"),
        max_length=3000,
        blank=True,
        help_text=_("Rule 53.2: for a non-resident foreign national, what was considered."),
    )
    contact_plan = models.TextField(
        _("how she and the child will meet after"), max_length=5000, blank=True
    )
    contact_every_days = models.PositiveSmallIntegerField(
        _("she meets the child at least every (days)"), default=14
    )
    planned_on = models.DateField(_("planned day the child leaves"), null=True, blank=True)
    separation = models.OneToOneField(
        Separation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="plan",
    )
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("separation plan")
        ordering = ["-recorded_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["child"],
                condition=models.Q(separation__isnull=True),
                name="one_open_separation_plan_per_child",
            ),
            models.CheckConstraint(
                condition=~models.Q(carer="") & ~models.Q(location="") & ~models.Q(custody=""),
                name="separation_plan_names_the_care",
            ),
        ]
        triggers = [pgtrigger.Protect(name="separation_plan_no_delete", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return f"Separation plan {self.uuid}"


class Applicant(models.TextChoices):
    HER = "her", _("She applied herself")
    SOCIAL = "social", _("A social worker, for her")
    HEALTH = "health", _("Health staff, for her")
    OTHER = "other", _("Someone else, for her")


class UnitDecision(models.TextChoices):
    GRANTED = "granted", _("A place is granted")
    REFUSED = "refused", _("Refused")


class AppealOutcome(models.TextChoices):
    UPHELD = "upheld", _("Upheld: a place is granted")
    DISMISSED = "dismissed", _("Dismissed: the refusal stands")


@pghistory.track()
class UnitApplication(Versioned):
    """An application for a place in the mother and baby unit (Rules 49-51, 42): who applied
    and when, the expected date of delivery she gives (for a baby not yet born) or the child,
    the board's decision with reasons, her appeal and its outcome."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    mother = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="unit_applications"
    )
    child = models.ForeignKey(
        Child, on_delete=models.PROTECT, null=True, blank=True, related_name="unit_applications"
    )
    applicant = models.CharField(_("who applies"), max_length=16, choices=Applicant)
    applied_on = models.DateField(_("day of the application"))
    expected_on = models.DateField(
        _("expected date of delivery, as she gives it"), null=True, blank=True
    )
    decision_due_on = models.DateField(_("decision due"), editable=False)
    decision = models.CharField(
        _("the board's decision"), max_length=16, choices=UnitDecision, blank=True
    )
    decided_on = models.DateField(_("day decided"), null=True, blank=True)
    reasons = models.TextField(_("the board's reasons"), max_length=5000, blank=True)
    appeal_lodged_on = models.DateField(_("day she appealed"), null=True, blank=True)
    appeal_grounds = models.TextField(_("her grounds of appeal"), max_length=5000, blank=True)
    appeal_outcome = models.CharField(
        _("the appeal's outcome"), max_length=16, choices=AppealOutcome, blank=True
    )
    appeal_decided_on = models.DateField(_("day the appeal was decided"), null=True, blank=True)
    appeal_reasons = models.TextField(_("the appeal's reasons"), max_length=5000, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("application for a place in the mother and baby unit")
        ordering = ["-applied_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(decision="") | ~models.Q(reasons=""),
                name="unit_decision_has_reasons",
            ),
            models.CheckConstraint(
                condition=models.Q(appeal_lodged_on__isnull=True) | models.Q(decision="refused"),
                name="unit_appeal_only_against_a_refusal",
            ),
            models.CheckConstraint(
                condition=models.Q(appeal_outcome="") | ~models.Q(appeal_reasons=""),
                name="unit_appeal_outcome_has_reasons",
            ),
        ]
        triggers = [
            pgtrigger.Protect(name="unit_application_no_delete", operation=pgtrigger.Delete)
        ]

    def __str__(self) -> str:
        return f"Unit application {self.uuid}"

    @property
    def granted(self) -> bool:
        return self.decision == UnitDecision.GRANTED or self.appeal_outcome == AppealOutcome.UPHELD

    @property
    def stage(self) -> str:
        if not self.decision:
            return "awaiting_decision"
        if (
            self.decision == UnitDecision.REFUSED
            and self.appeal_lodged_on
            and not self.appeal_outcome
        ):
            return "awaiting_appeal"
        return "decided"


class ActivityKind(models.TextChoices):
    CHILDCARE = "childcare", _("Childcare while she takes part in an activity (Rule 42.2)")
    OUTING = "outing", _("An outing outside the prison (Rule 51.2)")
    NURSERY = "nursery", _("Nursery, play group or school (Rule 51.2)")
    TOGETHER = "together", _("Time together beyond the daily routine (Rule 50)")


# What each kind must say: who cared for or went with the child, and for childcare what she
# took part in, for an outing where the child went.
ACTIVITY_NEEDS: dict[str, tuple[str, ...]] = {
    ActivityKind.CHILDCARE: ("who", "her_activity"),
    ActivityKind.OUTING: ("who", "place"),
    ActivityKind.NURSERY: ("place",),
    ActivityKind.TOGETHER: (),
}
# The kinds that bring the world outside into the child's life (Rule 51.2).
OUTSIDE = (ActivityKind.OUTING, ActivityKind.NURSERY)


class ChildActivity(models.Model):
    """A day of a child's life in prison with her mother, as the Rules ask it: childcare that
    lets her take part in the prison's activities (Rule 42.2), outings and nursery that keep
    the child's life as close as possible to a child's outside (Rule 51.2), time together
    beyond the routine (Rule 50). Part of the child's record: read only by the roles that
    read children's identities (Rule 3.2)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="activities")
    kind = models.CharField(_("what"), max_length=12, choices=ActivityKind)
    on = models.DateField(_("day"))
    hours = models.DecimalField(_("hours"), max_digits=4, decimal_places=1, null=True, blank=True)
    who = models.CharField(_("who cared for or went with the child"), max_length=200, blank=True)
    place = models.CharField(_("where"), max_length=200, blank=True)
    her_activity = models.CharField(
        _("what she took part in"),
        max_length=200,
        blank=True,
        help_text=_("Work, education, a programme, a visit, health care..."),
    )
    note = models.TextField(_("note"), max_length=3000, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("child's activity")
        verbose_name_plural = _("child's activities")
        ordering = ["-on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="childcare")
                | (~models.Q(who="") & ~models.Q(her_activity="")),
                name="childcare_says_who_and_for_what",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="outing") | (~models.Q(who="") & ~models.Q(place="")),
                name="outing_says_who_and_where",
            ),
        ]
        indexes = [models.Index(fields=["child", "kind", "-on"])]
        triggers = [pgtrigger.Protect(name="child_activity_no_delete", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return f"Child activity {self.uuid}"
