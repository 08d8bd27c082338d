"""The days of admissions and releases marked changed by what oversight's indicators counted in
advance read of them: an entry screening and its items (screened in time, screened for the risk
of suicide: the day of her admission) and a copy of her records offered (the day of her
release)."""

import importlib

from django.db import migrations

stale = importlib.import_module("oversight.migrations.0002_stale_days")

TABLES = {
    "health_screening": "SELECT a.admitted_at FROM %1$s c "
    "JOIN admissions_admission a ON a.id = c.admission_id",
    "health_screeningitem": "SELECT a.admitted_at FROM %1$s c "
    "JOIN health_screening s ON s.id = c.screening_id "
    "JOIN admissions_admission a ON a.id = s.admission_id",
    "release_recordscopy": "SELECT a.released_at FROM %1$s c "
    "JOIN admissions_admission a ON a.id = c.admission_id",
}


class Migration(migrations.Migration):
    dependencies = [
        ("oversight", "0003_stale_release_days"),
        ("health", "0011_gynaecology_encounters"),
        ("release", "0002_started_plan_index"),
    ]

    operations = [
        migrations.RunSQL(stale.triggers(TABLES), stale.dropped(TABLES)),
    ]
