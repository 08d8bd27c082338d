"""The session store reads a request's session as Django's database store does: a live
session signs her in, an expired or unknown one signs nobody in (a new session)."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import client_for
from signin.sessions import SessionStore

pytestmark = pytest.mark.django_db


def test_a_live_session_is_read_and_an_expired_or_unknown_one_is_not(cast):
    assert settings.SESSION_ENGINE == "signin.sessions"
    client = client_for(cast["custody"])
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert client.get("/").status_code == 200
    with CaptureQueriesContext(connection) as captured:
        store = SessionStore(session_key=key)
        assert store.load()["_auth_user_id"] == str(cast["custody"].pk)
    assert len(captured) == 1 and store.session_key == key
    Session.objects.filter(pk=key).update(expire_date=timezone.now() - timedelta(seconds=1))
    assert client.get("/").status_code == 302  # to sign in
    expired = SessionStore(session_key=key)
    assert expired.load() == {} and expired.session_key is None
    assert SessionStore(session_key="no-such-session-key").load() == {}
