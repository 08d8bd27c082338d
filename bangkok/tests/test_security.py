"""Security behaviour of the whole site (QUALITY.md S10 and S12).

Login throttling on every entry point (form, API token, admin), argon2, the session's idle
timeout, logout, the headers of signed-in pages, `check --deploy` with production settings,
and logs that never carry a password or a token.
"""

import logging
import os
import re
import secrets
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from conftest import client_for
from signin.models import ApiToken
from signin.tests.factories import token_for

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery staple"  # staff.tests.factories.UserFactory's password
WRONG = "not-her-password"
LOGIN_URL = "/accounts/login/"
TOKEN_URL = "/api/v1/auth/token/"
ADMIN_LOGIN_URL = "/admin/login/"


@pytest.fixture(autouse=True)
def _fresh_throttles():
    """Axes' attempt records start empty (DRF's throttle counts are the test's own: see the
    root conftest's private cache prefix)."""
    from axes.utils import reset

    reset()
    yield
    reset()


def _client(ip="127.0.0.1"):
    from django.test import Client

    return Client(REMOTE_ADDR=ip)


def form_login(client, username, password):
    return client.post(LOGIN_URL, {"username": username, "password": password})


def token_login(client, username, password):
    return client.post(
        TOKEN_URL, {"username": username, "password": password}, content_type="application/json"
    )


def admin_login(client, username, password):
    return client.post(
        ADMIN_LOGIN_URL, {"username": username, "password": password, "next": "/admin/"}
    )


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def fail_five_times(login, client, username):
    responses = [login(client, username, WRONG) for _ in range(django_settings.AXES_FAILURE_LIMIT)]
    assert all(r.status_code != 302 for r in responses)
    return responses


# -- headers of signed-in pages --------------------------------------------------------


def csp_directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


@pytest.mark.parametrize(
    "url",
    ["/", "/women/", "/tasks/", "women-detail"],
    ids=["dashboard", "women-list", "tasks", "woman-detail"],
)
def test_a_signed_in_page_is_never_stored_and_runs_only_its_own_scripts_and_styles(
    cast, woman_a, url
):
    if url == "women-detail":
        url = reverse("prisoners:detail", args=[woman_a.uuid])
    response = client_for(cast["reception"]).get(url)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    directives = csp_directives(response)
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


INLINE = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>|<style\b|\sstyle=|\son[a-z]+=",
    re.IGNORECASE,
)


@pytest.mark.parametrize("url", ["/", "/women/", "/tasks/", "women-detail"])
def test_a_signed_in_page_has_no_inline_script_or_style_the_policy_would_block(cast, woman_a, url):
    if url == "women-detail":
        url = reverse("prisoners:detail", args=[woman_a.uuid])
    html = client_for(cast["reception"]).get(url).content.decode()

    assert INLINE.findall(html) == []


def test_the_admin_for_a_signed_in_sysadmin_is_never_stored(cast):
    response = client_for(cast["sysadmin"]).get("/admin/")

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["X-Frame-Options"] == "DENY"
    assert "unsafe-inline" not in response["Content-Security-Policy"]


def test_an_api_answer_for_a_token_holder_is_never_stored(cast, woman_a):
    token = token_for(cast["reception"])
    response = _client().get("/api/v1/prisoners/", HTTP_AUTHORIZATION=f"Token {token}")

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["X-Frame-Options"] == "DENY"


def test_the_login_page_has_the_same_content_security_policy(db):
    response = _client().get(LOGIN_URL)

    assert response.status_code == 200
    directives = csp_directives(response)
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert response["X-Frame-Options"] == "DENY"


# -- lockout on every entry point --------------------------------------------------------


def test_the_lockout_limit_is_five_failures_per_username_and_twenty_per_source():
    assert django_settings.AXES_FAILURE_LIMIT == 5
    assert django_settings.AXES_SOURCE_FAILURE_LIMIT == 20
    assert django_settings.AXES_LOCKOUT_PARAMETERS == [["username"], ["ip_address"]]
    assert django_settings.AXES_ENABLED is True


def test_the_login_form_signs_in_with_the_right_password(cast):
    client = _client()
    response = form_login(client, "custody", PASSWORD)

    assert response.status_code == 302
    assert signed_in(client)


