"""The demonstration (`seed_demo`): each area seeds its own records through its own services
in its own `demo.py`, and declares when in its `hooks.py` (`DemoStep`); the command runs the
declared steps in order and imports no area.

A step with `each_woman(demo)` runs for every new woman as she is seeded, in the women's
order (`demo.i`, `demo.facility`, `demo.fields`; the step that brings her in sets
`demo.woman`, and `demo.admission` when she is admitted); one with `run(facility=, staff=,
women=)` runs once per facility, after all the women, for those admitted there. Here, the
core record's own part: a woman released before the demo is on the register without an
admission, and every woman in custody has one sample task.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy

from bangkok.hooks import takes
from reminders.models import Basis
from reminders.services import schedule_reminder
from staff.backends import accounts
from staff.roles import ROLE_CHOICES

from .models import CustodyStatus
from .services import register_prisoner

DEMO_TASK_KINDS = {role: f"demo.{role}" for role, _label in ROLE_CHOICES}


@dataclass(frozen=True)
class DemoStep:
    order: int
    each_woman: Callable | None = None  # (demo)
    run: Callable | None = None  # (facility=, staff=, women=)


_STEPS: list[DemoStep] = []
takes(DemoStep, _STEPS.append)


def steps() -> list[DemoStep]:
    """The declared steps, in order (in the order declared for the same `order`)."""
    return sorted(_STEPS, key=lambda step: step.order)


@dataclass
class Demo:
    """What the steps share while the demo is seeded."""

    rng: random.Random
    facilities: list
    # Per facility, the women admitted there (what each area's `run` gets).
    admitted: dict = field(default_factory=dict)
    # What a step keeps from one woman to the next (e.g. how many requests so far).
    counts: dict = field(default_factory=dict)
    # The woman being seeded.
    i: int = 0
    facility: object = None
    fields: dict = field(default_factory=dict)
    woman: object = None
    admission: object = None

    def user(self, role: str, facility):
        """The demo's user with `role` at `facility` ("custody", "custody_b"...)."""
        suffix = "" if facility.code == "A" else "_b"
        username = f"{role}{suffix}"
        found = accounts([username])
        if username not in found:
            raise get_user_model().DoesNotExist(username)
        return found[username]


def released(demo: Demo) -> None:
    """A woman released before the demo: on the register, never admitted here."""
    if demo.fields["custody_status"] == CustodyStatus.RELEASED:
        demo.woman = register_prisoner(by=None, facility=demo.facility, **demo.fields)


def sample_task(demo: Demo) -> None:
    """One sample task for a woman in custody, for the role whose turn it is."""
    woman = demo.woman
    if woman.custody_status != CustodyStatus.IN_CUSTODY:
        return
    now = timezone.now()
    demo_tasks = [
        ("reception", "M7", gettext_lazy("Check her emergency contact and next of kin")),
        ("health", "6", gettext_lazy("Health review due")),
        ("social", "26", gettext_lazy("Review her family contact")),
        ("custody", "41", gettext_lazy("Review her unit allocation")),
    ]
    role, rule, title = demo_tasks[demo.i % len(demo_tasks)]
    offset = timedelta(hours=demo.rng.choice([-60, -30, -3, 2, 6, 30, 72]))
    schedule_reminder(
        key=f"demo:{role}:{woman.uuid}",
        kind=DEMO_TASK_KINDS[role],
        rule=rule,
        title=title,
        facility=woman.facility,
        assignee_role=role,
        prisoner=woman,
        due_at=now + offset,
        escalate_at=now + offset + timedelta(hours=24),
        basis=Basis.CONFIG,
    )
