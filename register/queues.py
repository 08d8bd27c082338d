"""The social workers' queue of children: those outside whose whereabouts or carer are not
known (Rule 3.1), and dependent children outside with no arrangement for their care (Rule
2.2). Their identities are shown to social workers only, every page's read audited (Rule
3.2)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from prisoners.queues import where_she_lives
from reminders.queues import Bucket, Column, record_queue

from . import reading
from .models import Child


def _missing(child: Child, viewer) -> str:
    missing = []
    if child.whereabouts_unknown:
        missing.append(str(_("where the child lives or who cares for them")))
    if child.needs_arrangement:
        missing.append(str(_("an arrangement for the child's care")))
    return "; ".join(missing)


def _name(child: Child, viewer) -> str:
    return " ".join(part for part in (child.given_names, child.family_name) if part)


def _lives(child: Child, viewer) -> str:
    return _("Not known") if child.location_unknown else child.location


def _edit(child: Child) -> str:
    """Its form, which comes back to the queue."""
    return reverse("register:child-edit", args=[child.uuid]) + "?next=" + reverse("queue-children")


CHILDREN = record_queue(
    key="children",
    title=_("Children to follow up"),
    rule="3",
    roles=("social",),
    records=reading.children_to_follow_up,
    disclosed=reading.children_listed,
    intro=_(
        "Children of women in your facilities whose whereabouts are not known, or who have "
        "no arrangement for their care, longest waiting first."
    ),
    empty=_("Every child outside has known whereabouts and an arrangement."),
    buckets=(
        Bucket("whereabouts", _("Whereabouts unknown"), lambda now: reading.WHEREABOUTS_UNKNOWN),
        Bucket("arrangement", _("No arrangement"), lambda now: reading.NO_ARRANGEMENT),
    ),
    columns=(
        Column(_("Child"), _name),
        Column(_("Age"), lambda child, viewer: child.age),
        Column(_("Where the child lives"), _lives),
        Column(_("Custody"), lambda child, viewer: child.get_custody_display()),
        Column(_("Still missing"), _missing),
    ),
    opens=_edit,
    link=_("Record what is known"),
    woman="mother",
    keyset=("recorded_at", "id"),
    filters=where_she_lives("mother"),
    order=10,
)


def _decide(child: Child) -> str:
    return reverse("register:best-interests", args=[child.mother.uuid])


REVIEWS = record_queue(
    key="children-in-prison",
    title=_("Children living in prison: reviews"),
    rule="52.1",
    roles=("social",),
    records=reading.children_in_prison,
    disclosed=reading.children_listed,
    intro=_(
        "Children living with their mothers in your facilities whose best-interests review is "
        "overdue or falls due soon (Rules 49, 52.1), the earliest first."
    ),
    empty=_("No review of a child living in prison is due."),
    buckets=(
        Bucket("overdue", _("Review overdue"), reading.review_overdue),
        Bucket("soon", _("Due soon"), reading.review_due_soon),
    ),
    columns=(
        Column(_("Child"), _name),
        Column(_("Age"), lambda child, viewer: child.age),
        Column(_("Review due"), lambda child, viewer: child.review_due_on),
    ),
    opens=_decide,
    link=_("Record the decision"),
    woman="mother",
    keyset=("review_due_on", "id"),
    filters=where_she_lives("mother"),
    order=11,
)

QUEUES = (CHILDREN, REVIEWS)
