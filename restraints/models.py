"""Instruments of restraint (Bangkok Rule 24; Mandela Rules 43.2, 47-49, paraphrase).

A `Restraint` records one device applied to her, why, on whose authority, where, and when it
came off. The devices and purposes are closed lists the database keeps to: chains, irons and
other inherently degrading or painful devices are not on the list (Mandela 47.1), and no
purpose is a punishment (Mandela 43.2). No restraint is ever recorded while she is under the
"No restraints" protection (Rule 24: labour, birth, immediately after birth); one that was on
when the protection appeared carries the time it appeared (`obstetric_alert_at`).

A `MethodApproval` is health staff's approval of the least restrictive method for a woman
under the `restraint_health_approval` protection (Rule 24: she is pregnant). Custody see that
it exists and which devices it covers; its conditions are for health staff.

Only which protections were in force is kept here, never the clinical facts behind them
(Rule 8): custody staff must not learn them from a restraint record.
"""

import uuid

import pghistory
import pgtrigger
from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from authority.models import AuthorityState, AwaitsAuthority, authority_constraints
from bangkok import late


class Device(models.TextChoices):
    """The approved instruments. Chains, leg irons and other inherently degrading or painful
    devices are not here, so they can't be chosen or stored (Mandela 47.1)."""

    SOFT_CUFFS = "soft_cuffs", _("Soft restraint cuffs")
    HANDCUFFS = "handcuffs", _("Handcuffs, hands in front")
    ESCORT_CUFF = "escort_cuff", _("Escort cuff (her wrist to an officer's)")


class Purpose(models.TextChoices):
    """Why a restraint may be used. Punishment is not a purpose (Mandela 43.2)."""

    ESCORT_TRANSFER = "escort_transfer", _("Escort or transfer")
    PREVENT_SELF_HARM = "prevent_self_harm", _("To prevent her harming herself")
    PREVENT_INJURY_TO_OTHERS = "prevent_injury_to_others", _("To prevent injury to others")
    PREVENT_SERIOUS_DAMAGE = "prevent_serious_damage", _("To prevent serious damage to property")
    MEDICAL_DIRECTION = "medical_direction", _("On medical direction")


class Place(models.TextChoices):
    PRISON = "prison", _("In the prison")
    ESCORT = "escort", _("On escort or in a vehicle")
    HOSPITAL = "hospital", _("In hospital")
    COURT = "court", _("At court")
    OTHER = "other", _("Elsewhere")


class RestraintQuerySet(models.QuerySet):
    def applied(self):
        """On now: applied and not removed."""
        return self.filter(removed_at__isnull=True, applied_at__isnull=False)

    def in_play(self):
        """On now, or planned and awaiting the governor's authority (at most one a woman)."""
        return self.filter(removed_at__isnull=True).exclude(IN_NO_PLAY)

    def in_obstetric_period(self):
        """Restraints on a woman in labour, giving birth or just after (Rule 24): recorded
        while the protection was on, or still on when it appeared."""
        return self.filter(
            models.Q(obstetric_protection_when_applied=True)
            | models.Q(obstetric_alert_at__isnull=False)
        )

    def as_punishment(self):
        """Restraints whose purpose is none of the allowed ones (Mandela 43.2)."""
        return self.exclude(purpose__in=Purpose.values)

    def without_health_approval(self):
        """Restraints of a woman under the health-approval protection with no approved
        method covering them (Rule 24)."""
        return self.filter(under_health_approval=True, approval__isnull=True)


