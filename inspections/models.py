"""Inspections and monitoring visits (Bangkok Rule 25.3; Rules 67-70 for what they look at).

- A `Visit` by a monitoring body (an inspectorate, an independent monitoring board, a national
  preventive mechanism under OPCAT, a UN body...) to one facility, announced or not, planned,
  started and ended. Its `team` (`Member`s, each with her role on the team and whether she is
  a woman): Rule 25.3 asks that the body include women members; a team without one is
  recorded, warned and counted (RULES-SPEC 3, indicator 52). At its start the facility's
  oversight figures for the period before the visit are frozen on it (`figures`), never
  changed after, and shown beside today's on the next visit.
- A `Sample` of the women in custody at the facility, drawn at random within strata with a
  recorded seed, so the draw can be made again and checked; each `SampledWoman` carries the
  inspector's case-review note.
- `Finding`s and `Recommendation`s, locked when the visit ends (their edits before that are
  kept by pghistory); the governor's `ActionPlan` per recommendation and its `FollowUp`s.

No row here is ever deleted.
"""

import uuid

import pghistory
import pgtrigger
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bangkok.versions import Versioned


class BodyKind(models.TextChoices):
    INSPECTORATE = "inspectorate", _("Prison inspectorate")
    BOARD = "board", _("Independent monitoring or visiting board")
    NPM = "npm", _("National preventive mechanism (OPCAT)")
    UN = "un", _("United Nations body (SPT, a special rapporteur...)")
    OMBUDS = "ombuds", _("Ombudsperson or human rights institution")
    JUDICIAL = "judicial", _("Judge or prosecutor")
    CIVIL = "civil", _("Civil society organisation")
    OTHER = "other", _("Another body")


class Stratum(models.TextChoices):
    """Each woman in custody belongs to the first that applies."""

    PREGNANT = "pregnant", _("Pregnant")
    MOTHER = "mother", _("A child lives with her")
    GIRL = "girl", _("Girl under 18")
    FOREIGN = "foreign", _("Foreign national")
    APART = "apart", _("Segregated or held apart")
    REST = "rest", _("Every other woman")


STRATA = list(Stratum.values)


class Area(models.TextChoices):
    ADMISSION = "admission", _("Admission and allocation")
    HEALTH = "health", _("Health care")
    HYGIENE = "hygiene", _("Hygiene")
    SEARCHES = "searches", _("Searches")
    DISCIPLINE = "discipline", _("Discipline and segregation")
    RESTRAINT = "restraint", _("Restraint and use of force")
    SAFETY = "safety", _("Safety, safeguarding and complaints")
    CHILDREN = "children", _("Children and mothers")
    CONTACT = "contact", _("Contact with the outside world")
    REGIME = "regime", _("Regime, education and work")
    RELEASE = "release", _("Release and resettlement")
    STAFF = "staff", _("Staff and training")
    RECORDS = "records", _("Records and confidentiality")
    OTHER = "other", _("Other")


class Priority(models.TextChoices):
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


class Status(models.TextChoices):
    OPEN = "open", _("Awaiting the governor's answer")
    ACCEPTED = "accepted", _("Accepted")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    NOT_ACCEPTED = "not_accepted", _("Not accepted")


CLOSED = [Status.DONE, Status.NOT_ACCEPTED]
ANSWERS = [Status.ACCEPTED, Status.IN_PROGRESS, Status.DONE, Status.NOT_ACCEPTED]
ANSWER_CHOICES = [(status.value, status.label) for status in ANSWERS]


class OwnerRole(models.TextChoices):
    GOVERNOR = "governor", _("The governor")
    CUSTODY = "custody", _("Custody officers")
    HEALTH = "health", _("Health staff")
    SOCIAL = "social", _("Social workers")
    SAFEGUARDING = "safeguarding", _("Safeguarding staff")
    RECEPTION = "reception", _("Reception")


