"""The social workers' queue of contact lapses: women with no family contact recorded for a
while (Rule 26) and mothers separated from a child with no visit with children (Rule 28)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from prisoners.queues import where_she_lives
from reminders.task_queues import task_queue

CONTACT_LAPSES = task_queue(
    key="contact",
    title=_("Contact lapses"),
    rule="26",
    role="social",
    kinds=(
        ("family", _("No family contact"), ("visits.family_contact",)),
        ("children", _("No visit with her children"), ("visits.child_visit",)),
    ),
    intro=_(
        "Women whose contact with their family or children has lapsed, longest first: help "
        "each keep in touch. A task closes when a visit is held or a contact recorded."
    ),
    empty=_("No woman's contact with her family has lapsed."),
    filters=where_she_lives(),
    url=lambda task: reverse("prisoners:detail", args=[task.prisoner.uuid]) + "#visits",
    order=20,
)

QUEUES = (CONTACT_LAPSES,)
