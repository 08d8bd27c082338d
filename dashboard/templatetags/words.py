"""Django's `i18n` template library, with `{% translate %}` of a literal written once a
process for each language.

`{% translate "Gender" %}` looks its words up in the catalogue, escapes and localizes them
each time a page is rendered; her page's template holds 24, and they were 1.3 ms of its 7.3 ms
of CPU on the national copy. Here a literal's translation (its context, if it has one, a
literal too), not kept in a variable (`as`), is written the first time for each language
and escaping, then used again; any other `{% translate %}` is Django's. A change of settings
(a test's `override_settings`) forgets what was written. The templates load this library as
`i18n` (`TEMPLATES`' `libraries` in the settings), so they and `makemessages` read the tags
as before.
"""

from django import template
from django.template.base import Variable
from django.templatetags import i18n
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from .layout import generation

register = template.Library()
register.tags.update(i18n.register.tags)
register.filters.update(i18n.register.filters)


def _literal(expression) -> bool:
    """A string written in the tag (a message's context is kept as the string itself)."""
    var = getattr(expression, "var", None)
    written = isinstance(var, str) or (isinstance(var, Variable) and var.literal is not None)
    return written and not expression.filters


class KeptTranslateNode(i18n.TranslateNode):
    def __init__(self, filter_expression, noop, asvar=None, message_context=None):
        super().__init__(filter_expression, noop, asvar, message_context)
        self.kept = (
            asvar is None
            and _literal(filter_expression)
            and (message_context is None or _literal(message_context))
        )
        self.written: dict[tuple, SafeString | str] = {}
        self.generation = generation()

    def render(self, context) -> str:
        if not self.kept:
            return super().render(context)
        if self.generation != generation():
            self.written, self.generation = {}, generation()
        key = (get_language(), context.autoescape)
        words = self.written.get(key)
        if words is None:
            words = self.written[key] = super().render(context)
        return words


@register.tag("translate")
@register.tag("trans")
def do_translate(parser, token) -> i18n.TranslateNode:
    node = i18n.do_translate(parser, token)
    return KeptTranslateNode(node.filter_expression, node.noop, node.asvar, node.message_context)
