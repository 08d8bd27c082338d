"""`{% translate %}` of a literal is written once a language (`dashboard.templatetags.words`)
and says what Django's says, in each language as it is asked, escaped as the page escapes."""

from django.template import Context, Engine, engines
from django.templatetags.i18n import TranslateNode
from django.test import override_settings
from django.utils import translation

from dashboard.templatetags.words import KeptTranslateNode


def render(source: str, **context) -> str:
    return engines["django"].from_string("{% load i18n %}" + source).render(context)


def test_the_templates_i18n_is_this_library_and_keeps_only_literals():
    template = engines["django"].from_string(
        "{% load i18n %}{% translate 'Women' %}{% trans \"Dashboard\" context 'menu' %}"
        "{% translate word %}{% translate 'Women' as kept %}{% translate 'Women'|upper %}"
    )
    nodes = template.template.nodelist.get_nodes_by_type(TranslateNode)
    assert all(isinstance(node, KeptTranslateNode) for node in nodes)
    assert [node.kept for node in nodes] == [True, True, False, False, False]


def test_each_language_gets_its_own_words_each_time():
    template = engines["django"].from_string("{% load i18n %}{% translate 'Women' %}")
    for language, words in [("en", "Women"), ("fr", "Femmes"), ("en", "Women"), ("fr", "Femmes")]:
        with translation.override(language):
            assert template.render({}) == words
    with translation.override("th"):
        assert template.render({}) == "ผู้ต้องขังหญิง"


def test_what_is_not_a_literal_is_translated_each_time():
    with translation.override("fr"):
        assert render("{% translate word %}", word="Women") == "Femmes"
        assert render("{% translate word %}", word="Dashboard") != "Femmes"
        assert render("{% translate 'Women' as kept %}[{{ kept }}]") == "[Femmes]"


def test_what_is_kept_is_what_djangos_own_tag_writes():
    """Escaped or not, in each language: Django's own library (an engine of its own) writes
    the same."""
    djangos = Engine(libraries={"i18n": "django.templatetags.i18n"})
    for source in (
        "{% translate 'a <b> & c' %}",
        "{% autoescape off %}{% translate 'a <b> & c' %}{% endautoescape %}",
        "{% translate 'Women' %} {% translate \"Open this section\" %}",
        "{% translate 'May' context 'month name' %}",
    ):
        ours = engines["django"].from_string("{% load i18n %}" + source)
        theirs = djangos.from_string("{% load i18n %}" + source)
        for language in ("en", "fr", "th", "fr"):
            with translation.override(language):
                assert ours.render({}) == theirs.render(Context({}))


def test_a_change_of_settings_forgets_what_was_written():
    template = engines["django"].from_string("{% load i18n %}{% translate 'Women' %}")
    node = template.template.nodelist.get_nodes_by_type(KeptTranslateNode)[0]
    with translation.override("fr"):
        assert template.render({}) == "Femmes"
    assert node.written
    with override_settings(LANGUAGE_CODE="fr"), translation.override("fr"):
        assert template.render({}) == "Femmes"
        assert list(node.written) == [("fr", True)]


def test_the_check_of_libraries_leaves_out_only_the_library_meant():
    """Django reports a library loaded under another's name (templates.W003): not this one,
    put there on purpose, and still any other."""
    from django.template import engines

    from bangkok.template_engine import Templates

    engine = engines["django"]
    assert isinstance(engine, Templates)
    assert engine._check_for_template_tags_with_the_same_name() == []
    params = {
        "NAME": "shadowed",
        "DIRS": [],
        "APP_DIRS": False,
        "OPTIONS": {
            "libraries": {
                "i18n": "dashboard.templatetags.words",
                "tz": "dashboard.templatetags.layout",
            }
        },
    }
    reported = Templates(params)._check_for_template_tags_with_the_same_name()
    assert [warning.id for warning in reported] == ["templates.W003"]
    assert "'tz'" in reported[0].msg
