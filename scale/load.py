"""Where a dataset goes and how: a database of its own on the server of DATABASE_URL
(`bangkok_national`, `bangkok_world`), made from a migrated template, loaded by COPY with the
triggers off, then checked: every foreign key the triggers would have checked is checked by
one query a key, the sequences are moved past the rows, and the database is marked with the
generator's version, scale and seed so a benchmark can reuse it."""

import hashlib
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from django.conf import settings
from psycopg import sql

from .copying import Writer
from .dataset import MODELS, VERSION, Dataset, Known

MARK = "bangkok-dataset"
TEMPLATE = "bangkok_dataset_schema"


class Refused(Exception):
    pass


def url_for(database_url: str, name: str) -> str:
    parts = urlsplit(database_url)
    return urlunsplit(parts._replace(path="/" + name))


def database_of(database_url: str) -> str:
    return urlsplit(database_url).path.lstrip("/")


def fingerprint(scale: str, seed: int) -> str:
    return f"{MARK} v{VERSION} scale={scale} seed={seed}"


def migrations_hash() -> str:
    """What the schema is made from: every migration file of the project."""
    digest = hashlib.sha256()
    root = Path(settings.BASE_DIR)
    for path in sorted(root.glob("*/migrations/*.py")):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def comment_of(admin: psycopg.Connection, name: str) -> str | None:
    row = admin.execute(
        "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
        [name],
    ).fetchone()
    return None if row is None else (row[0] or "")


def _drop(admin: psycopg.Connection, name: str) -> None:
    admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def _create(admin: psycopg.Connection, name: str, template: str | None = None) -> None:
    query = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
    if template:
        query += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
    admin.execute(query)


def _comment(admin: psycopg.Connection, name: str, text: str) -> None:
    admin.execute(
        sql.SQL("COMMENT ON DATABASE {} IS {}").format(sql.Identifier(name), sql.Literal(text))
    )


def refuse_unless_ours(database_url: str, name: str) -> None:
    """Never the app's own database, a test database, or one the generator didn't make."""
    if (
        name == database_of(database_url)
        or name.startswith("test")
        or name
        in (
            "postgres",
            "template0",
            "template1",
        )
    ):
        raise Refused(f"{name!r} is not a database for a generated dataset.")


def prepare(database_url: str, name: str, say: Callable[[str], None]) -> float:
    """An empty, migrated database `name`, made from the migrated template (migrated first
    when the migrations changed). Returns the seconds spent migrating."""
    refuse_unless_ours(database_url, name)
    wanted = f"{MARK} schema {migrations_hash()}"
    migrated = 0.0
    with psycopg.connect(url_for(database_url, "postgres"), autocommit=True) as admin:
        existing = comment_of(admin, name)
        if existing is not None and not existing.startswith(MARK):
            raise Refused(
                f"The database {name!r} exists and was not made by the generator; "
                "name another with --database, or drop it yourself."
            )
        if comment_of(admin, TEMPLATE) != wanted:
            say(f"Migrating a template database for datasets ({TEMPLATE})...")
            _drop(admin, TEMPLATE)
            _create(admin, TEMPLATE)
            started = time.monotonic()
            env = {**os.environ, "DATABASE_URL": url_for(database_url, TEMPLATE)}
            subprocess.run(
                [sys.executable, "manage.py", "migrate", "--no-input", "-v0"],
                cwd=settings.BASE_DIR,
                env=env,
                check=True,
            )
            migrated = time.monotonic() - started
            _comment(admin, TEMPLATE, wanted)
        _drop(admin, name)
        _create(admin, name, template=TEMPLATE)
        _comment(admin, name, f"{MARK} loading")
    return migrated


def mark(database_url: str, name: str, text: str) -> None:
    with psycopg.connect(url_for(database_url, "postgres"), autocommit=True) as admin:
        _comment(admin, name, text)


def loaded(database_url: str, name: str) -> str | None:
    with psycopg.connect(url_for(database_url, "postgres"), autocommit=True) as admin:
        return comment_of(admin, name)


def known(cursor) -> Known:
    cursor.execute("SELECT name, id FROM auth_group")
    groups = dict(cursor.fetchall())
    cursor.execute(
        "SELECT p.id, p.content_type_id FROM auth_permission p JOIN django_content_type ct "
        "ON ct.id = p.content_type_id WHERE p.codename = 'work_in_facility' "
        "AND ct.app_label = 'facilities'"
    )
    work_in, facility_type = cursor.fetchone()
    return Known(groups=groups, work_in=work_in, facility_type=facility_type)


def table_names() -> list[str]:
    """The tables whose ids the generator gives (not the flags, keyed by the woman)."""
    return [model._meta.db_table for model in MODELS if model._meta.pk.column == "id"]


def first_ids(cursor, names: list[str]) -> dict[str, int]:
    """The first free id of each table (1 in a new database)."""
    first = {}
    for name in names:
        cursor.execute(
            sql.SQL("SELECT coalesce(max(id), 0) + 1 FROM {}").format(sql.Identifier(name))
        )
        first[name] = cursor.fetchone()[0]
    return first


@dataclass
class Report:
    rows: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    foreign_keys: int = 0
    cpu: float = 0.0  # the generator's process time
    server_cpu: float | None = None  # the database server process's, when it runs here


