"""The days of releases, marked changed as those of admissions are (`StaleDay`): the releases
without a plan, or with their health continuity incomplete, are counted a day at a time by the
day of the release, so a change to an admission marks the day of its release too, and a plan
or its health part started, completed or withdrawn marks the day of the release it is for."""

import importlib

from django.db import migrations

stale = importlib.import_module("oversight.migrations.0002_stale_days")

BEFORE = {"admissions_admission": stale.TABLES["admissions_admission"]}
TABLES = {
    "admissions_admission": "SELECT admitted_at FROM %1$s UNION ALL SELECT released_at FROM %1$s",
    "release_releaseplan": "SELECT a.released_at FROM %1$s c "
    "JOIN admissions_admission a ON a.id = c.admission_id",
    "release_healthcontinuity": "SELECT a.released_at FROM %1$s c "
    "JOIN release_releaseplan p ON p.id = c.plan_id "
    "JOIN admissions_admission a ON a.id = p.admission_id",
}


class Migration(migrations.Migration):
    dependencies = [
        ("oversight", "0002_stale_days"),
        ("release", "0002_started_plan_index"),
    ]

    operations = [
        migrations.RunSQL(
            stale.dropped(TABLES) + "\n" + stale.triggers(TABLES),
            stale.dropped(TABLES) + "\n" + stale.triggers(BEFORE),
        ),
    ]
