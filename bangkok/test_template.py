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
import subprocess
from importlib import metadata
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import dj_database_url
import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent


def fingerprint() -> str:
    """Changes when any migration of the project or any installed package changes."""
    digest = hashlib.sha256()
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


def _server(url: str) -> psycopg.Connection:
    config = dj_database_url.parse(url)
    return psycopg.connect(
        host=config.get("HOST") or None,
        port=config.get("PORT") or None,
        user=config.get("USER") or None,
        password=config.get("PASSWORD") or None,
        dbname="postgres",
        autocommit=True,
    )


def ensure(url: str, manage: list[str], env: dict[str, str], say) -> str:
    """Make sure the template for the test database of `url` is migrated to today's
    migrations; return its name. `manage` is the command that runs manage.py."""
    name = f"test_{dj_database_url.parse(url)['NAME']}_template"
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
    subprocess.run(
        [*manage, "migrate", "--noinput", "-v", "0"],
        cwd=ROOT,
        env={**env, "DATABASE_URL": _with_name(url, name)},
        check=True,
    )
    with _server(url) as server:
        server.execute(
            sql.SQL("COMMENT ON DATABASE {} IS {}").format(
                sql.Identifier(name), sql.Literal(wanted)
            )
        )
    return name
