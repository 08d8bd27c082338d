"""Throttles and lockouts every worker shares (issue "Trust I", QUALITY S10): the token
endpoint's throttle counts per client address in the shared cache, X-Forwarded-For believed
only from a trusted proxy; a username is locked from every source, and a source that tries
many usernames (password spraying) is locked too."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.cache.backends.db import DatabaseCache
from django.test import Client, RequestFactory

from bangkok.security import client_ip
from signin.throttling import ClientScopedRateThrottle

from .helpers import PASSWORD

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
TOKEN_URL = "/api/v1/auth/token/"
WRONG = "not-her-password"


def token_login(username, password=WRONG, ip="198.51.100.7", **headers):
    return Client(REMOTE_ADDR=ip).post(
        TOKEN_URL,
        {"username": username, "password": password},
        content_type="application/json",
        **headers,
    )


def form_login(username, password=WRONG, ip="198.51.100.7"):
    return Client(REMOTE_ADDR=ip).post(
        "/accounts/login/", {"username": username, "password": password}
    )


# -- the client address ---------------------------------------------------------------------


def request(remote, forwarded=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


def test_with_no_trusted_proxy_the_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []

    assert client_ip(request("203.0.113.5", "10.9.9.9")) == "203.0.113.5"


def test_a_forwarded_header_from_anyone_but_a_trusted_proxy_is_ignored(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24"]

    assert client_ip(request("203.0.113.5", "192.0.2.1")) == "203.0.113.5"


def test_behind_trusted_proxies_the_client_is_the_first_untrusted_hop_from_the_right(settings):
    settings.TRUSTED_PROXIES = ["10.0.0.0/24", "172.16.0.2"]

    # What the client wrote herself (the left part) never counts.
    assert client_ip(request("10.0.0.1", "1.1.1.1, 192.0.2.1")) == "192.0.2.1"
    assert client_ip(request("10.0.0.1", "1.1.1.1, 192.0.2.1, 172.16.0.2")) == "192.0.2.1"
    assert client_ip(request("10.0.0.1", "")) == "10.0.0.1"
    assert client_ip(request("10.0.0.1", "not-an-address")) == "10.0.0.1"


# -- the token endpoint's throttle -------------------------------------------------------------


@pytest.fixture
def no_lockouts(settings):
    """The throttle alone: the lockouts are tested below."""
    settings.AXES_ENABLED = False


def test_a_spoofed_forwarded_header_doesnt_escape_the_token_throttle(db, no_lockouts, settings):
    settings.TRUSTED_PROXIES = []
    statuses = [
        token_login(f"nobody{n}", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}").status_code
        for n in range(21)
    ]

    assert statuses[:20] == [400] * 20
    assert statuses[20] == 429


def test_behind_a_trusted_proxy_each_client_has_her_own_count(db, no_lockouts, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    for n in range(20):
        token_login(f"nobody{n}", ip="10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.1")

    assert token_login("x", ip="10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.1").status_code == 429
    assert token_login("x", ip="10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.2").status_code == 400


def _throttle(cache):
    throttle = ClientScopedRateThrottle()
    throttle.cache = cache
    return throttle


class View:
    throttle_scope = "token"


def _allowed(throttle, ip="198.51.100.7") -> bool:
    from rest_framework.request import Request

    return throttle.allow_request(Request(request(ip)), View())


def test_two_workers_share_the_count_in_redis():
    """Two cache clients, as two worker processes have: what one counts, the other sees."""
    from django.core.cache.backends.redis import RedisCache

    assert django_settings.CACHES["default"]["BACKEND"].endswith("RedisCache")
    location = os.environ["REDIS_URL"]
    prefix = django_settings.CACHES["default"]["KEY_PREFIX"]
    first = _throttle(RedisCache(location, {"KEY_PREFIX": prefix}))
    second = _throttle(RedisCache(location, {"KEY_PREFIX": prefix}))
    assert first.cache._cache.get_client() is not second.cache._cache.get_client()

    assert all(_allowed(first) for _ in range(20))
    assert not _allowed(second)


def test_two_workers_share_the_count_in_the_database_without_redis():
    """The database cache's table comes from a migration, and two workers' caches on it
    share the count."""
    table = django_settings.CACHE_TABLE
    first = _throttle(DatabaseCache(table, {"KEY_PREFIX": "workers"}))
    second = _throttle(DatabaseCache(table, {"KEY_PREFIX": "workers"}))

    assert all(_allowed(first) for _ in range(20))
    assert not _allowed(second)


def cache_backend(env: dict) -> str:
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.CACHES['default']['BACKEND'])"
    )
    base = {k: os.environ[k] for k in ("PATH", "HOME", "DATABASE_URL") if k in os.environ}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**base, "SECRET_KEY": "x", "DJANGO_SETTINGS_MODULE": "bangkok.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.strip()


def test_the_shared_store_is_redis_when_there_is_one_else_the_database():
    assert cache_backend({"REDIS_URL": "redis://127.0.0.1:6379/0"}).endswith("RedisCache")
    assert cache_backend({}).endswith("DatabaseCache")


# -- lockouts ------------------------------------------------------------------------------------


def test_spraying_many_usernames_from_one_source_locks_the_source(cast, settings):
    settings.AXES_SOURCE_FAILURE_LIMIT = 20
    for n in range(20):
        form_login(f"guess{n}", ip="203.0.113.66")

    # Even a real username with its right password is refused from that source, on every door,
    response = form_login("custody", PASSWORD, ip="203.0.113.66")
    assert response.status_code == 429
    assert token_login("custody", PASSWORD, ip="203.0.113.66").status_code == 429
    # and from elsewhere she signs in.
    assert form_login("custody", PASSWORD, ip="198.51.100.1").status_code == 302


def test_fewer_failures_than_the_source_limit_lock_nobody_else(cast, settings):
    settings.AXES_SOURCE_FAILURE_LIMIT = 20
    for n in range(19):
        form_login(f"guess{n}", ip="203.0.113.66")

    assert form_login("custody", PASSWORD, ip="203.0.113.66").status_code == 302


def test_many_sources_against_one_username_lock_the_username(cast, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        form_login("custody", ip=f"203.0.113.{n + 1}")

    assert form_login("custody", PASSWORD, ip="198.51.100.1").status_code == 429
    assert token_login("custody", PASSWORD, ip="198.51.100.2").status_code == 429
    assert form_login("reception", PASSWORD, ip="203.0.113.1").status_code == 302


def test_her_right_password_doesnt_wipe_a_sources_spraying_record(cast, settings):
    settings.AXES_SOURCE_FAILURE_LIMIT = 20
    for n in range(19):
        form_login(f"guess{n}", ip="203.0.113.66")
    assert form_login("custody", PASSWORD, ip="203.0.113.66").status_code == 302

    form_login("guess-more", ip="203.0.113.66")

    assert form_login("reception", PASSWORD, ip="203.0.113.66").status_code == 429
