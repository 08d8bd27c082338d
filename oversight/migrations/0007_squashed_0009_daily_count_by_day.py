"""Oversight's migrations 0007-0009 as a new database runs them: the very operations of the
three in one `Together` (the figures counted ahead, the periods asked, and the index of the
daily counts by day)."""

import importlib

import bangkok.migration_operations

counted = importlib.import_module("oversight.migrations.0007_counted_figures")
asked = importlib.import_module("oversight.migrations.0008_asked_periods")
by_day = importlib.import_module("oversight.migrations.0009_daily_count_by_day")

Migration = bangkok.migration_operations.squashed("oversight", counted, asked, by_day)
