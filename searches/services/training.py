"""Who is trained for what, and until when (Rules 19, 21 and 29-35; RULES-SPEC 2.16).

The governor and the inspector read the training records of the staff of their facilities;
the governor is reminded TRAINING_EXPIRY_NOTICE_DAYS before one expires, in each facility the
member of staff works in, so a refresher is booked before she may no longer search.
"""

from __future__ import annotations

from dataclasses import dataclass
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
from facilities.scope import facilities_of, postings_in, staff_of
from reminders.models import Basis, Reminder
from reminders.services import resolve_reminder, schedule_reminder
from staff.models import Course, Gender, Grade, TrainingRecord, User
from staff.roles import ROLES

from ..permissions import can_read_training
from .searches import name_of

if TYPE_CHECKING:
    from datetime import date

    from django.db.models import QuerySet

    from facilities.models import Facility

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


# -- Rule 33.1: the new starter's training ---------------------------------------------------

NEW_STARTER_KIND = "staff.new_starter_training"
NEW_STARTER_KEY = "training.new_starter:{user}:{facility}"
# A month before her training in women's rights and gender-specific needs is due.
NEW_STARTER_NOTICE_DAYS = 30


def _works_with_women() -> list[str]:
    return [code for code, role in ROLES.items() if role.works_with_women]


def _lacks_womens_training(today: date) -> QuerySet[User]:
    """Active staff whose role works with women prisoners, without a valid training in their
    rights and gender-specific needs in effect today (Rule 33.1)."""
    trained = TrainingRecord.objects.valid_on(today).filter(
        user=OuterRef("pk"), course=Course.WOMENS_NEEDS, in_effect_from__lte=timezone.now()
    )
    return User.objects.filter(
        is_active=True, groups__name__in=_works_with_women(), is_superuser=False
    ).exclude(Exists(trained))


def new_starter_deadline(started_on: date) -> date:
    return started_on + timedelta(days=settings.NEW_STARTER_TRAINING_DAYS)


@transaction.atomic
def schedule_new_starter_reminders(*, today: date | None = None) -> int:
    """Remind the governor, in each facility where she works, a month before a new starter's
    training in women's rights and gender-specific needs is due (NEW_STARTER_TRAINING_DAYS
    after she started working with women prisoners, Rule 33.1; RULES-SPEC 2.16); it escalates
    on the day it is due. Close the reminders of those trained since. Running it again changes
    nothing. Returns how many reminders it made."""
    today = today or timezone.localdate()
    notice = timedelta(days=settings.NEW_STARTER_TRAINING_DAYS - NEW_STARTER_NOTICE_DAYS)
    untrained = (
        _lacks_womens_training(today)
        .filter(employment__started_on__lte=today - notice)
        .select_related("employment")
    )
    made = 0
    for user in untrained:
        # Only those who have a day they started are asked for (`started_on__lte`).
        due = new_starter_deadline(user.employment.started_on)  # type: ignore[arg-type]
        for facility in facilities_of(user):
            key = NEW_STARTER_KEY.format(user=user.pk, facility=facility.pk)
            if Reminder.objects.filter(key=key).exists():
                continue
            schedule_reminder(
                key=key,
                kind=NEW_STARTER_KIND,
                rule="33.1",
                title=gettext_lazy(
                    "%(name)s's training in women's rights and gender-specific needs is due "
                    "by %(day)s"
                ),
                title_params={"name": name_of(user), "day": due},
                facility=facility,
                assignee_role="governor",
                due_at=start_of(due - timedelta(days=NEW_STARTER_NOTICE_DAYS)),
                escalate_at=start_of(due),
                basis=Basis.CONFIG,
            )
            made += 1
    still = set(_lacks_womens_training(today).values_list("pk", flat=True))
    for key in Reminder.objects.open().filter(kind=NEW_STARTER_KIND).values_list("key", flat=True):
        user_pk = int(key.split(":")[1])
        if user_pk not in still:
            resolve_reminder(
                key_prefix=f"training.new_starter:{user_pk}:", outcome=_("Training recorded.")
            )
    if made:
        audit.record(by=None, action="training.new_starter_reminders", detail={"made": made})
    return made


