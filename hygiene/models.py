"""Personal hygiene (Rule 5): the facility's hygiene items and what they cost her, what is
issued to each woman, the weekly stock check, interruptions of the water supply, and the
extra entitlements of pregnant, breastfeeding and menstruating women and of women who work
in the kitchens (RULES-SPEC 2.4).

Sanitary items are free: the database refuses a price above zero for one, whatever door it
comes through (the page, the API, the admin). Issues, stock checks and water interruptions
are facts: never deleted; an interruption is ended, not rewritten.
"""

import uuid

import pghistory
import pgtrigger
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bangkok.versions import Versioned


class Category(models.TextChoices):
    SANITARY = "sanitary", _("Sanitary towels and other menstrual products")
    PERSONAL_CARE = "personal_care", _("Soap and personal care")
    BABY = "baby", _("Nappies and baby care")
    OTHER = "other", _("Other")


@pghistory.track()
class Item(Versioned):
    """A hygiene item the facility issues or sells."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    facility = models.ForeignKey(
        "facilities.Facility", on_delete=models.PROTECT, related_name="hygiene_items"
    )
    name = models.CharField(_("item"), max_length=200)
    category = models.CharField(_("category"), max_length=16, choices=Category)
    price = models.DecimalField(
        _("price to her"),
        max_digits=8,
        decimal_places=2,
        default=0,
        help_text=_("What she pays for one, 0 when it is free. Sanitary items are always free."),
    )
    low_stock = models.PositiveIntegerField(
        _("low stock below"),
        default=20,
        help_text=_("A stock check counting fewer than this tells the governor."),
    )
    in_use = models.BooleanField(_("in use"), default=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("hygiene item")
        ordering = ["facility", "category", "name"]
        constraints = [
            # Rule 5: sanitary towels are provided free of charge.
            models.CheckConstraint(
                condition=~models.Q(category="sanitary") | models.Q(price=0),
                name="hygiene_sanitary_items_are_free",
                violation_error_message=_("Sanitary items are free of charge (Rule 5)."),
            ),
            models.CheckConstraint(
                condition=models.Q(price__gte=0), name="hygiene_price_not_negative"
            ),
            models.UniqueConstraint(
                fields=["facility", "name"], name="hygiene_item_name_unique_in_facility"
            ),
        ]
        triggers = [pgtrigger.Protect(name="hygiene_item_no_delete", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return self.name


@pghistory.track(append_only=True)
class Issue(models.Model):
    """Items issued to her."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="hygiene_issues"
    )
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="issues")
    quantity = models.PositiveIntegerField(_("how many"))
    price = models.DecimalField(_("price each"), max_digits=8, decimal_places=2, editable=False)
    issued_at = models.DateTimeField(_("issued"), default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("hygiene item issued")
        ordering = ["-issued_at", "-id"]
        indexes = [models.Index(fields=["facility", "issued_at"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(quantity__gt=0), name="hygiene_issue_some"),
        ]
        triggers = [
            pgtrigger.Protect(
                name="hygiene_issue_unchanged", operation=pgtrigger.Update | pgtrigger.Delete
            )
        ]

    def __str__(self) -> str:
        return f"Issue {self.uuid}"  # never her name: str() ends up in logs


@pghistory.track(append_only=True)
class StockCheck(models.Model):
    """A count of one item in store (weekly, RULES-SPEC 2.4)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="stock_checks")
    counted = models.PositiveIntegerField(_("counted in store"))
    checked_at = models.DateTimeField(_("checked"), default=timezone.now)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("hygiene stock check")
        ordering = ["-checked_at", "-id"]
        indexes = [models.Index(fields=["facility", "checked_at"])]
        triggers = [
            pgtrigger.Protect(
                name="hygiene_stock_unchanged", operation=pgtrigger.Update | pgtrigger.Delete
            )
        ]

    def __str__(self) -> str:
        return f"Stock check {self.uuid}"

    @property
    def stock_out(self) -> bool:
        return self.counted == 0


@pghistory.track()
class WaterInterruption(Versioned):
    """A time without a regular supply of water (Rule 5), on a unit or the whole facility."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey(
        "prisoners.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("unit"),
        help_text=_("Empty: the whole facility."),
    )
    started_at = models.DateTimeField(_("water stopped"))
    ended_at = models.DateTimeField(_("water back"), null=True, blank=True)
    cause = models.CharField(_("cause"), max_length=500)
    provision = models.CharField(
        _("what was provided meanwhile"),
        max_length=500,
        help_text=_("Water brought in for the women's and children's personal care, and how."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("water interruption")
        ordering = ["-started_at", "-id"]
        indexes = [models.Index(fields=["facility", "started_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_at__isnull=True)
                | models.Q(ended_at__gte=models.F("started_at")),
                name="water_back_after_it_stopped",
            )
        ]
        triggers = [pgtrigger.Protect(name="water_no_delete", operation=pgtrigger.Delete)]

    @property
    def hours(self) -> float | None:
        if self.ended_at is None:
            return None
        return round((self.ended_at - self.started_at).total_seconds() / 3600, 1)


class Basis(models.TextChoices):
    """Why she has more than the standard issue. The clinical bases are granted by health
    staff and shown to others only as "approved by health" (Rule 8)."""

    PREGNANT = "pregnant", _("Pregnant")
    BREASTFEEDING = "breastfeeding", _("Breastfeeding")
    MENSTRUATION = "menstruation", _("Heavier menstrual needs")
    KITCHEN = "kitchen", _("Works in the kitchens")


CLINICAL_BASES = {Basis.PREGNANT, Basis.BREASTFEEDING, Basis.MENSTRUATION}


@pghistory.track()
class Entitlement(Versioned):
    """An extra hygiene entitlement of hers (Rule 5), from a day, until ended."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="hygiene_entitlements"
    )
    basis = models.CharField(_("why"), max_length=16, choices=Basis)
    extra = models.CharField(
        _("what she has besides the standard issue"),
        max_length=300,
        help_text=_(
            "For example: extra sanitary towels, a daily shower, extra water. Say what she "
            "has, never why."
        ),
    )
    granted_at = models.DateTimeField(default=timezone.now, editable=False)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    ended_at = models.DateTimeField(null=True, blank=True, editable=False)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("hygiene entitlement")
        ordering = ["-granted_at", "-id"]
        permissions = [("grant_clinical_entitlement", "Grant an entitlement on clinical grounds")]
        triggers = [pgtrigger.Protect(name="entitlement_no_delete", operation=pgtrigger.Delete)]

    def __str__(self) -> str:
        return f"Entitlement {self.uuid}"  # never its basis: str() ends up in logs

    @property
    def is_clinical(self) -> bool:
        return self.basis in CLINICAL_BASES
