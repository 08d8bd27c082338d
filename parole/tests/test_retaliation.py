"""A refusal of leave after her report (Rules 7.3, 25.1): held for both reviews, and set aside
if either finds it retaliatory; the governor's answer is the same as for any woman."""

import pytest

from complaints.models import HeldAction
from complaints.services import review_held_action
from complaints.tests.factories import report
from parole import services
from parole.models import LeaveRequest
from reminders.models import Reminder

from .factories import REFUSAL, leave

pytestmark = pytest.mark.django_db


def refuse(cast, woman):
    return services.decide_leave(
        by=cast["governor"], leave=leave(cast, woman), grant=False, **REFUSAL
    )


@pytest.mark.rule("7.3")
@pytest.mark.rule("25.1")
def test_a_refusal_of_leave_after_her_report_is_held_and_set_aside_if_retaliatory(cast, woman_a):
    report(cast["health"], woman_a)
    refused_leave = refuse(cast, woman_a)
    assert refused_leave.status == "refused"  # the same answer as for any woman
    held = HeldAction.objects.get(record_uuid=refused_leave.uuid)
    assert held.kind == "leave_refusal" and held.summary
    review_held_action(by=cast["safeguarding"], held=held, retaliatory=True)
    refused_leave.refresh_from_db()
    assert refused_leave.status == "requested" and refused_leave.set_aside_at is not None
    assert refused_leave.refusal_ground == "" and refused_leave.decided_by is None
    assert Reminder.objects.open().filter(kind=services.DECISION_KIND, prisoner=woman_a).exists()


@pytest.mark.rule("7.3")
@pytest.mark.rule("25.1")
def test_a_refusal_both_reviews_find_not_retaliatory_stands(cast, woman_a):
    report(cast["health"], woman_a)
    refused_leave = refuse(cast, woman_a)
    held = HeldAction.objects.get(record_uuid=refused_leave.uuid)
    review_held_action(by=cast["safeguarding"], held=held, retaliatory=False)
    from staff.tests.factories import make_staff

    other = make_staff("governor", woman_a.facility, username="governor2")
    review_held_action(by=other, held=held, retaliatory=False)
    assert LeaveRequest.objects.get(pk=refused_leave.pk).status == "refused"


def test_a_refusal_of_an_unprotected_woman_is_not_held(cast, woman_a):
    refuse(cast, woman_a)
    assert not HeldAction.objects.exists()
