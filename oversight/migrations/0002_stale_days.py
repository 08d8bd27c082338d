"""Days changed, written by the database (`StaleDay`): a trigger on every table that a daily
count reads, for every insert, update and delete, however made. The test
`test_every_table_a_daily_count_reads_marks_its_days_stale` fails for a count that reads a
table without them: add its triggers in a migration like this one."""

from django.db import migrations, models


FUNCTION = """
CREATE OR REPLACE FUNCTION oversight_mark_days_stale() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    moments text := '';
BEGIN
    -- TG_ARGV[0]: a SELECT of the moments the changed rows date, from the table %1$s.
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        moments := format(TG_ARGV[0], 'changed_rows');
    END IF;
    IF TG_OP = 'UPDATE' THEN
        moments := moments || ' UNION ALL ';
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        moments := moments || format(TG_ARGV[0], 'former_rows');
    END IF;
    -- The day in UTC and the days either side: the day in any time zone is among them.
    EXECUTE 'INSERT INTO oversight_staleday (day, xact) '
        || 'SELECT DISTINCT (m AT TIME ZONE ''UTC'')::date + k, txid_current() '
        || 'FROM (' || moments || ') AS moments (m), generate_series(-1, 1) AS k '
        || 'WHERE m IS NOT NULL ORDER BY 1 ON CONFLICT DO NOTHING';
    RETURN NULL;
END
$$;
"""

SEARCHED = "SELECT s.searched_at FROM %1$s c JOIN searches_search s ON s.id = c.search_id"
TABLES = {
    "admissions_admission": "SELECT admitted_at FROM %1$s",
    "searches_search": "SELECT searched_at FROM %1$s",
    "searches_searchstaff": SEARCHED,
    # A searcher's training changed: the days of her searches.
    "staff_trainingrecord": "SELECT s.searched_at FROM %1$s c "
    "JOIN searches_searchstaff p ON p.person_id = c.user_id "
    "JOIN searches_search s ON s.id = p.search_id",
    "force_useofforce": "SELECT started_at FROM %1$s",
    "classification_classification": "SELECT classified_at FROM %1$s",
    "visits_visit": "SELECT starts_at FROM %1$s",
    "breaches_breach": "SELECT occurred_at FROM %1$s",
}
EVENTS = {
    "insert": "NEW TABLE AS changed_rows",
    "update": "OLD TABLE AS former_rows NEW TABLE AS changed_rows",
    "delete": "OLD TABLE AS former_rows",
}


def quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def triggers(tables: dict[str, str]) -> str:
    return "\n".join(
        f"CREATE TRIGGER oversight_stale_{event} AFTER {event.upper()} ON {table} "
        f"REFERENCING {transition} FOR EACH STATEMENT "
        f"EXECUTE FUNCTION oversight_mark_days_stale({quoted(moments)});"
        for table, moments in tables.items()
        for event, transition in EVENTS.items()
    )


def dropped(tables: dict[str, str]) -> str:
    return "\n".join(
        f"DROP TRIGGER IF EXISTS oversight_stale_{event} ON {table};"
        for table in tables
        for event in EVENTS
    )


class Migration(migrations.Migration):
    dependencies = [
        ("oversight", "0001_daily_counts"),
        ("admissions", "0013_oversight_indexes"),
        ("searches", "0007_squashed"),
        ("staff", "0010_employment"),
        ("force", "0002_health_check_late_reason"),
        ("classification", "0001_initial"),
        ("visits", "0006_squashed"),
        ("breaches", "0010_safeguarding_kinds"),
    ]

    operations = [
        migrations.CreateModel(
            name="StaleDay",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("day", models.DateField()),
                ("xact", models.BigIntegerField()),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(fields=("day", "xact"), name="one_stale_day_a_transaction")
                ],
            },
        ),
        migrations.RunSQL(
            FUNCTION + triggers(TABLES),
            dropped(TABLES) + "\nDROP FUNCTION IF EXISTS oversight_mark_days_stale();",
        ),
    ]
