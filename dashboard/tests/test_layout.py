"""The layout's shared parts written once a process (`dashboard/templatetags/layout.py`): the
page still says what this request, this user and this language should see."""

import re

import pytest
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import PermissionsMixin
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.template import Context, Template, TemplateSyntaxError
from django.test import RequestFactory, override_settings
from django.utils import translation

from authority.registry import areas
from conftest import client_for
from dashboard.context_processors import AUTHORITY, CASE_LINKS
from staff.models import User, backends

pytestmark = pytest.mark.django_db

# The navigation's links as the layout's template wrote them before they were written in Python.
OLD_ITEMS = Template(
    """{% for item in nav %}
              <li class="govuk-service-navigation__item{% if item.active %} govuk-service-navigation__item--active{% endif %}">
                <a class="govuk-service-navigation__link" href="{{ item.url }}"{% if item.active %} aria-current="page"{% endif %}>
                  {% if item.active %}<strong class="govuk-service-navigation__active-fallback">{{ item.label }}</strong>{% else %}{{ item.label }}{% endif %}
                </a>
              </li>
              {% endfor %}"""  # noqa: E501
)


def squeezed(html: str) -> str:
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", html)).strip()


def navigation_of(body: str) -> str:
    return re.search(
        r'<ul class="govuk-service-navigation__list" id="bk-navigation">(.*?)</ul>', body, re.S
    ).group(1)


@pytest.mark.parametrize("language", ["en", "th"])
@pytest.mark.parametrize("role", ["governor", "custody", "health", "inspector"])
def test_the_navigation_is_the_templates_with_the_active_link_marked(cast, role, language):
    client = client_for(cast[role])
    client.cookies["django_language"] = language
    for path in ("/", "/women/", "/accounts/changes/"):
        response = client.get(path)
        assert response.status_code == 200
        nav = response.context["nav"]
        with translation.override(language):
            old = OLD_ITEMS.render(Context({"nav": nav}))
        assert squeezed(navigation_of(response.content.decode())) == squeezed(old)
        active = [item["url"] for item in nav if item["active"]]
        assert active == [path]
        current = re.findall(r'href="([^"]+)" aria-current="page"', response.content.decode())
        assert current == [path]


def test_a_page_in_each_language_says_it_and_selects_it(cast):
    client = client_for(cast["custody"])
    for language, direction, name in (("en", "ltr", "English"), ("ar", "rtl", "العربيّة")):
        client.cookies["django_language"] = language
        body = client.get("/women/").content.decode()
        assert f'<html lang="{language}" dir="{direction}"' in body
        language_form = body[body.index('id="bk-language-select"') :]
        selected = re.findall(r'<option value="(\w+)"[^>]*selected>([^<]*)<', language_form)
        assert selected == [(language, name)]


def test_the_language_form_returns_to_the_address_asked_and_a_404_to_the_dashboard(cast):
    client = client_for(cast["governor"])
    body = client.get("/women/?q=Sri&facility=%3Cb%3E").content.decode()
    assert '<input type="hidden" name="next" value="/women/?q=Sri&amp;facility=%3Cb%3E">' in body
    missing = client.get("/women/00000000-0000-0000-0000-000000000000/")
    assert missing.status_code == 404
    assert '<input type="hidden" name="next" value="/">' in missing.content.decode()


def test_a_message_is_shown_once_in_its_banner(cast):
    client = client_for(cast["governor"])
    storage = CookieStorage(RequestFactory().get("/"))
    client.cookies["messages"] = storage._encode(
        [Message(constants.SUCCESS, "Saved <her> record."), Message(constants.WARNING, "Mind")]
    )
    body = client.get("/women/").content.decode()
    assert body.count("govuk-notification-banner__heading") == 2
    assert "govuk-notification-banner--success" in body and 'role="alert"' in body
    assert "Saved &lt;her&gt; record." in body and 'role="region"' in body
    assert "govuk-notification-banner__heading" not in client.get("/women/").content.decode()


def test_her_name_role_and_the_csrf_token_are_hers_on_every_page(cast):
    for role in ("governor", "custody"):
        user = cast[role]
        response = client_for(user).get("/")
        body = response.content.decode()
        assert '<span class="bk-header__user">' in body
        assert (user.get_full_name() or user.get_username()) in body
        assert str(user.role.label) in body
        tokens = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', body)
        assert len(tokens) == 2 and len(set(tokens)) == 1
        assert f'"X-CSRFToken": "{tokens[0]}"' in body


def test_an_anonymous_page_has_no_account_nor_navigation(client):
    body = client.get("/accounts/login/").content.decode()
    assert "bk-header__account" not in body and "govuk-service-navigation" not in body
    assert 'id="bk-language-select"' in body


ONCE = "{% load layout %}{% once_a_language %}[{{ LANGUAGE_CODE }}{{ secret }}]{% end_once_a_language %}"  # noqa: E501


def test_what_is_written_once_is_written_for_each_language_without_the_pages_context():
    once = Template(ONCE)
    for language in ("en", "fr", "en", "ar"):
        with translation.override(language):
            assert once.render(Context({"secret": "hers"})) == f"[{language}]"


def test_a_change_of_settings_writes_it_again():
    once = Template(
        "{% load layout static %}{% once_a_language %}{% static 'a.css' %}{% end_once_a_language %}"
    )
    assert once.render(Context()) == "/static/a.css"
    with override_settings(STATIC_URL="/elsewhere/"):
        assert once.render(Context()) == "/elsewhere/a.css"
    assert once.render(Context()) == "/static/a.css"


@pytest.mark.parametrize("inside", ["{% block x %}{% endblock %}", "{% csrf_token %}"])
def test_a_block_or_a_token_inside_is_refused(inside):
    with pytest.raises(TemplateSyntaxError):
        Template(f"{{% load layout %}}{{% once_a_language %}}{inside}{{% end_once_a_language %}}")


def test_her_permissions_asked_of_the_backends_made_once_answer_as_djangos_has_perm(cast):
    perms = {perm for _label, _name, needs in CASE_LINKS if needs != AUTHORITY for perm in needs}
    perms |= {area.perm for area in areas()} | {"prisoners.view_prisoner", "no.such_perm"}
    inactive = User.objects.get(pk=cast["custody"].pk)
    inactive.is_active = False
    superuser = User(username="root", is_superuser=True, is_active=True)
    for user in [*(User.objects.get(pk=user.pk) for user in cast.values()), inactive, superuser]:
        for perm in perms:
            djangos = PermissionsMixin.has_perm(user, perm)
            assert user.has_perm(perm) == djangos, (user.username, perm)
    with override_settings(AUTHENTICATION_BACKENDS=["django.contrib.auth.backends.ModelBackend"]):
        assert User.objects.get(pk=cast["governor"].pk).has_perm("prisoners.view_prisoner")
        assert [type(backend) for backend in backends()] == [ModelBackend]
    assert len(backends()) == 3
