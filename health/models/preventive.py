"""Preventive health care on an equal basis with women of the same age in the community
(Rules 17, 18): cervical and breast screening offered by the community programme's schedule.

Clinical file (T3): health staff of her facility only. Offering is required; she may decline,
and declining never counts against her (Rule 8).
"""

import uuid

import pghistory
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bangkok.versions import Versioned


class ScreeningKind(models.TextChoices):
    CERVICAL_CYTOLOGY = "cervical_cytology", _("Cervical cytology")
    HPV = "hpv", _("HPV test (hrHPV / HPV-DNA)")
    COTEST = "cotest", _("Co-test (cytology and HPV)")
    VIA = "via", _("Visual inspection with acetic acid (VIA)")
    MAMMOGRAPHY = "mammography", _("Mammography")
    CBE = "cbe", _("Clinical breast examination")
    OTHER = "other", _("Other gynaecological screening")


class ScreeningResult(models.TextChoices):
    NORMAL = "normal", _("Normal")
    ABNORMAL = "abnormal", _("Abnormal")
    INCONCLUSIVE = "inconclusive", _("Inconclusive")


@pghistory.track()
class PreventiveScreening(Versioned):
    """One screening offered to her, or one she reports from before admission (`reported`).

    `next_due` is computed from the community screening policy in force (`policy`) when the
    record is written. An abnormal result has a follow-up that closes only with its outcome."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="preventive_screenings"
    )
    kind = models.CharField(_("screening"), max_length=20, choices=ScreeningKind)
    done_on = models.DateField(_("date"))
    reported = models.BooleanField(_("reported by her, from before admission"), default=False)
    declined = models.BooleanField(_("she declined"), default=False)
    result = models.CharField(_("result"), max_length=14, choices=ScreeningResult, blank=True)
    next_due = models.DateField(_("next due"), null=True, blank=True)
    policy = models.CharField(_("community screening policy"), max_length=16)
    follow_up_outcome = models.TextField(_("follow-up outcome"), blank=True, max_length=5000)
    follow_up_at = models.DateTimeField(_("follow-up recorded"), null=True, blank=True)
    recorded_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("preventive screening")
        ordering = ["-done_on", "-id"]
        constraints = [
            # Declining is the whole answer: no result (Rule 8); a reported test was done.
            models.CheckConstraint(
                condition=models.Q(declined=False)
                | (models.Q(result="") & models.Q(reported=False)),
                name="declined_screening_has_no_result",
            ),
            # A follow-up outcome belongs to an abnormal result, and is never empty.
            models.CheckConstraint(
                condition=(models.Q(follow_up_at__isnull=True) & models.Q(follow_up_outcome=""))
                | (
                    models.Q(result="abnormal", follow_up_at__isnull=False)
                    & ~models.Q(follow_up_outcome="")
                ),
                name="follow_up_outcome_only_for_abnormal",
            ),
        ]

    def __str__(self) -> str:
        return f"Preventive screening {self.uuid}"

    @property
    def follow_up_open(self) -> bool:
        return self.result == ScreeningResult.ABNORMAL and self.follow_up_at is None
