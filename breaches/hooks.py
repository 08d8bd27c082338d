"""What the breaches staff recorded plug into the other areas."""

from django.utils.translation import gettext_lazy as _

from prisoners.sections import Section, holds
from reminders.kinds import MayBeMarkedDone

from . import oversight, services
from .permissions import RECORD, VIEW


def _section(request, prisoner):
    user = request.user
    can_read, can_record = user.has_perm(VIEW), user.has_perm(RECORD)
    if not (can_read or can_record):
        return None
    count = prisoner.breaches.count() if can_read else 0
    return {"woman": prisoner, "can_read": can_read, "can_record": can_record, "count": count}


PLUGS = (
    *oversight.LISTS,
    oversight.RECORDED,
    # The governor finds out how a recorded breach happened and marks it done with what she
    # found: no record answers it.
    MayBeMarkedDone(services.TASK_KIND),
    Section(
        key="breaches",
        title=_("Breaches recorded"),
        template="breaches/_section.html",
        context=_section,
        shown=holds(VIEW, RECORD),
        order=900,
    ),
)
