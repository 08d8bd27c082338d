"""Whether a record shown as pending still awaits a decision (`authority.services`)."""

from django import template

from ..registry import area
from ..services import awaits_decision

register = template.Library()


@register.filter
def still_awaits(record, key: str) -> bool:
    """A pending record of area `key` whose cause hasn't ended (a pending extension of a
    segregation ended since no longer awaits anyone)."""
    declared = area(key)
    return declared is None or awaits_decision(declared, record)
