"""API tokens of our own (issue "Trust I", QUALITY S10): a hash stored, the key shown once;
refused when expired, idle, revoked, or when the owner is inactive, locked out or has a new
password; listed and revoked by their owner, and by the account manager in the admin."""

import hashlib
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from audit.models import AuditEvent
from signin.models import ApiToken
from signin.tests.factories import token_for
from signin.tokens import hash_key, issue_token
from staff.signals import credentials_changed

from .helpers import PASSWORD, Clock, code_for, enrol, verified_client

pytestmark = pytest.mark.django_db

TOKEN_URL = "/api/v1/auth/token/"
LIST_URL = "/api/v1/auth/tokens/"


def api(key, url="/api/v1/prisoners/", method="get"):
    return getattr(Client(), method)(url, HTTP_AUTHORIZATION=f"Token {key}")


def ask_for_token(username, ip="127.0.0.1", **extra):
    return Client(REMOTE_ADDR=ip).post(
        TOKEN_URL,
        {"username": username, "password": PASSWORD, **extra},
        content_type="application/json",
    )


# -- what is stored ---------------------------------------------------------------------------


def test_only_a_hash_of_the_key_is_stored_and_the_key_is_shown_once(cast):
    response = ask_for_token("custody", name="Nightly export")

    assert response.status_code == 200
    key = response.json()["token"]
    token = ApiToken.objects.get(owner=cast["custody"])
    assert token.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert token.name == "Nightly export"
    stored = " ".join(
        str(v) for v in ApiToken.objects.filter(pk=token.pk).values().first().values()
    )
    assert key not in stored
    assert api(key).status_code == 200
    listed = Client().get(LIST_URL, HTTP_AUTHORIZATION=f"Token {key}")
    assert key not in listed.content.decode()
    event = AuditEvent.objects.get(action="signin.token_issued")
    assert event.actor == cast["custody"] and key not in str(event.detail)


def test_every_sign_in_at_the_endpoint_issues_a_new_token(cast):
    first = ask_for_token("custody").json()["token"]
    second = ask_for_token("custody").json()["token"]

    assert first != second
    assert ApiToken.objects.filter(owner=cast["custody"]).count() == 2
    assert api(first).status_code == 200 and api(second).status_code == 200


def test_the_token_says_when_it_expires(cast, settings):
    settings.API_TOKEN_MAX_DAYS = 30
    body = ask_for_token("custody").json()

    token = ApiToken.objects.get(uuid=body["id"])
    assert token.expires_at - token.created_at == timedelta(days=30)
    assert body["idle_days"] == settings.API_TOKEN_IDLE_DAYS


# -- refused ------------------------------------------------------------------------------------


def test_a_token_stops_working_at_its_absolute_limit_even_in_daily_use(cast, settings, monkeypatch):
    settings.API_TOKEN_MAX_DAYS = 10
    settings.API_TOKEN_IDLE_DAYS = 3
    clock = Clock(monkeypatch)
    key = token_for(cast["custody"])

    for _ in range(9):
        clock.advance(days=1)
        assert api(key).status_code == 200
    clock.advance(days=1, seconds=1)

    response = api(key)
    assert response.status_code == 401
    assert "Malee" not in response.content.decode()


def test_a_token_unused_for_the_idle_limit_stops_working(cast, settings, monkeypatch):
    settings.API_TOKEN_IDLE_DAYS = 3
    clock = Clock(monkeypatch)
    used = token_for(cast["custody"])
    unused = token_for(cast["custody"])

    clock.advance(days=2)
    assert api(used).status_code == 200
    assert ApiToken.objects.get(key_hash=hash_key(used)).last_used_at is not None
    clock.advance(days=2)

    assert api(used).status_code == 200  # used two days ago
    assert api(unused).status_code == 401  # four days without use


def test_a_revoked_token_is_refused(cast):
    issued = issue_token(user=cast["custody"])
    issued.token.revoked_at = timezone.now()
    issued.token.revoked_reason = ApiToken.Revoked.OWNER
    issued.token.save()

    assert api(issued.key).status_code == 401


def test_a_deactivated_owners_token_is_refused(cast):
    key = token_for(cast["custody"])
    cast["custody"].is_active = False
    cast["custody"].save(update_fields=["is_active"])

    assert api(key).status_code == 401


def test_a_locked_out_owners_token_is_refused_until_the_lock_ends(cast, settings):
    key = token_for(cast["custody"])
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attacker.post("/accounts/login/", {"username": "custody", "password": "wrong"})

    assert api(key).status_code == 401

    from axes.utils import reset

    reset(username="custody")
    assert api(key).status_code == 200


def failures_of(username: str, count: int):
    from axes.models import AccessAttempt

    return AccessAttempt.objects.create(
        username=username,
        ip_address="203.0.113.9",
        user_agent="",
        get_data="",
        post_data="",
        http_accept="",
        path_info="/accounts/login/",
        failures_since_start=count,
    )


