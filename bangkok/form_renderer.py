"""Django's form renderer, with a list's options written in Python.

Django writes each option of a select through two template includes (the option, then its
attributes). Her admission page holds a dozen country and language lists, some 2,200 options,
and spent nine tenths of its time there. The markup written here is Django's own, character
for character (`bangkok/tests/test_form_renderer.py` compares the two); any other widget, or a
select whose options use another template, is rendered by Django's templates as before.
"""

from django.forms.renderers import DjangoTemplates
from django.template.base import render_value_in_context
from django.template.context import Context
from django.utils.functional import Promise
from django.utils.html import conditional_escape, escape

SELECT = "django/forms/widgets/select.html"
OPTION = "django/forms/widgets/select_option.html"


class FormRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        widget = context.get("widget") if template_name == SELECT else None
        if widget is not None and all(
            option["template_name"] == OPTION
            for _name, options, _index in widget["optgroups"]
            for option in options
        ):
            return select(widget)
        return super().render(template_name, context, request)


def select(widget: dict) -> str:
    """Django's `select.html` with `select_option.html` and `attrs.html` inside it."""
    parts = [f'<select name="{shown(widget["name"])}"{attributes(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{shown(group_name)}">')
        parts.extend(
            f'\n  <option value="{conditional_escape(option["value"])}"'
            f"{attributes(option['attrs'])}>{shown(option['label'])}</option>\n"
            for option in options
        )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def attributes(attrs: dict) -> str:
    """Django's `attrs.html`: a True value is the bare name, a False one is left out."""
    return "".join(
        f" {shown(name)}" if value is True else f' {shown(name)}="{conditional_escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


# A template writes `{{ x }}` localized and escaped; `|stringformat:'s'` (an option's value and
# each attribute's) only escaped, as `conditional_escape` does.
_CONTEXT = Context(autoescape=True)


def shown(value) -> str:
    """`{{ value }}` in a form template (a string, most labels, or one translated when shown,
    is only escaped)."""
    if type(value) is str or (isinstance(value, Promise) and not hasattr(value, "__html__")):
        return escape(str(value))
    return render_value_in_context(value, _CONTEXT)
