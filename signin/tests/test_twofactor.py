"""Two-factor sign-in (QUALITY S10; issue "Trust I"): enrolment, sign-in with a code or a
recovery code, wrong codes throttled and locked out, and a session that hasn't passed the
second factor reaching nothing but the verify, enrol and sign-out pages."""

import re

import pytest
from django.conf import settings as django_settings
from django.shortcuts import resolve_url
from django.test import Client
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.models import AuditEvent
from signin import twofactor
from signin.twofactor import stored_recovery_code

from .helpers import PASSWORD, Clock, code_for, enrol, password_login, verified_client

pytestmark = pytest.mark.django_db

VERIFY = "/accounts/two-factor/verify/"
ENROL = "/accounts/two-factor/enrol/"
INLINE = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>|<style\b|\sstyle=|\son[a-z]+=",
    re.IGNORECASE,
)


def audit_actions(user) -> list[str]:
    return list(
        AuditEvent.objects.filter(subject_id=str(user.pk), action__startswith="signin.")
        .order_by("id")
        .values_list("action", flat=True)
    )


# -- who must use it ---------------------------------------------------------------------


def test_every_role_that_reads_confidential_records_and_the_account_manager_must_verify(cast):
    must = {role for role, user in cast.items() if twofactor.required_for(user)}

    assert must == {
        "reception",
        "health",
        "social",
        "safeguarding",
        "governor",
        "inspector",
        "sysadmin",
        "outsider",  # reception at facility B
    }


def test_it_is_on_unless_the_setting_turns_it_off(cast, settings):
    settings.OTP_REQUIRED = False

    assert not twofactor.required_for(cast["health"])
    assert twofactor.is_verified(cast["health"])


def test_the_production_default_is_on():
    import bangkok.settings as production

    assert production.OTP_REQUIRED is True


# -- enrolment -----------------------------------------------------------------------------


def test_after_her_password_she_is_sent_to_enrol_and_confirms_with_a_code(cast):
    health = cast["health"]
    client = password_login("health")

    assert client.get("/women/")["Location"] == f"{ENROL}?next=%2Fwomen%2F"
    page = client.get(ENROL)
    assert page.status_code == 200
    html = page.content.decode()
    assert "<svg" in html  # the QR code, drawn on the server
    device = TOTPDevice.objects.get(user=health, confirmed=False)
    assert twofactor.secret_text(device) in html  # and the secret, to type in by hand
    assert INLINE.findall(html) == []
    assert client.get(ENROL).content.decode().count(twofactor.secret_text(device)) == 1

    response = client.post(ENROL, {"code": code_for(device), "next": "/women/"})

    assert response.status_code == 200
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", response.content.decode())
    assert len(codes) == 10
    assert {stored_recovery_code(health.pk, code) for code in codes} == set(
        StaticToken.objects.filter(device__user=health).values_list("token", flat=True)
    )
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/women/").status_code == 200
    assert audit_actions(health) == ["signin.two_factor_enrolled"]
    # The codes were shown once: enrolment is over, and no page shows them again.
    again = client.get(ENROL)
    assert again.status_code == 302
    assert codes[0] not in client.get("/accounts/sign-in/").content.decode()


def test_a_wrong_code_at_enrolment_confirms_nothing(cast):
    client = password_login("health")
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=cast["health"])
    wrong = f"{(int(code_for(device)) + 1) % 1000000:06d}"

    response = client.post(ENROL, {"code": wrong})

    assert response.status_code == 400
    assert "That code is not right" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    assert not StaticToken.objects.filter(device__user=cast["health"]).exists()
    assert client.get("/women/").status_code == 302
    assert audit_actions(cast["health"]) == []


def test_custody_signs_in_with_a_password_alone_but_may_enrol(cast):
    client = password_login("custody")
    assert client.get("/women/").status_code == 200

    enrol(cast["custody"])
    later = password_login("custody")

    assert later.get("/women/")["Location"].startswith(VERIFY)


# -- signing in ------------------------------------------------------------------------------


def test_with_a_device_she_enters_her_code_before_any_page(cast):
    device = enrol(cast["health"])
    client = password_login("health")

    assert client.get("/women/")["Location"] == f"{VERIFY}?next=%2Fwomen%2F"
    response = client.post(VERIFY, {"code": code_for(device), "next": "/women/"})

    assert response.status_code == 302
    assert response["Location"] == "/women/"
    assert client.get("/women/").status_code == 200


@pytest.mark.parametrize(
    "outside", ["https://elsewhere.example/", "//elsewhere.example/women/", "/\\elsewhere.example"]
)
def test_after_her_code_she_goes_only_to_a_page_of_this_site(cast, outside):
    device = enrol(cast["health"])
    client = password_login("health")

    response = client.post(VERIFY, {"code": code_for(device), "next": outside})

    assert response.status_code == 302
    assert response["Location"] == resolve_url(django_settings.LOGIN_REDIRECT_URL)
    assert client.get("/women/").status_code == 200


