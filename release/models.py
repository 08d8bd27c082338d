"""Her way home (Bangkok Rules 45-47, 55; Mandela Rules 9, 87-88).

A release plan belongs to one custody episode. It is opened when her earliest release date is
recorded and started by a social worker when the time comes (`RELEASE_PLAN_START_DAYS` before
that date); its sections each carry a status. Her health continuity is health's record alone
(Rule 8): other roles see only whether it is complete. Her copy of her records (Mandela 9) is
handed over at release, or her refusal of it recorded. Nothing here is ever deleted.
"""

import uuid

import pghistory
import pgtrigger
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bangkok.versions import Versioned


class Part(models.TextChoices):
    """The sections of a release plan, each with the rule that asks for it."""

    ACCOMMODATION = "accommodation", _("Accommodation on the day and after")
    INCOME = "income", _("Income or employment")
    CHILDREN = "children", _("Her children: arrangements and reunification")
    SAFETY = "safety", _("Safety plan (domestic violence)")
    REFERRALS = "referrals", _("Referrals to community services")
    TRANSITION = "transition", _("Home leave, open prison, halfway house")
    SUPPORT = "support", _("Support she wants after release")


RULE_OF_PART = {
    Part.ACCOMMODATION: "46",
    Part.INCOME: "46",
    Part.CHILDREN: "46",
    Part.SAFETY: "46",
    Part.REFERRALS: "55",
    Part.TRANSITION: "45",
    Part.SUPPORT: "47",
}
# What a viewer reads of a part beyond its status: the children's part names no child (the
# register does, Rule 3.2) but is kept with those who read the register; the safety plan with
# the social workers who keep the plan.
NOTES_NEED = {Part.CHILDREN: "register.view_child", Part.SAFETY: "release.keep_plan"}


class PartStatus(models.TextChoices):
    TO_DO = "to_do", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETE = "complete", _("Complete")
    NOT_NEEDED = "not_needed", _("Not needed")


DONE_STATUSES = (PartStatus.COMPLETE, PartStatus.NOT_NEEDED)
# Parts that can be "not needed" (she has no children, has not suffered domestic violence, is
# not eligible for open conditions); every other part must be complete.
MAY_BE_NOT_NEEDED = (Part.CHILDREN, Part.SAFETY, Part.TRANSITION)


