"""Safeguarding's caseload of complaints and reports of abuse (Rule 25; Mandela 57): new ones
nobody deals with yet, those to acknowledge and to answer by their deadlines, and those past
a deadline. Only safeguarding staff work it; the complaints that name her are never in it."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from bangkok.formats import human_moment
from prisoners.queues import by_unit
from reminders.queues import Bucket, Filter, Queue, Row

from . import reading
from .models import Complaint, ComplaintStatus, Kind

RECEIVED, ACKNOWLEDGED = ComplaintStatus.RECEIVED, ComplaintStatus.ACKNOWLEDGED


def _overdue(now: datetime) -> Q:
    return Q(status=RECEIVED, acknowledge_by__lt=now) | Q(
        status__in=[RECEIVED, ACKNOWLEDGED], reply_by__lt=now
    )


def _row(complaint: Complaint, viewer) -> Row:
    return Row(
        woman=complaint.prisoner,
        cells=(
            complaint.get_kind_display(),
            complaint.get_subject_display(),
            complaint.get_status_display(),
            human_moment(complaint.received_at),
            human_moment(complaint.acknowledge_by) if complaint.status == RECEIVED else "",
            human_moment(complaint.reply_by)
            if complaint.status in (RECEIVED, ACKNOWLEDGED)
            else "",
        ),
        url=reverse("complaints:detail", args=[complaint.uuid]),
        link=_("Open the complaint"),
    )


CASELOAD = Queue(
    key="complaints",
    title=_("Complaints caseload"),
    rule="25",
    roles=("safeguarding",),
    records=reading.caseload,
    disclosed=reading.caseload_listed,
    intro=_(
        "Open complaints and reports of abuse in your facilities, oldest first. Acknowledge "
        "and answer each by its deadline."
    ),
    empty=_("No complaint is open in your facilities."),
    buckets=(
        Bucket("new", _("New"), lambda now: Q(status=RECEIVED, assigned_to__isnull=True)),
        # Each until it is done, late or not; those past a deadline are also overdue.
        Bucket("acknowledge", _("Due to acknowledge"), lambda now: Q(status=RECEIVED)),
        Bucket("answer", _("Due to answer"), lambda now: Q(status=ACKNOWLEDGED)),
        Bucket("overdue", _("Overdue"), _overdue),
    ),
    columns=(
        _("Kind"),
        _("What it is about"),
        _("Status"),
        _("Received"),
        _("To acknowledge by"),
        _("To answer by"),
    ),
    row=_row,
    keyset=("received_at", "id"),
    filters=(
        Filter(
            key="kind",
            label=_("Kind"),
            choices=lambda viewer: Kind.choices,
            apply=lambda records, value: records.filter(kind=value),
        ),
        by_unit(),
    ),
    order=10,
)


def _held_row(held, viewer) -> Row:
    return Row(
        woman=held.prisoner,
        cells=(
            held.get_kind_display(),
            held.summary,
            human_moment(held.requested_at),
            _("Given") if held.safeguarding_by_id else _("Awaited"),
            _("Given") if held.governor_by_id else _("Awaited"),
        ),
        url=reverse("complaints:held", kwargs={"uuid": held.uuid}),
        link=_("Review"),
    )


HELD_ACTIONS = Queue(
    key="held-actions",
    title=_("Actions held after a report"),
    rule="25.1",
    roles=("governor",),
    records=reading.held_for_review,
    intro=_(
        "Acts against a woman asked for after her complaint or report wait until safeguarding "
        "and you have both reviewed them (Rules 7.3, 25.1)."
    ),
    empty=_("No action is held for review in your facilities."),
    buckets=(
        Bucket("governor", _("Awaiting your review"), lambda now: Q(governor_by__isnull=True)),
        Bucket(
            "safeguarding",
            _("Awaiting safeguarding's review"),
            lambda now: Q(safeguarding_by__isnull=True),
        ),
    ),
    columns=(
        _("Action"),
        _("What was asked"),
        _("Asked"),
        _("Safeguarding's review"),
        _("Governor's review"),
    ),
    row=_held_row,
    keyset=("requested_at", "id"),
    filters=(by_unit(),),
    order=30,
)

QUEUES = (CASELOAD, HELD_ACTIONS)
