"""Recording a use of force (Rules 24, 31; Mandela 82): what it keeps, what it refuses, and the
tasks it starts."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from audit.models import AuditEvent
from force.models import ForceHealthCheck, UseOfForce
from reminders.models import Reminder
from restraints.tests.factories import restrain
from tests import refusals

from .factories import protect, use_force

pytestmark = pytest.mark.django_db


@pytest.mark.rule("M82")
def test_custody_record_force_and_health_and_the_governor_are_asked_in_time(
    cast, woman_a, settings
):
    settings.FORCE_HEALTH_CHECK_HOURS = 2
    settings.FORCE_REVIEW_HOURS = 72
    force = use_force(cast, woman_a)

    assert list(force.staff_involved.all()) == [cast["custody"]]
    assert force.protected is False and force.in_protected_period is False
    health = Reminder.objects.get(key=f"force:{force.uuid}:health")
    review = Reminder.objects.get(key=f"force:{force.uuid}:review")
    assert health.assignee_role == "health" and health.kind == "force.health_check"
    assert health.due_at == force.started_at + timedelta(hours=2)
    assert review.assignee_role == "governor" and review.rule == "M82"
    assert review.due_at == force.started_at + timedelta(hours=72)
    assert review.escalate_at == review.due_at + timedelta(hours=24)
    assert AuditEvent.objects.filter(action="force.recorded", subject_id=force.uuid).exists()


def test_the_review_time_is_a_setting(cast, woman_a, settings):
    settings.FORCE_REVIEW_HOURS = 24
    force = use_force(cast, woman_a)

    assert force.review_due_at == force.started_at + timedelta(hours=24)


@pytest.mark.rule("M82")
def test_force_without_what_was_tried_first_or_why_not_is_refused(cast, woman_a):
    with refusals.refused("M82", UseOfForce, Reminder) as refused:
        use_force(cast, woman_a, deescalation="  ", no_deescalation_reason="")

    assert refused.value.field == "deescalation"
    assert "strictly necessary" in str(refused.value)


@pytest.mark.rule("M82")
def test_why_nothing_could_be_tried_is_enough(cast, woman_a):
    force = use_force(
        cast, woman_a, deescalation="", no_deescalation_reason="She was already on the rail."
    )

    assert force.no_deescalation_reason == "She was already on the rail."


@pytest.mark.rule("M82")
@pytest.mark.rule("M43")
def test_a_reason_off_the_list_is_refused_and_the_database_holds_it_too(cast, woman_a):
    with refusals.refused("M82", UseOfForce, Reminder) as refused:
        use_force(cast, woman_a, reason="punishment")
    assert "never as a punishment" in str(refused.value)

    force = use_force(cast, woman_a)
    with pytest.raises(IntegrityError), transaction.atomic():
        UseOfForce.objects.filter(pk=force.pk).update(reason="punishment")


def test_a_technique_off_the_list_is_invalid(cast, woman_a):
    with refusals.invalid("techniques", UseOfForce, Reminder):
        use_force(cast, woman_a, techniques=["chokehold"])


@pytest.mark.rule("24")
def test_handcuffs_are_a_restraint_recorded_in_restraints_and_linked(cast, woman_a, woman_b):
    with refusals.refused("24", UseOfForce, Reminder) as caught:
        use_force(cast, woman_a, techniques=["restraint_hold", "mechanical"])
    assert "recorded in restraints" in str(caught.value) and "Rule 24" in str(caught.value)

    # Handcuffed two minutes into the four-minute hold that started ten minutes ago.
    restraint = restrain(cast, woman_a, applied_at=timezone.now() - timedelta(minutes=8))
    force = use_force(cast, woman_a, techniques=["mechanical"], restraint=restraint)
    assert force.restraint == restraint
    assert list(restraint.uses_of_force.all()) == [force]


@pytest.mark.rule("24")
def test_force_with_handcuffs_never_borrows_an_earlier_restraint(cast, woman_a):
    """A restraint taken off her last week can't stand for handcuffs used today: where Rule 24
    forbids them now (in labour, say), restraints would refuse the new one."""
    from restraints.services import remove_restraint

    earlier = restrain(cast, woman_a, applied_at=timezone.now() - timedelta(days=7, hours=1))
    remove_restraint(
        by=cast["custody"], restraint=earlier, removed_at=timezone.now() - timedelta(days=7)
    )
    earlier.refresh_from_db()
    with refusals.refused("24", UseOfForce, Reminder) as caught:
        use_force(cast, woman_a, techniques=["mechanical"], restraint=earlier)
    assert "not on her while force was used" in str(caught.value)
    assert not AuditEvent.objects.filter(action="force.recorded").exists()


def test_another_womans_restraint_is_not_hers(cast, woman_a, facility_a):
    from prisoners.tests.factories import PrisonerFactory

    other = PrisonerFactory(facility=facility_a)
    restraint = restrain(cast, other)
    with refusals.invalid("restraint", UseOfForce):
        use_force(cast, woman_a, techniques=["mechanical"], restraint=restraint)


def test_footage_or_why_there_is_none(cast, woman_a):
    with refusals.invalid("camera_reference", UseOfForce):
        use_force(cast, woman_a, camera_reference="", no_footage_reason="")

    force = use_force(cast, woman_a, camera_reference="", no_footage_reason="No camera issued.")
    assert force.no_footage_reason == "No camera issued."


def test_staff_involved_are_named_and_work_in_her_facility(cast, woman_a):
    with refusals.invalid("staff_involved", UseOfForce):
        use_force(cast, woman_a, staff_involved=[])
    with refusals.invalid("staff_involved", UseOfForce):
        use_force(cast, woman_a, staff_involved=[cast["outsider"]])


def test_force_in_the_future_is_invalid(cast, woman_a):
    with refusals.invalid("started_at", UseOfForce):
        use_force(cast, woman_a, started_at=timezone.now() + timedelta(hours=1))


def test_force_recorded_hours_later_says_why(cast, woman_a, settings):
    settings.LATE_RECORD_REASON_AFTER_HOURS = 4
    earlier = timezone.now() - timedelta(hours=5)
    with refusals.invalid("late_reason", UseOfForce, Reminder):
        use_force(cast, woman_a, started_at=earlier)

    force = use_force(cast, woman_a, started_at=earlier, late_reason="Written up after the shift")
    assert force.late_reason == "Written up after the shift"


@pytest.mark.parametrize("role", ["health", "governor", "inspector", "reception", "outsider"])
def test_only_custody_of_her_facility_record_force(cast, woman_a, role):
    with refusals.denied(UseOfForce, Reminder):
        use_force(cast, woman_a, by=cast[role])


def test_no_use_of_force_is_deleted(cast, woman_a):
    force = use_force(cast, woman_a)

    with pytest.raises(Exception, match="Cannot delete|protected"), transaction.atomic():
        UseOfForce.objects.filter(pk=force.pk).delete()
    assert UseOfForce.objects.filter(pk=force.pk).exists()


# Protected: read from her protection flags then and since, never from her file


@pytest.mark.rule("24")
@pytest.mark.parametrize(
    "flag", ["restraint_health_approval", "no_restraint_obstetric", "no_segregation"]
)
def test_force_on_a_woman_under_a_protection_is_on_a_protected_woman(cast, woman_a, flag):
    protect(woman_a, **{flag: True})

    force = use_force(cast, woman_a)

    assert force.protected is True
    assert force.in_protected_period is (flag == "no_restraint_obstetric")


@pytest.mark.rule("24")
def test_force_backdated_into_a_protected_time_is_protected(cast, woman_a):
    protect(woman_a, restraint_health_approval=True)
    protect(woman_a, restraint_health_approval=False)

    force = use_force(
        cast,
        woman_a,
        started_at=timezone.now() - timedelta(hours=1),
    )

    assert force.protected is True


@pytest.mark.rule("24")
def test_force_during_labour_recorded_later_by_health_counts_and_tells_the_governor(cast, woman_a):
    from health.services.maternity import declare_pregnancy, record_labour

    now = timezone.now()
    before = use_force(
        cast, woman_a, started_at=now - timedelta(hours=12), late_reason="After the shift"
    )
    during = use_force(
        cast, woman_a, started_at=now - timedelta(hours=9, minutes=2), late_reason="Shift"
    )
    pregnancy = declare_pregnancy(by=cast["health"], prisoner=woman_a)

    record_labour(by=cast["health"], pregnancy=pregnancy, started_at=now - timedelta(hours=9))

    during.refresh_from_db()
    before.refresh_from_db()
    assert during.protected_period_alert_at is not None and during.protected
    assert before.protected_period_alert_at is None
    assert list(UseOfForce.objects.in_protected_period()) == [during]
    task = Reminder.objects.get(kind="force.protected_period")
    assert task.assignee_role == "governor" and task.rule == "24"
    assert "labour" not in task.title.lower() and "pregnan" not in task.title.lower()


# After her report: never held, but safeguarding staff look at it


@pytest.mark.rule("25.1")
def test_force_on_a_woman_protected_after_her_report_is_not_held_but_told_to_safeguarding(
    cast, woman_a
):
    from complaints.models import HeldAction
    from complaints.services.complaints import lodge_complaint
    from reminders.services import tasks_for

    lodge_complaint(
        by=cast["reception"],
        prisoner=woman_a,
        kind="abuse_report",
        channel="in_person",
        subject="treatment_by_staff",
        narrative="An officer pushed her.",
        named_staff=[cast["custody"]],
        timing="during",
        perpetrator="staff",
    )

    force = use_force(cast, woman_a, by=cast["custody"])

    assert UseOfForce.objects.filter(pk=force.pk).exists()  # recorded at once
    assert not HeldAction.objects.exists()
    task = Reminder.objects.get(key=f"force:{force.uuid}:after-report")
    assert task.assignee_role == "safeguarding" and task.rule == "25.1"
    assert tasks_for(cast["safeguarding"]).filter(pk=task.pk).exists()
    # The officer her report names never sees it.
    assert task.hidden_from.filter(pk=cast["custody"].pk).exists()


def test_force_on_a_woman_not_protected_after_a_report_tells_no_one_in_safeguarding(cast, woman_a):
    force = use_force(cast, woman_a)

    assert not Reminder.objects.filter(key=f"force:{force.uuid}:after-report").exists()
    assert not ForceHealthCheck.objects.exists()


def test_a_missing_duration_is_invalid(cast, woman_a):
    with pytest.raises(ValidationError):
        use_force(cast, woman_a, duration_minutes=0)


def test_custody_of_another_facility_may_not(cast, woman_b):
    with pytest.raises(PermissionDenied):
        use_force(cast, woman_b)


# Who used it: men among the staff (Rule 31; Mandela 81), and training (Rule 33.1)


@pytest.mark.rule("31")
@pytest.mark.rule("33")
def test_men_and_staff_without_rule_33_training_are_kept_and_shown_to_the_reviewer(
    cast, woman_a, facility_a
):
    from force.reading import force_shown
    from staff.services import grant_confirmed
    from staff.tests.factories import make_staff

    man = make_staff("custody", facility_a, gender="man", username="officer_m")
    trained = cast["custody"]
    grant_confirmed(
        user=trained,
        trainings=[
            {"course": "womens_needs", "completed": timezone.localdate() - timedelta(days=9)}
        ],
    )

    force = use_force(cast, woman_a, staff_involved=[trained, man])

    assert force.men_involved == 1 and force.untrained_involved == 1
    notes = {n["user"].username: n for n in force_shown(cast["governor"], force)["staff"]}
    assert notes["officer_m"] == {"user": man, "man": True, "trained": False}
    assert notes[trained.username]["trained"] is True
    assert list(UseOfForce.objects.by_men()) == list(UseOfForce.objects.by_untrained_staff())


@pytest.mark.rule("31")
def test_a_man_at_the_time_of_the_force_stays_a_man_in_its_record_once_corrected(
    cast, woman_a, facility_a
):
    """Judged by the gender recorded then and since, as a search is: a correction made
    after the force doesn't take the man out of it (Rule 31; Mandela 81)."""
    from staff.services import grant_confirmed
    from staff.tests.factories import make_staff

    officer = make_staff("custody", facility_a, gender="man", username="officer_c")
    force = use_force(cast, woman_a, staff_involved=[officer])
    grant_confirmed(user=officer, gender="woman")
    officer.refresh_from_db()
    assert force_shown_staff(cast, force)["officer_c"]["man"] is True
    assert list(UseOfForce.objects.by_men()) == [force]


def force_shown_staff(cast, force) -> dict:
    from force.reading import force_shown

    return {n["user"].username: n for n in force_shown(cast["governor"], force)["staff"]}


@pytest.mark.rule("33")
def test_a_training_completed_after_the_force_does_not_count_for_it(cast, woman_a):
    from force.services import staff_notes
    from staff.services import grant_confirmed

    force = use_force(
        cast, woman_a, started_at=timezone.now() - timedelta(days=2), late_reason="Away"
    )
    grant_confirmed(
        user=cast["custody"],
        trainings=[{"course": "womens_needs", "completed": timezone.localdate()}],
    )

    assert staff_notes(force)[0]["trained"] is False
    assert force.untrained_involved == 1
