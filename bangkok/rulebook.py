"""Where each Rule is enforced, found by reading the code: every refusal names its rule as a
literal (`RuleBroken(message, rule="19")`), so one walk over the project's own modules
finds, for each rule, the functions that refuse under it. `make rules` prints them beside
the number of tests that prove the rule."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIPPED = {"tests", "migrations", "management"}


def project_modules(root: Path = ROOT, skipped=SKIPPED):
    """The project's own Python files, tests and migrations (and management commands, unless
    `skipped` says otherwise) left out."""
    for package in sorted(p.parent for p in root.glob("*/__init__.py")):
        for path in sorted(package.rglob("*.py")):
            if not set(skipped).intersection(path.relative_to(root).parts):
                yield path


def module_name(path: Path, root: Path = ROOT) -> str:
    return ".".join(path.relative_to(root).with_suffix("").parts).removesuffix(".__init__")


def _is_rule_broken(call: ast.Call) -> bool:
    func = call.func
    name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
    return name == "RuleBroken"


class _Walker(ast.NodeVisitor):
    def __init__(self, module: str):
        self.module, self.stack = module, []
        self.found: list[tuple[str | None, str, int]] = []

    def _scope(self, node):
        self.stack.append(node.name)
        self.generic_visit(node)
        self.stack.pop()

    visit_FunctionDef = visit_AsyncFunctionDef = visit_ClassDef = _scope

    def visit_Call(self, node: ast.Call):
        if _is_rule_broken(node):
            rule = next((k.value for k in node.keywords if k.arg == "rule"), None)
            literal = rule.value if isinstance(rule, ast.Constant) else None
            where = ".".join([self.module, *self.stack])
            self.found.append((literal, where, node.lineno))
        self.generic_visit(node)


def refusals(root: Path = ROOT) -> list[tuple[str | None, str, str]]:
    """(rule or None when not a literal, module.function, path:line) for every RuleBroken
    raised in the project's own code."""
    found = []
    for path in project_modules(root):
        relative = path.relative_to(root)
        walker = _Walker(module_name(path, root))
        walker.visit(ast.parse(path.read_text(), filename=str(path)))
        found += [(rule, where, f"{relative}:{line}") for rule, where, line in walker.found]
    return found


def enforcers(root: Path = ROOT) -> dict[str, list[str]]:
    """For each rule, the functions that refuse under it."""
    by_rule: dict[str, list[str]] = {}
    for rule, where, _place in refusals(root):
        if rule is not None and where not in by_rule.setdefault(rule, []):
            by_rule[rule].append(where)
    return by_rule
