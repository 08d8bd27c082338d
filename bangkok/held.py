"""How a page or the API answers when an adverse action is held for review because she is
protected after a complaint or a report of abuse (Rules 7.3, 25.1; `complaints.services`).

A service asked for such an action returns the held record instead of its own; it is marked
`held_for_review`.
"""

from django.contrib import messages
from django.utils.translation import gettext_lazy as _

# It names no complaint and no report: whoever asked may be named in one (Rule 25). A charge,
# and a segregation custody ask for, never come here: they are recorded as for any woman and
# only their next step waits (`complaints.services.retaliation`).
HELD_MESSAGE = _(
    "Held for review: safeguarding staff and the governor review this action before it takes "
    "effect (Rules 7.3, 25.1)."
)


def is_held(result) -> bool:
    return bool(getattr(result, "held_for_review", False))


def held_answer(held) -> dict:
    """The API's body for a held action (with status 202)."""
    return {"detail": str(HELD_MESSAGE), "held_action": held.uuid, "status": held.status}


def announce(request, result, done: str = "") -> None:
    """The message a page shows after an action: held, or done."""
    if is_held(result):
        messages.warning(request, HELD_MESSAGE)
    elif done:
        messages.success(request, done)