def test_only_her_failures_within_the_cool_off_count_up_to_the_limit(cast, settings):
    """The lockout her token reads with her account counts as the sign-in's does."""
    from axes.models import AccessAttempt

    key = token_for(cast["custody"])
    attempt = failures_of("custody", settings.AXES_FAILURE_LIMIT - 1)
    assert api(key).status_code == 200  # one short of the limit

    AccessAttempt.objects.filter(pk=attempt.pk).update(
        failures_since_start=settings.AXES_FAILURE_LIMIT,
        attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(seconds=1),
    )
    assert api(key).status_code == 200  # at the limit, but before the cool-off began

    AccessAttempt.objects.filter(pk=attempt.pk).update(attempt_time=timezone.now())
    assert api(key).status_code == 401

    failures_of("someone else", settings.AXES_FAILURE_LIMIT)
    assert api(token_for(cast["reception"])).status_code == 200


def test_a_new_password_ends_her_tokens_by_construction(cast):
    key = token_for(cast["custody"])
    cast["custody"].set_password("a brand new pass phrase")
    cast["custody"].save()

    assert api(key).status_code == 401


def test_when_her_credentials_change_her_tokens_are_revoked_and_audited(cast):
    keys = [token_for(cast["custody"]) for _ in range(2)]
    other = token_for(cast["reception"])

    credentials_changed.send(sender=type(cast["custody"]), user=cast["custody"], reason="reset")

    tokens = ApiToken.objects.filter(owner=cast["custody"])
    assert {t.revoked_reason for t in tokens} == {"reset"}
    assert all(api(key).status_code == 401 for key in keys)
    assert api(other).status_code == 200
    assert AuditEvent.objects.filter(action="signin.token_revoked").count() == 2


def test_an_administrators_password_reset_revokes_her_tokens(
    cast, django_capture_on_commit_callbacks
):
    from staff import services

    key = token_for(cast["custody"])
    with django_capture_on_commit_callbacks(execute=True):
        services.reset_password(
            user=cast["custody"], password="temporary pass phrase", by=cast["sysadmin"]
        )

    assert api(key).status_code == 401
    assert ApiToken.objects.get(owner=cast["custody"]).revoked_reason == "reset"


def test_a_superusers_token_is_refused(cast):
    key = token_for(cast["custody"])
    cast["custody"].is_superuser = True
    cast["custody"].save(update_fields=["is_superuser"])

    assert api(key).status_code == 401


def test_after_a_password_change_the_endpoint_gives_a_new_token(cast):
    old = ask_for_token("custody").json()["token"]
    cast["custody"].set_password("a brand new pass phrase")
    cast["custody"].save()
    credentials_changed.send(sender=type(cast["custody"]), user=cast["custody"], reason="password")

    response = Client().post(
        TOKEN_URL,
        {"username": "custody", "password": "a brand new pass phrase"},
        content_type="application/json",
    )

    assert response.status_code == 200
    assert api(old).status_code == 401
    assert api(response.json()["token"]).status_code == 200


# -- the token endpoint and two-factor sign-in ------------------------------------------------


def test_the_endpoint_asks_for_a_code_from_those_who_sign_in_with_two_factors(cast):
    device = enrol(cast["health"], codes=("abcd2345",))

    missing = ask_for_token("health")
    assert missing.status_code == 400
    assert "otp" in missing.json()
    wrong = ask_for_token("health", otp="000000" if code_for(device) != "000000" else "111111")
    assert wrong.status_code == 400
    assert not ApiToken.objects.filter(owner=cast["health"]).exists()


def test_the_endpoint_gives_a_token_for_the_right_code(cast):
    device = enrol(cast["health"])

    response = ask_for_token("health", otp=code_for(device))

    assert response.status_code == 200
    assert api(response.json()["token"]).status_code == 200


def test_the_endpoint_takes_a_recovery_code_once(cast, monkeypatch):
    enrol(cast["health"], codes=("abcd2345",))

    assert ask_for_token("health", otp="abcd2345").status_code == 200
    Clock(monkeypatch).advance(seconds=5)
    assert ask_for_token("health", otp="abcd2345").status_code == 400
    assert ApiToken.objects.filter(owner=cast["health"]).count() == 1


def test_wrong_codes_at_the_endpoint_lock_her_out(cast, settings, monkeypatch):
    clock = Clock(monkeypatch)
    device = enrol(cast["health"])
    wrong = "000000" if code_for(device) != "000000" else "111111"

    statuses = []
    for _ in range(settings.AXES_FAILURE_LIMIT):
        clock.advance(seconds=60)
        statuses.append(ask_for_token("health", otp=wrong).status_code)

    assert statuses[-1] == 429
    assert ask_for_token("health", otp=code_for(device)).status_code == 429
    assert not ApiToken.objects.filter(owner=cast["health"]).exists()


def test_someone_not_yet_enrolled_is_told_to_enrol_on_the_web(cast):
    response = ask_for_token("health", otp="123456")

    assert response.status_code == 400
    assert "web" in response.json()["otp"][0]
    assert not ApiToken.objects.filter(owner=cast["health"]).exists()


