"""Each app declares what it plugs into the others in its `hooks.py`, and nowhere else: its
`ready()` only plugs that file, each declaration goes to the registry that takes it, and the
demo is composed from the areas' declared steps without the command importing any area."""

import ast
import importlib.machinery
import sys
import types
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from bangkok.hooks import plug
from prisoners.demo import steps

ROOT = Path(settings.BASE_DIR)


def _project_apps():
    return [config for config in apps.get_app_configs() if Path(config.path).parent == ROOT]


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_each_apps_ready_only_plugs_its_hooks():
    checked = []
    for config in _project_apps():
        tree = ast.parse((Path(config.path) / "apps.py").read_text())
        readies = [
            node
            for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef) and node.name == "ready"
        ]
        assert len(readies) == 1, config.name
        body = readies[0].body
        assert len(body) == 1 and ast.unparse(body[0]) == "plug(self)", config.name
        checked.append(config.name)
    assert {"admissions", "health", "prisoners", "discipline", "complaints"} <= set(checked)


def test_a_declaration_no_registry_takes_is_refused(monkeypatch):
    hooks = types.ModuleType("nowhere.hooks")
    hooks.__spec__ = importlib.machinery.ModuleSpec("nowhere.hooks", None)
    hooks.PLUGS = (object(),)
    monkeypatch.setitem(sys.modules, "nowhere.hooks", hooks)
    with pytest.raises(ImproperlyConfigured, match="no registry takes"):
        plug(types.SimpleNamespace(name="nowhere"))


def test_an_app_without_hooks_plugs_nothing():
    plug(apps.get_app_config("oversight"))  # no oversight/hooks.py: nothing to do


def test_seed_demo_imports_no_area_and_runs_the_declared_steps_in_order():
    command = ROOT / "prisoners" / "management" / "commands" / "seed_demo.py"
    areas = {config.name for config in _project_apps()} - {
        "facilities",
        "prisoners",
        "reminders",
        "staff",
    }
    assert not _imports(command) & areas
    declared = steps()
    assert [step.order for step in declared] == sorted(step.order for step in declared)
    runs = [step.run.__module__ for step in declared if step.run]
    assert runs == [
        "searches.demo",
        "discipline.demo",
        "restraints.demo",
        "visits.demo",
        "complaints.demo",
        "force.demo",
        "selfharm.demo",
        "classification.demo",
        "safeguarding.demo",
        "parole.demo",
        "hygiene.demo",
        "regime.demo",
        "girls.demo",
        "pretrial.demo",
        "equality.demo",
        "inspections.demo",
        "breakglass.demo",
        "release.demo",
        "girls.demo",  # last: her records sealed, where no other area's demo meets her
    ]


def test_the_complaints_demo_charges_through_the_declared_adverse_act_not_discipline():
    assert "discipline" not in _imports(ROOT / "complaints" / "demo.py")


def test_the_register_calls_no_area_above_it():
    assert "health" not in _imports(ROOT / "register" / "services.py")
