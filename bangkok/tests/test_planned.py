"""Statements PostgreSQL plans once a connection (`bangkok.planned`): the session, her account,
an API token and her row through the access funnel, prepared the first time a connection
runs them; Django's own statements as before."""

from datetime import UTC, datetime

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bangkok.planned import planned_cursor
from conftest import client_for
from signin.tokens import issue_token
from staff.backends import _account_sql

pytestmark = pytest.mark.django_db


def prepared_statements() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements WHERE NOT from_sql")
        return [row[0] for row in cursor.fetchall()]


def kept_names(part: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM pg_prepared_statements WHERE strpos(statement, %s) > 0", [part]
        )
        return [row[0] for row in cursor.fetchall()]


def test_a_statement_is_prepared_once_and_answers_as_djangos_cursor():
    statement = "SELECT %s::text, %s::timestamptz, %s::int + 1"
    values = ["O'Brien", datetime(2026, 3, 1, 9, 30, tzinfo=UTC), 41]
    with connection.cursor() as cursor:
        cursor.execute(statement, values)
        expected = cursor.fetchone()
    with planned_cursor() as cursor:
        for _ in range(3):
            cursor.execute(statement, values)
            assert cursor.fetchone() == expected
    kept = [s for s in prepared_statements() if "::timestamptz" in s]
    assert kept == ["SELECT $1::text, $2::timestamptz, $3::int + 1"]  # once, not three times
    assert expected[1].utcoffset() is not None  # read in the connection's time zone


def test_a_statement_stays_prepared_through_a_rollback():
    """A refused change rolls back to a savepoint: the statement is not prepared again
    afterwards (psycopg's own bookkeeping would forget it)."""
    from django.db import transaction

    statement = "SELECT %s::text || 'kept'"
    with planned_cursor() as cursor:
        cursor.execute(statement, ["a"])
    try:
        with transaction.atomic():
            with planned_cursor() as cursor:
                cursor.execute(statement, ["b"])
            raise RuntimeError("refused")
    except RuntimeError:
        pass
    before = kept_names("'kept'")
    with planned_cursor() as cursor:
        cursor.execute(statement, ["c"])
        assert cursor.fetchone() == ("ckept",)
    assert kept_names("'kept'") == before and len(before) == 1  # the same one, not made again


def test_each_statement_is_counted_and_logged_with_its_values():
    with CaptureQueriesContext(connection) as queries, planned_cursor() as cursor:
        cursor.execute("SELECT %s::text", ["it's"])
        cursor.execute("SELECT %s::text", ["again"])
    assert [q["sql"] for q in queries] == ["SELECT 'it''s'::text", "SELECT 'again'::text"]


def test_the_session_her_account_and_her_row_are_read_by_prepared_statements(cast, woman_a):
    client = client_for(cast["reception"])
    for _ in range(2):
        assert client.get(f"/women/{woman_a.uuid}/").status_code == 200
    kept = prepared_statements()
    assert any('FROM "django_session"' in s for s in kept)
    assert _account_sql().replace("%s", "$1", 1).replace("%s", "$2") in kept
    assert any(s.startswith('SELECT "prisoners_prisoner"."id"') for s in kept)
    # Django's own statements are bound client-side, as before: none of them is kept.
    assert not any('"audit_auditevent"' in s for s in kept)


def test_a_token_is_read_by_a_prepared_statement(cast):
    key = issue_token(user=cast["custody"]).key
    for _ in range(2):
        answer = client_for(None).get("/api/v1/prisoners/", HTTP_AUTHORIZATION=f"Token {key}")
        assert answer.status_code == 200
    assert any('FROM "signin_apitoken" t' in s for s in prepared_statements())


def test_the_test_template_carries_the_planners_statistics():
    """`make test` analyzes the template once migrated (`bangkok.test_template.ensure`), and
    each worker's copy keeps its statistics."""
    if not settings.DATABASES["default"].get("TEST", {}).get("TEMPLATE"):
        pytest.skip("this database was not copied from the template `make test` makes")
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = 'auth_permission'")
        (rows,) = cursor.fetchone()
    assert rows > 0  # never analyzed: -1


def test_a_statement_is_prepared_again_after_djangos_cursor_deallocates_them_all():
    """DEALLOCATE ALL (or DISCARD ALL, a pooler's reset) sent through Django's own cursor
    drops every prepared statement on the server: the bookkeeping forgets them, and the next
    call prepares the statement again rather than naming one that is gone."""
    statement = "SELECT %s::text || 'again'"
    with planned_cursor() as cursor:
        cursor.execute(statement, ["a"])
    assert len(kept_names("'again'")) == 1
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")
    assert kept_names("'again'") == []
    with planned_cursor() as cursor:
        cursor.execute(statement, ["b"])
        assert cursor.fetchone() == ("bagain",)
    assert len(kept_names("'again'")) == 1
