"""Complaints, reports of abuse and protection from retaliation (Rules 7, 25)."""

from .retaliation import (
    AdverseAction,
    adverse_actions,
    hold_if_protected,
    named_in_her_complaints,
    refuse_while_held,
    review_held_action,
    stop_by_refusal,
)
from .safeguarding import follow_her, open_safeguarding_record, protected_against_retaliation

__all__ = [
    "AdverseAction",
    "adverse_actions",
    "follow_her",
    "hold_if_protected",
    "named_in_her_complaints",
    "open_safeguarding_record",
    "protected_against_retaliation",
    "refuse_while_held",
    "review_held_action",
    "stop_by_refusal",
]
