"""What restraints give the annual statistics (Rule 24; Mandela 43, 47-49): restraints
applied in the year. Counts only."""

from django.utils.translation import gettext_lazy as _

from bangkok.dates import during
from research.registry import Figure

from .models import Restraint


def applied(facilities, start, end):
    return Restraint.objects.filter(facility__in=facilities, **during("applied_at", start, end))


FIGURES = (
    Figure(
        key="restraints",
        section="order",
        label=_("Restraints applied"),
        rules="24; M47-49",
        records=applied,
        woman="prisoner",
        moment="applied_at",
        order=30,
    ),
)
