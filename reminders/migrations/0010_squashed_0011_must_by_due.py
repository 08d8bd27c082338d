"""Reminders' migrations 0010 and 0011 as a new database runs them: the very operations of
both in one `Together` (the history written a statement at a time, the index of the
escalated tasks, and the index of the tasks a Rule's deadline sets by when due)."""

import importlib

from django.db import migrations

import bangkok.migration_operations

by_statement = importlib.import_module("reminders.migrations.0010_escalations_history_by_statement")
must_by_due = importlib.import_module("reminders.migrations.0011_must_by_due")
REPLACED = (by_statement, must_by_due)


def _operations(module) -> list:
    """A migration's operations, those of a `Together` one by one."""
    found = []
    for operation in module.Migration.operations:
        if isinstance(operation, bangkok.migration_operations.Together):
            found += operation.operations
        else:
            found.append(operation)
    return found


class Migration(migrations.Migration):
    replaces = [("reminders", m.__name__.rsplit(".", 1)[1]) for m in REPLACED]

    dependencies = [
        *by_statement.Migration.dependencies,
        *[d for d in must_by_due.Migration.dependencies if d[0] != "reminders"],
    ]

    operations = [
        bangkok.migration_operations.Together(
            [operation for m in REPLACED for operation in _operations(m)]
        ),
    ]
