"""Enrolled staff and codes from their authenticator, for sign-in's tests."""

import time
from datetime import timedelta

from django.test import Client
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from signin.twofactor import stored_recovery_code

PASSWORD = "correct horse battery staple"  # staff.tests.factories.UserFactory's password


def enrol(user, codes=("abcd2345", "efgh6723")) -> TOTPDevice:
    device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    recovery = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
    for code in codes:
        StaticToken.objects.create(device=recovery, token=stored_recovery_code(user.pk, code))
    return device


def code_for(device: TOTPDevice, offset_steps: int = 0) -> str:
    """The code her app shows now (or `offset_steps` steps from now)."""
    generator = TOTP(device.bin_key, device.step, device.t0, device.digits)
    generator.time = time.time() + offset_steps * device.step
    return f"{generator.token():0{device.digits}d}"


def password_login(username: str, ip: str = "127.0.0.1") -> Client:
    client = Client(REMOTE_ADDR=ip)
    response = client.post("/accounts/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302, response.status_code
    return client


def verified_client(user, device) -> Client:
    """A session that signed in with her password and a code."""
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


class Clock:
    """timezone.now, moved on by hand."""

    def __init__(self, monkeypatch):
        self.offset = timedelta()
        real_now = timezone.now
        monkeypatch.setattr(timezone, "now", lambda: real_now() + self.offset)

    def advance(self, **delta):
        self.offset += timedelta(**delta)
