"""Oversight's migrations 0001-0004 as a new database runs them: the daily counts' models and
the `StaleDay` model in one `Together` (the very operations of 0001 and 0002), and the function
and triggers that mark a changed day on every table a daily count reads, as 0002, 0003 and
0004 leave them."""

import importlib

from django.db import migrations

import bangkok.migration_operations

daily = importlib.import_module("oversight.migrations.0001_daily_counts")
stale = importlib.import_module("oversight.migrations.0002_stale_days")
releases = importlib.import_module("oversight.migrations.0003_stale_release_days")
indicators = importlib.import_module("oversight.migrations.0004_stale_indicator_days")

TABLES = {**stale.TABLES, **releases.TABLES, **indicators.TABLES}
(counts,) = daily.Migration.operations
stale_day, _triggers = stale.Migration.operations


class Migration(migrations.Migration):
    replaces = [("oversight", m.__name__.rsplit(".", 1)[1]) for m in (daily, stale, releases, indicators)]

    dependencies = [
        *daily.Migration.dependencies,
        *[d for d in stale.Migration.dependencies if d[0] != "oversight"],
        *[d for d in releases.Migration.dependencies if d[0] != "oversight"],
        *[d for d in indicators.Migration.dependencies if d[0] != "oversight"],
    ]

    operations = [
        bangkok.migration_operations.Together([*counts.operations, stale_day]),
        migrations.RunSQL(
            stale.FUNCTION + stale.triggers(TABLES),
            stale.dropped(TABLES) + "\nDROP FUNCTION IF EXISTS oversight_mark_days_stale();",
        ),
    ]
