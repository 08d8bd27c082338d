"""A restraint recorded after the fact is judged on her protections then and as recorded
since, and labour or a birth health staff record later makes any restraint that overlapped
the protected period a breach on oversight and a task for the governor (Rule 24)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from audit.models import AuditEvent
from facilities.models import Facility
from health.services.maternity import declare_pregnancy, record_labour, rule_out_pregnancy
from oversight.registry import overview
from reminders.models import Reminder
from restraints.models import Restraint
from restraints.services import apply_restraint, remove_restraint
from tests import refusals

from .factories import EMERGENCY, restrain

pytestmark = pytest.mark.django_db


def nothing_written() -> bool:
    return (
        not Restraint.objects.exists()
        and not AuditEvent.objects.filter(action__startswith="restraints.applied").exists()
    )


@pytest.mark.rule("24")
def test_a_restraint_recorded_hours_later_says_why(cast, woman_a):
    with pytest.raises(ValidationError) as caught:
        apply_restraint(
            by=cast["custody"],
            prisoner=woman_a,
            emergency=True,
            applied_at=timezone.now() - timedelta(hours=5),
            **EMERGENCY,
        )
    assert "late_reason" in caught.value.message_dict and nothing_written()


@pytest.mark.rule("24")
def test_a_restraint_backdated_into_a_time_she_needed_health_approval_is_refused(cast, woman_a):
    pregnancy = declare_pregnancy(by=cast["health"], prisoner=woman_a)
    rule_out_pregnancy(by=cast["health"], pregnancy=pregnancy)
    woman_a.flags.refresh_from_db()
    assert not woman_a.flags.restraint_health_approval  # not now, but it was

    with refusals.refused("24", Restraint, Reminder) as caught:
        apply_restraint(
            by=cast["custody"],
            prisoner=woman_a,
            emergency=True,
            applied_at=timezone.now() - timedelta(hours=1),
            **EMERGENCY,
        )
    assert "health staff have approved" in str(caught.value)
    assert nothing_written()


@pytest.mark.rule("24")
def test_labour_recorded_later_makes_an_overlapping_restraint_a_breach_told_without_detail(
    cast, woman_a
):
    now = timezone.now()
    before = restrain(cast, woman_a, applied_at=now - timedelta(hours=12))
    remove_restraint(by=cast["custody"], restraint=before, removed_at=now - timedelta(hours=11))
    during = restrain(cast, woman_a, applied_at=now - timedelta(hours=10))
    remove_restraint(by=cast["custody"], restraint=during, removed_at=now - timedelta(hours=8))

    pregnancy = declare_pregnancy(by=cast["health"], prisoner=woman_a)
    record_labour(by=cast["health"], pregnancy=pregnancy, started_at=now - timedelta(hours=9))

    during.refresh_from_db()
    before.refresh_from_db()
    assert during.obstetric_alert_at is not None and before.obstetric_alert_at is None
    facilities = Facility.objects.filter(pk=woman_a.facility_id)
    today = now.date()
    zeros, _lists = overview(cast["inspector"], facilities, today - timedelta(days=1), today)
    counted = {z["item"].key: z["count"] for z in zeros}
    assert counted["restraints-obstetric"] == 1
    task = Reminder.objects.get(kind="restraints.protected_period")
    assert task.assignee_role == "governor" and task.rule == "24"
    assert "protected period" in task.title and "labour" not in task.title.lower()
