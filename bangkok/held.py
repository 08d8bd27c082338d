"""How a page or the API answers when an adverse action is held for review because she is
protected after a complaint or a report of abuse (Rules 7.3, 25.1; `complaints.services`).

Only a transfer still answers this way: its service returns the held record instead of its
own, marked `held_for_review`. Every other adverse act is recorded in the waiting state it has
for every woman and answered as for any woman (`complaints.services.retaliation`).
"""

from django.contrib import messages
from django.utils.translation import gettext_lazy as _

# It names no complaint and no report; still, it tells whoever asked that the transfer is
# held, so a transfer is the one act not yet answered as for any woman (Rule 25).
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
