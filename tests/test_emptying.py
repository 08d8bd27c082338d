"""After a test that commits, the database is as Django's own flush leaves it
(tests/emptying.py)."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.backends.postgresql.operations import DatabaseOperations

from admissions.services import admit_woman
from admissions.tests.factories import commitment
from audit.models import AuditEvent
from register.services import record_child
from register.tests.factories import child_fields
from tests import emptying


def counts() -> dict[str, int]:
    tables = connection.introspection.django_table_names(only_existing=True)
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            " UNION ALL ".join(f"SELECT %s, count(*) FROM {quote(t)}" for t in tables), tables
        )
        return dict(cursor.fetchall())


def flush():
    """As Django empties the database after a test that commits (`TransactionTestCase`)."""
    call_command("flush", interactive=False, verbosity=0, reset_sequences=False)


def write_records(cast, facility_a, woman_a):
    admission = admit_woman(
        by=cast["reception"], facility=facility_a, commitment=commitment(), returning=woman_a
    )
    record_child(by=cast["reception"], mother=woman_a, **child_fields())
    assert AuditEvent.objects.exists(), "a kept record, whose table refuses a DELETE"
    return admission


def test_the_suite_empties_the_database_its_own_way():
    assert DatabaseOperations.sql_flush is emptying.sql_flush


@pytest.mark.django_db(transaction=True)
def test_deleting_what_a_test_wrote_leaves_what_truncating_every_table_leaves(
    cast, facility_a, woman_a, monkeypatch
):
    write_records(cast, facility_a, woman_a)
    written = {table for table, n in counts().items() if n}
    flush()
    deleted = counts()

    # Django's TRUNCATE of every table, then its `post_migrate`, leaves the same from any start.
    monkeypatch.setattr(DatabaseOperations, "sql_flush", emptying._truncate)
    flush()
    truncated = counts()

    assert deleted == truncated
    remade = {table for table, n in truncated.items() if n}
    assert {"django_content_type", "auth_permission", "auth_group"} <= remade
    assert "audit_auditevent" in written - remade and "prisoners_prisoner" in written - remade
