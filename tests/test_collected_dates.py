"""No test module reads the clock when it is collected: a date or a moment worked out at
import (a module's constant, a class's attribute, a decorator's arguments such as a
parametrize list, an argument's default) is of the day the run started, not of the day the
test runs, and a run that crosses midnight then tests "tomorrow" on the day it names. The
clock is read inside the test (or a fixture), where it is the day the test runs."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLOCK = {"now", "today", "localdate", "localtime"}
NOT_SOURCE = {".venv", "node_modules", "var", "staticfiles", ".git"}


def _test_modules():
    for path in ROOT.rglob("*.py"):
        parts = set(path.relative_to(ROOT).parts)
        if parts & NOT_SOURCE:
            continue
        if "tests" in parts or path.name.startswith("test_") or path.name == "conftest.py":
            yield path


def _read_at_import(tree: ast.Module):
    """The calls of the clock the module makes as it is imported: everything but the bodies
    of its functions and lambdas (their decorators and defaults are run at import)."""

    def visit(node):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                for outer in [*child.decorator_list, *child.args.defaults]:
                    yield from visit_expression(outer)
                for default in child.args.kw_defaults:
                    if default is not None:
                        yield from visit_expression(default)
                continue
            if isinstance(child, ast.Lambda):
                continue
            if isinstance(child, ast.Call):
                called = child.func
                name = getattr(called, "attr", None) or getattr(called, "id", None)
                if name in CLOCK:
                    yield child
            yield from visit(child)

    def visit_expression(expression):
        holder = ast.Module(body=[ast.Expr(expression)], type_ignores=[])
        yield from visit(holder)

    yield from visit(tree)


def test_no_test_reads_the_clock_when_it_is_collected():
    found = [
        f"{path.relative_to(ROOT)}:{call.lineno}"
        for path in _test_modules()
        for call in _read_at_import(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert not found, "read the clock in the test, not at import: " + ", ".join(found)


def test_the_check_finds_a_date_worked_out_at_import():
    source = (
        "import pytest\n"
        "from django.utils import timezone\n"
        "LATER = timezone.now()\n"
        "@pytest.mark.parametrize('day', [timezone.localdate()])\n"
        "def test_it(day, when=timezone.now()):\n"
        "    assert timezone.now()\n"
        "    check = lambda: timezone.localdate()\n"
    )
    assert [call.lineno for call in _read_at_import(ast.parse(source))] == [3, 4, 5]
