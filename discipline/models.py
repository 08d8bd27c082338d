"""Discipline (Bangkok Rules 22, 23; Mandela Rules 36-46).

A charge is laid, heard and decided; a proved charge may carry sanctions, which she may have
reviewed. Segregation and close confinement are recorded as a `Segregation` (whether imposed
as a sanction or not) with a planned end and a daily health visit. Contact restrictions are
security measures, never punishment, and never cover her children.

The hard stops live in the services; what the database can hold, it holds here: no sanction
type prohibits family contact or uses restraints, no privilege lost is family contact, no
segregation is planned beyond 15 consecutive days, no contact restriction covers children.
"""

import uuid
from datetime import timedelta

import pghistory
import pgtrigger
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from authority.models import AuthorityState, AwaitsAuthority, authority_constraints
from bangkok import late
from bangkok.versions import Versioned

# Mandela Rules 43(1)(b) and 44: more than 15 consecutive days is prolonged solitary
# confinement, prohibited. The setting may only be lower; the database holds the ceiling.
LONGEST_RUN_DAYS = 15


class ChargeStatus(models.TextChoices):
    LAID = "laid", _("Laid, awaiting hearing")
    PROVED = "proved", _("Proved")
    DISMISSED = "dismissed", _("Dismissed")


@pghistory.track()
class Charge(Versioned):
    """A disciplinary charge, and when and in which language she was told of it (Mandela 41)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="charges"
    )
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    offence = models.CharField(_("the offence she is charged with"), max_length=500)
    occurred_at = models.DateTimeField(_("when it happened"))
    informed_at = models.DateTimeField(_("when she was told of the charge"))
    late_reason = late.model_field()
    language = models.CharField(_("language she was told in"), max_length=50)
    interpreter = models.BooleanField(_("an interpreter was used"), default=False)
    laid_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    laid_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(
        _("status"), max_length=10, choices=ChargeStatus, default=ChargeStatus.LAID
    )

    class Meta:
        verbose_name = _("charge")
        ordering = ["-laid_at", "-id"]
        permissions = [("adjudicate", "Can hear charges and decide sanctions")]
        triggers = [pgtrigger.Protect(name="charge_no_delete", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return f"Charge {self.uuid}"


class MentalHealth(models.TextChoices):
    NONE_KNOWN = "none_known", _("Considered: no mental illness or disability is known")
    DID_NOT_CONTRIBUTE = "did_not_contribute", _("Considered: it did not contribute")
    CONTRIBUTED = "contributed", _("Considered: it contributed to the conduct")


@pghistory.track()
class Hearing(models.Model):
    """The hearing and its decision, with the safeguards she had (Mandela 39.3, 41)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    charge = models.OneToOneField(Charge, on_delete=models.PROTECT, related_name="hearing")
    held_at = models.DateTimeField(_("held"))
    held_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    informed_promptly = models.BooleanField(
        _("she was told of the charge promptly, in a language she understands"), default=False
    )
    interpreter = models.BooleanField(_("an interpreter was present"), default=False)
    legal_assistance = models.BooleanField(_("she had legal assistance"), default=False)
    time_to_prepare = models.BooleanField(
        _("she had time and means to prepare her defence"), default=False
    )
    safeguards_note = models.TextField(
        _("why a safeguard was missing"), blank=True, max_length=5000
    )
    evidence = models.TextField(_("evidence heard"), max_length=10000)
    mental_health = models.CharField(
        _("her mental health or developmental disability"), max_length=20, choices=MentalHealth
    )
    proved = models.BooleanField(_("the charge is proved"))
    reasons = models.TextField(_("reasons for the decision"), max_length=10000)

    class Meta:
        verbose_name = _("hearing")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(mental_health__in=MentalHealth.values),
                name="hearing_considered_mental_health",
            ),
        ]
        triggers = [pgtrigger.Protect(name="hearing_no_delete", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return f"Hearing {self.uuid}"


class SanctionType(models.TextChoices):
    """No prohibition of family contact (Rule 23; Mandela 43.3), no restraint (Mandela 43.2),
    no reduction of food or water, no corporal or collective punishment (Mandela 43.1)."""

    CAUTION = "caution", _("Caution")
    LOSS_OF_PRIVILEGES = "loss_of_privileges", _("Loss of a privilege")
    LOSS_OF_EARNINGS = "loss_of_earnings", _("Loss of earnings")
    EXTRA_DUTIES = "extra_duties", _("Extra work duties")
    LOSS_OF_WORK = "loss_of_work", _("Loss of her work or activities")
    CLOSE_CONFINEMENT = "close_confinement", _("Close confinement")
    DISCIPLINARY_SEGREGATION = "disciplinary_segregation", _("Disciplinary segregation")


CONFINING = (SanctionType.CLOSE_CONFINEMENT, SanctionType.DISCIPLINARY_SEGREGATION)


class Privilege(models.TextChoices):
    """Privileges a sanction may take away. Family contact is not a privilege (Rule 23)."""

    RECREATION = "recreation", _("Extra recreation")
    PURCHASES = "purchases", _("Purchases from the shop")
    ASSOCIATION = "association", _("Association in the evening")
    ENTERTAINMENT = "entertainment", _("Television or radio in her cell")
    PERSONAL_ITEMS = "personal_items", _("Extra personal belongings")


class SanctionStatus(models.TextChoices):
    IMPOSED = "imposed", _("Imposed")
    REDUCED = "reduced", _("Reduced on review")
    QUASHED = "quashed", _("Quashed on review")


@pghistory.track()
class Sanction(AwaitsAuthority):
    """A sanction imposed for a proved charge. Imposed, it is in force from `starts_on` once a
    governor confirms it (`authority`), the same step for every woman (Rules 7.3, 25.1)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    charge = models.ForeignKey(Charge, on_delete=models.PROTECT, related_name="sanctions")
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="sanctions"
    )
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    type = models.CharField(_("sanction"), max_length=24, choices=SanctionType)
    privilege = models.CharField(
        _("privilege lost"), max_length=20, choices=Privilege, blank=True, default=""
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    imposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    imposed_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(
        _("status"), max_length=10, choices=SanctionStatus, default=SanctionStatus.IMPOSED
    )

    class Meta:
        verbose_name = _("sanction")
        ordering = ["-imposed_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(type__in=SanctionType.values),
                name="sanction_type_allowed",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    type=SanctionType.LOSS_OF_PRIVILEGES, privilege__in=Privilege.values
                )
                | (~models.Q(type=SanctionType.LOSS_OF_PRIVILEGES) & models.Q(privilege="")),
                name="sanction_privilege_allowed",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="sanction_ends_after_start",
            ),
            *authority_constraints(),
        ]
        triggers = [pgtrigger.Protect(name="sanction_no_delete", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return f"Sanction {self.uuid}"


class ReviewOutcome(models.TextChoices):
    UPHELD = "upheld", _("Upheld")
    REDUCED = "reduced", _("Reduced")
    QUASHED = "quashed", _("Quashed")


@pghistory.track()
class SanctionReview(models.Model):
    """A review of a sanction she asked for (Mandela 41.4)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sanction = models.ForeignKey(Sanction, on_delete=models.PROTECT, related_name="reviews")
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(default=timezone.now)
    outcome = models.CharField(_("outcome"), max_length=10, choices=ReviewOutcome)
    reasons = models.TextField(_("reasons"), max_length=10000)

    class Meta:
        verbose_name = _("review of a sanction")
        ordering = ["reviewed_at", "id"]
        triggers = [pgtrigger.Protect(name="review_no_delete", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return f"Review {self.uuid}"


class SegregationKind(models.TextChoices):
    DISCIPLINARY = "disciplinary_segregation", _("Disciplinary segregation")
    CLOSE_CONFINEMENT = "close_confinement", _("Close confinement")
    SEPARATION = "separation", _("Separation for safety or security")


# A segregation the governor refused: it never started.
NEVER_STARTED = models.Q(authority=AuthorityState.REFUSED, started_at__isnull=True)


class SegregationQuerySet(models.QuerySet):
    def open(self):
        """Started and not ended."""
        return self.filter(ended_at__isnull=True, started_at__isnull=False)

    def in_play(self):
        """Open, or awaiting the governor's authority (at most one a woman)."""
        return self.filter(ended_at__isnull=True).exclude(NEVER_STARTED)

    def covering(self, day):
        """Segregations on at any moment of `day` (a date, or an expression giving one, such
        as `OuterRef("day")`): started on or before it and not ended before it began. A
        woman kept apart 22 hours or more that day was segregated on the record (Mandela
        44), not in de facto solitary confinement (`regime`)."""
        return self.filter(started_at__date__lte=day).filter(
            models.Q(ended_at__isnull=True) | models.Q(ended_at__date__gte=day)
        )


@pghistory.track()
class Segregation(AwaitsAuthority):
    """Time apart from others, 22 hours a day or more (Mandela 44), with a planned end within
    15 consecutive days counted from `run_start` (the first day of an unbroken run)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="segregations"
    )
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=24, choices=SegregationKind)
    sanction = models.OneToOneField(
        Sanction, on_delete=models.PROTECT, null=True, blank=True, related_name="segregation"
    )
    reason = models.TextField(_("reason"), max_length=5000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # When it began, if it began before it was recorded (backdated); empty, it starts when
    # the governor confirms it. One recorded late says why (`bangkok.late`).
    began_at = models.DateTimeField(_("began"), null=True, blank=True)
    late_reason = late.model_field()
    # Empty while it awaits the governor's authority: the 15 days count from her confirmation,
    # or from the day it began when it was recorded after it began.
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    start_date = models.DateField(null=True, blank=True)
    run_start = models.DateField(null=True, blank=True)
    planned_end = models.DateField(_("planned end"))
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    end_reason = models.CharField(_("why it ended"), max_length=300, blank=True)
    # Stamped when the "no segregation" protection appears while she is segregated (Rule 22).
    protection_raised_at = models.DateTimeField(null=True, blank=True)

    objects = SegregationQuerySet.as_manager()

    class Meta:
        verbose_name = _("segregation")
        ordering = ["-started_at", "-id"]
        permissions = [("record_segregation_visit", "Can record the daily health visit")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(planned_end__gte=models.F("start_date"))
                & models.Q(
                    planned_end__lte=models.F("run_start") + timedelta(days=LONGEST_RUN_DAYS - 1)
                ),
                name="segregation_at_most_15_consecutive_days",
            ),
            models.CheckConstraint(
                condition=models.Q(run_start__lte=models.F("start_date")),
                name="segregation_run_starts_first",
            ),
            models.UniqueConstraint(
                fields=["prisoner"],
                condition=models.Q(ended_at__isnull=True) & ~NEVER_STARTED,
                name="one_open_segregation",
            ),
            # It starts only with the governor's authority (Rule 22; Mandela 43-45).
            models.CheckConstraint(
                condition=models.Q(
                    started_at__isnull=False,
                    start_date__isnull=False,
                    run_start__isnull=False,
                    authority=AuthorityState.CONFIRMED,
                )
                | models.Q(
                    started_at__isnull=True,
                    ended_at__isnull=True,
                    authority__in=[AuthorityState.PENDING, AuthorityState.REFUSED],
                ),
                name="segregation_starts_with_authority",
            ),
            *authority_constraints(),
        ]
        triggers = [pgtrigger.Protect(name="segregation_no_delete", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return f"Segregation {self.uuid}"

    def validate_constraints(self, exclude=None):
        # Before she is held there is no run: the database passes the run's checks on a
        # NULL, and asked here they would compare a date with an untyped NULL and fail.
        if self.run_start is None:
            exclude = {*(exclude or ()), "run_start"}
        super().validate_constraints(exclude=exclude)

    @property
    def is_open(self) -> bool:
        return self.ended_at is None and self.started_at is not None

    def day_number(self, on=None) -> int:
        """Her day in the consecutive run (day 1 is the run's first day)."""
        return ((on or timezone.localdate()) - self.run_start).days + 1


@pghistory.track()
class SegregationExtension(AwaitsAuthority):
    """A later planned end asked for an open segregation, within 15 consecutive days (Mandela
    43-44). It takes effect when a governor confirms it, the same step for every woman (Rules
    7.3, 25.1); until then the segregation keeps its planned end."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    segregation = models.ForeignKey(
        Segregation, on_delete=models.PROTECT, related_name="extensions"
    )
    prisoner = models.ForeignKey("prisoners.Prisoner", on_delete=models.PROTECT, related_name="+")
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    planned_end = models.DateField(_("new planned end"))
    previous_end = models.DateField(_("planned end before"))
    reason = models.TextField(_("reason"), blank=True, max_length=5000)
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    asked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("extension of a segregation")
        ordering = ["-asked_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(planned_end__gt=models.F("previous_end")),
                name="extension_ends_later",
            ),
            *authority_constraints(),
        ]
        triggers = [pgtrigger.Protect(name="extension_no_delete", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return f"Extension {self.uuid}"


@pghistory.track()
class SegregationVisit(models.Model):
    """The daily visit by health staff (Mandela 46): that she was seen, and whether she is fit
    to remain. No clinical detail is kept here."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    segregation = models.ForeignKey(Segregation, on_delete=models.PROTECT, related_name="visits")
    seen_at = models.DateTimeField(_("seen"))
    seen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    fit_to_remain = models.BooleanField(_("fit to remain segregated"))

    class Meta:
        verbose_name = _("health visit")
        ordering = ["-seen_at", "-id"]
        triggers = [pgtrigger.Protect(name="visit_no_delete", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return f"Visit {self.uuid}"


class ContactMeans(models.TextChoices):
    """One means at a time: restricting all contact is not possible (Rule 23)."""

    VISITS = "visits", _("Visits")
    CALLS = "calls", _("Telephone calls")
    LETTERS = "letters", _("Letters")


@pghistory.track()
class ContactRestriction(AwaitsAuthority):
    """A security measure on one means of contact with one person, for a limited time
    (Mandela 43.3). Never a punishment, and never her children (Rule 23). Ordered, it is in
    force once a governor confirms it (`authority`), the same step for every woman (Rules
    7.3, 25.1)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="contact_restrictions"
    )
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    means = models.CharField(_("means restricted"), max_length=10, choices=ContactMeans)
    # The person restricted is one on her visitor list or in her family record, never a name
    # typed in (Rule 23); her name and relationship are kept as they were on the day.
    visitor = models.ForeignKey(
        "visits.Visitor",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("person on her visitor list"),
    )
    family_member = models.ForeignKey(
        "admissions.FamilyMember",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("person in her family record"),
    )
    person_name = models.CharField(_("person concerned"), max_length=200)
    relationship = models.CharField(_("relationship to her"), max_length=100)
    covers_children = models.BooleanField(_("covers any of her children"), default=False)
    reason = models.TextField(_("security reason"), max_length=5000)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("contact restriction")
        ordering = ["-starts_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(covers_children=False), name="restriction_never_children"
            ),
            models.CheckConstraint(
                condition=models.Q(means__in=ContactMeans.values), name="restriction_one_means"
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="restriction_has_an_end",
            ),
            *authority_constraints(),
        ]
        triggers = [
            pgtrigger.Protect(name="restriction_no_delete", operation=pgtrigger.Delete),
            # Rule 23: every restriction recorded names one person on her visitor list or in
            # her family record (older ones, typed in, are left as they were).
            pgtrigger.Trigger(
                name="restriction_names_one_known_person",
                operation=pgtrigger.Insert,
                when=pgtrigger.Before,
                condition=pgtrigger.Condition(
                    "NEW.visitor_id IS NULL AND NEW.family_member_id IS NULL "
                    "OR NEW.visitor_id IS NOT NULL AND NEW.family_member_id IS NOT NULL"
                ),
                func="RAISE EXCEPTION 'Rule 23: a contact restriction names one person on "
                "her visitor list or in her family record' USING ERRCODE = 'check_violation'; "
                "RETURN NULL;",
            ),
        ]

    def __str__(self) -> str:
        return f"Contact restriction {self.uuid}"

    @property
    def in_force(self) -> bool:
        confirmed = self.authority == AuthorityState.CONFIRMED
        return confirmed and self.starts_on <= timezone.localdate() <= self.ends_on
