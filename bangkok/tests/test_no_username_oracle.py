"""Signing in never tells whether a username exists (QUALITY S15): the login form and the
token endpoint answer an unknown username exactly as a wrong password (or a deactivated
account), spend the same password hashing on both, and lock an unknown username out with the
same answer as a real one."""

import re
from unittest import mock

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.hashers import get_hasher
from django.core.cache import cache
from django.test import Client

from staff.tests.factories import make_staff

LOGIN_URL = "/accounts/login/"
TOKEN_URL = "/api/v1/auth/token/"
NAME = "ghost"
RIGHT = "correct horse battery staple"
WRONG = "not her password at all"
CSRF = re.compile(rb'(csrfmiddlewaretoken" value="|"X-CSRFToken": ")[^"]+')


def form(username, password):
    return Client().post(LOGIN_URL, {"username": username, "password": password})


def token(username, password):
    return Client().post(
        TOKEN_URL, {"username": username, "password": password}, content_type="application/json"
    )


def seen(response):
    """What the caller sees: status, body (without the CSRF token, new on every page) and the
    headers that don't carry the moment or a cookie."""
    headers = {
        name: value
        for name, value in response.headers.items()
        if name not in {"Expires", "Set-Cookie", "Content-Length"}
    }
    return response.status_code, CSRF.sub(rb"\1", response.content), headers


def forget_attempts():
    from axes.utils import reset

    reset()
    cache.clear()


@pytest.fixture(autouse=True)
def _fresh(db):
    forget_attempts()
    yield
    forget_attempts()


@pytest.mark.parametrize("door", [form, token], ids=["login form", "token endpoint"])
def test_an_unknown_username_is_answered_as_a_wrong_password(facility_a, door):
    unknown = seen(door(NAME, WRONG))
    forget_attempts()
    make_staff("custody", facility_a, username=NAME)
    wrong_password = seen(door(NAME, WRONG))
    assert unknown == wrong_password
    assert unknown[0] in {200, 400}


@pytest.mark.parametrize("door", [form, token], ids=["login form", "token endpoint"])
def test_a_deactivated_account_with_its_password_is_answered_as_an_unknown_username(
    facility_a, door
):
    unknown = seen(door(NAME, RIGHT))
    forget_attempts()
    make_staff("custody", facility_a, username=NAME, is_active=False)
    assert seen(door(NAME, RIGHT)) == unknown


def hashes_spent(door, username) -> int:
    hasher = type(get_hasher())
    with mock.patch.object(hasher, "encode", autospec=True, side_effect=hasher.encode) as encode:
        door(username, WRONG)
    return encode.call_count


@pytest.mark.parametrize("door", [form, token], ids=["login form", "token endpoint"])
def test_an_unknown_username_costs_the_same_password_hashing_as_a_wrong_password(facility_a, door):
    make_staff("custody", facility_a, username=NAME)
    for_unknown = hashes_spent(door, "nobody-by-this-name")
    forget_attempts()
    for_known = hashes_spent(door, NAME)
    assert for_unknown == for_known >= 1


def locked_answer(door, username):
    for _attempt in range(django_settings.AXES_FAILURE_LIMIT):
        door(username, WRONG)
    return seen(door(username, WRONG))


@pytest.mark.parametrize("door", [form, token], ids=["login form", "token endpoint"])
def test_an_unknown_username_is_locked_out_with_the_same_answer(facility_a, door):
    unknown = locked_answer(door, NAME)
    forget_attempts()
    make_staff("custody", facility_a, username=NAME)
    known = locked_answer(door, NAME)
    assert unknown == known
    assert known[0] == 429