def test_a_recovery_code_signs_her_in_once(cast):
    enrol(cast["health"], codes=("abcd2345", "efgh6723"))

    first = password_login("health")
    assert first.post(VERIFY, {"code": "ABCD 2345"}).status_code == 302
    assert first.get("/women/").status_code == 200
    assert list(StaticToken.objects.values_list("token", flat=True)) == [
        stored_recovery_code(cast["health"].pk, "efgh6723")
    ]
    assert "signin.recovery_code_used" in audit_actions(cast["health"])

    second = password_login("health", ip="10.0.0.9")
    response = second.post(VERIFY, {"code": "abcd2345"})

    assert response.status_code == 400
    assert second.get("/women/").status_code == 302


def test_she_can_make_new_recovery_codes_and_the_old_ones_stop_working(cast, monkeypatch):
    clock = Clock(monkeypatch)
    device = enrol(cast["health"], codes=("abcd2345",))
    client = verified_client(cast["health"], device)

    response = client.post("/accounts/two-factor/recovery-codes/")

    assert response.status_code == 200
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", response.content.decode())
    assert len(codes) == 10 and "abcd2345" not in codes
    assert password_login("health").post(VERIFY, {"code": "abcd2345"}).status_code == 400
    clock.advance(seconds=2)  # past the throttle after that wrong code
    assert (
        password_login("health", ip="10.0.0.2").post(VERIFY, {"code": codes[0]}).status_code == 302
    )
    assert audit_actions(cast["health"]).count("signin.recovery_codes_issued") == 1
    # The database keeps none of the codes she was shown, only what proves them.
    kept = set(StaticToken.objects.values_list("token", flat=True))
    assert not kept & set(codes)
    assert kept == {stored_recovery_code(cast["health"].pk, code) for code in codes[1:]}


# -- wrong codes -------------------------------------------------------------------------------


def test_a_right_code_straight_after_a_wrong_one_waits_for_the_throttle(cast, monkeypatch):
    clock = Clock(monkeypatch)
    device = enrol(cast["health"])
    client = password_login("health")

    assert (
        client.post(
            VERIFY, {"code": "000000" if code_for(device) != "000000" else "111111"}
        ).status_code
        == 400
    )
    assert client.post(VERIFY, {"code": code_for(device)}).status_code == 400  # too soon

    clock.advance(seconds=3)
    assert client.post(VERIFY, {"code": code_for(device)}).status_code == 302


def test_five_wrong_codes_lock_her_out_like_five_wrong_passwords(cast, monkeypatch):
    clock = Clock(monkeypatch)
    device = enrol(cast["health"])
    client = password_login("health")
    wrong = "000000" if code_for(device) != "000000" else "111111"

    statuses = []
    for _ in range(django_settings.AXES_FAILURE_LIMIT):
        clock.advance(seconds=60)  # past the device's own throttle: only the lockout counts
        statuses.append(client.post(VERIFY, {"code": wrong}).status_code)

    assert statuses[:-1] == [400] * (django_settings.AXES_FAILURE_LIMIT - 1)
    assert statuses[-1] == 429
    assert "_auth_user_id" not in client.session  # signed out
    # Locked: neither her password (from anywhere) nor her code gets her in.
    again = Client(REMOTE_ADDR="10.0.0.7")
    response = again.post("/accounts/login/", {"username": "health", "password": PASSWORD})
    assert response.status_code == 429
    assert not TOTPDevice.objects.get(pk=device.pk).last_used_at


# -- a session that hasn't verified ---------------------------------------------------------


def test_an_unverified_session_reaches_only_the_verify_enrol_and_sign_out_pages(cast, woman_a):
    enrol(cast["health"])
    client = password_login("health")

    for url in [
        "/",
        "/women/",
        f"/women/{woman_a.uuid}/",
        "/tasks/",
        "/accounts/sign-in/",
        "/api/docs/",
    ]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(VERIFY), url
    assert client.get(VERIFY).status_code == 200
    assert client.post("/accounts/logout/").status_code == 302
    assert "_auth_user_id" not in client.session


def test_the_api_refuses_an_unverified_session_with_403(cast, woman_a):
    enrol(cast["health"])
    client = password_login("health")

    for url in [
        "/api/v1/prisoners/",
        f"/api/v1/prisoners/{woman_a.uuid}/",
        "/api/v1/auth/tokens/",
        "/api/schema/",
    ]:
        response = client.get(url)
        assert response.status_code == 403, url
        assert "authenticator" in response.json()["detail"]
        assert "Malee" not in response.content.decode()


