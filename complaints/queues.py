"""Safeguarding's caseload of complaints and reports of abuse (Rule 25; Mandela 57): new ones
nobody deals with yet, those to acknowledge and to answer by their deadlines, and those past
a deadline. Only safeguarding staff work it; the complaints that name her are never in it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bangkok.formats import human_moment
from prisoners.queues import where_she_lives
from reminders.queues import Bucket, Column, Filter, record_queue

from . import reading
from .models import ComplaintStatus, Kind

RECEIVED, ACKNOWLEDGED = ComplaintStatus.RECEIVED, ComplaintStatus.ACKNOWLEDGED


def _overdue(now: datetime) -> Q:
    return Q(status=RECEIVED, acknowledge_by__lt=now) | Q(
        status__in=[RECEIVED, ACKNOWLEDGED], reply_by__lt=now
    )


def _moment(field: str, *statuses) -> Callable:
    """The record's `field` as a moment, while it is in one of `statuses` (else blank)."""

    def cell(record, viewer) -> str:
        return human_moment(getattr(record, field)) if record.status in statuses else ""

    return cell


def _given(field: str) -> Callable:
    """Whether the review recorded in `field` is given yet."""
    return lambda held, viewer: _("Given") if getattr(held, f"{field}_id") else _("Awaited")


CASELOAD = record_queue(
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
        Column(_("Kind"), lambda complaint, viewer: complaint.get_kind_display()),
        Column(_("What it is about"), lambda complaint, viewer: complaint.get_subject_display()),
        Column(_("Status"), lambda complaint, viewer: complaint.get_status_display()),
        Column(_("Received"), lambda complaint, viewer: human_moment(complaint.received_at)),
        Column(_("To acknowledge by"), _moment("acknowledge_by", RECEIVED)),
        Column(_("To answer by"), _moment("reply_by", RECEIVED, ACKNOWLEDGED)),
    ),
    opens="complaints:detail",
    link=_("Open the complaint"),
    keyset=("received_at", "id"),
    filters=(
        Filter(
            key="kind",
            label=_("Kind"),
            choices=lambda viewer, chosen: Kind.choices,
            apply=lambda records, value: records.filter(kind=value),
        ),
        *where_she_lives(),
    ),
    order=10,
)


HELD_ACTIONS = record_queue(
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
        Column(_("Action"), lambda held, viewer: held.get_kind_display()),
        Column(_("What was asked"), lambda held, viewer: held.asked),
        Column(_("Asked"), lambda held, viewer: human_moment(held.requested_at)),
        Column(_("Safeguarding's review"), _given("safeguarding_by")),
        Column(_("Governor's review"), _given("governor_by")),
    ),
    opens="complaints:held",
    link=_("Review"),
    keyset=("requested_at", "id"),
    filters=where_she_lives(),
    order=30,
)

QUEUES = (CASELOAD, HELD_ACTIONS)
