"""Cursors whose statements PostgreSQL plans once a connection.

Django sends a statement with its values written into it (client-side binding), so
PostgreSQL parses and plans it anew each time. For the statements that run on nearly every
request (the session, her account with her access, an API token with its owner, her row
through the access funnel) planning took as long as answering or longer: her account's
statement, 0.85 ms a call as Django sends it and 0.42 ms prepared, of which running it
0.35-0.37 ms (EXPLAIN ANALYZE).

`planned_cursor()` is a cursor of the same connection that sends the values apart from the
statement (server-side binding) and prepares each statement the first time the connection
runs it; after that PostgreSQL runs the plan it kept. It is wrapped as Django wraps its own
cursors (its statements are counted, logged and passed through the connection's execute
wrappers) and takes the same `%s` placeholders. Only a statement whose values are all
parameters belongs here: one statement (no `;`), not `SET` and not DDL, and every parameter
of a type PostgreSQL can tell from where it stands (not a bare `SELECT %s`).

A connection keeps its statements prepared through a rollback to a savepoint (a refused
change, each request of the permission matrix): psycopg's own bookkeeping forgets them all at
any ROLLBACK, in case one read a table the transaction made, and the statements prepared here
read only tables `migrate` made. It still forgets them on DROP, ALTER, DISCARD ALL and at the
end of a transaction rolled back; a statement nobody asked to prepare (all of Django's: they
bind client-side) is not counted at all. Measured on two shards of the matrix, old and new
alternated in one process: PostgreSQL's CPU 15.4-16.6 s to 9.2 s; with psycopg's own
bookkeeping the matrix gained nothing. Should psycopg's bookkeeping move (it is not part of
its public interface), its own is used: the statements are still prepared, and forgotten at a
rollback.
"""

import re

import psycopg
from django.db import connections
from django.db.backends.postgresql.base import TIMESTAMPTZ_OID, CursorDebugWrapper
from django.db.backends.postgresql.psycopg_any import register_tzloader
from django.db.backends.utils import CursorWrapper
from psycopg.pq import ExecStatus, Format

try:
    from psycopg._preparing import Prepare, PrepareManager
except ImportError:  # moved: psycopg's own bookkeeping serves (see above)
    Prepare = PrepareManager = None  # type: ignore[assignment,misc]

# psycopg prepares a statement only where a cursor asks it to, once a threshold is set; this
# one no statement reaches by being run again.
ASKED_ONLY = 2**31 - 1


class _KeptPrepared(PrepareManager or object):  # type: ignore[misc]
    """psycopg's bookkeeping of a connection's prepared statements, but for what the module
    says: a ROLLBACK keeps them, and statements not asked to be prepared aren't counted."""

    _forgets = re.compile(rb"^(?:DROP|ALTER|DISCARD ALL|DEALLOCATE ALL)\b").match

    def maybe_add_to_cache(self, query, prep, name):
        if prep is Prepare.NO:
            # Not counted; but while statements are prepared, its results are still read
            # (`validate`), so a DROP, ALTER, DISCARD ALL or DEALLOCATE ALL sent through any
            # cursor of the connection (Django's own) forgets them.
            return self.key(query) if self._names else None
        return super().maybe_add_to_cache(query, prep, name)

    def _should_discard(self, prep, results):
        if self._names or prep == Prepare.SHOULD:
            for result in results:
                if result.status != ExecStatus.COMMAND_OK:
                    continue
                if (status := result.command_status) and self._forgets(status):
                    return self.clear()
        return False


def _keeping(raw) -> None:
    """The psycopg connection `raw`, its statements kept as the module says (once)."""
    if PrepareManager is not None and type(getattr(raw, "_prepared", None)) is PrepareManager:
        raw._prepared.__class__ = _KeptPrepared
    if raw.prepare_threshold is None:
        raw.prepare_threshold = ASKED_ONLY


class _PlannedCursor(psycopg.Cursor):
    def execute(self, query, params=None, *, prepare=None, binary=None):
        return super().execute(query, params, prepare=prepare is not False, binary=binary)


class _PlannedDebugWrapper(CursorDebugWrapper):
    """Django's cursor wrapper where statements are logged (DEBUG, a test counting them): each
    is logged with its values written in, as Django logs statements bound server-side (a
    prepared statement leaves psycopg no text of the query to read back)."""

    def execute(self, sql, params=None):
        with self.debug_sql(self.db.ops.compose_sql(sql, params)):
            return CursorWrapper.execute(self, sql, params)


def planned_cursor(using: str = "default"):
    """A cursor of the connection `using` whose statements are prepared on first use; a
    context manager, as `connection.cursor()` is."""
    connection = connections[using]
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    with connection.wrap_database_errors:
        _keeping(connection.connection)
        cursor = _PlannedCursor(connection.connection)
        # As Django's own cursors: times in the connection's time zone.
        loader = connection.connection.adapters.get_loader(TIMESTAMPTZ_OID, Format.TEXT)
        if connection.timezone != loader.timezone:
            register_tzloader(connection.timezone, cursor)
        connection.validate_thread_sharing()
        if connection.queries_logged:
            return _PlannedDebugWrapper(cursor, connection)
        return connection.make_cursor(cursor)


class PlannedConnection:
    """A database connection as the ORM's compiler uses it, whose cursors are planned ones:
    a query the ORM builds, run with its statement prepared (`bangkok.prepared`)."""

    def __init__(self, connection):
        self._connection = connection

    def cursor(self):
        return planned_cursor(self._connection.alias)

    def __getattr__(self, name):
        return getattr(self._connection, name)
