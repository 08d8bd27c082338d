"""What the authority queue plugs into the other areas."""

from django.utils.translation import gettext_lazy as _

from reminders.kinds import AnsweredBy
from reminders.queues import QueueElsewhere

from .services import WAITING_KIND, areas_for, awaiting


def waiting_by_area(viewer) -> list[tuple]:
    """The records of each area that wait for her decision, for her dashboard to count."""
    return [(area.title, awaiting(viewer, area)) for area in areas_for(viewer)]


PLUGS = (
    # Only the governor's decision closes the task asking for it.
    AnsweredBy(_("the decision on the authority asked for"), WAITING_KIND),
    # Her queue of authorities is its own page, where she gives or refuses each one.
    QueueElsewhere(
        key="authorities",
        title=_("Authorities waiting for you"),
        roles=("governor",),
        page="authority:queue",
        parts=waiting_by_area,
        order=25,
    ),
)
