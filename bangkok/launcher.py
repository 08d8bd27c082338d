"""The development launcher behind `make run` and `make test`.

    python -m bangkok.launcher run     # database, migrations, demo data, worker+beat, web
    python -m bangkok.launcher test    # database and Redis for the suite, then pytest
    python -m bangkok.launcher manage  # any manage.py command against the same database

With DATABASE_URL unset it starts an embedded PostgreSQL (var/pgdata) and passes its
address on; settings never start servers. With REDIS_URL unset, `run` uses a broker on the
filesystem and `test` starts a private Redis if one is installed. Ctrl-C or SIGTERM stops
every process it started, the database included.
"""

import os
import resource
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from . import test_template
from .embedded_db import EmbeddedDatabase

ROOT = Path(__file__).resolve().parent.parent
VAR = Path(os.environ.get("BANGKOK_VAR", ROOT / "var"))
PYTHON = sys.executable


def say(message: str) -> None:
    print(f"[bangkok] {message}", flush=True)


class Launcher:
    def __init__(self):
        self.env = os.environ.copy()
        self.children: list[subprocess.Popen] = []
        self.database: EmbeddedDatabase | None = None
        self.stopping = False

    # -- pieces -----------------------------------------------------------------------
    def secret_key(self, persist: bool) -> None:
        if self.env.get("SECRET_KEY"):
            return
        if not persist:
            self.env["SECRET_KEY"] = secrets.token_urlsafe(50)
            return
        path = VAR / "secret_key"
        if not path.exists():
            path.write_text(secrets.token_urlsafe(50))
            path.chmod(0o600)
        self.env["SECRET_KEY"] = path.read_text().strip()

    def database_url(self) -> None:
        if self.env.get("DATABASE_URL"):
            say("Using the database in DATABASE_URL.")
            return
        started = time.monotonic()
        self.database = EmbeddedDatabase(VAR / "pgdata")
        self.env["DATABASE_URL"] = self.database.start()
        say(f"Embedded PostgreSQL ready in {time.monotonic() - started:.1f} s (var/pgdata).")

    def private_redis(self) -> None:
        """For tests: REDIS_URL if set, else a private redis-server on a free port."""
        if self.env.get("REDIS_URL"):
            return
        binary = shutil.which("redis-server")
        if binary is None:
            say("No REDIS_URL and no redis-server installed: the broker tests will fail.")
            return
        port = free_port()
        self.spawn(
            [
                binary,
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--loglevel",
                "warning",
            ],
            stdout=subprocess.DEVNULL,
        )
        wait_for_port(port)
        self.env["REDIS_URL"] = f"redis://127.0.0.1:{port}/0"

    def manage(self, *args: str, check: bool = True) -> int:
        result = subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=self.env)
        if check and result.returncode != 0:
            raise SystemExit(f"manage.py {' '.join(args)} failed ({result.returncode})")
        return result.returncode

    def spawn(self, command: list[str], **kwargs) -> subprocess.Popen:
        child = subprocess.Popen(command, cwd=ROOT, env=self.env, start_new_session=True, **kwargs)
        self.children.append(child)
        return child

    # -- lifetime ---------------------------------------------------------------------
    def stop(self, *_args) -> None:
        if self.stopping:
            return
        self.stopping = True
        for child in reversed(self.children):
            if child.poll() is None:
                try:
                    os.killpg(child.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        deadline = time.monotonic() + 15
        for child in self.children:
            try:
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(child.pid, signal.SIGKILL)
        if self.database is not None:
            self.database.stop()
            say("Embedded PostgreSQL stopped.")

    def run(self) -> int:
        VAR.mkdir(exist_ok=True)
        started = time.monotonic()
        self.secret_key(persist=True)
        self.env.setdefault("HTTPS", "0")
        self.env.setdefault("DEBUG", "0")
        self.env.setdefault("BROKER_DIR", str(VAR / "broker"))
        self.env.setdefault("DEMO_PASSWORD_FILE", str(VAR / "demo_password"))
        # The demo alone signs in with a password only (its sign-in page says so); every
        # deployment asks staff who read confidential records for a second factor.
        self.env.setdefault("OTP_REQUIRED", "0")
        for folder in ("queue", "processed", "control"):
            (Path(self.env["BROKER_DIR"]) / folder).mkdir(parents=True, exist_ok=True)
        port = self.env.get("PORT", "8000")
        self.database_url()
        self.manage("prepare_demo", "--women", self.env.get("DEMO_WOMEN", "60"))
        broker = "Redis" if self.env.get("REDIS_URL") else "the filesystem broker (var/broker)"
        self.spawn(
            [
                PYTHON,
                "-m",
                "celery",
                "-A",
                "bangkok",
                "worker",
                "-B",
                "-P",
                "solo",
                "-l",
                "warning",
                "--schedule",
                str(VAR / "celerybeat-schedule"),
            ]
        )
        web = self.spawn(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "bangkok.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "2",
                "--no-control-socket",
                "--access-logfile",
                "-",
                "--log-level",
                "warning",
            ]
        )
        wait_for_port(int(port), process=web)
        say(f"Worker with beat on {broker}.")
        say(f"Ready in {time.monotonic() - started:.1f} s: http://127.0.0.1:{port}/")
        say("Log in as reception, custody, health, social, safeguarding, governor, inspector")
        say(f"or sysadmin (facility A; add _b for facility B), password: {self.demo_password()}")
        if self.env["OTP_REQUIRED"].strip().lower() not in {"1", "true", "yes", "on"}:
            say("Two-factor sign-in is off in this demo (OTP_REQUIRED=1 turns it on).")
        say("Ctrl-C stops everything.")
        while not self.stopping:
            for child in self.children:
                if child.poll() is not None:
                    say(f"{child.args[2]} stopped unexpectedly ({child.returncode}).")
                    return 1
            time.sleep(0.5)
        return 0

    def demo_password(self) -> str:
        if self.env.get("DEMO_PASSWORD"):
            return "the one in DEMO_PASSWORD"
        path = Path(self.env["DEMO_PASSWORD_FILE"])
        if path.exists():
            return f"{path.read_text().strip()} (kept in {path})"
        return "as set when the demo users were first made"

    def test(self, pytest_args: list[str]) -> int:
        VAR.mkdir(exist_ok=True)
        self.secret_key(persist=False)
        self.env.setdefault("HTTPS", "0")
        self.env.setdefault("STATIC_MANIFEST", "0")  # no collectstatic needed for tests
        # Compiled modules are kept (__pycache__, ignored by git): the template's migrate
        # compiles the project once, and each test process and each server a test starts
        # loads it compiled instead of compiling every module again (2-3 s of CPU each).
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        self.database_url()
        self.private_redis()
        template = None
        if "TEST_DATABASE_NAME" not in self.env:
            # Made while pytest starts its processes and they collect the tests (half a minute
            # of each core either way); each waits for it before its first database test.
            template = TemplateMaker(self.env)
        started = time.monotonic()
        before = cpu_of_children()
        code = subprocess.run([PYTHON, "-m", "pytest", *pytest_args], cwd=ROOT, env=self.env)
        if template is not None:
            template.report()
        say(
            f"pytest took {time.monotonic() - started:.0f} s "
            f"({cpu_of_children() - before:.0f} s of CPU in its processes, the database's apart)."
        )
        return code.returncode or int(template is not None and template.failed is not None)

    def manage_command(self, args: list[str]) -> int:
        VAR.mkdir(exist_ok=True)
        self.secret_key(persist=True)
        self.database_url()
        return self.manage(*args, check=False)