@pghistory.track()
class MethodApproval(models.Model):
    """Health staff's approval of the least restrictive method of restraint for her (Rule 24),
    in force from `approved_at` until `valid_until`."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="restraint_approvals"
    )
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    devices = ArrayField(
        models.CharField(max_length=20, choices=Device), verbose_name=_("devices approved")
    )
    conditions = models.TextField(_("conditions"), blank=True, max_length=5000)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(_("approved"), default=timezone.now)
    valid_until = models.DateTimeField(_("valid until"))

    class Meta:
        verbose_name = _("approved method of restraint")
        ordering = ["-approved_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(devices__contained_by=Device.values, devices__len__gte=1),
                name="approval_devices_on_the_list",
            ),
            models.CheckConstraint(
                condition=models.Q(valid_until__gt=models.F("approved_at")),
                name="approval_valid_after_approval",
            ),
        ]
        triggers = [pgtrigger.Protect(name="approval_no_delete", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return f"Method approval {self.uuid}"

    def covers(self, device: str, at=None) -> bool:
        at = at or timezone.now()
        return device in self.devices and self.approved_at <= at < self.valid_until

    def device_labels(self) -> list[str]:
        return [Device(d).label for d in self.devices]


# A planned restraint the governor refused: it never came on.
IN_NO_PLAY = models.Q(authority=AuthorityState.REFUSED, applied_at__isnull=True)


@pghistory.track()
class Restraint(AwaitsAuthority):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="restraints"
    )
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    device = models.CharField(_("device"), max_length=20, choices=Device)
    purpose = models.CharField(_("purpose"), max_length=30, choices=Purpose)
    necessity = models.TextField(
        _("why nothing less would do"),
        help_text=_("Only when no lesser form of control would be effective (Mandela 48.1)."),
        max_length=5000,
    )
    place = models.CharField(_("where"), max_length=10, choices=Place)
    place_detail = models.CharField(_("place"), max_length=200, blank=True)
    emergency = models.BooleanField(
        _("applied at once in an emergency"),
        default=False,
        help_text=_(
            "Applied before the governor could confirm it, to prevent injury or serious damage "
            "(Mandela 47.2): she confirms it or it is removed within the set time."
        ),
    )
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # Empty while a planned restraint awaits the governor's authority: it is not on.
    applied_at = models.DateTimeField(_("applied"), null=True, blank=True)
    removed_at = models.DateTimeField(_("removed"), null=True, blank=True)
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # The protections in force (never the reason for them, Rule 8). The service refuses a
    # restraint under the "No restraints" protection, so the first is false unless something
    # wrote around it; the oversight count reads it all the same.
    obstetric_protection_when_applied = models.BooleanField(default=False)
    under_health_approval = models.BooleanField(
        default=False,
        help_text=_("She was under the health-approval protection while restrained."),
    )
    approval = models.ForeignKey(
        MethodApproval, on_delete=models.PROTECT, null=True, blank=True, related_name="restraints"
    )
    # When the "No restraints" protection (Rule 24) appeared while this restraint was on, or
    # when health staff later recorded labour or a birth whose protected period it overlapped.
    obstetric_alert_at = models.DateTimeField(null=True, blank=True)
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)
    late_reason = late.model_field()

    objects = RestraintQuerySet.as_manager()

    class Meta:
        verbose_name = _("restraint")
        ordering = ["-applied_at", "-id"]
        permissions = [
            ("authorise_restraint", "Can authorise a restraint"),
            ("approve_method", "Can approve the least restrictive method"),
        ]
        indexes = [models.Index(fields=["facility", "applied_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(device__in=Device.values), name="restraint_device_on_the_list"
            ),
            models.CheckConstraint(
                condition=models.Q(purpose__in=Purpose.values),
                name="restraint_purpose_never_punishment",
            ),
            models.CheckConstraint(
                condition=models.Q(place__in=Place.values), name="restraint_place_known"
            ),
            models.CheckConstraint(
                condition=models.Q(removed_at__isnull=True, removed_by__isnull=True)
                | models.Q(removed_at__gte=models.F("applied_at"), removed_by__isnull=False),
                name="restraint_removed_after_applied",
            ),
            models.UniqueConstraint(
                fields=["prisoner"],
                condition=models.Q(removed_at__isnull=True) & ~IN_NO_PLAY,
                name="one_restraint_applied_per_woman",
            ),
            # Only a planned restraint waits for authority before it comes on; an emergency
            # one is on from the start (Mandela 47.2).
            models.CheckConstraint(
                condition=models.Q(applied_at__isnull=False)
                | models.Q(emergency=False, authority__in=["pending", "refused"]),
                name="restraint_on_or_awaiting_authority",
            ),
            models.CheckConstraint(
                condition=models.Q(emergency=False) | models.Q(authority_due_at__isnull=False),
                name="restraint_emergency_has_a_limit",
            ),
            *authority_constraints(),
        ]
        triggers = [pgtrigger.Protect(name="restraint_no_delete", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return f"Restraint {self.uuid}"

    @property
    def is_applied(self) -> bool:
        return self.removed_at is None and self.applied_at is not None

    @property
    def must_come_off(self) -> bool:
        """Its authority was refused while it is on: custody remove it at once."""
        return self.is_applied and self.authority == AuthorityState.REFUSED

    @property
    def place_shown(self) -> str:
        label = self.get_place_display()
        return f"{label}: {self.place_detail}" if self.place_detail else label


@pghistory.track()
class RestraintReview(models.Model):
    """A review while the restraint is on: is it still needed (Mandela 48.1)?"""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    restraint = models.ForeignKey(Restraint, on_delete=models.PROTECT, related_name="reviews")
    reviewed_at = models.DateTimeField(_("reviewed"))
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    still_needed = models.BooleanField(_("still needed"))
    note = models.TextField(_("note"), blank=True, max_length=5000)

    class Meta:
        verbose_name = _("restraint review")
        ordering = ["reviewed_at", "id"]
        triggers = [
            pgtrigger.Protect(name="restraint_review_no_delete", operation=pgtrigger.Delete)
        ]

    def __str__(self) -> str:
        return f"Restraint review {self.uuid}"
