"""Health staff's queue: the screenings due, the follow-ups and the antenatal and postnatal
contacts, from their open tasks (Rules 6-18, 48). It is health's alone: every other role
meets a 404 (Rule 8)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from prisoners.queues import where_she_lives
from reminders.task_queues import task_queue

from .services.maternity import CONTACT_KINDS
from .services.preventive import FOLLOW_UP_KIND

SCREENINGS = (
    "health.entry_screening",
    "health.injuries_at_reception",
    "health.child_screening",
    "health.preventive",
)
FOLLOW_UPS = (
    "health.screening_follow_up",
    FOLLOW_UP_KIND,
    "health.hiv_post_counselling",
    "health.abuse_referral",
    "health.child_check",
    "health.observation_review",
    "health.distress_recheck",
    "health.pmtct",
    "health.substance_programme",
    "health.education",
)

HEALTH = task_queue(
    key="health",
    title=_("Screenings, follow-ups and contacts"),
    rule="6",
    role="health",
    kinds=(
        ("screenings", _("Screenings due"), SCREENINGS),
        ("follow-ups", _("Follow-ups"), FOLLOW_UPS),
        ("contacts", _("Antenatal and postnatal contacts"), tuple(CONTACT_KINDS.values())),
    ),
    intro=_(
        "Your open health tasks in your facilities, soonest due first: each closes when its "
        "record is made in her clinical file."
    ),
    empty=_("No screening, follow-up or contact is waiting."),
    filters=where_she_lives(),
    url=lambda task: reverse("health:file", args=[task.prisoner.uuid]),
    order=10,
)

QUEUES = (HEALTH,)
