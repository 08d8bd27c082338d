"""Every reminder kind the project schedules is declared (`reminders.kinds`), so what closes
each task is known: a kind nobody declared can't be scheduled, and this test finds, in the
source of every app of the project, each kind a call to `schedule_reminder` can pass."""

import ast
import importlib
import itertools
from pathlib import Path

import pytest
from django.utils import timezone

from bangkok import rulebook
from reminders.kinds import UndeclaredKind, declared_kinds
from reminders.models import Reminder
from reminders.services import schedule_reminder

SCHEDULER = "schedule_reminder"


class Unresolved(Exception):
    pass


class Module:
    """One source file: its tree, its imported module, and which function holds each node."""

    def __init__(self, path: Path, name: str):
        self.path, self.name = path, name
        self.tree = ast.parse(path.read_text(), filename=str(path))
        self.module = importlib.import_module(name)
        self.holder: dict[ast.AST, ast.FunctionDef | None] = {}
        self._hold(self.tree, None)

    def _hold(self, node, function):
        for child in ast.iter_child_nodes(node):
            self.holder[child] = function
            inner = child if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef) else None
            self._hold(child, inner or function)

    def calls_to(self, name: str):
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Call) and _called(node) == name:
                yield node

    def where(self, node) -> str:
        return f"{self.path}:{node.lineno}"


def _called(call: ast.Call) -> str | None:
    func = call.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)


def _argument(call: ast.Call, function: ast.FunctionDef, parameter: str):
    for keyword in call.keywords:
        if keyword.arg == parameter:
            return keyword.value
    positional = [arg.arg for arg in function.args.posonlyargs + function.args.args]
    if parameter in positional and positional.index(parameter) < len(call.args):
        return call.args[positional.index(parameter)]
    return None


def kinds_of(expr, module: Module, function) -> set[str]:
    """Every string `expr` can be, where it is in `module` (inside `function`)."""
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return {expr.value}
    if isinstance(expr, ast.JoinedStr):
        parts = []
        for part in expr.values:
            if isinstance(part, ast.FormattedValue):
                parts.append(sorted(kinds_of(part.value, module, function)))
            else:
                parts.append([part.value])
        return {"".join(combination) for combination in itertools.product(*parts)}
    if isinstance(expr, ast.Name) and function is not None:
        parameters = {
            arg.arg
            for arg in function.args.posonlyargs + function.args.args + function.args.kwonlyargs
        }
        if expr.id in parameters:
            # A parameter: whatever the calls in this module pass for it.
            found = set()
            for call in module.calls_to(function.name):
                passed = _argument(call, function, expr.id)
                if passed is None:
                    raise Unresolved(f"{module.where(call)} passes no {expr.id}")
                found |= kinds_of(passed, module, module.holder[call])
            if not found:
                raise Unresolved(f"{module.where(expr)}: nothing calls {function.name}")
            return found
    if isinstance(expr, ast.Subscript):
        # One entry of a declared table of kinds: any of its values.
        table = _value(expr.value, module)
        if isinstance(table, dict):
            return {_string(value, module, expr) for value in table.values()}
    if isinstance(expr, ast.Name | ast.Attribute):
        return {_string(_value(expr, module), module, expr)}
    raise Unresolved(
        f"{module.where(expr)}: can't tell which kinds {ast.unparse(expr)} schedules; pass a "
        "string, a module constant or an entry of a table of kinds"
    )


def _value(expr, module: Module):
    try:
        return eval(ast.unparse(expr), vars(module.module))  # noqa: S307 (our own source)
    except NameError as error:
        raise Unresolved(f"{module.where(expr)}: {error}") from error


def _string(value, module: Module, expr) -> str:
    if not isinstance(value, str):
        raise Unresolved(f"{module.where(expr)}: {ast.unparse(expr)} is not a string")
    return str(value)


def project_modules():
    """The project's modules, its management commands included (the demo schedules tasks)."""
    for path in rulebook.project_modules(skipped={"tests", "migrations"}):
        yield path, rulebook.module_name(path)


def scheduled_kinds() -> dict[str, set[str]]:
    """Each kind the project's code can schedule, with where it is scheduled."""
    found: dict[str, set[str]] = {}
    for path, name in project_modules():
        if SCHEDULER not in path.read_text():
            continue
        module = Module(path, name)
        for call in module.calls_to(SCHEDULER):
            if module.holder[call] and module.holder[call].name == SCHEDULER:
                continue
            kind = next((k.value for k in call.keywords if k.arg == "kind"), None)
            if kind is None:
                raise Unresolved(f"{module.where(call)} schedules a reminder with no kind=")
            for each in kinds_of(kind, module, module.holder[call]):
                found.setdefault(each, set()).add(module.where(call))
    return found


def test_every_kind_the_project_schedules_is_declared():
    scheduled = scheduled_kinds()
    # The search finds the kinds every area schedules, fixed and built alike.
    expected = {
        "health.entry_screening",
        "health.antenatal_contact",
        "health.postnatal_contact",
        "complaints.plan",
        "visits.child_visit",
        "demo.governor",
        "discipline.segregation_visit",
    }
    assert expected <= set(scheduled), sorted(expected - set(scheduled))
    undeclared = {kind: sorted(where) for kind, where in scheduled.items()}
    undeclared = {k: w for k, w in undeclared.items() if k not in declared_kinds()}
    assert not undeclared, f"Reminder kinds scheduled but not declared: {undeclared}"


@pytest.mark.django_db
def test_scheduling_a_kind_nobody_declared_fails_and_writes_nothing(facility_a, woman_a):
    with pytest.raises(UndeclaredKind, match="reminders.nobody_declared"):
        schedule_reminder(
            key="undeclared",
            kind="reminders.nobody_declared",
            rule="6",
            title="A task",
            facility=facility_a,
            assignee_role="health",
            prisoner=woman_a,
            due_at=timezone.now(),
        )
    assert not Reminder.objects.exists()
