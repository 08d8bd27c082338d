from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from audit.models import AuditEvent
from reminders.models import Reminder
from restraints.models import Purpose, Restraint
from restraints.services import approve_method
from tests import refusals

from .factories import protect, restrain

pytestmark = pytest.mark.django_db


def test_a_custody_officer_records_a_restraint_and_its_first_review_falls_due(cast, woman_a):
    restraint = restrain(cast, woman_a, confirm=False)

    assert restraint.is_applied
    assert restraint.emergency and restraint.awaits_authority
    assert restraint.authorised_by is None
    assert restraint.obstetric_protection_when_applied is False
    assert restraint.under_health_approval is False
    review = Reminder.objects.get(key=f"restraints:{restraint.uuid}:review:1")
    assert review.assignee_role == "custody"
    assert review.due_at == restraint.applied_at + timedelta(minutes=30)
    assert review.escalate_at == review.due_at + timedelta(minutes=30)
    assert AuditEvent.objects.filter(
        action="restraints.applied", subject_id=restraint.uuid
    ).exists()


def test_the_review_interval_is_a_setting(cast, woman_a, settings):
    settings.RESTRAINT_REVIEW_MINUTES = 15
    restraint = restrain(cast, woman_a)

    review = Reminder.objects.get(key=f"restraints:{restraint.uuid}:review:1")
    assert review.due_at == restraint.applied_at + timedelta(minutes=15)


@pytest.mark.rule("24")
@pytest.mark.parametrize("purpose", Purpose.values)
def test_no_restraint_is_recorded_under_the_no_restraints_protection_whatever_the_purpose(
    cast, woman_a, purpose
):
    protect(woman_a, no_restraint_obstetric=True)

    with refusals.refused("24", Restraint, Reminder) as refused:
        restrain(cast, woman_a, purpose=purpose)

    assert "'No restraints' protection (Rule 24)" in str(refused.value)
    for clinical in ("labour", "birth", "pregnan", "partum"):
        assert clinical not in str(refused.value).lower()
    assert not Restraint.objects.exists()
    assert not Reminder.objects.filter(kind="restraints.review").exists()


@pytest.mark.rule("24")
def test_a_backdated_restraint_still_on_is_refused_while_the_protection_is_on(cast, woman_a):
    protect(woman_a, no_restraint_obstetric=True)

    with refusals.refused("24", Restraint, Reminder):
        restrain(cast, woman_a, applied_at=timezone.now() - timedelta(hours=3))

    assert not Restraint.objects.exists()


@pytest.mark.rule("24")
def test_a_backdated_restraint_reaching_into_a_time_she_was_protected_is_refused(cast, woman_a):
    protect(woman_a, no_restraint_obstetric=True)
    protect(woman_a, no_restraint_obstetric=False)

    with refusals.refused("24", Restraint, Reminder):
        restrain(cast, woman_a, applied_at=timezone.now() - timedelta(days=1))

    assert not Restraint.objects.exists()


@pytest.mark.rule("24")
def test_once_the_protection_has_ended_a_restraint_from_now_may_be_recorded(cast, woman_a):
    protect(woman_a, no_restraint_obstetric=True)
    protect(woman_a, no_restraint_obstetric=False)

    assert restrain(cast, woman_a).is_applied


@pytest.mark.rule("M47")
@pytest.mark.parametrize("device", ["chains", "leg_irons", "spit_hood"])
def test_a_device_off_the_approved_list_is_refused(cast, woman_a, device):
    with refusals.refused("M47", Restraint, Reminder) as refused:
        restrain(cast, woman_a, device=device)

    assert "Mandela Rule 47" in str(refused.value)
    assert not Restraint.objects.exists()


@pytest.mark.rule("M47")
def test_the_database_keeps_the_device_to_the_approved_list(cast, woman_a):
    restraint = restrain(cast, woman_a)

    with pytest.raises(IntegrityError), transaction.atomic():
        Restraint.objects.filter(pk=restraint.pk).update(device="leg_irons")


@pytest.mark.rule("M43")
@pytest.mark.parametrize("purpose", ["punishment", "discipline", ""])
def test_punishment_is_never_a_purpose(cast, woman_a, purpose):
    with refusals.refused("M43", Restraint, Reminder) as refused:
        restrain(cast, woman_a, purpose=purpose)

    assert "never as a punishment" in str(refused.value)
    assert not Restraint.objects.exists()


