"""Her daily regime (Bangkok Rule 42; Mandela Rules 23, 44, 45, paraphrase).

An `Activity` is what a facility offers: education, work, programmes, exercise in the open
air, worship, time with her family or children; each says whether it suits pregnant women
and mothers with their children (Rule 42.2, 42.3), and how many places it has. An
`Allocation` is her place on one, from a day to a day; ended by staff (not at her request,
nor because it finished), it is an adverse act held after her report (Rules 7.3, 25). An
`Attendance` says, for one day, whether she went, and if not why: cancelled by the prison
counts on oversight.

A `TimeOutOfCell` is how long she was out of her cell on a day, one record a woman a day;
a correction changes that record under its version (history keeps the old). A day with two
hours or less out of her cell (locked up DE_FACTO_SOLITARY_HOURS or more) and no segregation
on record is de facto solitary confinement (Mandela 44): the daily check asks the governor,
whose `SolitaryReview` answers it. A `MissingDay` is a day the check found no time out of
cell recorded for a woman in custody: a zero on oversight means nothing if days go
unrecorded.
"""

import uuid

import pghistory
import pgtrigger
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bangkok.versions import Versioned


class Kind(models.TextChoices):
    EDUCATION = "education", _("Education")
    WORK = "work", _("Work")
    PROGRAMME = "programme", _("Programme")
    EXERCISE = "exercise", _("Exercise in the open air")
    RELIGIOUS = "religious", _("Worship")
    FAMILY = "family", _("Family and parenting")
    OTHER = "other", _("Other")


# The kinds social workers allocate her to, besides custody officers and the governor.
SOCIAL_KINDS = (Kind.PROGRAMME, Kind.FAMILY)


class EndReason(models.TextChoices):
    HER_REQUEST = "her_request", _("At her request")
    COMPLETED = "completed", _("Completed")
    LEFT = "left", _("She left the facility")
    REMOVED = "removed", _("Removed by staff")


# Ends that are no adverse act: hers, or the activity's own.
NOT_ADVERSE = (EndReason.HER_REQUEST, EndReason.COMPLETED, EndReason.LEFT)


class Absence(models.TextChoices):
    HER_CHOICE = "her_choice", _("Her choice")
    SICK = "sick", _("Sick")
    CANCELLED = "cancelled", _("Cancelled by the prison")
    OTHER = "other", _("Other")


