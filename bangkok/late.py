"""Records made after the fact: a search, a restraint, a segregation or a charge written down
with a time in the past is judged on the truth, not on what the record claims.

- A record more than LATE_RECORD_REASON_AFTER_HOURS after the moment it records says why it
  is late (`late_reason`, required then, shown with the record).
- What protected her, and who the staff were, is read as it was at that moment and as
  recorded since: a protection that was on then, or came on since for a reason that reaches
  back (a pregnancy declared today that was there then), refuses the record, and so does a
  member of staff recorded as a man then or since (`flag_held_since`, `genders_since`).

Every area that takes a past time uses these, so the answer is the same at every door.
"""

from datetime import datetime, timedelta

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from bangkok.api_fields import StrictCharField

FIELD = "late_reason"
MAX_LENGTH = 500
LABEL = _lazy("Why it is recorded late")
HELP = _lazy("Required when it happened more than a few hours before it is recorded.")


def model_field() -> models.CharField:
    return models.CharField(LABEL, max_length=MAX_LENGTH, blank=True, help_text=HELP)


def form_field() -> forms.CharField:
    return forms.CharField(
        label=LABEL, max_length=MAX_LENGTH, required=False, widget=forms.Textarea, help_text=HELP
    )


def api_field() -> StrictCharField:
    return StrictCharField(
        required=False, allow_blank=True, default="", max_length=MAX_LENGTH, help_text=HELP
    )


def is_late(at: datetime, *, now: datetime | None = None) -> bool:
    now = now or timezone.now()
    return at < now - timedelta(hours=settings.LATE_RECORD_REASON_AFTER_HOURS)


def late_reason(at: datetime, reason: str, *, now: datetime | None = None) -> str:
    """The reason a record of `at` is late, required once it is more than
    LATE_RECORD_REASON_AFTER_HOURS old; refused (nothing written) without one."""
    reason = (reason or "").strip()
    if is_late(at, now=now) and not reason:
        raise ValidationError(
            {
                FIELD: _(
                    "This happened more than %(hours)s hours ago: say why it is recorded late."
                )
                % {"hours": settings.LATE_RECORD_REASON_AFTER_HOURS}
            }
        )
    return reason


def _then_and_since(events, since: datetime):
    """The history rows in force at `since` and every one written after it."""
    events = events.order_by("-pgh_created_at", "-pgh_id")
    before = events.filter(pgh_created_at__lte=since).first()
    after = list(events.filter(pgh_created_at__gt=since))
    return ([before] if before is not None else []) + after


def flag_held_since(flags, name: str, since: datetime) -> bool:
    """Whether her protection flag `name` was on at `since` or at any time after it, read from
    her flags (now) and their history (then). The caller locks `flags`."""
    if getattr(flags, name):
        return True
    return any(getattr(event, name) for event in _then_and_since(flags.events.all(), since))


def genders_since(user, since: datetime) -> set[str]:
    """Every gender recorded for `user` from `since` until now: the one in force then, any
    confirmed since (a correction included) and the current one."""
    events = _then_and_since(user.events.all(), since)
    return {user.gender, *(event.gender for event in events)}
