from unittest import mock

import pytest
from django.db import DatabaseError, connection, transaction

import audit
from audit.models import AuditEvent
from prisoners.models import LegalStatus, Prisoner
from prisoners.services import register_prisoner

pytestmark = pytest.mark.django_db
WOMAN = {
    "prison_number": "A9",
    "given_names": "Noy",
    "family_name": "Win",
    "date_of_birth": "1990-01-01",
    "legal_status": LegalStatus.PRETRIAL,
}


@pytest.fixture
def event(cast):
    return audit.record(
        by=cast["governor"], action="test.read", subject=("x", "1"), disclosed=["c1", "c2"]
    )


def test_a_row_records_who_in_which_role_did_what_and_which_ids_were_shown(event, cast):
    row = AuditEvent.objects.get(pk=event.pk)
    assert (row.actor, row.actor_role, row.action) == (cast["governor"], "governor", "test.read")
    assert row.disclosed == ["c1", "c2"]


def test_an_audit_row_cannot_be_updated_through_the_orm(event):
    with pytest.raises(DatabaseError, match="Cannot update or delete"), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(action="tampered")


def test_an_audit_row_cannot_be_deleted_even_with_raw_sql(event):
    with pytest.raises(DatabaseError, match="Cannot update or delete"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [event.pk])
    assert AuditEvent.objects.filter(pk=event.pk, action="test.read").exists()


def test_a_service_writes_its_audit_row_in_its_own_transaction(cast, facility_a):
    fields = {
        "prison_number": "A9",
        "given_names": "Noy",
        "family_name": "Win",
        "date_of_birth": "1990-01-01",
        "legal_status": LegalStatus.PRETRIAL,
    }
    with pytest.raises(RuntimeError), transaction.atomic():
        register_prisoner(by=cast["reception"], facility=facility_a, **fields)
        raise RuntimeError("the request failed after the service returned")
    assert not Prisoner.objects.exists()
    assert not AuditEvent.objects.filter(action="prisoner.registered").exists()


def test_if_the_audit_write_fails_the_action_fails_and_nothing_is_kept(cast, facility_a):
    fields = {
        "prison_number": "A9",
        "given_names": "Noy",
        "family_name": "Win",
        "date_of_birth": "1990-01-01",
        "legal_status": LegalStatus.PRETRIAL,
    }
    with (
        mock.patch.object(AuditEvent.objects, "create", side_effect=DatabaseError("disk full")),
        pytest.raises(DatabaseError),
    ):
        register_prisoner(by=cast["reception"], facility=facility_a, **fields)
    assert not Prisoner.objects.exists()
