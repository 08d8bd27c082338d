"""Reminder verbs: schedule, complete, cancel, and the sweep that marks due and escalates."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.postgres.aggregates import ArrayAgg
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import (
    Count,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    Func,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Sum,
)
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

import audit
from bangkok import texts
from bangkok.dates import start_of
from facilities.scope import facilities_of

from .kinds import answering_record, require_declared, why_not_mark_done
from .models import OPEN_STATUSES, Basis, Reminder, Status

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from facilities.models import Facility
    from prisoners.models import Prisoner
    from staff.models import User

ESCALATION_ROLE = "governor"


@transaction.atomic
def schedule_reminder(
    *,
    key: str,
    kind: str,
    rule: str,
    title: str | Promise,
    facility: Facility,
    assignee_role: str,
    due_at: datetime,
    escalate_at: datetime | None = None,
    prisoner: Prisoner | None = None,
    basis: str = Basis.MUST,
    confidential: bool = False,
    hidden_from: Iterable[User] = (),
    title_params: texts.Params | None = None,
) -> Reminder:
    """Create the reminder for `key`, or return the one already there (one item, one row).

    Called inside the service whose action calls for the reminder, so both commit together.
    `title` must not carry confidential detail (see `Reminder`); a clinical task is
    `confidential`, so other roles see only that a health task is open. `kind` must be
    declared in `reminders.kinds` (else `UndeclaredKind`), so what closes it is known.
    A lazy `title` (gettext_lazy, with `title_params`) is kept as its message id and read in
    each reader's language (`bangkok.texts`); a plain string is kept as written.
    """
    require_declared(kind)
    escalate_at = escalate_at or due_at + settings.REMINDER_DEFAULT_ESCALATION
    title_key, kept_params = texts.keep(title, title_params)
    reminder, created = Reminder.objects.get_or_create(
        key=key,
        defaults={
            "kind": kind,
            "rule": rule,
            "title": texts.in_source(title, title_params)[:200],
            "title_key": title_key,
            "title_params": kept_params,
            "facility": facility,
            "assignee_role": assignee_role,
            "due_at": due_at,
            "escalate_at": escalate_at,
            "prisoner": prisoner,
            "basis": basis,
            "confidential": confidential,
        },
    )
    if created and hidden_from:
        reminder.hidden_from.set(hidden_from)
    return reminder


def tasks_for(user: User) -> QuerySet[Reminder]:
    """Open reminders for her role in her facilities; the governor also gets escalations."""
    role = user.role_code if user.is_authenticated else ""
    if not role or not user.has_perm("reminders.view_reminder"):
        return Reminder.objects.none()
    mine = Q(assignee_role=role, status__in=OPEN_STATUSES)
    if role == ESCALATION_ROLE:
        # Every team's escalated tasks, a part of its own, which an index of its own reads
        # (`reminder_escalated`); an OR inside one condition on the status would read every
        # open task of the facility.
        mine |= Q(status=Status.ESCALATED)
    return Reminder.objects.filter(mine, facility__in=facilities_of(user)).exclude(hidden_from=user)


def listed(tasks: QuerySet[Reminder]) -> QuerySet[Reminder]:
    """Tasks as a list shows them: with their facility, and each one's woman read for the page
    alone, after the page is chosen (joined before, she would be read for every open task of
    the governor's, escalations included, before the soonest were picked)."""
    return tasks.select_related("facility").prefetch_related("prisoner")


@transaction.atomic
def complete_reminder(*, reminder: Reminder, by: User, outcome: str = "") -> Reminder:
    """Mark a task done: only a task no record answers (`reminders.kinds`), by the role it
    is for, never the governor closing another team's task escalated to her (she directs
    them). A task the Rules require closes when the record answering it is written."""
    if not by.has_perm("reminders.change_reminder"):
        raise PermissionDenied(_("Your role can't close reminders."))
    reminder = Reminder.objects.select_for_update().get(pk=reminder.pk)
    if not tasks_for(by).filter(pk=reminder.pk).exists():
        raise ValidationError(_("This reminder is closed already or isn't yours to close."))
    refusal = why_not_mark_done(reminder, by)
    if refusal:
        raise ValidationError(refusal)
    now = timezone.now()
    reminder.status = Status.DONE
    reminder.closed_at = now
    reminder.closed_by = by
    reminder.outcome = outcome.strip()[:500]
    reminder.save(update_fields=["status", "closed_at", "closed_by", "outcome"])
    audit.record(
        by=by,
        action="reminder.completed",
        subject=reminder,
        facility=reminder.facility,
        detail={"kind": reminder.kind, "rule": reminder.rule},
    )
    return reminder


@transaction.atomic
def resolve_reminder(
    *, key: str = "", key_prefix: str = "", by: User | None = None, outcome: str
) -> int:
    """Close the open reminder for `key` (or every one whose key starts with `key_prefix`) as
    done, because the record it asked for was written: the service writing that record calls
    this, so no role check applies (unlike `complete_reminder`)."""
    if bool(key) == bool(key_prefix):
        raise ValueError("Give exactly one of key or key_prefix.")
    found = Reminder.objects.filter(status__in=OPEN_STATUSES)
    found = found.filter(key=key) if key else found.filter(key__startswith=key_prefix)
    return found.update(
        status=Status.DONE, closed_at=timezone.now(), closed_by=by, outcome=outcome[:500]
    )


@transaction.atomic
def cancel_reminder(
    *, key: str = "", key_prefix: str = "", by: User | None = None, reason: str
) -> int:
    """Close the open reminder for `key` (or every one whose key starts with `key_prefix`) as
    no longer needed (its cause went away)."""
    if bool(key) == bool(key_prefix):
        raise ValueError("Give exactly one of key or key_prefix.")
    found = Reminder.objects.filter(status__in=OPEN_STATUSES)
    found = found.filter(key=key) if key else found.filter(key__startswith=key_prefix)
    return found.update(
        status=Status.CANCELLED, closed_at=timezone.now(), closed_by=by, outcome=reason[:500]
    )


# How many reminders one transaction of the sweep changes, of each kind (marked due,
# escalated): a backlog is swept a batch at a time, each batch committed with its audit row.
SWEEP_BATCH = 2000


def sweep_reminders(*, now: datetime | None = None, batch: int = SWEEP_BATCH) -> dict[str, int]:
    """Mark reminders due, and escalate the overdue ones to the governor (RULES-SPEC 1.5).

    A batch at a time, each in a transaction of its own with its audit row: the ids of up to
    `batch` reminders whose time has come, read in order from the partial index of their
    status (however large the table, and whatever the planner guesses of a backlog), and
    locked, passing over those another sweep holds; then one UPDATE of those rows. Two sweeps
    at once share the work and change each reminder once; running it twice changes nothing
    the second time; a worker killed between batches leaves what it committed, and a re-run
    does the rest. Each change is kept in the reminder's history (`Reminder`'s events).
    """
    now = now or timezone.now()
    swept = {"due": 0, "escalated": 0}
    while True:
        with transaction.atomic():
            escalated = _sweep_batch(
                Q(status__in=[Status.PENDING, Status.DUE], escalate_at__lte=now),
                "escalate_at",
                batch,
                status=Status.ESCALATED,
                escalated_at=now,
            )
            # What is past its escalation too is left to the escalations: it goes there directly.
            due = _sweep_batch(
                Q(status=Status.PENDING, due_at__lte=now, escalate_at__gt=now),
                "due_at",
                batch,
                status=Status.DUE,
            )
            if due or escalated:
                audit.record(
                    by=None, action="reminders.swept", detail={"due": due, "escalated": escalated}
                )
        swept["due"] += due
        swept["escalated"] += escalated
        if due < batch and escalated < batch:
            return swept


def _sweep_batch(whose: Q, order: str, batch: int, **changes: Any) -> int:
    """Change up to `batch` reminders `whose` time has come, the earliest by `order` first,
    locked for this transaction; those another transaction holds are left to it. The UPDATE
    repeats `whose`, so it changes only what still waits. (The ids are read first: chosen by a
    subquery of the UPDATE itself, the plan may read it again and change more than a batch.)"""
    ids = list(
        Reminder.objects.filter(whose)
        .order_by(order, "id")
        .select_for_update(skip_locked=True)
        .values_list("id", flat=True)[:batch]
    )
    return Reminder.objects.filter(whose, id__in=ids).update(**changes) if ids else 0


# Timeliness, for oversight -------------------------------------------------------------------


def due_in(facilities: QuerySet[Facility], start: date, end: date) -> QuerySet[Reminder]:
    """The tasks a Rule's deadline sets, due in the facilities from `start` to `end` (both
    days included)."""
    return Reminder.objects.filter(
        basis=Basis.MUST,
        facility__in=facilities,
        due_at__gte=start_of(start),
        due_at__lt=start_of(end + timedelta(days=1)),
    )


def hidden_from_someone() -> Q:
    """A task hidden from some member of staff (one about a report that names her)."""
    return Q(Exists(Reminder.hidden_from.through.objects.filter(reminder=OuterRef("pk"))))


def timeliness_sums(
    tasks: QuerySet[Reminder], now: datetime, *by: str, slowest: int = 0
) -> list[dict]:
    """For each kind of task among `tasks` (and each value of `by`, e.g. "facility"): how
    many were due, done in time, done late, by how long in all (`late_total`) and at most
    (`longest`), no longer needed, and still open past their time at `now`, with a title
    that names no one (`title`); sums that add up across facilities (`timeliness_added`).
    With `slowest`, as many of the longest delays, longest first, each with the day its task
    was due (`slowest_by`, `slowest_on`): the longest of the tasks due on some of the days
    alone. One query; nothing of any woman, nor of what any one task said."""
    done_late = Q(status=Status.DONE, closed_at__gt=F("due_at"))
    late_by = ExpressionWrapper(F("closed_at") - F("due_at"), output_field=DurationField())
    more = {}
    if slowest:
        for name, value in (("slowest_by", late_by), ("slowest_on", TruncDate("due_at"))):
            gathered = ArrayAgg(value, filter=done_late, order_by=(late_by.desc(), "id"))
            more[name] = Func(gathered, template=f"(%(expressions)s)[1:{int(slowest)}]")
    return list(
        tasks.values("kind", "rule", *by)
        .annotate(
            # A title that names no one (its message id; most titles take no parameters).
            title=Min("title_key", filter=Q(title_params={}) & ~Q(title_key="")),
            due=Count("id"),
            in_time=Count("id", filter=Q(status=Status.DONE, closed_at__lte=F("due_at"))),
            late=Count("id", filter=done_late),
            late_total=Sum(late_by, filter=done_late),
            longest=Max(late_by, filter=done_late),
            cancelled=Count("id", filter=Q(status=Status.CANCELLED)),
            overdue=Count("id", filter=Q(status__in=OPEN_STATUSES, due_at__lt=now)),
            **more,
        )
        .order_by()
    )


# The counts of `timeliness_sums` that add up across its parts.
TIMELINESS_COUNTS = ("due", "in_time", "late", "cancelled", "overdue")


def timeliness_added(sums: Iterable[Mapping[str, Any]]) -> list[dict]:
    """`timeliness_sums` of several parts (facilities, or tasks counted at different times)
    as one row for each kind of task, ordered by rule and kind: the counts added, how long
    late on average (`late_by`) and at most (`longest`), its title as staff read it."""
    rows: dict[tuple[str, str], dict] = {}
    for part in sums:
        row = rows.setdefault(
            (part["rule"], part["kind"]),
            {
                "kind": part["kind"],
                "rule": part["rule"],
                "title": None,
                "late_total": None,
                "longest": None,
                **dict.fromkeys(TIMELINESS_COUNTS, 0),
            },
        )
        for name in TIMELINESS_COUNTS:
            row[name] += part[name]
        if part["title"] and (row["title"] is None or part["title"] < row["title"]):
            row["title"] = part["title"]
        if part["late_total"] is not None:
            row["late_total"] = part["late_total"] + (row["late_total"] or timedelta(0))
        if part["longest"] is not None and (
            row["longest"] is None or part["longest"] > row["longest"]
        ):
            row["longest"] = part["longest"]
    return [
        {
            "kind": row["kind"],
            "rule": row["rule"],
            "title": _kind_named(row),
            **{name: row[name] for name in TIMELINESS_COUNTS},
            "late_by": row["late_total"] / row["late"]
            if row["late"] and row["late_total"] is not None
            else None,
            "longest": row["longest"],
        }
        for _key, row in sorted(rows.items())
    ]


def timeliness(
    facilities: QuerySet[Facility],
    start: date,
    end: date,
    *,
    viewer: User,
    now: datetime | None = None,
) -> list[dict]:
    """For each kind of task a Rule's deadline sets, due in the facilities from `start` to `end`
    (both days included): how many were due, done in time, done late and by how long on
    average and at most, no longer needed, and still open past their time (Rules 25.3, 67).
    Counts only, one query: nothing of any woman, nor of what any one task said. A task hidden
    from the viewer (one about a report that names her, Rule 25) is not counted for her: she
    can't tell from the counts that it exists."""
    tasks = due_in(facilities, start, end).exclude(hidden_from=viewer)
    return timeliness_added(timeliness_sums(tasks, now or timezone.now()))


def _kind_named(row: Mapping[str, Any]) -> str:
    """A kind of task as staff read it: a title it carries that names no one, else what
    answers it, else its code."""
    if row["title"]:
        return texts.written(row["title"], {})
    answered = answering_record(row["kind"])
    return _("Closed by %(record)s") % {"record": answered} if answered else row["kind"]
