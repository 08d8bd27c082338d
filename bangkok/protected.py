"""Her protected characteristics are never used for security (Mandela Rule 2: no
discrimination on grounds of race, colour, sex, language, religion, disability or any other
status).

The areas that decide on her security (classification, searches, discipline) import nothing
of `equality` (an import-linter contract), and a decision that is handed one of these values
anyway refuses it here, naming the rule, before anything is judged or written. This module
knows only the names; the values live in `equality` alone."""

from collections.abc import Iterable

from django.utils.translation import gettext as _

from .errors import RuleBroken

PROTECTED = frozenset(
    {
        "ethnicity",
        "religion",
        "religion_words",
        "belief",
        "faith",
        "faith_needs",
        "disability",
        "adjustments",
        "sexual_orientation",
        "gender_identity",
        "characteristics",
        "equality_characteristics",
    }
)


def never_for_security(names: Iterable[str]) -> None:
    """Refuse a security decision given any of her protected characteristics (Mandela 2)."""
    passed = sorted(PROTECTED.intersection(names))
    if passed:
        raise RuleBroken(
            _(
                "Her ethnicity, religion or belief, disability, sexual orientation and gender "
                "identity are never used for a security decision: leave out %(fields)s."
            )
            % {"fields": ", ".join(passed)},
            rule="M2",
            field=passed[0],
        )