def test_the_login_form_locks_a_username_after_five_failures(cast):
    client = _client()
    first_four = [form_login(client, "custody", WRONG) for _ in range(4)]
    fifth = form_login(client, "custody", WRONG)

    assert [r.status_code for r in first_four] == [200] * 4
    assert fifth.status_code == 429
    assert "Too many failed sign-in attempts" in fifth.content.decode()


def test_after_lockout_the_login_form_refuses_even_the_right_password(cast):
    client = _client()
    fail_five_times(form_login, client, "custody")

    response = form_login(client, "custody", PASSWORD)

    assert response.status_code == 429
    assert not signed_in(client)


def test_the_login_form_lock_holds_for_that_username_from_every_address(cast):
    fail_five_times(form_login, _client("10.0.0.1"), "custody")

    same_name_other_address = _client("10.0.0.2")
    other_name_same_address = _client("10.0.0.1")

    assert form_login(same_name_other_address, "custody", PASSWORD).status_code == 429
    assert not signed_in(same_name_other_address)
    assert form_login(other_name_same_address, "health", PASSWORD).status_code == 302
    assert signed_in(other_name_same_address)


def test_the_token_endpoint_gives_a_token_for_the_right_password(cast):
    response = token_login(_client(), "custody", PASSWORD)

    assert response.status_code == 200
    token = ApiToken.objects.get(owner=cast["custody"])
    assert token.key_hash != response.json()["token"]  # only a hash of the key is kept
    assert (
        _client()
        .get("/api/v1/prisoners/", HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
        .status_code
        == 200
    )


def test_the_token_endpoint_refuses_a_wrong_password_without_a_token(cast):
    response = token_login(_client(), "custody", WRONG)

    assert response.status_code == 400
    assert "token" not in response.json()
    assert not ApiToken.objects.filter(owner=cast["custody"]).exists()


def test_the_token_endpoint_locks_a_username_after_five_failures(cast):
    client = _client()
    fail_five_times(token_login, client, "custody")

    response = token_login(client, "custody", PASSWORD)

    assert response.status_code != 200
    assert "token" not in response.json()
    assert not ApiToken.objects.filter(owner=cast["custody"]).exists()


def test_a_locked_out_token_request_is_told_so_rather_than_told_wrong_password(cast):
    client = _client()
    fail_five_times(token_login, client, "custody")

    response = token_login(client, "custody", PASSWORD)

    # As the form and the admin answer a lockout; 400 would say "wrong password".
    assert response.status_code == 429, (response.status_code, response.json())
    assert "Too many failed sign-in attempts" in response.json()["detail"]


def test_the_token_endpoint_lock_holds_for_that_username_from_every_address(cast):
    fail_five_times(token_login, _client("10.0.0.1"), "custody")

    assert token_login(_client("10.0.0.2"), "custody", PASSWORD).status_code == 429
    assert token_login(_client("10.0.0.1"), "health", PASSWORD).status_code == 200


def test_the_token_endpoint_is_throttled_per_minute(cast, settings):
    settings.AXES_SOURCE_FAILURE_LIMIT = 1000  # the throttle alone, not the source's lockout
    client = _client()
    statuses = [token_login(client, f"nobody{n}", WRONG).status_code for n in range(21)]

    assert statuses[:20] == [400] * 20
    assert statuses[20] == 429


def test_the_admin_login_signs_in_the_sysadmin_with_the_right_password(cast):
    client = _client()
    response = admin_login(client, "sysadmin", PASSWORD)

    assert response.status_code == 302
    assert signed_in(client)


def test_the_admin_login_locks_a_username_after_five_failures(cast):
    client = _client()
    fail_five_times(admin_login, client, "sysadmin")

    response = admin_login(client, "sysadmin", PASSWORD)

    assert response.status_code == 429
    assert not signed_in(client)


def test_the_admin_login_lock_holds_for_that_username_from_every_address(cast):
    fail_five_times(admin_login, _client("10.0.0.1"), "sysadmin")

    other_address = _client("10.0.0.2")

    assert admin_login(other_address, "sysadmin", PASSWORD).status_code == 429
    assert not signed_in(other_address)


def test_failures_on_one_entry_point_count_towards_the_lock_on_the_others(cast):
    client = _client()
    for _ in range(2):
        form_login(client, "custody", WRONG)
    for _ in range(3):
        token_login(client, "custody", WRONG)

    assert form_login(client, "custody", PASSWORD).status_code == 429
    assert not signed_in(client)


# -- passwords, logout, sessions --------------------------------------------------------


def test_production_hashes_passwords_with_argon2():
    import bangkok.settings as production

    assert production.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_a_login_with_the_real_argon2_hasher_works_end_to_end(facility_a, settings):
    from staff.tests.factories import make_staff

    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
    user = make_staff("custody", facility_a, username="argon")
    user.refresh_from_db()
    assert user.password.startswith("argon2")

    client = _client()
    response = form_login(client, "argon", PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard")
    assert client.get("/").status_code == 200
    assert token_login(_client(), "argon", PASSWORD).status_code == 200


def test_logout_by_get_is_refused_and_leaves_the_session_alone(cast):
    client = client_for(cast["custody"])

    assert client.get("/accounts/logout/").status_code == 405
    assert client.get("/").status_code == 200


def test_logout_by_post_ends_the_session(cast):
    client = _client()
    form_login(client, "custody", PASSWORD)
    session_key = client.session.session_key
    assert Session.objects.filter(session_key=session_key).exists()

    response = client.post("/accounts/logout/")

    assert response.status_code == 302
    assert response["Location"] == reverse("login")
    assert not Session.objects.filter(session_key=session_key).exists()
    after = client.get("/")
    assert after.status_code == 302
    assert after["Location"].startswith(reverse("login"))


def test_sessions_are_set_to_end_after_a_quiet_half_hour_with_http_only_cookies():
    assert django_settings.SESSION_COOKIE_AGE == 30 * 60
    assert django_settings.SESSION_RENEW_SECONDS < django_settings.SESSION_COOKIE_AGE
    assert django_settings.SESSION_COOKIE_HTTPONLY is True
    assert django_settings.CSRF_COOKIE_HTTPONLY is True


def _session_ends(client):
    return Session.objects.get(session_key=client.session.session_key).expire_date


def _later(monkeypatch, seconds):
    moment = timezone.now() + timedelta(seconds=seconds)
    monkeypatch.setattr("django.utils.timezone.now", lambda: moment)


def test_a_request_renews_her_session_once_a_minute_not_on_every_request(cast, monkeypatch):
    client = _client()
    form_login(client, "custody", PASSWORD)
    signed_in_until = _session_ends(client)

    assert client.get("/").status_code == 200
    assert _session_ends(client) == signed_in_until  # renewed at sign-in: nothing written

    _later(monkeypatch, django_settings.SESSION_RENEW_SECONDS + 1)
    assert client.get("/").status_code == 200
    assert _session_ends(client) > signed_in_until + timedelta(
        seconds=django_settings.SESSION_RENEW_SECONDS
    )


def test_a_session_used_every_few_seconds_is_kept_but_a_quiet_half_hour_ends_it(cast, monkeypatch):
    client = _client()
    form_login(client, "custody", PASSWORD)
    start = timezone.now()
    # Busy for longer than the idle limit, a request every 50 seconds: she stays in.
    for step in range(0, django_settings.SESSION_COOKIE_AGE + 120, 50):
        moment = start + timedelta(seconds=step)
        monkeypatch.setattr("django.utils.timezone.now", lambda moment=moment: moment)
        if step % 600 == 0:
            assert client.get("/").status_code == 200
        else:
            client.get("/healthz")
    # Then quiet for the idle limit: signed out.
    _later(monkeypatch, django_settings.SESSION_COOKIE_AGE + 1)
    after = client.get("/")
    assert after.status_code == 302
    assert after["Location"].startswith(reverse("login"))


def test_the_session_cookie_set_at_login_is_http_only_and_same_site(cast):
    client = _client()
    response = form_login(client, "custody", PASSWORD)

    cookie = response.cookies[django_settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


class Clock:
    """timezone.now, moved on by hand: sessions expire by the database's expire_date."""

    def __init__(self, monkeypatch):
        self.offset = timedelta()
        real_now = timezone.now
        monkeypatch.setattr(timezone, "now", lambda: real_now() + self.offset)

    def advance(self, **delta):
        self.offset += timedelta(**delta)


def test_a_quiet_half_hour_signs_her_out(cast, monkeypatch):
    clock = Clock(monkeypatch)
    client = _client()
    form_login(client, "custody", PASSWORD)
    assert client.get("/").status_code == 200

    clock.advance(minutes=31)
    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_every_request_renews_the_half_hour(cast, monkeypatch):
    clock = Clock(monkeypatch)
    client = _client()
    form_login(client, "custody", PASSWORD)

    for _ in range(3):  # an hour and a half of work, never quiet for 30 minutes
        clock.advance(minutes=29)
        assert client.get("/").status_code == 200


# -- production settings ------------------------------------------------------------------


def production_env() -> dict[str, str]:
    """Only what a production host sets: nothing of the test run leaks in (for instance the
    root conftest's DJANGO_ALLOW_ASYNC_UNSAFE, which check --deploy rightly refuses)."""
    env = {key: os.environ[key] for key in ("PATH", "HOME", "LANG", "TMPDIR") if key in os.environ}
    env.update(
        {
            "DEBUG": "0",
            "HTTPS": "1",
            "SECRET_KEY": secrets.token_urlsafe(45),  # 60 characters
            "ALLOWED_HOSTS": "prison.example",
            "DATABASE_URL": os.environ["DATABASE_URL"],
            "DJANGO_SETTINGS_MODULE": "bangkok.settings",
        }
    )
    assert len(env["SECRET_KEY"]) == 60
    return env


def test_check_deploy_is_clean_with_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_send_hsts_and_secure_cookies():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_SSL_REDIRECT, "
        "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.DEBUG)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )

    assert result.stdout.split() == ["31536000", "True", "True", "True", "True", "False"]


# -- logs -------------------------------------------------------------------------------------

CANARY_PASSWORD = "Canary-Pw-7f3a9c1e-do-not-log"
CANARY_WRONG = "Canary-Wrong-4b2d8e6f-do-not-log"


def everything_logged(records) -> str:
    parts = []
    for record in records:
        parts.append(record.getMessage())
        parts.append(repr(record.args))
        parts.append(repr({k: v for k, v in vars(record).items() if k not in {"msg", "args"}}))
        if record.exc_info:
            parts.append(logging.Formatter().formatException(record.exc_info))
    return "\n".join(parts)


def test_logs_carry_no_password_or_token(cast, caplog):
    user = cast["custody"]
    user.set_password(CANARY_PASSWORD)
    user.save(update_fields=["password"])
    caplog.set_level(logging.DEBUG)
    for name in ("django", "django.request", "django.security", "axes", "rest_framework"):
        caplog.set_level(logging.DEBUG, logger=name)

    form_login(_client(), "custody", CANARY_WRONG)
    client = _client()
    assert form_login(client, "custody", CANARY_PASSWORD).status_code == 302
    client.get("/")
    token_login(_client(), "custody", CANARY_WRONG)
    response = token_login(_client(), "custody", CANARY_PASSWORD)
    assert response.status_code == 200
    token = response.json()["token"]
    _client().get("/api/v1/prisoners/", HTTP_AUTHORIZATION=f"Token {token}")
    admin_login(_client(), "custody", CANARY_WRONG)

    logged = everything_logged(caplog.records) + caplog.text
    assert caplog.records, "nothing was captured: the scan would prove nothing"
    assert CANARY_PASSWORD not in logged
    assert CANARY_WRONG not in logged
    assert token not in logged
    assert django_settings.SECRET_KEY not in logged


def test_only_the_api_docs_page_may_use_inline_styles_and_never_inline_scripts(cast, client):
    client.force_login(cast["custody"])
    docs = client.get("/api/docs/")["Content-Security-Policy"]
    assert "style-src 'self' 'unsafe-inline'" in docs
    assert "script-src 'self';" in docs + ";"
    assert "unsafe-inline" not in client.get("/accounts/login/")["Content-Security-Policy"]
