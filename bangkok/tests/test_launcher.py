"""`make run` as a newcomer uses it: one command up, one signal down, nothing left behind.

Its embedded database starts as a fresh `migrate` by the launcher left it, made once for each
state of the migrations and kept (`migrated_cluster`); everything else `make run` does runs
each time."""

import hashlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psutil
import pytest

from bangkok import test_template

ROOT = Path(__file__).resolve().parents[2]
# What the test run sets for itself must not leak into a real `make run`.
TEST_RUN_ONLY = {
    "DATABASE_URL",
    "REDIS_URL",
    "SECRET_KEY",
    "TEST_DATABASE_NAME",
    "TEST_DATABASE_TEMPLATE",
    "STATIC_MANIFEST",
    "HTTPS",
    "DEBUG",
    "OTP_REQUIRED",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (loopback)
            return response.status
    except OSError:
        return 0


def processes_using(path: Path) -> list[psutil.Process]:
    found = []
    for process in psutil.process_iter(["cmdline"]):
        if any(str(path) in part for part in process.info["cmdline"] or []):
            found.append(process)
    return found


def migrations_key() -> str:
    """What a fresh `migrate` depends on: the migrations and the installed packages (the test
    template's `fingerprint`), and the project's modules the migrations import."""
    digest = hashlib.sha256(test_template.fingerprint().encode())
    imported = set()
    for migration in ROOT.glob("*/migrations/*.py"):
        imported |= set(re.findall(r"^\s*(?:from|import) ([\w.]+)", migration.read_text(), re.M))
    for module in sorted(imported):
        source = ROOT / (module.replace(".", "/") + ".py")
        if source.is_file():
            digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def migrated_cluster(env: dict[str, str]) -> Path:
    """The embedded database as the launcher leaves it after a fresh `migrate` of today's
    migrations (`launcher manage migrate` on a new data directory, as `make run` migrates it
    on a new checkout): made once for each `migrations_key` and kept in var/, where a later run
    copies it instead of migrating again (most of this test's time). It has nothing else:
    `make run` still syncs the roles, collects the static files and seeds the demo into it."""
    kept = ROOT / "var" / f"launcher-test-pgdata-{migrations_key()}"
    if kept.is_dir():
        return kept
    kept.parent.mkdir(exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix="launcher-test-", dir=ROOT / "var"))
    try:
        migrate = [sys.executable, "-m", "bangkok.launcher", "manage", "migrate", "-v", "0"]
        subprocess.run(migrate, cwd=ROOT, env={**env, "BANGKOK_VAR": str(building)}, check=True)
        assert processes_using(building) == [], "the embedded PostgreSQL stopped"
        (building / "pgdata").rename(kept)  # whole or not at all, for a run at the same time
    except OSError:
        assert kept.is_dir()  # another run kept it first
    finally:
        shutil.rmtree(building, ignore_errors=True)
    for earlier in kept.parent.glob("launcher-test-pgdata-*"):
        if earlier != kept:
            shutil.rmtree(earlier, ignore_errors=True)
    return kept


@pytest.mark.early
def test_run_serves_the_demo_on_an_embedded_database_and_sigterm_stops_everything(tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in TEST_RUN_ONLY}
    # Owner and modes kept: the embedded server may run as its own user.
    subprocess.run(["cp", "-a", migrated_cluster(env), tmp_path / "pgdata"], check=True)
    env.update(
        BANGKOK_VAR=str(tmp_path),
        PORT=str(port),
        DEMO_PASSWORD="launcher test pw",
        # The demo's sixty women are `prisoners/tests/test_seed_demo.py`'s; a few serve here.
        DEMO_WOMEN="8",
        STATIC_ROOT=str(tmp_path / "static"),
    )
    launcher = subprocess.Popen(
        [sys.executable, "-m", "bangkok.launcher", "run"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 300
        while get(f"http://127.0.0.1:{port}/healthz") != 200:
            assert launcher.poll() is None, launcher.stdout.read()
            assert time.monotonic() < deadline, "not serving after 300 s"
            time.sleep(0.5)
        assert get(f"http://127.0.0.1:{port}/accounts/login/") == 200
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/") as page:  # noqa: S310
            assert "Two-factor sign-in is off in this demo" in page.read().decode()
        assert processes_using(tmp_path / "pgdata"), "the embedded PostgreSQL runs"
    finally:
        launcher.send_signal(signal.SIGTERM)
        output, _ = launcher.communicate(timeout=60)
    assert f"http://127.0.0.1:{port}/" in output
    assert "Demo password for every user: launcher test pw" in output
    assert "Embedded PostgreSQL stopped." in output
    assert "Two-factor sign-in is off in this demo" in output
    time.sleep(1)
    assert processes_using(tmp_path) == [], "a process it started is still running"
    assert get(f"http://127.0.0.1:{port}/healthz") == 0
