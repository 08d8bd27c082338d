"""What the authority queue plugs into the other areas."""

from django.utils.translation import gettext_lazy as _

from reminders.kinds import AnsweredBy

from .services import WAITING_KIND

PLUGS = (
    # Only the governor's decision closes the task asking for it.
    AnsweredBy(_("the decision on the authority asked for"), WAITING_KIND),
)
