"""Pregnancy, birth, postnatal care and breastfeeding (Rules 48, 51; the protections of
Rules 22 and 24 follow from them).

All of it is the clinical file (pregnancy and its loss are T4): health staff of her facility
read and write it. Custody staff see only the reason-free flags it sets (no segregation, no
restraints), never why.
"""

import uuid

import pghistory
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bangkok.versions import Versioned

OPEN_PREGNANCY = ("declared", "confirmed")


class PregnancyStatus(models.TextChoices):
    DECLARED = "declared", _("Declared by her, not yet confirmed")
    CONFIRMED = "confirmed", _("Confirmed by a clinician")
    RULED_OUT = "ruled_out", _("Ruled out by a clinician")
    ENDED = "ended", _("Ended")


class PregnancyOutcome(models.TextChoices):
    BIRTH = "birth", _("Birth")
    MISCARRIAGE = "miscarriage", _("Miscarriage")
    TERMINATION = "termination", _("Termination")
    OTHER = "other", _("Other")


class BirthPlace(models.TextChoices):
    OUTSIDE_HOSPITAL = "outside_hospital", _("A hospital outside the prison")
    PRISON_HEALTH_UNIT = "prison_health_unit", _("The prison health unit")
    IN_TRANSIT = "in_transit", _("On the way to hospital")
    OTHER = "other", _("Elsewhere")


@pghistory.track()
class Pregnancy(Versioned):
    """One pregnancy. Her own declaration counts at once (the no-segregation protection
    applies from then) until a clinician confirms it, with the expected date of delivery,
    or rules it out. The diet and health advice programme is drawn up and monitored by a
    qualified health practitioner, with free supplementary food (Rule 48.1)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="pregnancies"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=PregnancyStatus, default=PregnancyStatus.DECLARED
    )
    declared_on = models.DateField(_("she declared it on"), default=timezone.localdate)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    edd = models.DateField(_("expected date of delivery"), null=True, blank=True)
    ruled_out_at = models.DateTimeField(_("ruled out"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=12, choices=PregnancyOutcome, blank=True)
    advice_programme = models.TextField(
        _("diet and health advice programme"), blank=True, max_length=5000
    )
    supplementary_food = models.TextField(_("free supplementary food"), blank=True, max_length=5000)
    programme_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    programme_updated_at = models.DateTimeField(null=True, blank=True)
    planned_birth_place = models.CharField(
        _("planned place of birth"), max_length=20, choices=BirthPlace, blank=True
    )
    planned_birth_detail = models.CharField(_("which place"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("pregnancy")
        ordering = ["-declared_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["prisoner"],
                condition=models.Q(status__in=OPEN_PREGNANCY),
                name="one_open_pregnancy",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="confirmed") | models.Q(edd__isnull=False),
                name="confirmed_pregnancy_has_edd",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="ended")
                | (~models.Q(outcome="") & models.Q(ended_on__isnull=False)),
                name="ended_pregnancy_has_outcome",
            ),
        ]

    def __str__(self) -> str:
        return f"Pregnancy {self.uuid}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_PREGNANCY


@pghistory.track()
class Birth(models.Model):
    """Labour and birth of one pregnancy. From labour to the end of the post-partum period
    no restraint is used on her (Rule 24). The birth certificate must not mention the prison
    (Mandela 28): only that it was checked is recorded here."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    pregnancy = models.OneToOneField(Pregnancy, on_delete=models.PROTECT, related_name="birth")
    labour_started_at = models.DateTimeField(_("labour started"), null=True, blank=True)
    born_at = models.DateTimeField(_("birth"), null=True, blank=True)
    place = models.CharField(_("place of birth"), max_length=20, choices=BirthPlace, blank=True)
    place_detail = models.CharField(_("which place"), max_length=200, blank=True)
    baby_with_her = models.BooleanField(_("the baby stays with her"), default=False)
    certificate_checked = models.BooleanField(
        _("the birth certificate was checked and does not mention the prison"), default=False
    )
    postpartum_ends_at = models.DateTimeField(_("post-partum period ends"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("labour and birth")
        ordering = ["-born_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(born_at__isnull=True)
                | (~models.Q(place="") & models.Q(postpartum_ends_at__isnull=False)),
                name="birth_has_place_and_postpartum_end",
            )
        ]

    def __str__(self) -> str:
        return f"Birth {self.uuid}"


class ContactStage(models.TextChoices):
    ANTENATAL = "antenatal", _("Antenatal")
    POSTNATAL = "postnatal", _("Postnatal")


@pghistory.track()
class MaternityContact(Versioned):
    """One scheduled antenatal or postnatal care contact (WHO 2016 ANC; WHO postnatal care),
    each with its reminder for health staff."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    pregnancy = models.ForeignKey(Pregnancy, on_delete=models.PROTECT, related_name="contacts")
    stage = models.CharField(_("stage"), max_length=10, choices=ContactStage)
    code = models.CharField(_("contact"), max_length=12)
    due_at = models.DateTimeField(_("due"))
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    notes = models.TextField(_("notes"), blank=True, max_length=5000)
    cancelled_at = models.DateTimeField(_("no longer due"), null=True, blank=True)

    class Meta:
        verbose_name = _("maternity care contact")
        ordering = ["due_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["pregnancy", "code"], name="one_contact_per_code"),
            models.CheckConstraint(
                condition=models.Q(done_at__isnull=True) | models.Q(cancelled_at__isnull=True),
                name="contact_done_or_cancelled_not_both",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.stage} {self.code}"


class FeedingStatus(models.TextChoices):
    BREASTFEEDING = "breastfeeding", _("Breastfeeding")
    NOT_BREASTFEEDING = "not_breastfeeding", _("Not breastfeeding")


@pghistory.track()
class BreastfeedingRecord(models.Model):
    """Her breastfeeding status and the support given, latest first. Breastfeeding is never
    discouraged: a restriction needs a specific health reason recorded by health staff
    (Rule 48.2)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="breastfeeding_records"
    )
    status = models.CharField(_("status"), max_length=18, choices=FeedingStatus)
    support = models.TextField(_("support given"), blank=True, max_length=5000)
    restricted = models.BooleanField(_("breastfeeding is restricted"), default=False)
    restriction_reason = models.TextField(
        _("the specific health reason"), blank=True, max_length=5000
    )
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("breastfeeding record")
        ordering = ["-recorded_at", "-id"]
        constraints = [
            # Rule 48.2: no restriction without a recorded health reason.
            models.CheckConstraint(
                condition=models.Q(restricted=False) | ~models.Q(restriction_reason=""),
                name="breastfeeding_restriction_has_reason",
            )
        ]

    def __str__(self) -> str:
        return f"Breastfeeding {self.uuid}"
