"""One migrated database the suite's workers copy, instead of each migrating its own.

Migrating the whole schema takes about a minute of one core, and every pytest-xdist worker
used to do it at the same time. `make test` migrates once into a template database, named
after the test database (`test_<name>_template`), and each worker's test database is created
as a copy of it (`TEST.TEMPLATE`, `CREATE DATABASE ... TEMPLATE`), which takes under a
second; the worker's own `migrate` then finds nothing to apply and only runs what follows
every migrate (triggers, roles). The template is kept between runs and made again when a
migration or an installed package changes (its fingerprint is kept as the database's
comment).
"""

import hashlib
import os
import subprocess
import time
from importlib import metadata
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import dj_database_url
import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent


# How a template is made (`ensure`): a template made another way is made again.
RECIPE = "migrated, then analyzed"


def fingerprint() -> str:
    """Changes when any migration of the project or any installed package changes, or the way
    the template is made."""
    digest = hashlib.sha256(RECIPE.encode())
    for path in sorted(ROOT.glob("*/migrations/*.py")):
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    for name, version in sorted(
        (dist.metadata["Name"] or "", dist.version) for dist in metadata.distributions()
    ):
        digest.update(f"{name}=={version}\n".encode())
    return digest.hexdigest()


def _with_name(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def _server(url: str, database: str = "postgres") -> psycopg.Connection:
    config = dj_database_url.parse(url)
    return psycopg.connect(
        host=config.get("HOST") or None,
        port=config.get("PORT") or None,
        user=config.get("USER") or None,
        password=config.get("PASSWORD") or None,
        dbname=database,
        autocommit=True,
    )


# The file `make test` writes when the template is ready ("ready") or could not be made
# ("failed: ..."): it is made while the test processes start and collect, and each waits for
# it before copying it (`wait_until_ready`, the suite's `django_db_modify_db_settings`).
READY = "TEST_TEMPLATE_READY"


def name_for(url: str) -> str:
    return f"test_{dj_database_url.parse(url)['NAME']}_template"


def ensure(url: str, manage: list[str], env: dict[str, str], say) -> str:
    """Make sure the template for the test database of `url` is migrated to today's
    migrations; return its name. `manage` is the command that runs manage.py; what the migrate
    writes is kept, and given only if it fails (the test processes are writing meanwhile)."""
    name = name_for(url)
    wanted = fingerprint()
    with _server(url) as server:
        row = server.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            [name],
        ).fetchone()
        if row is not None and row[0] == wanted:
            say(f"Test template {name} is up to date.")
            return name
        server.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        server.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    say(f"Migrating the test template {name} once for every worker...")
    migrated = subprocess.run(
        [*manage, "migrate", "--noinput", "-v", "0"],
        cwd=ROOT,
        env={**env, "DATABASE_URL": _with_name(url, name)},
        capture_output=True,
        text=True,
    )
    if migrated.returncode:
        raise RuntimeError(f"migrate failed:\n{migrated.stdout}{migrated.stderr}")
    # Statistics for the planner, which each worker's copy keeps: without them it guessed the
    # sizes of the tables `migrate` fills (permissions, content types, roles' permissions) and
    # read them whole for each signed-in request's account.
    with _server(url, name) as template:
        template.execute("ANALYZE")
    with _server(url) as server:
        server.execute(
            sql.SQL("COMMENT ON DATABASE {} IS {}").format(
                sql.Identifier(name), sql.Literal(wanted)
            )
        )
    return name


def wait_until_ready(seconds: float = 1800) -> None:
    """In a test process of `make test`: wait until the template it copies is made (at once
    when it was up to date); fail if it could not be made."""
    path = os.environ.get(READY)
    if not path:
        return
    deadline = time.monotonic() + seconds
    ready = Path(path)
    while not ready.exists() or not (said := ready.read_text()):
        if time.monotonic() > deadline:
            raise RuntimeError(f"The test template was not made within {seconds:.0f} s.")
        time.sleep(0.2)
    if said != "ready":
        raise RuntimeError(f"The test template could not be made: {said}")
