"""What complaints give the annual statistics (Rule 25; Mandela 56-57): complaints and reports
received in the year, counted, never read (Rule 25: what she says stays with those who
handle it)."""

from django.utils.translation import gettext_lazy as _

from bangkok.dates import during
from research.registry import Figure

from .models import Complaint


def received(facilities, start, end):
    return Complaint.objects.filter(facility__in=facilities, **during("received_at", start, end))


FIGURES = (
    Figure(
        key="complaints",
        section="complaints",
        label=_("Complaints and reports received"),
        rules="25; M56-57",
        records=received,
        woman="prisoner",
        moment="received_at",
        # A member of staff named in a complaint learns nothing of it, not even by a count.
        viewer_filter=lambda found, viewer: found.exclude(named_staff=viewer),
        order=10,
    ),
)