def test_custody_needs_no_code(cast):
    assert ask_for_token("custody").status_code == 200


# -- her own list ------------------------------------------------------------------------------


def test_she_lists_her_own_tokens_only_and_never_their_keys(cast):
    mine = [issue_token(user=cast["custody"], name=f"script {n}") for n in range(2)]
    issue_token(user=cast["reception"], name="not hers")

    response = Client().get(LIST_URL, HTTP_AUTHORIZATION=f"Token {mine[0].key}")

    assert response.status_code == 200
    names = [row["name"] for row in response.json()["results"]]
    assert sorted(names) == ["script 0", "script 1"]
    assert [row["current"] for row in response.json()["results"] if row["name"] == "script 0"] == [
        True
    ]
    assert all(issued.key not in response.content.decode() for issued in mine)


def test_she_revokes_her_own_token_through_the_api(cast):
    keep = issue_token(user=cast["custody"], name="keep")
    drop = issue_token(user=cast["custody"], name="drop")

    response = api(keep.key, f"{LIST_URL}{drop.token.uuid}/revoke/", method="post")

    assert response.status_code == 200
    assert response.json()["status"] == "revoked"
    assert api(drop.key).status_code == 401
    assert api(keep.key).status_code == 200
    event = AuditEvent.objects.get(action="signin.token_revoked")
    assert event.actor == cast["custody"] and event.detail["reason"] == "owner"


def test_she_cannot_revoke_someone_elses_token(cast):
    mine = issue_token(user=cast["custody"])
    hers = issue_token(user=cast["reception"])

    response = api(mine.key, f"{LIST_URL}{hers.token.uuid}/revoke/", method="post")

    assert response.status_code == 404
    hers.token.refresh_from_db()
    assert hers.token.revoked_at is None
    assert not AuditEvent.objects.filter(action="signin.token_revoked").exists()


def test_her_page_lists_and_revokes_her_tokens(cast):
    issued = issue_token(user=cast["custody"], name="Report script")
    other = issue_token(user=cast["reception"], name="Someone else's")
    client = Client()
    client.force_login(cast["custody"])

    page = client.get("/accounts/sign-in/").content.decode()
    assert "Report script" in page and "Someone else" not in page
    assert issued.key not in page

    assert client.post(f"/accounts/tokens/{other.token.uuid}/revoke/").status_code == 404
    response = client.post(f"/accounts/tokens/{issued.token.uuid}/revoke/")

    assert response.status_code == 302
    issued.token.refresh_from_db()
    other.token.refresh_from_db()
    assert issued.token.revoked_reason == "owner"
    assert other.token.revoked_at is None


def test_her_list_costs_the_same_queries_however_many_tokens(cast):
    key = token_for(cast["custody"])
    client = Client()
    client.force_login(cast["custody"])

    def count(url, **headers):
        with CaptureQueriesContext(connection) as queries:
            response = Client().get(url, **headers) if headers else client.get(url)
        assert response.status_code == 200
        return len(queries)

    count(LIST_URL, HTTP_AUTHORIZATION=f"Token {key}")  # notes the token's use, once
    api_before = count(LIST_URL, HTTP_AUTHORIZATION=f"Token {key}")
    page_before = count("/accounts/sign-in/")
    for n in range(5):
        issue_token(user=cast["custody"], name=f"more {n}")
    assert count(LIST_URL, HTTP_AUTHORIZATION=f"Token {key}") == api_before
    assert count("/accounts/sign-in/") == page_before


# -- the account manager ------------------------------------------------------------------------


def test_the_account_manager_lists_and_revokes_anyones_tokens_in_the_admin(cast):
    issued = issue_token(user=cast["custody"], name="Officer's script")
    device = enrol(cast["sysadmin"])
    admin = verified_client(cast["sysadmin"], device)

    listing = admin.get("/admin/signin/apitoken/").content.decode()
    assert "Officer&#x27;s script" in listing or "Officer's script" in listing
    assert issued.key not in listing
    response = admin.post(
        "/admin/signin/apitoken/", {"action": "revoke", "_selected_action": [issued.token.pk]}
    )

    assert response.status_code == 302
    issued.token.refresh_from_db()
    assert issued.token.revoked_reason == "administrator"
    assert issued.token.revoked_by == cast["sysadmin"]
    assert api(issued.key).status_code == 401
    assert AuditEvent.objects.filter(action="signin.token_revoked", actor=cast["sysadmin"]).exists()


def test_the_admin_never_adds_or_edits_a_token(cast):
    issued = issue_token(user=cast["custody"])
    device = enrol(cast["sysadmin"])
    admin = verified_client(cast["sysadmin"], device)

    assert admin.get("/admin/signin/apitoken/add/").status_code in {403, 404}
    assert admin.post(
        f"/admin/signin/apitoken/{issued.token.pk}/change/", {"name": "x"}
    ).status_code in {403, 404}
    issued.token.refresh_from_db()
    assert issued.token.name != "x"
