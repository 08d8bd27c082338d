"""The facilities women are held in: the lowest layer of case data. Which facilities a
member of staff works in, and who works in one, is `facilities.scope`."""

import math
import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

latitude_validators = [MinValueValidator(-90), MaxValueValidator(90)]
longitude_validators = [MinValueValidator(-180), MaxValueValidator(180)]


def distance_km(lat1, lon1, lat2, lon2) -> float:
    """Great-circle distance (haversine) between two points, in kilometres."""
    p1, p2 = math.radians(float(lat1)), math.radians(float(lat2))
    dp, dl = p2 - p1, math.radians(float(lon2) - float(lon1))
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def facility_label(code: str, name: str) -> str:
    """A facility as staff read it: "<code> – <name>"."""
    return f"{code} – {name}"


class Facility(models.Model):
    class Kind(models.TextChoices):
        WOMENS_PRISON = "womens_prison", _("Women's prison")
        WOMENS_UNIT = "womens_unit", _("Women's unit in a mixed prison")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code = models.CharField(_("code"), max_length=12, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind, default=Kind.WOMENS_PRISON)
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=5, validators=latitude_validators
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=8, decimal_places=5, validators=longitude_validators
    )
    capacity = models.PositiveIntegerField(_("capacity"))

    class Meta:
        # The table kept its name when the model moved here from `prisoners`.
        db_table = "prisoners_facility"
        verbose_name = _("facility")
        verbose_name_plural = _("facilities")
        ordering = ["code"]
        permissions = [
            ("work_in_facility", "Works in this facility (sees its women)"),
            ("oversee_facility", "Oversees the records of the facilities she works in"),
        ]

    def __str__(self) -> str:
        return facility_label(self.code, self.name)