# -- Capacity (Rules 29-35), for the governor and the inspector --------------------------------

# The courses Rules 32-35 ask of every member of staff working with women prisoners, then the
# others (search methods, searching children, the Rules themselves).
CAPACITY_COURSES = (
    Course.GENDER_SENSITIVITY,
    Course.WOMENS_NEEDS,
    Course.WOMENS_HEALTH,
    Course.CHILD_DEVELOPMENT,
    Course.HIV,
    Course.MENTAL_HEALTH,
    Course.SEARCH_METHODS,
    Course.CHILD_SEARCHES,
    Course.BANGKOK_RULES,
)


@dataclass(frozen=True)
class Capacity:
    """A facility's staff working with women prisoners, in figures (no names)."""

    facility: Facility | None  # None: all the viewer's facilities together
    staff: int
    women: int
    senior: int  # in a senior post (Rule 29)
    senior_women: int
    trained: dict[str, int]  # course -> how many hold a valid one today
    new_starters_late: int  # past the day their Rule 33.1 training was due, without it

    def share(self, count: int) -> int | None:
        """`count` as a whole percentage of the staff (None without staff)."""
        return round(100 * count / self.staff) if self.staff else None

    @property
    def courses(self) -> list[tuple[str, str, str, int, int | None]]:
        """(course, its label, its Rule, how many hold it, their share) in Rule order."""
        return [
            (c.value, str(c.label), COURSE_RULES[c], self.trained[c], self.share(self.trained[c]))
            for c in CAPACITY_COURSES
        ]


def staff_capacity(user: User, today: date | None = None) -> list[Capacity]:
    """Her facilities' staff capacity (Rules 29-35), each facility then, for more than one,
    all together: counts only. Four queries, however many staff."""
    if not can_read_training(user):
        return []
    today = today or timezone.localdate()
    facilities = list(facilities_of(user).order_by("name"))
    by_pk = {str(f.pk): f for f in facilities}
    people = {
        row[0]: row
        for row in User.objects.filter(
            is_active=True, is_superuser=False, groups__name__in=_works_with_women()
        )
        .filter(pk__in=staff_of(facilities_of(user)).values("pk"))
        .values_list("pk", "gender", "employment__grade", "employment__started_on")
    }
    posted: dict[str, set[int]] = {key: set() for key in by_pk}
    for object_pk, user_pk in postings_in(facilities_of(user)).filter(user_id__in=list(people)):
        posted[object_pk].add(user_pk)
    valid: dict[int, set[str]] = {}
    for user_pk, course in (
        TrainingRecord.objects.valid_on(today)
        .filter(user__in=list(people), in_effect_from__lte=timezone.now())
        .values_list("user_id", "course")
        .distinct()
    ):
        valid.setdefault(user_pk, set()).add(course)

    def figures(facility: Facility | None, members: set[int]) -> Capacity:
        rows = [people[pk] for pk in members]
        late = [
            row
            for row in rows
            if row[3] is not None
            and new_starter_deadline(row[3]) < today
            and Course.WOMENS_NEEDS not in valid.get(row[0], set())
        ]
        return Capacity(
            facility=facility,
            staff=len(rows),
            women=sum(row[1] == Gender.WOMAN for row in rows),
            senior=sum(row[2] == Grade.SENIOR for row in rows),
            senior_women=sum(row[2] == Grade.SENIOR and row[1] == Gender.WOMAN for row in rows),
            trained={c: sum(c in valid.get(pk, set()) for pk in members) for c in CAPACITY_COURSES},
            new_starters_late=len(late),
        )

    result = [figures(by_pk[key], members) for key, members in posted.items()]
    if len(result) > 1:
        result.append(figures(None, set().union(*posted.values())))
    return result