@pghistory.track()
class Activity(Versioned):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    facility = models.ForeignKey(
        "facilities.Facility", on_delete=models.PROTECT, related_name="activities"
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    for_pregnant = models.BooleanField(
        _("suited to pregnant women"),
        default=False,
        help_text=_("Safe and suitable for a pregnant woman (Rule 42.2)."),
    )
    for_mothers = models.BooleanField(
        _("suited to mothers with their children"),
        default=False,
        help_text=_("A mother may bring her child, or it is meant for mothers (Rule 42.2)."),
    )
    capacity = models.PositiveSmallIntegerField(_("places"))
    active = models.BooleanField(_("offered now"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["facility", "kind", "name", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=Kind.values), name="regime_activity_kind_known"
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__gte=1), name="regime_activity_has_a_place"
            ),
            models.UniqueConstraint(
                fields=["facility", "name"], name="regime_activity_name_unique_in_facility"
            ),
        ]
        triggers = [pgtrigger.Protect(name="regime_activity_no_delete", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return self.name


class AllocationQuerySet(models.QuerySet):
    def current(self, on=None):
        """Places held on `on` (today): started by then and not ended before it."""
        on = on or timezone.localdate()
        return self.filter(started_on__lte=on).filter(
            models.Q(ended_on__isnull=True) | models.Q(ended_on__gt=on)
        )

    def open(self):
        return self.filter(ended_on__isnull=True)


@pghistory.track()
class Allocation(Versioned):
    """Her place on an activity. `ended_on` is the first day she no longer has it."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    activity = models.ForeignKey(Activity, on_delete=models.PROTECT, related_name="allocations")
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="allocations"
    )
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    started_on = models.DateField(_("from"))
    allocated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    allocated_at = models.DateTimeField(default=timezone.now, editable=False)
    ended_on = models.DateField(_("ended"), null=True, blank=True)
    end_reason = models.CharField(_("why it ended"), max_length=16, choices=EndReason, blank=True)
    end_note = models.TextField(_("what happened"), max_length=2000, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    objects = AllocationQuerySet.as_manager()

    class Meta:
        verbose_name = _("allocation to an activity")
        permissions = [("allocate_any", "Can allocate to any kind of activity")]
        ordering = ["-started_on", "-id"]
        indexes = [models.Index(fields=["facility", "started_on"])]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "prisoner"],
                condition=models.Q(ended_on__isnull=True),
                name="regime_one_open_place_an_activity",
            ),
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True, end_reason="")
                | models.Q(ended_on__gte=models.F("started_on"), end_reason__in=EndReason.values),
                name="regime_allocation_ends_with_a_reason",
            ),
        ]
        triggers = [
            pgtrigger.Protect(name="regime_allocation_no_delete", operation=pgtrigger.Delete)
        ]

    def __str__(self) -> str:
        return f"Allocation {self.uuid}"  # never her name: str() ends up in logs


@pghistory.track(append_only=True)
class Attendance(Versioned):
    """Whether she went to her activity on a day, and if not, why. One record a place a day: a
    correction changes it, naming the version it read, and says why; its history keeps what it
    said before."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    allocation = models.ForeignKey(Allocation, on_delete=models.PROTECT, related_name="attendances")
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    day = models.DateField(_("day"))
    attended = models.BooleanField(_("attended"))
    absence = models.CharField(_("why not"), max_length=16, choices=Absence, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)
    correction = models.CharField(_("why it was corrected"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("attendance")
        ordering = ["-day", "-id"]
        indexes = [models.Index(fields=["facility", "day"])]
        constraints = [
            models.UniqueConstraint(
                fields=["allocation", "day"], name="regime_one_attendance_a_day"
            ),
            models.CheckConstraint(
                condition=models.Q(attended=True, absence="")
                | models.Q(attended=False, absence__in=Absence.values),
                name="regime_absence_has_a_reason",
            ),
        ]
        triggers = [
            pgtrigger.Protect(name="regime_attendance_no_delete", operation=pgtrigger.Delete),
            # What a correction may change: whether she went, why not, the note and why.
            pgtrigger.ReadOnly(
                name="regime_attendance_kept",
                fields=["uuid", "allocation", "facility", "day", "recorded_by", "recorded_at"],
            ),
        ]

    def __str__(self) -> str:
        return f"Attendance {self.uuid}"


class TimeOutOfCellQuerySet(models.QuerySet):
    def locked_up(self):
        """Days of two hours or less out of her cell (DE_FACTO_SOLITARY_HOURS or more in)."""
        most = (24 - settings.DE_FACTO_SOLITARY_HOURS) * 60
        return self.filter(minutes__lte=most)

    def de_facto_solitary(self):
        """Locked up DE_FACTO_SOLITARY_HOURS or more with no segregation on record covering
        the day (Mandela 44): computed from the records, whoever reviewed it since."""
        from discipline.models import Segregation

        segregated = Segregation.objects.filter(prisoner=models.OuterRef("prisoner")).covering(
            models.OuterRef("day")
        )
        return self.locked_up().exclude(models.Exists(segregated))


@pghistory.track()
class TimeOutOfCell(Versioned):
    """How long she was out of her cell on a day (Mandela 23, 44). One record a woman a day:
    a correction changes it, naming the version it read, and says why."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="times_out_of_cell"
    )
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    day = models.DateField(_("day"))
    minutes = models.PositiveSmallIntegerField(_("minutes out of her cell"))
    reason = models.TextField(
        _("why so little"),
        max_length=2000,
        blank=True,
        help_text=_("Needed when she was out of her cell less than the set minimum."),
    )
    correction = models.CharField(_("why it was corrected"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = TimeOutOfCellQuerySet.as_manager()

    class Meta:
        verbose_name = _("time out of cell")
        verbose_name_plural = _("times out of cell")
        ordering = ["-day", "-id"]
        indexes = [models.Index(fields=["facility", "day"])]
        constraints = [
            models.UniqueConstraint(fields=["prisoner", "day"], name="regime_one_record_a_day"),
            models.CheckConstraint(
                condition=models.Q(minutes__lte=24 * 60), name="regime_a_day_at_most"
            ),
        ]
        triggers = [pgtrigger.Protect(name="regime_time_out_no_delete", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return f"Time out of cell {self.uuid}"

    @property
    def locked_up(self) -> bool:
        """Out of her cell two hours or less: locked up DE_FACTO_SOLITARY_HOURS or more."""
        return self.minutes <= (24 - settings.DE_FACTO_SOLITARY_HOURS) * 60

    @property
    def reviewed(self) -> bool:
        return hasattr(self, "solitary_review")


@pghistory.track(append_only=True)
class SolitaryReview(models.Model):
    """The governor's answer to a day of de facto solitary confinement (Mandela 44, 45): what
    happened, and what she did about it."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    time_out = models.OneToOneField(
        TimeOutOfCell, on_delete=models.PROTECT, related_name="solitary_review"
    )
    account = models.TextField(_("what happened and what was done"), max_length=5000)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("review of a day locked up")
        triggers = [
            pgtrigger.Protect(
                name="regime_solitary_review_unchanged",
                operation=pgtrigger.Update | pgtrigger.Delete,
            )
        ]

    def __str__(self) -> str:
        return f"Solitary review {self.uuid}"


@pghistory.track(append_only=True)
class MissingDay(models.Model):
    """A day the daily check found no time out of cell recorded for a woman in custody; it
    shows on oversight until the day is recorded."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey("prisoners.Prisoner", on_delete=models.PROTECT, related_name="+")
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    day = models.DateField()
    found_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("day without a record")
        ordering = ["-day", "-id"]
        indexes = [models.Index(fields=["facility", "day"])]
        constraints = [
            models.UniqueConstraint(fields=["prisoner", "day"], name="regime_missing_once"),
        ]
        triggers = [
            pgtrigger.Protect(
                name="regime_missing_day_unchanged", operation=pgtrigger.Update | pgtrigger.Delete
            )
        ]

    def __str__(self) -> str:
        return f"Missing day {self.uuid}"
