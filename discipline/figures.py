"""What discipline gives the annual statistics (Rule 22; Mandela 43-45): segregations begun
in the year, and the sanctions imposed. Counts only."""

from django.utils.translation import gettext_lazy as _

from bangkok.dates import during
from research.registry import Figure

from .models import Sanction, Segregation


def segregations(facilities, start, end):
    return Segregation.objects.filter(
        facility__in=facilities, start_date__gte=start, start_date__lte=end
    )


def sanctions(facilities, start, end):
    return Sanction.objects.filter(facility__in=facilities, **during("imposed_at", start, end))


FIGURES = (
    Figure(
        key="segregations",
        section="order",
        label=_("Segregations begun"),
        rules="22; M43-45",
        records=segregations,
        woman="prisoner",
        moment="start_date",
        order=10,
    ),
    Figure(
        key="sanctions",
        section="order",
        label=_("Disciplinary sanctions imposed"),
        rules="23; M39",
        records=sanctions,
        woman="prisoner",
        moment="imposed_at",
        order=15,
    ),
)
