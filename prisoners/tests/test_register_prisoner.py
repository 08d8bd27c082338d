from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from audit.models import AuditEvent
from prisoners.models import LegalStatus, Prisoner, ProtectionFlags
from prisoners.services import register_prisoner
from tests.clock import today_is

pytestmark = pytest.mark.django_db


def details(**overrides):
    return {
        "prison_number": "A12345",
        "given_names": "Pranee",
        "family_name": "Kaewmanee",
        "aliases": ["Nee"],
        "date_of_birth": date(1988, 2, 29),
        "legal_status": LegalStatus.PRETRIAL,
        **overrides,
    }


def test_reception_puts_a_woman_on_record_with_empty_flags_and_an_audit_row(cast, facility_a):
    woman = register_prisoner(by=cast["reception"], facility=facility_a, **details())
    assert ProtectionFlags.objects.get(prisoner=woman).active() == []
    event = AuditEvent.objects.get(action="prisoner.registered")
    assert (event.actor, event.subject_id) == (cast["reception"], str(woman.uuid))
    assert woman.search_name == "pranee kaewmanee nee"


@pytest.mark.parametrize("role", ["custody", "health", "inspector", "sysadmin"])
def test_roles_without_the_right_cannot_put_a_woman_on_record(cast, facility_a, role):
    with pytest.raises(PermissionDenied):
        register_prisoner(by=cast[role], facility=facility_a, **details())
    assert not Prisoner.objects.exists()


def test_reception_cannot_put_a_woman_on_record_in_another_facility(cast, facility_b):
    with pytest.raises(PermissionDenied):
        register_prisoner(by=cast["reception"], facility=facility_b, **details())


def test_bad_input_names_the_field_and_writes_nothing(cast, facility_a):
    with pytest.raises(ValidationError) as error:
        register_prisoner(
            by=cast["reception"],
            facility=facility_a,
            **details(home_latitude="95.0", home_longitude="10.0"),
        )
    assert "home_latitude" in error.value.message_dict
    assert not Prisoner.objects.exists()
    assert not AuditEvent.objects.filter(action="prisoner.registered").exists()


# Today, the birthday of a woman who is 18 today and that of a girl who is 18 tomorrow: on 29
# February, whoever was born on 28 February 18 years before is a woman, and one born on 1
# March still a girl.
@pytest.mark.parametrize(
    ("today", "adult_since_today", "a_girl_till_tomorrow"),
    [
        (date(2025, 6, 16), date(2007, 6, 16), date(2007, 6, 17)),
        (date(2024, 2, 29), date(2006, 2, 28), date(2006, 3, 1)),
    ],
)
def test_juvenile_status_derives_from_the_date_of_birth(
    cast, facility_a, monkeypatch, today, adult_since_today, a_girl_till_tomorrow
):
    today_is(monkeypatch, today)
    girl = register_prisoner(
        by=None,
        facility=facility_a,
        **details(prison_number="J1", date_of_birth=a_girl_till_tomorrow),
    )
    turns_18_today = register_prisoner(
        by=None,
        facility=facility_a,
        **details(prison_number="J2", date_of_birth=adult_since_today),
    )
    assert girl.is_juvenile
    assert not turns_18_today.is_juvenile
    assert list(Prisoner.objects.juveniles()) == [girl]


def test_a_woman_on_record_is_never_deleted(woman_a):
    with pytest.raises(Exception, match="Cannot delete"), transaction.atomic():
        Prisoner.objects.filter(pk=woman_a.pk).delete()
    assert Prisoner.objects.filter(pk=woman_a.pk).exists()


def test_prison_numbers_are_unique(facility_a, woman_a):
    with pytest.raises((ValidationError, IntegrityError)):
        register_prisoner(by=None, facility=facility_a, **details(prison_number="A00001"))