@pghistory.track()
class ReleasePlan(Versioned):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    admission = models.OneToOneField(
        "admissions.Admission", on_delete=models.PROTECT, related_name="release_plan"
    )
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="release_plans"
    )
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    earliest_release_on = models.DateField(_("earliest release date"), null=True, blank=True)
    date_source = models.CharField(
        _("where the date comes from"),
        max_length=300,
        blank=True,
        help_text=_("The sentence calculation, court order or decision it follows from."),
    )
    date_recorded_at = models.DateTimeField(null=True, blank=True)
    date_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    started_at = models.DateTimeField(_("plan started"), null=True, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    # Released with her health continuity incomplete: the release officer's reason (Rule 46).
    health_reason = models.CharField(
        _("why she leaves with health continuity incomplete"), max_length=1000, blank=True
    )
    health_reason_at = models.DateTimeField(null=True, blank=True)
    health_reason_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("release plan")
        ordering = ["earliest_release_on", "id"]
        permissions = [
            ("keep_plan", "Can start and keep a release plan"),
            ("record_release_date", "Can record her earliest release date"),
            ("clear_release", "Can record why she leaves with health continuity incomplete"),
            ("hand_over_copy", "Can produce and hand over her copy of her records"),
        ]
        indexes = [
            models.Index(fields=["facility", "earliest_release_on"]),
            # The admissions whose plan was started, for oversight's releases without one.
            models.Index(
                fields=["admission"],
                condition=models.Q(started_at__isnull=False),
                name="releaseplan_started",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(health_reason="") | models.Q(health_reason_at__isnull=False),
                name="release_health_reason_dated",
            ),
        ]
        triggers = [pgtrigger.Protect(name="release_plan_no_delete", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return f"Release plan {self.uuid}"


@pghistory.track()
class PlanPart(Versioned):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    plan = models.ForeignKey(ReleasePlan, on_delete=models.PROTECT, related_name="parts")
    part = models.CharField(_("section"), max_length=16, choices=Part)
    status = models.CharField(
        _("status"), max_length=12, choices=PartStatus, default=PartStatus.TO_DO
    )
    notes = models.TextField(_("what is arranged"), max_length=4000, blank=True)
    services = models.CharField(
        _("community services involved"),
        max_length=500,
        blank=True,
        help_text=_("Probation, social welfare, NGOs, culturally appropriate services (Rule 55)."),
    )
    updated_at = models.DateTimeField(null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("release plan section")
        ordering = ["plan", "id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "part"], name="one_release_plan_part"),
            models.CheckConstraint(
                condition=~models.Q(status="not_needed")
                | models.Q(part__in=["children", "safety", "transition"]),
                name="release_part_needed",
            ),
        ]
        triggers = [pgtrigger.Protect(name="plan_part_no_delete", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return self.get_part_display()

    @property
    def rule(self) -> str:
        return RULE_OF_PART[Part(self.part)]

    @property
    def is_done(self) -> bool:
        return self.status in DONE_STATUSES


@pghistory.track()
class HealthContinuity(Versioned):
    """Health continuity at release (Rules 46, 47; Rule 8: health staff alone read it)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    plan = models.OneToOneField(
        ReleasePlan, on_delete=models.PROTECT, related_name="health_continuity"
    )
    medication = models.TextField(_("medication to continue"), max_length=2000, blank=True)
    hiv_treatment = models.TextField(_("HIV treatment (ART)"), max_length=2000, blank=True)
    substitution_treatment = models.TextField(
        _("opioid substitution treatment"), max_length=2000, blank=True
    )
    screening_recalls = models.TextField(_("screening recalls"), max_length=2000, blank=True)
    community_provider = models.CharField(
        _("community health service taking her on"), max_length=300, blank=True
    )
    handed_over_on = models.DateField(_("handed over to them on"), null=True, blank=True)
    complete = models.BooleanField(_("health continuity complete"), default=False)
    recorded_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("health continuity")
        verbose_name_plural = _("health continuity")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(complete=False)
                | (~models.Q(community_provider="") & models.Q(handed_over_on__isnull=False)),
                name="health_continuity_complete_handed_over",
            ),
        ]
        triggers = [
            pgtrigger.Protect(name="health_continuity_no_delete", operation=pgtrigger.Delete)
        ]

    def __str__(self) -> str:
        return f"Health continuity {self.uuid}"


class CopyKind(models.TextChoices):
    GENERAL = "general", _("Her records")
    CLINICAL = "clinical", _("Her clinical copy")
    COMPLAINTS = "complaints", _("Her complaints and their answers")


class Handed(models.TextChoices):
    SIGNED = "signed", _("Handed to her; she signed for it")
    REFUSED = "refused", _("She refused it")


@pghistory.track(append_only=True)
class RecordsCopy(models.Model):
    """Her official copy of her records, handed over at release (Mandela Rule 9), or her
    refusal of it. The document itself is made from the records when it is read, in her
    language where the catalogue has it; this row logs who gave it, when, and her answer."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    admission = models.ForeignKey(
        "admissions.Admission", on_delete=models.PROTECT, related_name="records_copies"
    )
    prisoner = models.ForeignKey("prisoners.Prisoner", on_delete=models.PROTECT, related_name="+")
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("copy"), max_length=10, choices=CopyKind, default=CopyKind.GENERAL)
    language = models.CharField(_("language"), max_length=8)
    outcome = models.CharField(_("her answer"), max_length=8, choices=Handed)
    note = models.CharField(_("note"), max_length=500, blank=True)
    handed_at = models.DateTimeField(_("handed over"), default=timezone.now)
    handed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("copy of her records")
        verbose_name_plural = _("copies of her records")
        ordering = ["-handed_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["admission", "kind"], name="one_records_copy_of_a_kind")
        ]
        triggers = [
            pgtrigger.Protect(
                name="records_copy_unchanged", operation=pgtrigger.Update | pgtrigger.Delete
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_outcome_display()})"
