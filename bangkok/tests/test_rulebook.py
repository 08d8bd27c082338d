"""Every refusal names its rule as a literal, so one walk over the code finds who enforces
each rule, and every rule enforced has tests that prove it."""

import ast

from bangkok import rulebook

# A refusal whose rule comes from a declaration, where the literal is written: an authority
# area (`authority.registry.Authority(rule=...)`) and a reminder's kind.
DECLARED_ELSEWHERE = {"authority.services._refusal", "reminders.kinds.why_not_mark_done"}


def test_every_refusal_names_its_rule_as_a_literal():
    unnamed = [
        (where, place)
        for rule, where, place in rulebook.refusals()
        if rule is None and where not in DECLARED_ELSEWHERE
    ]
    assert unnamed == []


def test_the_walk_finds_refusals_in_every_kind_of_scope(tmp_path):
    area = tmp_path / "area"
    (area / "tests").mkdir(parents=True)
    (area / "__init__.py").write_text("")
    (area / "services.py").write_text(
        "def segregate():\n"
        "    raise RuleBroken('No', rule='22')\n"
        "class Check:\n"
        "    def run(self):\n"
        "        raise errors.RuleBroken('No', rule=RULE)\n"
    )
    (area / "tests" / "test_x.py").write_text("RuleBroken('x', rule='99')\n")
    assert rulebook.refusals(tmp_path) == [
        ("22", "area.services.segregate", "area/services.py:2"),
        (None, "area.services.Check.run", "area/services.py:5"),
    ]
    assert rulebook.enforcers(tmp_path) == {"22": ["area.services.segregate"]}


def _rules_marked_in_tests() -> set[str]:
    marked = set()
    for path in rulebook.ROOT.glob("**/test_*.py"):
        if ".venv" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "rule"
            ):
                marked |= {a.value for a in node.args if isinstance(a, ast.Constant)}
    return marked


def test_every_rule_a_function_enforces_has_a_test_marked_with_it():
    assert set(rulebook.enforcers()) - _rules_marked_in_tests() == set()
