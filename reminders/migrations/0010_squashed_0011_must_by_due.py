"""Reminders' migrations 0010 and 0011 as a new database runs them: the very operations of
both in one `Together` (the history written a statement at a time, the index of the
escalated tasks, and the index of the tasks a Rule's deadline sets by when due)."""

import importlib

import bangkok.migration_operations

by_statement = importlib.import_module("reminders.migrations.0010_escalations_history_by_statement")
must_by_due = importlib.import_module("reminders.migrations.0011_must_by_due")

Migration = bangkok.migration_operations.squashed("reminders", by_statement, must_by_due)
