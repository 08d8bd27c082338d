"""`make run` as a newcomer uses it: one command up, one signal down, nothing left behind."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[2]


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


def test_run_serves_the_demo_on_an_embedded_database_and_sigterm_stops_everything(tmp_path):
    port = free_port()
    env = {
        k: v
        for k, v in os.environ.items()
        # What the test run sets for itself must not leak into a real `make run`.
        if k
        not in {
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
    }
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