def server_cpu(conn: psycopg.Connection) -> float | None:
    """The CPU seconds of this connection's server process, read from /proc when the server
    runs on this machine (None otherwise)."""
    pid = conn.info.backend_pid
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def load(
    conn: psycopg.Connection,
    dataset: Dataset,
    planned: list,
    *,
    fresh: bool,
    tick: Callable[[int], None],
    at: Callable[[str], None] = lambda what: None,
) -> Report:
    """Everything in one transaction of `conn`: COPY with the triggers off (FREEZE into a new
    database), then the foreign keys checked, the sequences moved on, the tables analysed.
    Any error rolls it all back."""
    report = Report()
    cpu, server = time.process_time(), server_cpu(conn)
    names = [table.name for _, table, _, _ in planned]
    with conn.transaction(), conn.cursor() as cursor:
        # Triggers (foreign keys and history) are skipped by COPY here; checks, not-null and
        # unique constraints are not, and the keys are checked below.
        cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute("SET LOCAL synchronous_commit = off")
        if fresh:
            # COPY FREEZE writes rows already frozen and visible (no later VACUUM), for
            # tables emptied in the same transaction (a new database's: empty already, and
            # so are the tables that refer to them, which CASCADE empties too).
            cursor.execute(
                sql.SQL("TRUNCATE {} CASCADE").format(
                    sql.SQL(", ").join(map(sql.Identifier, names))
                )
            )
        rebuilt = _drop_indexes(cursor, names) if fresh else []
        for label, table, rows, _count in planned:
            at(label)
            started = time.monotonic()
            writer = Writer(
                cursor, table, dataset.rng(table.name + ":uuid"), freeze=fresh, tick=tick
            )
            report.rows[label] = writer.write(rows())
            report.seconds[label] = time.monotonic() - started
        cursor.execute("SET LOCAL session_replication_role = origin")
        at("checks")
        at("indexes")
        started = time.monotonic()
        for definition in rebuilt:
            cursor.execute(definition)
        report.seconds["indexes built"] = time.monotonic() - started
        started = time.monotonic()
        report.foreign_keys = validate(cursor, names)
        report.seconds["foreign keys checked"] = time.monotonic() - started
        started = time.monotonic()
        move_sequences(cursor, names)
        for name in names:
            cursor.execute(sql.SQL("ANALYZE {}").format(sql.Identifier(name)))
        report.seconds["sequences and statistics"] = time.monotonic() - started
    report.cpu = time.process_time() - cpu
    after = server_cpu(conn)
    report.server_cpu = None if server is None or after is None else after - server
    return report


def _drop_indexes(cursor, names: list[str]) -> list[str]:
    """Into a new database, the indexes that hold no constraint are built after the rows
    (sorted once, rather than kept in order row by row): their definitions, dropped here. A
    unique index among them (one open admission a woman) checks every row when it is built."""
    cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
    cursor.execute(
        """
        SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
          FROM pg_index i
         WHERE i.indrelid::regclass::text = ANY(%s)
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
        """,
        [names],
    )
    found = cursor.fetchall()
    for name, _definition in found:
        cursor.execute(sql.SQL("DROP INDEX {}").format(sql.Identifier(name)))
    return [definition for _name, definition in found]


class Broken(Exception):
    pass


def validate(cursor, names: list[str]) -> int:
    """Every foreign key from the loaded tables holds: one anti-join a key (what the skipped
    triggers would have checked row by row). Returns how many keys were checked."""
    cursor.execute(
        """
        SELECT c.conname, c.conrelid::regclass::text, a.attname,
               c.confrelid::regclass::text, af.attname
          FROM pg_constraint c
          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
          JOIN pg_attribute af ON af.attrelid = c.confrelid AND af.attnum = c.confkey[1]
         WHERE c.contype = 'f' AND cardinality(c.conkey) = 1
           AND c.conrelid::regclass::text = ANY(%s)
        """,
        [names],
    )
    keys = cursor.fetchall()
    broken = []
    for name, table, column, target, target_column in keys:
        cursor.execute(
            sql.SQL(
                "SELECT count(*) FROM {t} c WHERE c.{col} IS NOT NULL AND NOT EXISTS "
                "(SELECT 1 FROM {r} p WHERE p.{rc} = c.{col})"
            ).format(
                t=sql.Identifier(table),
                col=sql.Identifier(column),
                r=sql.Identifier(target),
                rc=sql.Identifier(target_column),
            )
        )
        missing = cursor.fetchone()[0]
        if missing:
            broken.append(f"{name}: {missing} rows of {table}.{column} name no {target}")
    if broken:
        raise Broken("; ".join(broken))
    return len(keys)


def move_sequences(cursor, names: list[str]) -> None:
    for name in names:
        cursor.execute(
            "SELECT pg_get_serial_sequence(%s, 'id') FROM information_schema.columns "
            "WHERE table_name = %s AND column_name = 'id'",
            [name, name],
        )
        found = cursor.fetchone()
        sequence = found[0] if found else None
        if sequence:
            cursor.execute(
                sql.SQL(
                    "SELECT setval(%s, (SELECT coalesce(max(id), 0) + 1 FROM {}), false)"
                ).format(sql.Identifier(name)),
                [sequence],
            )
