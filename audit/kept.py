"""Nothing is lost: no row of a case table is ever deleted, whatever the write path.

Every table of a model of the project's apps (the case, its history and the health file
alike), the link tables of their many-to-many fields, and every history table carry a
database trigger that refuses DELETE. A correction is a new record or a new status, and the
history keeps what was there before. The triggers
are installed after every `migrate` (the test database's included), so a table added later is
covered without anything declared for it. Emptying the whole database (TRUNCATE, as the test
runner does between tests) is not a DELETE and is not refused.
"""

import pghistory.models
from django.apps import apps
from django.db import connections

from bangkok.project import of_the_project

# Named to fire after the triggers some tables declare themselves (alphabetical order).
TRIGGER = "refuse_delete"
FUNCTION = "refuse_delete"
# Apps of the project that hold no case: sign-in devices and tokens come and go; the
# dashboard holds nothing of its own.
NOT_CASE_APPS = {"signin", "dashboard", "scale"}

REFUSE = f"""
CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'Cannot delete rows from % table: a record is corrected by a new record '
        'or a status, never deleted', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
"""


def _staff_permission_link(model) -> bool:
    """A link table Django makes between a member of staff and her groups or permissions:
    sign-in configuration, not a case record (roles are synced from data)."""
    if not model._meta.auto_created:
        return False
    return any(
        field.related_model is not None and field.related_model._meta.app_label == "auth"
        for field in model._meta.fields
    )


def not_a_case_record(model) -> bool:
    """A model that says of itself that its rows are work to do, not a record (`case_record
    = False`, with its reason): a queue its worker empties. The test of this module names
    each one."""
    return getattr(model, "case_record", True) is False


def kept_models() -> list:
    """Each model whose rows are never deleted: every model with a table of its own in the
    project's case apps, the link tables of their many-to-many fields included (who a
    complaint names, whom a task is hidden from), and every history (event) model wherever
    it is declared. Django's own links of staff to auth groups and permissions are not kept,
    nor a queue that says it is not a case record."""
    kept = []
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed or _staff_permission_link(model):
            continue
        if not_a_case_record(model):
            continue
        history = issubclass(model, pghistory.models.Event)
        case = meta.app_config.label not in NOT_CASE_APPS and of_the_project(meta.app_config)
        if history or case:
            kept.append(model)
    return kept


def kept_tables() -> set[str]:
    return {model._meta.db_table for model in kept_models()}


def guarded_tables(connection) -> set[str]:
    """The tables that carry the trigger now."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE t.tgname = %s AND NOT t.tgisinternal",
            [TRIGGER],
        )
        return {row[0] for row in cursor.fetchall()}


def refuse_deletes(using: str = "default", **kwargs) -> None:
    """Install the trigger on every kept table that lacks it (after each `migrate`)."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        return
    existing = set(connection.introspection.table_names())
    missing = (kept_tables() & existing) - guarded_tables(connection)
    if not missing:
        return
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(REFUSE)
        for table in sorted(missing):
            cursor.execute(
                f"CREATE TRIGGER {TRIGGER} BEFORE DELETE ON {quote(table)} "
                f"FOR EACH ROW EXECUTE FUNCTION {FUNCTION}()"
            )
