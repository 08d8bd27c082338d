"""The layout's parts that are the same for many requests, written once a process
(`templates/base.html`; every page pays for them).

`{% once_a_language %}...{% end_once_a_language %}` holds markup that is the same for every
request in a language: the head, the header's and the footer's words and addresses, the
language form's options. It is rendered once a process for each language, address book and
script prefix, with a context of its own that holds the language only (`LANGUAGE_CODE`,
`LANGUAGE_BIDI`), never the page's: nothing of a request or a user can be kept in it. A
`{% block %}` or a `{% csrf_token %}` inside one is refused when the template is read, and a
change of settings (a test's `override_settings`) forgets what was written.

`{% navigation_items nav %}` writes the links of the service navigation (`nav` of
`dashboard.context_processors`) in Python, once a process for each set of links shown (in
their language), the active one marked.

`{% field form.name %}` is `includes/field.html` for the field, written in Python where it
can be (`bangkok.form_renderer.field_group`).
"""

import functools
import itertools

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.forms import BoundField
from django.template.context import Context
from django.template.defaulttags import CsrfTokenNode
from django.template.loader_tags import BlockNode
from django.urls import get_script_prefix, get_urlconf
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, get_language_bidi

from bangkok.form_renderer import field_group

register = template.Library()

# Bumped by any change of settings: what was written before is forgotten.
_generation = itertools.count()
_current = [next(_generation)]


def _settings_changed(**kwargs) -> None:
    _current[0] = next(_generation)


setting_changed.connect(_settings_changed, dispatch_uid="dashboard.layout")


def generation() -> int:
    """A number that changes with any change of settings: what was written for the one
    before is to be written again."""
    return _current[0]


# Languages x address books x prefixes: a handful; a bound all the same.
MOST_KEPT = 64


class OnceALanguage(template.Node):
    # Nothing inside for Django to look through (for the blocks of an `{% extends %}`, on every
    # render): none is there.
    child_nodelists = ()

    def __init__(self, nodelist: template.NodeList):
        self.nodelist = nodelist
        self.written: dict[tuple, SafeString] = {}
        self.generation = _current[0]

    def render(self, context: Context) -> SafeString:
        language = get_language()
        # The address book and the prefix are the same for the whole page: asked once.
        where = context.render_context.get(OnceALanguage)
        if where is None:
            where = context.render_context[OnceALanguage] = (
                get_urlconf() or settings.ROOT_URLCONF,
                get_script_prefix(),
                context.autoescape,
            )
        key = (language, *where)
        if self.generation != _current[0]:
            self.written, self.generation = {}, _current[0]
        markup = self.written.get(key)
        if markup is None:
            own = Context(
                {"LANGUAGE_CODE": language, "LANGUAGE_BIDI": get_language_bidi()},
                autoescape=context.autoescape,
            )
            own.template = context.template  # its engine: a missing variable is written empty
            markup = self.nodelist.render(own)
            if len(self.written) >= MOST_KEPT:
                self.written.clear()
            self.written[key] = markup
        return markup


@register.tag
def once_a_language(parser, token) -> OnceALanguage:
    nodelist = parser.parse(("end_once_a_language",))
    parser.delete_first_token()
    for refused in (BlockNode, CsrfTokenNode):
        if nodelist.get_nodes_by_type(refused):
            raise template.TemplateSyntaxError(
                f"{{% once_a_language %}} is the same for every request: no {refused.__name__} "
                "inside it."
            )
    return OnceALanguage(nodelist)


@register.simple_tag
def navigation_items(nav) -> SafeString:
    """The links of the service navigation (`nav`), the active one marked."""
    return _items(tuple((str(item["label"]), item["url"], bool(item["active"])) for item in nav))


ITEM = """
              <li class="govuk-service-navigation__item{}">
                <a class="govuk-service-navigation__link" href="{}"{}>
                  {}
                </a>
              </li>"""
ACTIVE = '<strong class="govuk-service-navigation__active-fallback">{}</strong>'


@functools.lru_cache(maxsize=512)
def _items(links: tuple[tuple[str, str, bool], ...]) -> SafeString:
    return format_html_join(
        "",
        ITEM,
        (
            (
                " govuk-service-navigation__item--active" if active else "",
                url,
                mark_safe(' aria-current="page"') if active else "",  # noqa: S308 (no input)
                format_html(ACTIVE, label) if active else label,
            )
            for label, url, active in links
        ),
    )


@register.simple_tag(takes_context=True)
def field(context, bound) -> str:
    """`{% include "includes/field.html" with field=bound %}`, written in Python where it can
    be (`bangkok.form_renderer.field_group`), by the template otherwise (as for anything that
    isn't a bound field: a name the form doesn't have is written as the include wrote it)."""
    markup = field_group(bound) if isinstance(bound, BoundField) else None
    if markup is None:
        with context.push(field=bound):
            markup = context.template.engine.get_template(FIELD).render(context)
    return mark_safe(markup)  # noqa: S308 (the field's markup, escaped where it is made)


FIELD = "includes/field.html"
