"""A list's options written in Python are Django's own markup, character for character."""

from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy
from hypothesis import given
from hypothesis import strategies as st

from bangkok.form_renderer import FormRenderer

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
