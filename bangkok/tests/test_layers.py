"""The layers hold: the import contracts of pyproject.toml (`[tool.importlinter]`) are kept.

Bottom to top: bangkok's plumbing; audit and facilities; staff; reminders and signin;
prisoners; authority; the areas; oversight; the dashboard. The areas reach each other only
through models, services, permissions, reading or hooks, and no two apps import each other
round a cycle. `make lint` runs the same check.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_import_contracts_are_kept():
    lint_imports = Path(sys.executable).with_name("lint-imports")
    answer = subprocess.run(
        [lint_imports, "--no-logo", "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert answer.returncode == 0, answer.stdout + answer.stderr
    assert "kept, 0 broken" in answer.stdout
