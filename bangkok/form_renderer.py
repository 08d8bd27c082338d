"""Django's form renderer, with a list's options and an input written in Python.

Django writes each option of a select through two template includes (the option, then its
attributes). Her admission page holds a dozen country and language lists, some 2,200 options,
and spent nine tenths of its time there. The markup written here is Django's own, character
for character (`bangkok/tests/test_form_renderer.py` compares the two); any other widget, or a
select whose options use another template, is rendered by Django's templates as before.
"""

import html

from django.forms.renderers import DjangoTemplates
from django.template.base import render_value_in_context
from django.template.context import Context
from django.utils.functional import Promise
from django.utils.html import conditional_escape, escape
from django.utils.translation import gettext as _

SELECT = "django/forms/widgets/select.html"
OPTION = "django/forms/widgets/select_option.html"


# The inputs whose template is Django's `input.html` and nothing else.
INPUTS = frozenset(
    f"django/forms/widgets/{kind}.html"
    for kind in (
        *("text", "number", "email", "url", "password", "hidden"),
        *("date", "datetime", "time", "search", "tel", "color"),
    )
)


class FormRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        if template_name in INPUTS:
            return single_input(context["widget"])
        widget = context.get("widget") if template_name == SELECT else None
        if widget is not None and all(
            option["template_name"] == OPTION
            for _name, options, _index in widget["optgroups"]
            for option in options
        ):
            return select(widget)
        return super().render(template_name, context, request)


def single_input(widget: dict) -> str:
    """Django's `input.html` with `attrs.html` inside it (a text box, a number, a date...)."""
    value = widget["value"]
    given = "" if value is None else f' value="{conditional_escape(value)}"'
    return (
        f'<input type="{shown(widget["type"])}" name="{shown(widget["name"])}"{given}'
        f"{attributes(widget['attrs'])}>"
    )


def select(widget: dict) -> str:
    """Django's `select.html` with `select_option.html` and `attrs.html` inside it."""
    parts = [f'<select name="{shown(widget["name"])}"{attributes(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{shown(group_name)}">')
        parts.extend(map(_option, options))
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def _option(option: dict) -> str:
    """`select_option.html`: a list of a thousand units across a national service's facilities
    is written at every view of its filters, so a value and a plain string of a label are
    escaped as `conditional_escape` and `shown` escape them (the same characters), by the
    standard library directly."""
    value, label, attrs = option["value"], option["label"], option["attrs"]
    label = html.escape(label) if type(label) is str else shown(label)
    return (
        f'\n  <option value="{_escaped(value)}"{attributes(attrs) if attrs else ""}>'
        f"{label}</option>\n"
    )


def _escaped(value) -> str:
    """`conditional_escape(value)`: text translated when read, then markup as it is, anything
    else escaped."""
    if isinstance(value, Promise):
        value = str(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


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


# A checkbox, radios and a list of checkboxes are written by `includes/field.html` itself.
OWN_INPUTS = ("checkbox", "radioselect", "checkboxselectmultiple")


def field_group(field) -> str | None:
    """`includes/field.html` for a bound field whose widget writes itself (a text input, a
    select, a date's parts...): its form group, label (or fieldset and legend), hint and
    errors, character for character, in Python (`{% field %}`; the women list's filters were
    five includes of that template, a fifth of its time). None for the fields the template
    writes their inputs for (`OWN_INPUTS`)."""
    if field.is_hidden:
        return f"\n{field}\n"
    if field.widget_type in OWN_INPUTS:
        return None
    errors = field.errors
    auto_id = shown(field.auto_id)
    label = shown(field.label)
    if field.use_fieldset:
        described = field.aria_describedby
        described = f' aria-describedby="{shown(described)}"' if described else ""
        opening = (
            f'\n  <fieldset class="govuk-fieldset"{described}>\n    <legend class="govuk-fieldset'
            f'__legend govuk-fieldset__legend--s">{label}</legend>\n  '
        )
        closing = "</fieldset>"
    else:
        for_id = shown(field.id_for_label)
        opening = f'\n  <label class="govuk-label" for="{for_id}">{label}</label>\n  '
        closing = ""
    hint = (
        f'<div id="{auto_id}_helptext" class="govuk-hint">{field.help_text}</div>'
        if field.help_text
        else ""
    )
    said = ""
    if errors:
        prefix = f'<span class="govuk-visually-hidden">{shown(_("Error:"))}</span> '
        said = (
            f'<p id="{auto_id}_error" class="govuk-error-message">'
            + "<br>".join(f"{prefix}{shown(error)}" for error in errors)
            + "</p>"
        )
    return (
        f'\n\n<div class="govuk-form-group{" govuk-form-group--error" if errors else ""}">\n\n  '
        f"{opening}\n  {hint}\n  {said}\n  {field}\n  {closing}\n\n</div>\n\n"
    )
