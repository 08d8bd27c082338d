"""`make dataset SCALE=national`: a generated dataset in a database of its own.

    manage.py dataset --scale national            # into bangkok_national
    manage.py dataset --scale world --seed 7      # into bangkok_world
    manage.py dataset --scale demo --database bangkok_try

The same seed, scale and day give the same rows (`scale.dataset`). The database is made from a
migrated template on the server of DATABASE_URL; it is never the app's own database or a test
database, and one the generator didn't make is never dropped.
"""

import os
import time
from datetime import date

import psycopg
from django.core.management.base import BaseCommand, CommandError

from scale.dataset import SCALES, Dataset, tables
from scale.load import (
    Refused,
    fingerprint,
    first_ids,
    known,
    load,
    mark,
    prepare,
    table_names,
    url_for,
)
from scale.progress import Bar


def server_url() -> str:
    url = os.environ.get("DATABASE_URL")
    if not url:
        raise CommandError("Set DATABASE_URL to the server the dataset goes to.")
    return url


def summary(report, seconds: float) -> str:
    """What the load took, kept with the database (a benchmark that reuses it says so)."""
    rows = sum(report.rows.values())
    server = f", database server {report.server_cpu:.1f} s" if report.server_cpu is not None else ""
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"{rows:,} rows loaded by COPY on {date.today()} in {seconds:.1f} s "
        f"(CPU: generator {report.cpu:.1f} s{server}; load average after {load} "
        f"on {os.cpu_count()} cores)"
    )


def make(scale: str, seed: int, day: date, database: str, say) -> dict:
    """Prepare the database and load it; returns what was loaded and how long it took."""
    url = server_url()
    started = time.monotonic()
    migrated = prepare(url, database, say)
    made = time.monotonic()
    with psycopg.connect(url_for(url, database)) as conn:
        with conn.cursor() as cursor:
            dataset = Dataset(
                SCALES[scale],
                seed=seed,
                today=day,
                first=first_ids(cursor, table_names()),
                known=known(cursor),
            )
        conn.commit()
        planned = tables(dataset)
        total = sum(count for *_, count in planned)
        bar = Bar(total, f"{scale} dataset")
        report = load(conn, dataset, planned, fresh=True, tick=bar.advance, at=bar.at)
        bar.close()
    loaded = time.monotonic()
    mark(url, database, f"{fingerprint(scale, seed)}; {summary(report, loaded - made)}")
    return {
        "report": report,
        "migrate": migrated,
        "prepare": made - started - migrated,
        "load": loaded - made,
        "rows": sum(report.rows.values()),
    }


class Command(BaseCommand):
    help = "Load a generated dataset (demo, national or world scale) into a database of its own."

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=sorted(SCALES), default="national")
        parser.add_argument("--seed", type=int, default=18)
        parser.add_argument("--day", type=date.fromisoformat, default=None, help="YYYY-MM-DD")
        parser.add_argument("--database", default=None, help="default: bangkok_<scale>")

    def handle(self, *args, scale, seed, day, database, **options):
        database = database or f"bangkok_{scale}"
        day = day or date.today()
        try:
            result = make(scale, seed, day, database, self.stderr.write)
        except Refused as refused:
            raise CommandError(str(refused)) from refused
        report = result["report"]
        self.stdout.write(
            f"{database}: {result['rows']:,} rows of the {scale} set (seed {seed}, day {day})"
        )
        for label, count in report.rows.items():
            self.stdout.write(f"  {label:<22} {count:>10,}  {report.seconds[label]:6.1f} s")
        for label in ("indexes built", "foreign keys checked", "sequences and statistics"):
            if label in report.seconds:
                self.stdout.write(f"  {label:<33} {report.seconds[label]:6.1f} s")
        self.stdout.write(
            f"Loaded in {result['load']:.1f} s ({result['rows'] / result['load']:,.0f} rows/s), "
            f"{report.foreign_keys} foreign keys checked; CPU: generator {report.cpu:.1f} s"
            + (
                f", database server {report.server_cpu:.1f} s"
                if report.server_cpu is not None
                else ""
            )
            + "; database made in "
            f"{result['prepare']:.1f} s"
            + (f", template migrated in {result['migrate']:.1f} s" if result["migrate"] else "")
            + f"; load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} on "
            f"{os.cpu_count()} cores"
        )
