"""Signals the project's plumbing sends; the apps above connect to them in their hooks."""

from django.dispatch import Signal

# A member of staff's act refused under a Rule (`RuleBroken`), from a page or the API; sent
# once the act is rolled back, so what a receiver writes is kept (Rules 25.3, 67: the
# attempts refused are counted beside the counts that must be zero). Keywords: `action` (the
# `bangkok.actions.Action`), `by`, `rule`, `woman` (or None), `facility` (or None).
rule_refused = Signal()
