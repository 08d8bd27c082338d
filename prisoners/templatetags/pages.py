"""Addresses taking one uuid, for each row of a list: her page for each woman, a task's form."""

from django import template

from bangkok.addresses import for_each

register = template.Library()

_KEY = "prisoners.pages"


@register.simple_tag(takes_context=True)
def address(context, name: str, key) -> str:
    """`{% url name key %}` for a URL name taking one uuid, reversed once a page rather than
    once a row (`bangkok.addresses`)."""
    made = context.render_context.setdefault(_KEY, {})
    if name not in made:
        made[name] = for_each(name)
    return made[name](key)


@register.simple_tag(takes_context=True)
def her_page(context, woman) -> str:
    """`{% url 'prisoners:detail' woman.uuid %}`, reversed once a page (`address`)."""
    return address(context, "prisoners:detail", woman.uuid)
