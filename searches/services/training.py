"""Who is trained for what, and until when (Rules 19, 21 and 29-35; RULES-SPEC 2.16).

The governor and the inspector read the training records of the staff of their facilities;
the governor is reminded TRAINING_EXPIRY_NOTICE_DAYS before one expires, in each facility the
member of staff works in, so a refresher is booked before she may no longer search.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Coalesce, Concat, Lower, NullIf
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import audit
from bangkok.dates import start_of
from facilities.scope import facilities_of, staff_of
from reminders.models import Basis, Reminder
from reminders.services import resolve_reminder, schedule_reminder
from staff.models import Course, TrainingRecord

from ..permissions import can_read_training
from .searches import name_of

if TYPE_CHECKING:
    from datetime import date

    from django.db.models import QuerySet

    from facilities.models import Facility
    from staff.models import User

KIND = "staff.training_expiry"
KEY = "training.expiry:{record}:{facility}"
# The Rule each course answers to (staff.models.Course).
COURSE_RULES: dict[str, str] = {
    Course.SEARCH_METHODS: "19",
    Course.CHILD_SEARCHES: "21",
    Course.GENDER_SENSITIVITY: "32",
    Course.WOMENS_NEEDS: "33.1",
    Course.WOMENS_HEALTH: "33.2",
    Course.CHILD_DEVELOPMENT: "33.3",
    Course.HIV: "34",
    Course.MENTAL_HEALTH: "35",
    Course.BANGKOK_RULES: "70.4",
}
TRAINING_ORDER = ("staff_name", "course", "id")


class TrainingStatus(models.TextChoices):
    VALID = "valid", gettext_lazy("Valid")
    EXPIRING = "expiring", gettext_lazy("Expires soon")
    EXPIRED = "expired", gettext_lazy("Expired")


def training_records_visible_to(user: User) -> QuerySet[TrainingRecord]:
    """The training records of the staff of her facilities, ordered by name then course."""
    if not can_read_training(user):
        return TrainingRecord.objects.none()
    name = Concat("user__last_name", Value(" "), "user__first_name")
    return (
        TrainingRecord.objects.filter(user__in=staff_of(facilities_of(user)))
        .select_related("user")
        .annotate(staff_name=Lower(Coalesce(NullIf(name, Value(" ")), "user__username")))
    )


def training_status(record: TrainingRecord, today: date | None = None) -> str:
    """ "expired", "expiring" (within the notice period) or "valid"."""
    today = today or timezone.localdate()
    if record.expires is None:
        return "valid"
    if record.expires < today:
        return "expired"
    if record.expires <= today + timedelta(days=settings.TRAINING_EXPIRY_NOTICE_DAYS):
        return "expiring"
    return "valid"


def _renewed() -> QuerySet[TrainingRecord]:
    """A later record of the same course for the same person that lasts longer."""
    return TrainingRecord.objects.filter(
        user=OuterRef("user"), course=OuterRef("course"), completed__gt=OuterRef("completed")
    ).filter(Q(expires__isnull=True) | Q(expires__gt=OuterRef("expires")))


@transaction.atomic
def schedule_training_expiry_reminders(*, today: date | None = None) -> int:
    """Remind the governor, in each facility where the member of staff works, that her
    training expires within TRAINING_EXPIRY_NOTICE_DAYS (RULES-SPEC 2.16), unless she has
    renewed it; close the reminders of trainings renewed since. Running it again changes
    nothing: one reminder per record and facility. Returns how many reminders it made."""
    today = today or timezone.localdate()
    horizon = today + timedelta(days=settings.TRAINING_EXPIRY_NOTICE_DAYS)
    expiring = (
        TrainingRecord.objects.filter(
            expires__gte=today, expires__lte=horizon, user__is_active=True
        )
        .exclude(Exists(_renewed()))
        .select_related("user")
    )
    made = 0
    for record in expiring:
        for facility in facilities_of(record.user):
            made += _remind(record, facility)
    _close_renewed()
    if made:
        audit.record(by=None, action="training.expiry_reminders", detail={"made": made})
    return made


def _remind(record: TrainingRecord, facility: Facility) -> int:
    key = KEY.format(record=record.pk, facility=facility.pk)
    if Reminder.objects.filter(key=key).exists():
        return 0
    # Only expiring records are reminded of: expires is set.
    notice = record.expires - timedelta(days=settings.TRAINING_EXPIRY_NOTICE_DAYS)  # type: ignore[operator]
    title = gettext_lazy("%(name)s's training expires on %(day)s: %(course)s")
    params = {
        "name": name_of(record.user),
        "day": record.expires,
        "course": Course(record.course).label,
    }
    schedule_reminder(
        key=key,
        kind=KIND,
        rule=COURSE_RULES.get(record.course, ""),
        title=title,
        title_params=params,
        facility=facility,
        assignee_role="governor",
        due_at=start_of(notice),  # type: ignore[arg-type]
        escalate_at=start_of(record.expires),  # type: ignore[arg-type]
        basis=Basis.CONFIG,
    )
    return 1


def _close_renewed() -> None:
    open_keys = Reminder.objects.open().filter(kind=KIND).values_list("key", flat=True)
    pks = {int(key.split(":")[1]) for key in open_keys}
    renewed = TrainingRecord.objects.filter(pk__in=pks).filter(Exists(_renewed()))
    for pk in renewed.values_list("pk", flat=True):
        resolve_reminder(key_prefix=f"training.expiry:{pk}:", outcome=_("Training renewed."))
