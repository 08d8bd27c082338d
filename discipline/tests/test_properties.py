"""Properties over any sequence of actions (Rule 22; Mandela 43-44): a protected woman is never
left segregated without an open order to the governor to end it, and no run of segregation is
ever planned or held beyond 15 consecutive days, the days before a short break counted, though
no one ends it: the clock does."""

from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bangkok.dates import start_of
from bangkok.errors import RuleBroken
from discipline.models import Segregation, SegregationKind
from discipline.services import segregation as services
from prisoners.models import ProtectionFlags
from prisoners.services import set_protection_flags
from prisoners.tests.factories import PrisonerFactory
from reminders.models import Reminder

from .factories import extended, in_days, move_back

pytestmark = pytest.mark.django_db

STEPS = st.lists(
    st.tuples(
        st.sampled_from(["segregate", "protect", "unprotect", "end", "extend", "wait"]),
        st.integers(min_value=1, max_value=20),
    ),
    max_size=15,
)
EXAMPLES = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def act(cast, woman, action: str, n: int) -> None:
    governor = cast["governor"]
    current = woman.segregations.open().first()
    if action == "segregate":
        protected = ProtectionFlags.objects.get(prisoner=woman).no_segregation
        decided = services.segregate(
            by=governor,
            prisoner=woman,
            kind=SegregationKind.SEPARATION,
            reason="Kept apart",
            planned_end=in_days(n - 1),
        )
        services.confirm_segregation(by=governor, record=decided)
        assert not protected, "segregated while protected"
    elif action in {"protect", "unprotect"}:
        set_protection_flags(
            prisoner=woman, by=None, source="health", no_segregation=action == "protect"
        )
    elif action == "end" and current:
        services.end_segregation(by=governor, segregation=current, reason="Ended")
    elif action == "extend" and current:
        extended(cast, current, current.planned_end + timedelta(days=n), governor=governor)
    elif action == "wait":
        # A day passes, and no one ends anything: only the clock does (Mandela 43-44).
        services.end_segregations_at_limit(now=start_of(in_days(1)) - timedelta(minutes=1))
        for segregation in woman.segregations.all():
            move_back(segregation, 1)


def attempt(cast, woman, action, n):
    try:
        act(cast, woman, action, n)
    except (RuleBroken, ValidationError):
        pass


@pytest.mark.rule("22")
@EXAMPLES
@given(steps=STEPS)
def test_no_sequence_leaves_a_protected_woman_segregated_without_an_order_to_end_it(
    cast, facility_a, steps
):
    woman = PrisonerFactory(facility=facility_a)
    for action, n in steps:
        attempt(cast, woman, action, n)
        current = woman.segregations.open().first()
        if current and ProtectionFlags.objects.get(prisoner=woman).no_segregation:
            order = Reminder.objects.open().filter(
                key=f"discipline.end-now:{current.uuid}", assignee_role="governor", rule="22"
            )
            assert order.exists(), steps


def runs(woman) -> list[int]:
    """The days she spent segregated in each run, held or planned, measured from the records
    alone: periods apart by fewer whole days out than SEGREGATION_BREAK_RESETS_AFTER_DAYS add
    up, a day shared by two counted once (Mandela 44: a day out does not reset the 15)."""
    resets = django_settings.SEGREGATION_BREAK_RESETS_AFTER_DAYS
    lengths, last = [], None
    for segregation in woman.segregations.filter(started_at__isnull=False).order_by(
        "started_at", "id"
    ):
        ended = segregation.ended_at
        end = timezone.localdate(ended) if ended else max(segregation.planned_end, in_days(0))
        days = (end - segregation.start_date).days + 1
        if last is not None and (segregation.start_date - last).days - 1 < resets:
            lengths[-1] += days - max(0, (last - segregation.start_date).days + 1)
            last = max(last, end)
        else:
            lengths.append(days)
            last = end
    return lengths


@pytest.mark.rule("M43")
@pytest.mark.rule("M44")
@EXAMPLES
@given(steps=STEPS)
def test_no_sequence_yields_a_segregation_over_15_consecutive_days(cast, facility_a, steps):
    woman = PrisonerFactory(facility=facility_a)
    for action, n in steps:
        if action in {"protect", "unprotect"}:
            continue
        attempt(cast, woman, action, n)
        assert all(length <= 15 for length in runs(woman)), steps
        for segregation in Segregation.objects.filter(prisoner=woman, started_at__isnull=False):
            assert segregation.day_number(segregation.planned_end) <= 15