def test_the_api_itself_refuses_an_unverified_session_whatever_header_came_with_it(cast):
    """The middleware lets a request with an Authorization header through to the API, which
    authenticates that header alone: a header that is no token leaves the session, refused."""
    enrol(cast["health"])
    client = password_login("health")

    response = client.get("/api/v1/prisoners/", HTTP_AUTHORIZATION="Basic bm9ib2R5OnNvcnJ5")

    assert response.status_code == 403


def test_the_admin_is_out_of_reach_until_the_account_manager_verifies(cast):
    device = enrol(cast["sysadmin"])
    client = password_login("sysadmin")

    assert client.get("/admin/")["Location"].startswith(VERIFY)
    client.post(VERIFY, {"code": code_for(device)})
    assert client.get("/admin/").status_code == 200


def test_a_force_logged_in_client_works_when_the_setting_is_off(cast, settings):
    settings.OTP_REQUIRED = False
    client = Client()
    client.force_login(cast["health"])

    assert client.get("/women/").status_code == 200
    assert client.get("/api/v1/prisoners/").status_code == 200


# -- the account manager resets it -----------------------------------------------------------


def test_the_account_manager_resets_her_two_factor_and_she_enrols_again(cast):
    admin_device = enrol(cast["sysadmin"])
    device = enrol(cast["health"])
    her_session = verified_client(cast["health"], device)
    assert her_session.get("/women/").status_code == 200

    admin = verified_client(cast["sysadmin"], admin_device)
    response = admin.post(
        "/admin/signin/twofactoraccount/",
        {"action": "reset", "_selected_action": [cast["health"].pk]},
    )

    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=cast["health"]).exists()
    assert not StaticToken.objects.filter(device__user=cast["health"]).exists()
    event = AuditEvent.objects.get(action="signin.two_factor_reset")
    assert event.actor == cast["sysadmin"] and event.subject_id == str(cast["health"].pk)
    # Her session no longer counts as verified: she sets up an authenticator again.
    assert her_session.get("/women/")["Location"].startswith(ENROL)


def test_the_account_manager_cannot_reset_her_own(cast):
    admin_device = enrol(cast["sysadmin"])
    admin = verified_client(cast["sysadmin"], admin_device)

    admin.post(
        "/admin/signin/twofactoraccount/",
        {"action": "reset", "_selected_action": [cast["sysadmin"].pk]},
    )

    assert TOTPDevice.objects.filter(user=cast["sysadmin"]).exists()
    assert not AuditEvent.objects.filter(action="signin.two_factor_reset").exists()


def test_other_roles_never_see_the_two_factor_admin(cast):
    device = enrol(cast["governor"])
    client = verified_client(cast["governor"], device)

    response = client.get("/admin/signin/twofactoraccount/")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_admin_never_shows_a_totp_secret(cast):
    admin_device = enrol(cast["sysadmin"])
    enrol(cast["health"])
    admin = verified_client(cast["sysadmin"], admin_device)

    assert admin.get("/admin/otp_totp/totpdevice/").status_code == 404
    page = admin.get(f"/admin/signin/twofactoraccount/{cast['health'].pk}/change/").content.decode()
    secret = TOTPDevice.objects.get(user=cast["health"]).key
    assert secret not in page


# -- the demo --------------------------------------------------------------------------------


def test_the_sign_in_page_says_plainly_when_two_factor_is_off(db, settings):
    on = Client().get("/accounts/login/").content.decode()
    settings.OTP_REQUIRED = False
    off = Client().get("/accounts/login/").content.decode()

    assert "Two-factor sign-in is off in this demo" not in on
    assert "Two-factor sign-in is off in this demo" in off


def test_codes_kept_plain_before_hashing_was_brought_in_still_work_once_migrated(cast):
    """Recovery codes issued before the database kept only their hashes are hashed by the
    migration, and she signs in with the code she wrote down."""
    import importlib

    from django.apps import apps
    from django_otp.plugins.otp_static.models import StaticDevice

    migration = importlib.import_module("signin.migrations.0003_recovery_codes_hashed")
    enrol(cast["health"], codes=())
    device = StaticDevice.objects.get(user=cast["health"])
    StaticToken.objects.create(device=device, token="wxyz2345")

    migration.hash_plain_codes(apps, None)
    migration.hash_plain_codes(apps, None)  # a second run changes nothing

    assert list(StaticToken.objects.values_list("token", flat=True)) == [
        stored_recovery_code(cast["health"].pk, "wxyz2345")
    ]
    assert password_login("health").post(VERIFY, {"code": "wxyz2345"}).status_code == 302
