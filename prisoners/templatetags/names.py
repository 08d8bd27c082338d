"""Countries and languages by their names in the interface's language (`bangkok.names`)."""

from django import template

from bangkok import names

register = template.Library()


@register.filter
def country(code: str) -> str:
    return names.country_name(code) if code else ""


@register.filter
def language(code: str) -> str:
    return names.language_name(code) if code else ""
