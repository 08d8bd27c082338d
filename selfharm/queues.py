"""The self-harm cases the teams who work with her work through (Rules 12, 16, 35): cases
awaiting their assessment, assessments overdue, reviews due today or overdue, and checks due
after a case closed."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bangkok.formats import human_moment
from prisoners.queues import where_she_lives
from reminders.queues import Bucket, Column, record_queue

from . import reading

ROLES = ("custody", "health", "social", "safeguarding", "governor")


def _end_of_today(now: datetime) -> datetime:
    today = timezone.localtime(now).date()
    return timezone.make_aware(datetime.combine(today + timedelta(days=1), time.min))


OPEN = Q(closed_at__isnull=True)
UNASSESSED = OPEN & Q(assessment__isnull=True)


def _moment(field: str):
    def cell(case, viewer) -> str:
        value = getattr(case, field)
        return human_moment(value) if value else ""

    return cell


CASES = record_queue(
    key="selfharm",
    title=_("Self-harm cases"),
    rule="16",
    roles=ROLES,
    records=reading.caseload,
    intro=_(
        "Self-harm cases in your facilities: assess each within its time, review each by its "
        "date, and check on her after a case closes."
    ),
    empty=_("No self-harm case needs work in your facilities."),
    buckets=(
        Bucket("awaiting", _("Awaiting assessment"), lambda now: UNASSESSED),
        Bucket(
            "assessment-overdue",
            _("Assessment overdue"),
            lambda now: UNASSESSED & Q(assessment_due_at__lt=now),
        ),
        Bucket(
            "review-due",
            _("Review due today or overdue"),
            lambda now: OPEN & Q(next_review_at__lt=_end_of_today(now)),
        ),
        Bucket(
            "check-due",
            _("Check after closure due"),
            lambda now: Q(closed_at__isnull=False, closure_check__isnull=True),
        ),
    ),
    columns=(
        Column(_("Opened"), _moment("opened_at")),
        Column(_("Risk"), lambda case, viewer: case.get_risk_display() if case.risk else ""),
        Column(_("Assessment due"), _moment("assessment_due_at")),
        Column(_("Next review"), _moment("next_review_at")),
        Column(_("Check due"), _moment("check_due_at")),
    ),
    opens="selfharm:case",
    link=_("Open the case"),
    keyset=("opened_at", "id"),
    filters=where_she_lives(),
    order=345,
)
