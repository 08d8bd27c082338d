"""Rule 24 as a property: whatever custody and health staff do, in whatever order, no
restraint is ever recorded while she is under the "No restraints" protection, and a
restraint on her while she is under it always has an open alert to remove it."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bangkok.errors import RuleBroken
from prisoners.tests.factories import PrisonerFactory
from reminders.models import Reminder
from restraints.models import Restraint
from restraints.services import remove_restraint

from .factories import protect, restrain

STEPS = st.lists(
    st.sampled_from(["apply", "remove", "flag_on", "flag_off"]), min_size=1, max_size=12
)


def _step(step, cast, woman) -> None:
    if step == "apply":
        flag_was_on = woman.flags.no_restraint_obstetric
        before = Restraint.objects.filter(prisoner=woman).count()
        try:
            restrain(cast, woman)
        except RuleBroken as refused:
            assert refused.rule == "24"
        except ValidationError:
            pass  # one is on already
        if flag_was_on:
            assert Restraint.objects.filter(prisoner=woman).count() == before
    elif step == "remove":
        for restraint in woman.restraints.applied():
            remove_restraint(by=cast["custody"], restraint=restraint)
    else:
        protect(woman, no_restraint_obstetric=step == "flag_on")
    woman.flags.refresh_from_db()


def _alert_open(restraint, role) -> bool:
    key = f"restraints:{restraint.uuid}:obstetric:{role}"
    return Reminder.objects.open().filter(key=key).exists()


def _holds(woman) -> None:
    for restraint in woman.restraints.all():
        assert not restraint.obstetric_protection_when_applied
    if woman.flags.no_restraint_obstetric:
        for restraint in woman.restraints.applied():
            assert _alert_open(restraint, "custody")
            assert _alert_open(restraint, "governor")


@pytest.mark.django_db
@pytest.mark.rule("24")
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=STEPS)
def test_no_sequence_leaves_a_protected_woman_restrained_without_an_open_alert(
    cast, facility_a, steps
):
    woman = PrisonerFactory(facility=facility_a)
    for step in steps:
        _step(step, cast, woman)
        _holds(woman)
