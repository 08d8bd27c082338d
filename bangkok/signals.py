"""Signals the project's plumbing sends; the apps above connect to them in their hooks."""

from django.dispatch import Signal

# A member of staff's act refused under a Rule (`RuleBroken`), from a page or the API; sent
# once the act is rolled back, so what a receiver writes is kept (Rules 25.3, 67: the
# attempts refused are counted beside the counts that must be zero). Keywords: `action` (the
# `bangkok.actions.Action`), `by`, `rule`, `woman` (or None), `facility` (or None).
rule_refused = Signal()

# A table downloaded as a file (`bangkok.exports`), sent before the file is answered so that
# its audit row is written in the request's transaction (Rules 67-70: who took which table
# out of the system, with which filters and in which format, and how many rows; never the
# rows themselves). Keywords: `by`, `table`, `title`, `filters` (a dict of strings),
# `format`, `rows` (a count), `facility` (or None).
exported = Signal()
