"""Queues made of tasks: the governor's escalations, tasks past their limit grouped by the team
that owns them, which still closes them (RULES-SPEC 1.5); and a team's queue of tasks of some
kinds (`task_queue`: health's screenings, the social workers' contact lapses). A clinical
task shows a reader without the clinical right only that a health task is open (Rule 8)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bangkok.formats import human_moment
from facilities.scope import facilities_to_choose

from .models import CONFIDENTIAL_TITLE, Reminder, Status
from .queues import Bucket, Filter, Queue, Row
from .services import ESCALATION_ROLE, listed, tasks_for

if TYPE_CHECKING:
    from .queues import Label

READ_CLINICAL = "health.read_clinical"
# The teams a task belongs to, as the governor speaks of them.
TEAMS = {
    "reception": _("Reception"),
    "custody": _("Custody"),
    "health": _("Health"),
    "social": _("Social work"),
    "safeguarding": _("Safeguarding"),
    "governor": _("Governor"),
}


def escalated(viewer):
    return listed(tasks_for(viewer).filter(status=Status.ESCALATED))


def title_shown(task: Reminder, viewer) -> str:
    """A task's title as this viewer may read it: a clinical one only to health staff."""
    return (
        str(CONFIDENTIAL_TITLE)
        if task.confidential and not viewer.has_perm(READ_CLINICAL)
        else task.title
    )


def _row(task: Reminder, viewer) -> Row:
    return Row(
        woman=task.prisoner,
        cells=(
            title_shown(task, viewer),
            TEAMS.get(task.assignee_role, task.get_assignee_role_display()),
            human_moment(task.due_at),
            human_moment(task.escalated_at) if task.escalated_at else "",
        ),
    )


def _team(code: str) -> Bucket:
    return Bucket(code, TEAMS[code], lambda now: Q(assignee_role=code))


ESCALATIONS = Queue(
    key="escalations",
    title=_("Escalations by team"),
    rule="",
    roles=(ESCALATION_ROLE,),
    records=escalated,
    intro=_(
        "Tasks past their limit in your facilities, by the team that owns them, longest "
        "overdue first. The team closes each when it makes the record that answers it."
    ),
    empty=_("No task is overdue in your facilities."),
    buckets=tuple(_team(code) for code in TEAMS),
    columns=(_("What needs doing"), _("Team"), _("Due"), _("Escalated")),
    row=_row,
    keyset=("due_at", "id"),
    filters=(
        Filter(
            key="facility",
            label=_("Facility"),
            choices=lambda viewer, chosen: facilities_to_choose(viewer),
            apply=lambda records, value: records.filter(facility__code=value),
        ),
    ),
    order=20,
)


def _tasks_row(url) -> Callable:
    def row(task: Reminder, viewer) -> Row:
        return Row(
            woman=task.prisoner,
            cells=(
                title_shown(task, viewer),
                human_moment(task.due_at),
                task.get_status_display(),
            ),
            url=url(task) if url and task.prisoner_id else "",
        )

    return row


def task_queue(
    *,
    key: str,
    title: Label,
    rule: str,
    role: str,
    kinds: tuple[tuple[str, Label, tuple[str, ...]], ...],
    intro: Label,
    empty: Label,
    filters: tuple[Filter, ...] = (),
    url: Callable | None = None,
    order: int = 100,
) -> Queue:
    """A queue of `role`'s open tasks of some kinds, a bucket per group of kinds
    (key, label, kinds) and one of those past due, soonest due first."""
    every_kind = tuple(kind for _key, _label, group in kinds for kind in group)

    def records(viewer):
        return listed(tasks_for(viewer).filter(assignee_role=role, kind__in=every_kind))

    def group(kinds_of_group: tuple[str, ...]) -> Callable:
        return lambda now: Q(kind__in=kinds_of_group)

    return Queue(
        key=key,
        title=title,
        rule=rule,
        roles=(role,),
        records=records,
        buckets=(
            *(Bucket(bucket, label, group(kinds_of)) for bucket, label, kinds_of in kinds),
            Bucket("overdue", _("Past due"), lambda now: Q(due_at__lt=now)),
        ),
        columns=(_("What needs doing"), _("Due"), _("Status")),
        row=_tasks_row(url),
        keyset=("due_at", "id"),
        filters=filters,
        intro=intro,
        empty=empty,
        order=order,
    )