class TemplateMaker:
    """The test template (`bangkok.test_template`) made in a thread of its own, its file
    `READY` written when it is made or could not be; what it said is said afterwards, when
    pytest is no longer writing."""

    def __init__(self, env: dict[str, str]):
        url = env["DATABASE_URL"]
        self.ready = VAR / f"test-template-{os.getpid()}.ready"
        self.ready.unlink(missing_ok=True)
        env["TEST_DATABASE_TEMPLATE"] = test_template.name_for(url)
        env[test_template.READY] = str(self.ready)
        self.said: list[str] = []
        self.failed: str | None = None
        self.took = 0.0
        manage = [PYTHON, "manage.py"]
        self.thread = threading.Thread(target=self._make, args=(url, manage, dict(env)))
        self.thread.start()

    def _make(self, url: str, manage: list[str], env: dict[str, str]) -> None:
        started = time.monotonic()
        try:
            test_template.ensure(url, manage, env, self.said.append)
            outcome = "ready"
        except Exception as error:  # said to the test processes, and by `report`
            self.failed = outcome = f"failed: {error}"
        self.took = time.monotonic() - started
        written = self.ready.with_suffix(".writing")
        written.write_text(outcome)
        written.rename(self.ready)  # whole, as a test process reads it

    def report(self) -> None:
        self.thread.join()
        self.ready.unlink(missing_ok=True)
        for line in self.said:
            say(line)
        if self.failed:
            say(f"The test template could not be made: {self.failed}")
        else:
            say(f"Test template ready in {self.took:.0f} s (made as the tests started).")


def cpu_of_children() -> float:
    """User and system CPU seconds of the finished child processes (and theirs)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen | None = None, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise SystemExit(f"The process for port {port} exited ({process.returncode}).")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise SystemExit(f"Nothing listens on port {port} after {seconds} s.")


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test", "manage"}:
        print(__doc__)
        return 2
    launcher = Launcher()

    def on_signal(signum, _frame):
        launcher.stop()
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        if argv[0] == "run":
            return launcher.run()
        if argv[0] == "test":
            return launcher.test(argv[1:])
        return launcher.manage_command(argv[1:])
    finally:
        launcher.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
