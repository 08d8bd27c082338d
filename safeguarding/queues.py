"""The safeguarding work queues (Rule 25.1; Mandela 1): support plans and management to make
and to review, and the concerns her family raised awaiting triage."""

from __future__ import annotations

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bangkok.formats import human_moment
from prisoners.queues import where_she_lives
from reminders.queues import Bucket, Column, record_queue

from . import reading

PLANNERS = ("safeguarding", "social", "governor")
TRIAGERS = ("safeguarding", "governor")

TO_MAKE = Q(made_at__isnull=True)


def _moment(field: str):
    def cell(record, viewer) -> str:
        value = getattr(record, field)
        return human_moment(value) if value else ""

    return cell


PLANS = record_queue(
    key="safeguarding",
    title=_("Safeguarding plans"),
    rule="25.1",
    roles=PLANNERS,
    records=reading.plans_worked,
    intro=_(
        "Each victim of an incident gets her support plan and each perpetrator her management "
        "at once, reviewed by their dates."
    ),
    empty=_("No safeguarding plan needs work in your facilities."),
    buckets=(
        Bucket("to-make", _("To make"), lambda now: TO_MAKE),
        Bucket("overdue", _("Overdue"), lambda now: TO_MAKE & Q(due_at__lt=now)),
        Bucket(
            "review-due",
            _("Review due"),
            lambda now: Q(made_at__isnull=False, next_review_at__lt=now),
        ),
    ),
    columns=(
        Column(_("For"), lambda plan, viewer: plan.get_part_display()),
        Column(_("To be made by"), _moment("due_at")),
        Column(_("Next review"), _moment("next_review_at")),
    ),
    opens="safeguarding:plan",
    link=_("Open the plan"),
    keyset=("opened_at", "id"),
    filters=where_she_lives(),
    order=355,
)

CONCERNS = record_queue(
    key="family-concerns",
    title=_("Concerns raised by families"),
    rule="25.1",
    roles=TRIAGERS,
    records=reading.awaiting_concerns,
    intro=_("Triage each concern a family raised: link it to an incident or a need, or close it."),
    empty=_("No family concern awaits triage in your facilities."),
    buckets=(
        Bucket("awaiting", _("Awaiting triage"), lambda now: Q(triage="")),
        Bucket("triaged", _("Triaged"), lambda now: ~Q(triage="")),
    ),
    columns=(
        Column(_("Received"), _moment("received_at")),
        Column(_("How"), lambda concern, viewer: concern.get_way_display()),
    ),
    opens="safeguarding:concern-detail",
    link=_("Open the concern"),
    keyset=("received_at", "id"),
    filters=where_she_lives(),
    order=356,
)