@pytest.mark.rule("M43")
def test_the_database_keeps_the_purpose_to_the_allowed_list(cast, woman_a):
    restraint = restrain(cast, woman_a)

    with pytest.raises(IntegrityError), transaction.atomic():
        Restraint.objects.filter(pk=restraint.pk).update(purpose="punishment")


@pytest.mark.rule("24")
def test_under_the_health_approval_protection_a_restraint_needs_an_approved_method(cast, woman_a):
    protect(woman_a, restraint_health_approval=True)

    with refusals.refused("24", Restraint, Reminder) as refused:
        restrain(cast, woman_a)

    assert refused.value.field == "device"
    assert not Restraint.objects.exists()


def _approve(cast, woman, devices, **fields):
    return approve_method(
        by=cast["health"],
        prisoner=woman,
        devices=devices,
        conditions="Hands in front; never with the waist.",
        valid_until=fields.pop("valid_until", timezone.now() + timedelta(days=7)),
    )


@pytest.mark.rule("24")
def test_a_device_the_approval_does_not_cover_is_refused(cast, woman_a):
    protect(woman_a, restraint_health_approval=True)
    _approve(cast, woman_a, ["soft_cuffs"])

    with refusals.refused("24", Restraint, Reminder):
        restrain(cast, woman_a, device="handcuffs")

    assert not Restraint.objects.exists()


@pytest.mark.rule("24")
def test_a_device_the_approval_covers_is_recorded_with_the_approval(cast, woman_a):
    protect(woman_a, restraint_health_approval=True)
    approval = _approve(cast, woman_a, ["soft_cuffs", "handcuffs"])

    restraint = restrain(cast, woman_a, device="soft_cuffs")

    assert restraint.approval == approval
    assert restraint.under_health_approval is True


@pytest.mark.rule("24")
def test_an_approval_that_has_run_out_covers_nothing(cast, woman_a):
    protect(woman_a, restraint_health_approval=True)
    approval = _approve(cast, woman_a, ["soft_cuffs"])
    approval.valid_until = timezone.now() - timedelta(minutes=1)
    approval.approved_at = approval.valid_until - timedelta(days=1)
    approval.save(update_fields=["valid_until", "approved_at"])

    with refusals.refused("24", Restraint, Reminder):
        restrain(cast, woman_a, device="soft_cuffs")
    assert not Restraint.objects.exists()


def test_only_health_staff_of_her_facility_approve_a_method(cast, woman_a):
    for role in ("custody", "governor", "inspector", "outsider"):
        with pytest.raises(PermissionDenied):
            _approve({"health": cast[role]}, woman_a, ["soft_cuffs"])


def test_an_approval_must_run_into_the_future(cast, woman_a):
    with pytest.raises(ValidationError):
        _approve(cast, woman_a, ["soft_cuffs"], valid_until=timezone.now())


def test_custody_can_ask_only_a_governor_of_her_facility(cast, woman_a, facility_b):
    from staff.tests.factories import make_staff

    elsewhere = make_staff("governor", facility_b, username="governor_b")
    for governor in (cast["custody"], cast["inspector"], elsewhere):
        with pytest.raises(ValidationError) as refused:
            restrain(cast, woman_a, sought_from=governor, confirm=False)
        assert "sought_from" in refused.value.message_dict
    assert not Restraint.objects.exists()


@pytest.mark.parametrize("role", ["health", "governor", "inspector", "reception", "outsider"])
def test_roles_that_do_not_apply_restraints_are_refused(cast, woman_a, role):
    with pytest.raises(PermissionDenied):
        restrain(cast, woman_a, by=cast[role])
    assert not Restraint.objects.exists()


def test_a_second_restraint_while_one_is_on_is_refused(cast, woman_a):
    restrain(cast, woman_a)

    with pytest.raises(ValidationError):
        restrain(cast, woman_a, device="soft_cuffs")
    assert Restraint.objects.count() == 1


def test_a_restraint_applied_in_the_future_is_refused(cast, woman_a):
    with pytest.raises(ValidationError):
        restrain(cast, woman_a, applied_at=timezone.now() + timedelta(hours=1))
    assert not Restraint.objects.exists()
