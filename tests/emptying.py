"""The database emptied after a test that commits (a browser journey, a race), quickly.

Django empties it with one `TRUNCATE` of every table: 221 tables, each of them given new
files with their indexes, which took 8 s on this machine whether they held a row or not.
After a journey only a few dozen tables hold rows. Here those rows are deleted instead, and
the other tables are left as they are, empty; then, as before, Django's `post_migrate`
makes the content types, permissions and roles again.

Deleting needs the database's triggers off for this one transaction (the kept records refuse
a `DELETE`, `audit/kept.py`; a `TRUNCATE` fires no row trigger), which only a superuser may
ask for: the suite runs as one, and any other user gets Django's `TRUNCATE`, as does a
test that asks for its sequences to be reset. `tests/test_emptying.py` proves the database
is left as Django's own flush leaves it.
"""

from django.db.backends.postgresql.operations import DatabaseOperations

_truncate = DatabaseOperations.sql_flush


def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
    if reset_sequences or not tables or not _superuser(self.connection):
        return _truncate(
            self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
        )
    quote = self.quote_name
    # Never an empty list, even with nothing to delete: Django's flush would then skip the
    # `post_migrate` that makes the content types and roles again.
    return [
        "SET LOCAL session_replication_role = replica;",
        *(f"DELETE FROM {quote(table)};" for table in tables_with_rows(self.connection, tables)),
    ]


def tables_with_rows(connection, tables) -> list[str]:
    """Which of `tables` hold a row, asked in one statement."""
    quote = connection.ops.quote_name
    union = " UNION ALL ".join(
        f"SELECT %s WHERE EXISTS (SELECT 1 FROM {quote(table)})" for table in tables
    )
    with connection.cursor() as cursor:
        cursor.execute(union, list(tables))
        return [row[0] for row in cursor.fetchall()]


def _superuser(connection) -> bool:
    if not hasattr(connection, "_superuser_for_emptying"):
        with connection.cursor() as cursor:
            cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
            connection._superuser_for_emptying = bool(cursor.fetchone()[0])
    return connection._superuser_for_emptying


def install() -> None:
    """For the suite: Django's flush between tests that commit deletes what is there."""
    DatabaseOperations.sql_flush = sql_flush