@pghistory.track()
class Visit(Versioned):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    facility = models.ForeignKey(
        "facilities.Facility",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("facility"),
    )
    body = models.CharField(_("monitoring body"), max_length=200)
    body_kind = models.CharField(_("kind of body"), max_length=16, choices=BodyKind)
    announced = models.BooleanField(_("announced to the facility"), default=True)
    planned_start = models.DateField(_("planned start"))
    planned_end = models.DateField(_("planned end"))
    purpose = models.TextField(_("purpose and scope"), max_length=5000, blank=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    # The facility's oversight figures for the period before the visit, frozen at its start.
    figures = models.JSONField(null=True, blank=True, editable=False)
    figures_from = models.DateField(null=True, blank=True, editable=False)
    figures_to = models.DateField(null=True, blank=True, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("inspection or monitoring visit")
        ordering = ["-planned_start", "-id"]
        indexes = [
            models.Index(fields=["facility", "planned_start"]),
            models.Index(fields=["facility", "started_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(body_kind__in=BodyKind.values), name="inspections_body_known"
            ),
            models.CheckConstraint(
                condition=models.Q(planned_end__gte=models.F("planned_start")),
                name="inspections_planned_in_order",
            ),
            models.CheckConstraint(
                condition=models.Q(ended_at__isnull=True)
                | models.Q(started_at__isnull=False, ended_at__gte=models.F("started_at")),
                name="inspections_ends_after_it_starts",
            ),
            # What was frozen at the start is there from the start.
            models.CheckConstraint(
                condition=models.Q(started_at__isnull=True) | models.Q(figures__isnull=False),
                name="inspections_started_with_figures",
            ),
        ]
        triggers = [
            pgtrigger.Protect(name="inspections_visit_no_delete", operation=pgtrigger.Delete),
            # The figures frozen at the start never change after (Rule 25.3: what the next
            # visit compares with is what this one saw).
            pgtrigger.Protect(
                name="inspections_figures_frozen",
                operation=pgtrigger.Update,
                condition=pgtrigger.Q(old__figures__isnull=False)
                & (
                    pgtrigger.Q(old__figures__df=pgtrigger.F("new__figures"))
                    | pgtrigger.Q(old__figures_from__df=pgtrigger.F("new__figures_from"))
                    | pgtrigger.Q(old__figures_to__df=pgtrigger.F("new__figures_to"))
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"Inspection visit {self.uuid}"

    @property
    def finished(self) -> bool:
        return self.ended_at is not None

    @property
    def state(self) -> str:
        if self.ended_at is not None:
            return "finished"
        return "under_way" if self.started_at is not None else "planned"

    @property
    def state_label(self) -> str:
        return str(
            {
                "finished": _("Finished"),
                "under_way": _("Under way"),
                "planned": _("Planned"),
            }[self.state]
        )

    @property
    def period(self) -> tuple:
        """The days of the visit: as it happened, else as planned."""
        start = timezone.localdate(self.started_at) if self.started_at else self.planned_start
        end = (
            timezone.localdate(self.ended_at)
            if self.ended_at
            else max(
                self.planned_end, timezone.localdate() if self.started_at else self.planned_end
            )
        )
        return start, max(start, end)


@pghistory.track()
class Member(models.Model):
    """A member of the visiting team (Rule 25.3: the body includes women members)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    visit = models.ForeignKey(Visit, on_delete=models.PROTECT, related_name="team")
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role on the team"), max_length=200)
    woman = models.BooleanField(_("a woman"))
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("member of a visiting team")
        ordering = ["id"]
        triggers = [
            pgtrigger.Protect(name="inspections_member_no_delete", operation=pgtrigger.Delete)
        ]

    def __str__(self) -> str:
        return f"Team member {self.uuid}"


@pghistory.track()
class Sample(models.Model):
    """The women drawn at random for case review: the seed, each stratum's population (the ids,
    in order) and how many were asked and drawn, when and by whom, so the draw can be made again
    and checked. One a visit."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    visit = models.OneToOneField(Visit, on_delete=models.PROTECT, related_name="sample")
    seed = models.BigIntegerField(_("seed"))
    strata = models.JSONField(editable=False)
    drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    drawn_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("sample of women for case review")
        triggers = [
            pgtrigger.Protect(name="inspections_sample_no_delete", operation=pgtrigger.Delete),
            pgtrigger.Protect(name="inspections_sample_as_drawn", operation=pgtrigger.Update),
        ]

    def __str__(self) -> str:
        return f"Sample {self.uuid}"


@pghistory.track()
class SampledWoman(Versioned):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sample = models.ForeignKey(Sample, on_delete=models.PROTECT, related_name="women")
    prisoner = models.ForeignKey("prisoners.Prisoner", on_delete=models.PROTECT, related_name="+")
    stratum = models.CharField(max_length=12, choices=Stratum)
    opened_at = models.DateTimeField(null=True, blank=True)
    note = models.TextField(_("case-review note"), max_length=10000, blank=True)
    noted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    noted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("woman sampled for case review")
        verbose_name_plural = _("women sampled for case review")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["sample", "prisoner"], name="inspections_sampled_once"),
            models.CheckConstraint(
                condition=models.Q(stratum__in=STRATA), name="inspections_stratum_known"
            ),
        ]
        triggers = [
            pgtrigger.Protect(name="inspections_sampled_no_delete", operation=pgtrigger.Delete)
        ]

    def __str__(self) -> str:
        return f"Sampled woman {self.uuid}"


@pghistory.track()
class Finding(Versioned):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    visit = models.ForeignKey(Visit, on_delete=models.PROTECT, related_name="findings")
    area = models.CharField(_("area"), max_length=16, choices=Area)
    rule = models.CharField(_("rule"), max_length=20, blank=True)
    found = models.TextField(_("what was found"), max_length=10000)
    evidence = models.TextField(_("evidence"), max_length=10000, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("finding")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(area__in=Area.values), name="inspections_area_known"
            ),
        ]
        triggers = [
            pgtrigger.Protect(name="inspections_finding_no_delete", operation=pgtrigger.Delete)
        ]

    def __str__(self) -> str:
        return f"Finding {self.uuid}"


@pghistory.track()
class Recommendation(Versioned):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    visit = models.ForeignKey(Visit, on_delete=models.PROTECT, related_name="recommendations")
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    finding = models.ForeignKey(
        Finding,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="recommendations",
        verbose_name=_("finding"),
    )
    text = models.TextField(_("recommendation"), max_length=5000)
    rule = models.CharField(_("rule"), max_length=20, blank=True)
    priority = models.CharField(_("priority"), max_length=8, choices=Priority)
    owner_role = models.CharField(_("owner at the facility"), max_length=16, choices=OwnerRole)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("named governor"),
    )
    deadline = models.DateField(_("deadline"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status, default=Status.OPEN, editable=False
    )
    closed_at = models.DateTimeField(null=True, blank=True, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("recommendation")
        ordering = ["deadline", "id"]
        indexes = [models.Index(fields=["facility", "status", "deadline"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(priority__in=Priority.values),
                name="inspections_priority_known",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=Status.values), name="inspections_status_known"
            ),
            models.CheckConstraint(
                condition=models.Q(owner_role__in=OwnerRole.values),
                name="inspections_owner_role_known",
            ),
        ]
        triggers = [
            pgtrigger.Protect(
                name="inspections_recommendation_no_delete", operation=pgtrigger.Delete
            )
        ]

    def __str__(self) -> str:
        return f"Recommendation {self.uuid}"

    @property
    def overdue(self) -> bool:
        return self.status not in CLOSED and self.deadline < timezone.localdate()


@pghistory.track()
class ActionPlan(Versioned):
    """The governor's plan to act on one recommendation."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    recommendation = models.OneToOneField(
        Recommendation, on_delete=models.PROTECT, related_name="plan"
    )
    action = models.TextField(_("action"), max_length=5000)
    owner = models.CharField(_("who carries it out"), max_length=200)
    target_date = models.DateField(_("target date"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("action plan")
        triggers = [
            pgtrigger.Protect(name="inspections_plan_no_delete", operation=pgtrigger.Delete)
        ]

    def __str__(self) -> str:
        return f"Action plan {self.uuid}"


@pghistory.track()
class FollowUp(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.PROTECT, related_name="follow_ups"
    )
    status = models.CharField(_("status"), max_length=16, choices=Status)
    reason = models.TextField(_("reason it is not accepted"), max_length=5000, blank=True)
    evidence = models.TextField(_("evidence"), max_length=5000, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("follow-up of a recommendation")
        ordering = ["-recorded_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=ANSWERS), name="inspections_follow_up_answers"
            ),
            models.CheckConstraint(
                condition=~models.Q(status=Status.NOT_ACCEPTED) | ~models.Q(reason=""),
                name="inspections_not_accepted_with_reason",
            ),
        ]
        triggers = [
            pgtrigger.Protect(name="inspections_follow_up_no_delete", operation=pgtrigger.Delete)
        ]

    def __str__(self) -> str:
        return f"Follow-up {self.uuid}"
