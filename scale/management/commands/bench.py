"""`make bench`: the performance targets of QUALITY.md measured on the national dataset.

    manage.py bench                      # loads bangkok_national unless it holds this set
    manage.py bench --scale world        # and the sweep over the world set
    manage.py bench --rounds 30 --load-seconds 60 --threads 8
    manage.py bench --only "P8 tasks" --only sweep   # the rows whose target or name says so

The dataset is reused when its database carries the fingerprint of the generator's version,
scale and seed (and migrated to the code's schema); otherwise it is loaded first (`manage.py
dataset`). The measuring runs in a process of its own whose DATABASE_URL names the
dataset's database.
"""

import os
import platform
import subprocess
import sys
import time
from datetime import date

import psycopg
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from scale import bench
from scale.load import fingerprint, loaded, url_for
from scale.management.commands.dataset import make, server_url


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


class Command(BaseCommand):
    help = "Measure the performance targets (QUALITY.md P1-P8) on the national dataset."

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=["national", "world"], default="national")
        parser.add_argument("--seed", type=int, default=18)
        parser.add_argument("--rounds", type=int, default=20)
        parser.add_argument("--load-seconds", type=float, default=60)
        parser.add_argument("--threads", type=int, default=8)
        parser.add_argument("--inside", choices=["all", "sweep"], help=None)
        parser.add_argument("--database-label", default="")
        parser.add_argument(
            "--only",
            action="append",
            default=[],
            help="Measure only the rows whose target, name or description contains this "
            "(case aside; may be given more than once); the load test runs only for 'P6'.",
        )

    def handle(
        self,
        *args,
        scale,
        seed,
        rounds,
        load_seconds,
        threads,
        inside,
        database_label,
        only,
        **options,
    ):
        if inside:
            return self.measure(inside, rounds, load_seconds, threads, database_label, only)
        url = server_url()
        out = [self.ensure("national", seed, url)]
        if scale == "world":
            out.append(self.ensure("world", seed, url))
        header = {
            "machine": f"{os.cpu_count()} cores ({platform.machine()}), shared; "
            f"load average at the start {load_average()}",
            **{f"P1 {name}": text for name, text in out},
        }
        runs = [("national", "all")] + ([("world", "sweep")] if scale == "world" else [])
        for name, what in runs:
            env = {
                **os.environ,
                "DATABASE_URL": url_for(url, f"bangkok_{name}"),
                "OTP_REQUIRED": "0",
                "HTTPS": "0",
                "BENCH_HEADER": "\n".join(f"{k}\t{v}" for k, v in header.items())
                if name == "national"
                else "",
            }
            command = [
                sys.executable,
                "manage.py",
                "bench",
                "--inside",
                what,
                "--rounds",
                str(rounds),
                "--load-seconds",
                str(load_seconds),
                "--threads",
                str(threads),
                "--database-label",
                f"bangkok_{name}",
                *(f"--only={each}" for each in only),
            ]
            finished = subprocess.run(command, env=env, cwd=settings.BASE_DIR, check=False)
            if finished.returncode:
                raise CommandError(f"The measuring of the {name} set failed.")

    def ensure(self, name: str, seed: int, url: str) -> tuple[str, str]:
        database = f"bangkok_{name}"
        wanted = fingerprint(name, seed)
        comment = loaded(url, database) or ""
        if comment.startswith(wanted + ";") or comment == wanted:
            # The same data, brought to the code's schema (a migration since it was loaded:
            # an index, a table the counts keep); nothing to do takes a few seconds.
            self.manage(url, database, "migrate", "--no-input", "-v0")
            said = f"reused {database} ({comment})"
        else:
            self.stderr.write(f"Loading the {name} dataset into {database} ({wanted})...")
            make(name, seed, date.today(), database, self.stderr.write)
            said = f"loaded {database} now ({loaded(url, database)})"
        # Oversight's daily counts as the beat keeps them (only the days not counted yet), and
        # the figures it counts ahead for the periods the pages ask most.
        started = time.monotonic()
        self.manage(url, database, "oversight_summaries")
        # Their statistics, for a server where autovacuum is off (these machines' CI).
        with psycopg.connect(url_for(url, database), autocommit=True) as c:
            c.execute(
                "ANALYZE oversight_dailycount, oversight_monthlycount, oversight_summarisedday"
            )
        return name, f"{said}; oversight's daily counts and figures brought up to date in " + (
            f"{time.monotonic() - started:.1f} s"
        )

    def manage(self, url: str, database: str, *args: str) -> None:
        env = {**os.environ, "DATABASE_URL": url_for(url, database)}
        command = [sys.executable, "manage.py", *args]
        subprocess.run(command, env=env, cwd=settings.BASE_DIR, check=True)

    def measure(
        self, inside: str, rounds: int, seconds: float, threads: int, label: str, only: list[str]
    ) -> None:
        say = self.stderr.write
        header = dict(
            line.split("\t", 1) for line in os.environ.get("BENCH_HEADER", "").splitlines() if line
        )
        with psycopg.connect(os.environ["DATABASE_URL"]) as c:
            header["database"] = (
                f"{label}, "
                + c.execute("SHOW server_version").fetchone()[0].split()[0]
                + " (PostgreSQL, default settings)"
            )
        started = time.monotonic()
        items = bench.in_process(rounds, say, sweep_only=inside == "sweep", only=only)
        bench.vacuum(os.environ["DATABASE_URL"], say)
        result = None
        if inside == "all" and seconds > 0 and bench.chosen("P6 load test", only):
            result = bench.load_test(os.environ["DATABASE_URL"], seconds, threads, say)
        took = time.monotonic() - started
        header["measured"] = (
            f"{rounds} interleaved rounds{' and the load test' if result else ''} in {took:.0f} s; "
            f"load average at the end {load_average()}"
        )
        if inside == "sweep":
            for item in items:
                item.key = "P7 world sweep"
                item.what = item.what.replace("as loaded", f"{label}, as loaded")
        self.stdout.write(bench.table(items, result, header))
