"""What the use of force gives the annual statistics (Mandela 82; Rules 24, 31): uses of
force in the year. Counts only."""

from django.utils.translation import gettext_lazy as _

from bangkok.dates import during
from research.registry import Figure

from .models import UseOfForce


def uses(facilities, start, end):
    return UseOfForce.objects.filter(facility__in=facilities, **during("started_at", start, end))


FIGURES = (
    Figure(
        key="uses-of-force",
        section="order",
        label=_("Uses of force"),
        rules="24, 31; M82",
        records=uses,
        woman="prisoner",
        moment="started_at",
        order=20,
    ),
)
