import pytest
from django.core.exceptions import PermissionDenied

from admissions.models import Admission, Stage
from admissions.services import admit_woman, find_returning_woman
from admissions.tests.factories import commitment, identity
from audit.models import AuditEvent
from prisoners.models import Prisoner
from reminders.models import Reminder
from tests import refusals

pytestmark = pytest.mark.django_db


@pytest.mark.rule("M7")
def test_reception_admits_a_woman_on_a_valid_commitment_order(cast, facility_a):
    admission = admit_woman(
        by=cast["reception"],
        facility=facility_a,
        commitment=commitment(),
        identity=identity(),
        received_from="Lumphini police station",
    )
    assert admission.stage == Stage.RECEPTION
    assert admission.prisoner.prison_number == "A31001"
    assert AuditEvent.objects.filter(action="admission.opened", actor=cast["reception"]).exists()


@pytest.mark.rule("M7")
@pytest.mark.parametrize(
    "missing", ["order_authority", "order_number", "arrest_place", "order_legal_basis"]
)
def test_no_admission_without_a_valid_commitment_order(cast, facility_a, missing):
    with refusals.refused("M7", Prisoner, Admission, Reminder) as refusal:
        admit_woman(
            by=cast["reception"],
            facility=facility_a,
            commitment=commitment(**{missing: ""}),
            identity=identity(),
        )
    assert "Mandela Rule 7" in str(refusal.value)
    assert not Prisoner.objects.exists() and not Admission.objects.exists()


@pytest.mark.rule("M7")
def test_she_cannot_be_received_before_her_arrest(cast, facility_a):
    from datetime import timedelta

    order = commitment()
    with refusals.refused("M7", Prisoner, Admission, Reminder) as refusal:
        admit_woman(
            by=cast["reception"],
            facility=facility_a,
            commitment=order,
            identity=identity(),
            admitted_at=order["arrested_at"] - timedelta(hours=1),
        )
    assert "before she was arrested" in str(refusal.value)


@pytest.mark.rule("6")
def test_admission_schedules_the_entry_health_screening_within_24_hours(cast, facility_a):
    admission = admit_woman(
        by=cast["reception"], facility=facility_a, commitment=commitment(), identity=identity()
    )
    screening = Reminder.objects.get(kind="health.entry_screening")
    assert screening.assignee_role == "health"
    assert (screening.due_at - admission.admitted_at).total_seconds() == 24 * 3600


@pytest.mark.rule("2.1")
def test_a_foreign_national_gets_a_consular_offer_reminder_and_a_national_does_not(
    cast, facility_a
):
    admit_woman(
        by=cast["reception"], facility=facility_a, commitment=commitment(), identity=identity()
    )
    admit_woman(
        by=cast["reception"],
        facility=facility_a,
        commitment=commitment(),
        identity=identity(prison_number="A31002", nationalities=["TH"]),
    )
    consular = Reminder.objects.filter(kind="admission.consular")
    assert [r.prisoner.prison_number for r in consular] == ["A31001"]


def test_a_returning_woman_gets_a_new_episode_on_her_existing_record(cast, facility_a):
    first = admit_woman(
        by=cast["reception"], facility=facility_a, commitment=commitment(), identity=identity()
    )
    Admission.objects.filter(pk=first.pk).update(stage=Stage.RELEASED)
    matches = find_returning_woman(
        by=cast["reception"], family_name="win", date_of_birth=first.prisoner.date_of_birth
    )
    assert matches == [first.prisoner]
    second = admit_woman(
        by=cast["reception"],
        facility=facility_a,
        commitment=commitment(order_number="CR-2027-0001"),
        returning=matches[0],
    )
    assert second.prisoner == first.prisoner
    assert Prisoner.objects.count() == 1
    assert first.prisoner.admissions.count() == 2


def test_a_woman_with_an_open_admission_cannot_be_admitted_again(cast, facility_a):
    first = admit_woman(
        by=cast["reception"], facility=facility_a, commitment=commitment(), identity=identity()
    )
    with refusals.refused("M7", Prisoner, Admission, Reminder) as refusal:
        admit_woman(
            by=cast["reception"],
            facility=facility_a,
            commitment=commitment(),
            returning=first.prisoner,
        )
    assert "already has an open admission" in str(refusal.value)


@pytest.mark.parametrize("role", ["custody", "health", "social", "inspector", "sysadmin"])
def test_only_reception_and_the_governor_admit(cast, facility_a, role):
    with pytest.raises(PermissionDenied):
        admit_woman(
            by=cast[role], facility=facility_a, commitment=commitment(), identity=identity()
        )


def test_reception_cannot_admit_into_another_facility(cast, facility_b):
    with pytest.raises(PermissionDenied):
        admit_woman(
            by=cast["reception"], facility=facility_b, commitment=commitment(), identity=identity()
        )


@pytest.mark.rule("M7")
def test_injuries_noted_at_reception_ask_health_staff_at_once_without_detail(cast, facility_a):
    admission = admit_woman(
        by=cast["reception"],
        facility=facility_a,
        commitment=commitment(),
        identity=identity(),
        injuries_noted=True,
    )
    urgent = Reminder.objects.get(kind="health.injuries_at_reception")
    assert urgent.assignee_role == "health" and urgent.due_at == admission.admitted_at
    assert (urgent.escalate_at - urgent.due_at).total_seconds() == 4 * 3600
    assert "injur" not in urgent.title.lower()
