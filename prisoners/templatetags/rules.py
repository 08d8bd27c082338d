"""A rule named as people read it in pages (`bangkok.errors.rule_name`), never its code."""

from django import template

from bangkok.errors import rule_name as _rule_name

register = template.Library()


@register.filter
def rule_name(rule) -> str:
    """ "M43" as "Mandela Rule 43", "22" as "Bangkok Rule 22"; nothing for no rule."""
    return _rule_name(str(rule)) if rule else ""
