"""Complaints, reports of abuse and protection from retaliation (Rules 7, 25)."""

from .retaliation import hold_if_protected, register_adverse_action, review_held_action
from .safeguarding import open_safeguarding_record, protected_against_retaliation

__all__ = [
    "hold_if_protected",
    "open_safeguarding_record",
    "protected_against_retaliation",
    "register_adverse_action",
    "review_held_action",
]
