"""A protection appearing while she is restrained (Rule 24)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from audit.models import AuditEvent
from reminders.models import Reminder
from reminders.services import complete_reminder, tasks_for
from restraints.services import approve_method, remove_restraint

from .factories import protect, restrain

pytestmark = pytest.mark.django_db


def _alerts(restraint):
    return Reminder.objects.filter(key__startswith=f"restraints:{restraint.uuid}:obstetric:")


@pytest.mark.rule("24")
def test_custody_and_the_governor_are_told_at_once_to_remove_her_restraints(cast, woman_a):
    restraint = restrain(cast, woman_a)
    before = timezone.now()

    protect(woman_a, no_restraint_obstetric=True)

    alerts = {a.assignee_role: a for a in _alerts(restraint)}
    assert set(alerts) == {"custody", "governor"}
    for alert in alerts.values():
        assert alert.rule == "24"
        assert alert.title.startswith("Remove her restraints now")
        assert alert.due_at <= timezone.now()
        assert alert.is_open
    assert tasks_for(cast["custody"]).filter(pk=alerts["custody"].pk).exists()
    assert tasks_for(cast["governor"]).filter(pk=alerts["governor"].pk).exists()
    restraint.refresh_from_db()
    assert restraint.obstetric_alert_at >= before
    assert AuditEvent.objects.filter(
        action="restraints.obstetric_alert", subject_id=restraint.uuid
    ).exists()


@pytest.mark.rule("24")
def test_removing_the_restraint_closes_the_alert(cast, woman_a):
    restraint = restrain(cast, woman_a)
    protect(woman_a, no_restraint_obstetric=True)

    remove_restraint(by=cast["custody"], restraint=restraint)

    assert _alerts(restraint).count() == 2
    assert not _alerts(restraint).open().exists()
    restraint.refresh_from_db()
    assert restraint.obstetric_alert_at is not None  # the record keeps that it happened


@pytest.mark.rule("24")
def test_the_alert_cannot_be_marked_done_while_the_restraint_is_on(cast, woman_a):
    restraint = restrain(cast, woman_a)
    protect(woman_a, no_restraint_obstetric=True)

    with pytest.raises(ValidationError):
        complete_reminder(
            reminder=_alerts(restraint).get(assignee_role="custody"), by=cast["custody"]
        )
    assert _alerts(restraint).open().count() == 2


@pytest.mark.rule("24")
def test_the_protection_coming_and_going_keeps_one_alert_per_role(cast, woman_a):
    restraint = restrain(cast, woman_a)
    protect(woman_a, no_restraint_obstetric=True)
    protect(woman_a, no_restraint_obstetric=False)
    protect(woman_a, no_restraint_obstetric=True)

    assert _alerts(restraint).open().count() == 2


@pytest.mark.rule("24")
def test_a_protection_appearing_with_no_restraint_on_alerts_no_one(cast, woman_a):
    restraint = restrain(cast, woman_a)
    remove_restraint(by=cast["custody"], restraint=restraint)

    protect(woman_a, no_restraint_obstetric=True)

    assert not _alerts(restraint).exists()
    restraint.refresh_from_db()
    assert restraint.obstetric_alert_at is None


@pytest.mark.rule("24")
def test_the_health_approval_protection_appearing_asks_for_an_approved_method(cast, woman_a):
    restraint = restrain(cast, woman_a)

    protect(woman_a, restraint_health_approval=True)

    restraint.refresh_from_db()
    assert restraint.under_health_approval is True
    assert restraint.approval is None
    ask = Reminder.objects.get(key=f"restraints:{restraint.uuid}:method")
    assert ask.assignee_role == "custody"
    assert ask.rule == "24"
    remove_restraint(by=cast["custody"], restraint=restraint)
    ask.refresh_from_db()
    assert not ask.is_open


@pytest.mark.rule("24")
def test_a_restraint_under_an_approved_method_needs_no_new_approval(cast, woman_a):
    protect(woman_a, restraint_health_approval=True)
    approve_method(
        by=cast["health"],
        prisoner=woman_a,
        devices=["handcuffs"],
        valid_until=timezone.now() + timedelta(days=3),
    )
    restraint = restrain(cast, woman_a)

    protect(woman_a, restraint_health_approval=False)
    protect(woman_a, restraint_health_approval=True)

    assert not Reminder.objects.filter(key=f"restraints:{restraint.uuid}:method").exists()
