"""Oversight's migrations 0001-0006 as a new database runs them: the daily counts' models, the
`StaleDay` model and the monthly counts' in one `Together` (the very operations of 0001, 0002
and 0006; a new database has no daily counts to add up), and the function and triggers that
mark a changed day on every table a daily count reads, as 0002 to 0005 leave them."""

import importlib

from django.db import migrations

import bangkok.migration_operations

daily = importlib.import_module("oversight.migrations.0001_daily_counts")
stale = importlib.import_module("oversight.migrations.0002_stale_days")
releases = importlib.import_module("oversight.migrations.0003_stale_release_days")
indicators = importlib.import_module("oversight.migrations.0004_stale_indicator_days")
more = importlib.import_module("oversight.migrations.0005_stale_rights_and_screening_days")
monthly = importlib.import_module("oversight.migrations.0006_monthly_counts")

REPLACED = (daily, stale, releases, indicators, more, monthly)
TABLES = {**stale.TABLES, **releases.TABLES, **indicators.TABLES, **more.TABLES}
(counts,) = daily.Migration.operations
stale_day, _triggers = stale.Migration.operations
monthly_count, _filled = monthly.Migration.operations


class Migration(migrations.Migration):
    replaces = [("oversight", m.__name__.rsplit(".", 1)[1]) for m in REPLACED]

    dependencies = [
        *daily.Migration.dependencies,
        *[d for m in REPLACED[1:] for d in m.Migration.dependencies if d[0] != "oversight"],
    ]

    operations = [
        bangkok.migration_operations.Together([*counts.operations, stale_day, monthly_count]),
        migrations.RunSQL(
            more.FUNCTION + more.triggers(TABLES),
            stale.dropped(TABLES) + "\nDROP FUNCTION IF EXISTS oversight_mark_days_stale();",
        ),
    ]
