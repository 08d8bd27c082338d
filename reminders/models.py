"""Reminders: stored rows with a due time and a rule reference (RULES-SPEC 1.5).

Services create them; a beat-scheduled sweep marks them due and escalates overdue ones to
the governor. Because they live in PostgreSQL, nothing is lost while the broker is down and
running the sweep twice changes nothing the second time.
"""

import uuid

import pghistory
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bangkok import texts
from bangkok.versions import Versioned
from staff.roles import ROLE_CHOICES


class Status(models.TextChoices):
    PENDING = "pending", _("Not yet due")
    DUE = "due", _("Due")
    ESCALATED = "escalated", _("Overdue, escalated to the governor")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("No longer needed")


OPEN_STATUSES = (Status.PENDING, Status.DUE, Status.ESCALATED)


class Basis(models.TextChoices):
    MUST = "must", _("Deadline a Rule sets")
    GUIDANCE = "guidance", _("Interval from guidance")
    CONFIG = "config", _("Interval set by this prison service")


CONFIDENTIAL_TITLE = _("Health task (confidential)")


class ReminderQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)


# Its changes are kept a statement at a time: the sweep changes thousands of rows in one
# statement, and their history is written in one insert rather than one a row.
@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(level=pghistory.Statement))
class Reminder(Versioned):
    """One thing someone must do by a time. `key` makes one due item exactly one row.

    `title` is shown to the assigned role and the governor: it never carries clinical,
    child-identity or complaint detail, only what must be done (e.g. "Entry health screening
    due"), and the woman is named by her record, which the reader's own scope governs.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    key = models.CharField(max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=64)
    rule = models.CharField(_("rule"), max_length=16)
    basis = models.CharField(max_length=10, choices=Basis, default=Basis.MUST)
    title = models.CharField(_("what needs doing"), max_length=200)
    # The title as a message id and its parameters (`bangkok.texts`), written in the reader's
    # language when read; `title` keeps it in English, and is what is shown of a task made
    # before titles had message ids.
    title_key = models.CharField(max_length=200, blank=True, default="")
    title_params = models.JSONField(default=dict, blank=True)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reminders",
        verbose_name=_("woman"),
    )
    facility = models.ForeignKey(
        "facilities.Facility", on_delete=models.PROTECT, related_name="reminders"
    )
    assignee_role = models.CharField(_("assigned to"), max_length=20, choices=ROLE_CHOICES)
    due_at = models.DateTimeField(_("due at"))
    escalate_at = models.DateTimeField(_("escalates at"))
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    escalated_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    outcome = models.CharField(_("outcome"), max_length=500, blank=True)
    # A clinical task (its kind and rule say something of her health): a role that doesn't
    # read the clinical file, the governor receiving an escalation included, sees only that
    # a health task is open and when it is due (Rule 8).
    confidential = models.BooleanField(default=False)
    # Staff who must not be told of this task, though their role is assigned to it: those
    # named in the complaint it is about (Rule 25; Mandela 57.2, 71.3).
    hidden_from = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")

    objects = ReminderQuerySet.as_manager()

    class Meta:
        verbose_name = _("reminder")
        ordering = ["due_at", "id"]
        indexes = [
            models.Index(fields=["facility", "assignee_role", "status", "due_at"]),
            models.Index(
                fields=["due_at"],
                name="reminder_pending_due",
                condition=models.Q(status="pending"),
            ),
            models.Index(
                fields=["escalate_at"],
                name="reminder_open_escalate",
                condition=models.Q(status__in=["pending", "due"]),
            ),
            # The governor's escalations, every team's, in a facility, soonest due first: the
            # part of her tasks that isn't her role's (`services.tasks_for`).
            models.Index(
                fields=["facility", "due_at", "id"],
                name="reminder_escalated",
                condition=models.Q(status="escalated"),
            ),
            # The tasks a Rule's deadline sets, in a facility, by when due: oversight's
            # timeliness of a few days (the days between a period asked and one counted
            # ahead, 47 ms to 8 across every facility) or of one facility.
            models.Index(
                fields=["facility", "due_at"],
                name="reminder_must_by_due",
                condition=models.Q(basis="must"),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(escalate_at__gte=models.F("due_at")),
                name="reminder_escalates_after_due",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=["done", "cancelled"], closed_at__isnull=False)
                | (~models.Q(status__in=["done", "cancelled"]) & models.Q(closed_at__isnull=True)),
                name="reminder_closed_iff_done",
            ),
        ]

    def __str__(self) -> str:
        return self.heading

    @property
    def heading(self) -> str:
        """What needs doing, in the reader's language."""
        return texts.written(self.title_key, self.title_params, self.title)

    def shown_to(self, user) -> dict:
        """What `user` may read of this task: kind, rule and title, masked when it is
        clinical and she doesn't read the clinical file."""
        if self.confidential and not user.has_perm("health.read_clinical"):
            return {"kind": "health", "rule": "", "title": str(CONFIDENTIAL_TITLE)}
        return {"kind": self.kind, "rule": self.rule, "title": self.heading}

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.due_at <= timezone.now()
