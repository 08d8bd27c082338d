"""A list's options and a form's field written in Python are the templates' own markup,
character for character."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.template import Context, Template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy
from hypothesis import given
from hypothesis import strategies as st

from bangkok.form_renderer import OWN_INPUTS, FormRenderer, field_group
from bangkok.forms import govuk_styled

DJANGO = DjangoTemplates()
OURS = FormRenderer()

text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)
value = st.one_of(text, st.integers(-5, 10**6), st.none())
label = st.one_of(text, st.integers(-5, 10**6), st.just(gettext_lazy("Thai")))
options = st.lists(st.tuples(value, label), max_size=6)
choices = st.lists(st.one_of(st.tuples(value, label), st.tuples(text, options)), max_size=6)
attrs = st.dictionaries(
    st.sampled_from(["id", "class", "required", "disabled", "aria-describedby", "hx-get"]),
    st.one_of(st.booleans(), text, st.integers(), st.just(mark_safe("a&amp;b"))),
    max_size=4,
)


def both(widget, name, chosen):
    return (
        widget.render(name, chosen, renderer=DJANGO),
        widget.render(name, chosen, renderer=OURS),
    )


@given(choices=choices, attrs=attrs, name=text, chosen=value)
def test_a_select_is_written_as_djangos_templates_write_it(choices, attrs, name, chosen):
    django, ours = both(forms.Select(attrs=attrs, choices=choices), name, chosen)
    assert ours == django


@given(choices=choices, attrs=attrs, chosen=st.lists(value, max_size=3))
def test_a_multiple_select_is_written_as_djangos_templates_write_it(choices, attrs, chosen):
    django, ours = both(forms.SelectMultiple(attrs=attrs, choices=choices), "many", chosen)
    assert ours == django


INPUT_WIDGETS = [
    forms.TextInput,
    forms.NumberInput,
    forms.EmailInput,
    forms.URLInput,
    forms.PasswordInput,
    forms.HiddenInput,
    forms.DateInput,
    forms.DateTimeInput,
    forms.TimeInput,
    forms.SearchInput,
    forms.TelInput,
    forms.ColorInput,
]


@given(
    kind=st.sampled_from(INPUT_WIDGETS),
    attrs=attrs,
    name=text,
    given=st.one_of(value, st.just(mark_safe("a&amp;b")), st.just(gettext_lazy("Thai"))),
)
def test_an_input_is_written_as_djangos_templates_write_it(kind, attrs, name, given):
    widget = kind(attrs=attrs)
    if kind is forms.PasswordInput:
        widget = kind(attrs=attrs, render_value=True)
    django, ours = both(widget, name, given)
    assert ours == django


def test_the_ordinary_cases_are_the_same_too():
    choices = [("", "---------"), ("th", "Thai <ไทย>"), ("Far", [("my", "Burmese"), (3, 4)])]
    widget = forms.Select(attrs={"class": "govuk-select", "required": True}, choices=choices)
    django, ours = both(widget, "language", "my")
    assert ours == django and '<option value="my" selected>Burmese</option>' in ours
    assert "Thai &lt;ไทย&gt;" in ours


def test_a_widget_whose_options_have_their_own_template_is_left_to_django():
    class Flagged(forms.Select):
        option_template_name = "django/forms/widgets/input_option.html"

    widget = Flagged(choices=[("a", "A")])
    django, ours = both(widget, "x", "a")
    assert ours == django and "<option" not in ours


def test_every_form_of_the_project_uses_it():
    from django.forms.renderers import get_default_renderer

    assert isinstance(get_default_renderer(), FormRenderer)


class Fields(forms.Form):
    name = forms.CharField(label="Name <x>", help_text="Help & <b>bold</b>", max_length=5)
    facility = forms.ChoiceField(
        choices=[("1", "One"), ("2", "Two & co")], label=gettext_lazy("Unit")
    )
    day = forms.DateField(
        widget=forms.SelectDateWidget, label=mark_safe("Day <i>x</i>"), help_text="h"
    )
    version = forms.CharField(widget=forms.HiddenInput, required=False)
    when = forms.SplitDateTimeField(label="When")
    count = forms.IntegerField(widget=forms.Textarea)
    agreed = forms.BooleanField()
    kind = forms.ChoiceField(widget=forms.RadioSelect, choices=[("1", "One")])
    kinds = forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple, choices=[("1", "One")])


INCLUDED = Template('{% include "includes/field.html" with field=bound %}')
TAGGED = Template("{% load layout %}{% field bound %}")


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"name": "far too long", "facility": "9", "day_year": "x", "version": "<", "count": "q"},
        {"name": "v&", "facility": "1", "when_0": "2026-01-01", "when_1": "bad", "agreed": "on"},
    ],
)
def test_a_field_is_written_as_its_template_writes_it(data):
    form = govuk_styled(Fields(data))
    for bound in form:
        template = INCLUDED.render(Context({"bound": bound}))
        assert TAGGED.render(Context({"bound": bound})) == template, bound.name
        if bound.widget_type in OWN_INPUTS:
            assert field_group(bound) is None
        else:
            assert field_group(bound) == template, bound.name


@pytest.mark.parametrize("missing", ["", None, "text"])
def test_a_name_that_is_no_bound_field_is_written_as_the_include_writes_it(missing):
    # A template naming a field its form doesn't have gets what the include gave it, not an
    # error: every page's fields are written by `{% field %}`.
    context = {"bound": missing}
    assert TAGGED.render(Context(context)) == INCLUDED.render(Context(context))
