"""The days marked changed for three more of oversight's indicators, counted a day at a time in
advance: the rights offered at admission (contact with her relatives, consular access for a
foreign national: the day of her admission), the entry screenings complete (the day the
screening started) and the reproductive health items she declined (the day the item was
answered).

An offer of a right marks the day of its admission; a woman's nationalities changed mark the
days of her admissions (an update that leaves them as they were marks nothing: a woman's row
changes often, her nationalities seldom, and a day marked is counted live until the beat
counts it again). An admission, a screening or a screening item changed marks the days of the
screenings and items it holds as well (the facility of a screening is its admission's).

`FUNCTION` takes, for a table whose updates matter only when some columns change, a second
SELECT that reads both the rows as they were (`former_rows`) and as they are
(`changed_rows`)."""

import importlib

from django.db import migrations

stale = importlib.import_module("oversight.migrations.0002_stale_days")
releases = importlib.import_module("oversight.migrations.0003_stale_release_days")
indicators = importlib.import_module("oversight.migrations.0004_stale_indicator_days")

FUNCTION = """
CREATE OR REPLACE FUNCTION oversight_mark_days_stale() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    moments text := '';
BEGIN
    -- TG_ARGV[0]: a SELECT of the moments the changed rows date, from the table %1$s.
    -- TG_ARGV[1], if given: an update's SELECT instead, of former_rows and changed_rows both.
    IF TG_OP = 'UPDATE' AND TG_NARGS > 1 THEN
        moments := TG_ARGV[1];
    ELSE
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
            moments := format(TG_ARGV[0], 'changed_rows');
        END IF;
        IF TG_OP = 'UPDATE' THEN
            moments := moments || ' UNION ALL ';
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
            moments := moments || format(TG_ARGV[0], 'former_rows');
        END IF;
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

SCREENINGS = "SELECT s.started_at FROM %1$s c JOIN health_screening s ON s.admission_id = c.id"
ITEMS = (
    "SELECT i.answered_at FROM %1$s c JOIN health_screening s ON s.admission_id = c.id "
    "JOIN health_screeningitem i ON i.screening_id = s.id"
)
BEFORE = {
    table: {**releases.TABLES, **indicators.TABLES}[table]
    for table in ("admissions_admission", "health_screening", "health_screeningitem")
}
TABLES = {
    "admissions_admission": f"{BEFORE['admissions_admission']} UNION ALL {SCREENINGS} "
    f"UNION ALL {ITEMS}",
    "health_screening": f"{BEFORE['health_screening']} UNION ALL SELECT started_at FROM %1$s "
    "UNION ALL SELECT i.answered_at FROM %1$s c JOIN health_screeningitem i "
    "ON i.screening_id = c.id",
    "health_screeningitem": f"{BEFORE['health_screeningitem']} "
    "UNION ALL SELECT answered_at FROM %1$s",
    "admissions_rightsoffer": "SELECT a.admitted_at FROM %1$s c "
    "JOIN admissions_admission a ON a.id = c.admission_id",
    "prisoners_prisoner": (
        "SELECT a.admitted_at FROM %1$s c JOIN admissions_admission a ON a.prisoner_id = c.id",
        "SELECT a.admitted_at FROM changed_rows c JOIN former_rows f ON f.id = c.id "
        "JOIN admissions_admission a ON a.prisoner_id = c.id "
        "WHERE c.nationalities IS DISTINCT FROM f.nationalities",
    ),
}


def triggers(tables: dict) -> str:
    """`stale.triggers`, a table's value either one SELECT or (its SELECT, its update's)."""
    written = []
    for table, moments in tables.items():
        if isinstance(moments, str):
            written.append(stale.triggers({table: moments}))
            continue
        each, updated = moments
        for event, transition in stale.EVENTS.items():
            arguments = [stale.quoted(each)] + ([stale.quoted(updated)] if event == "update" else [])
            written.append(
                f"CREATE TRIGGER oversight_stale_{event} AFTER {event.upper()} ON {table} "
                f"REFERENCING {transition} FOR EACH STATEMENT "
                f"EXECUTE FUNCTION oversight_mark_days_stale({', '.join(arguments)});"
            )
    return "\n".join(written)


class Migration(migrations.Migration):
    dependencies = [
        ("oversight", "0004_stale_indicator_days"),
        ("admissions", "0014_hers_by_date_index"),
        ("prisoners", "0015_oversight_on_a_unit_indexes"),
    ]

    operations = [
        migrations.RunSQL(
            FUNCTION + stale.dropped(TABLES) + "\n" + triggers(TABLES),
            stale.dropped(TABLES) + "\n" + stale.FUNCTION + stale.triggers(BEFORE),
        ),
    ]
