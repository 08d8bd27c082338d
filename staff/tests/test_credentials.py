"""Credentials: an administrator's reset forces a new password; superusers never sign in on
the web or the API (management commands only)."""

import pytest
from django.contrib.sessions.models import Session
from django.test import Client

from audit.models import AuditEvent
from conftest import client_for
from staff import services
from staff.models import User
from staff.signals import credentials_changed

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


@pytest.fixture
def heard():
    said = []

    def listen(**kwargs):
        said.append((kwargs["user"].username, kwargs["reason"]))

    credentials_changed.connect(listen, weak=False, dispatch_uid="test_credentials")
    yield said
    credentials_changed.disconnect(dispatch_uid="test_credentials")


def sessions_of(user) -> list:
    return [
        s for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(user.pk)
    ]


@pytest.fixture
def reset(cast, django_capture_on_commit_callbacks):
    """The custody officer, signed in before her password was reset by the administrator."""
    officer = cast["custody"]
    before = client_for(officer)
    with django_capture_on_commit_callbacks(execute=True):
        services.reset_password(user=officer, password="temporary pass phrase", by=cast["sysadmin"])
    return officer, before


def test_a_reset_ends_her_sessions_and_tells_the_token_keepers(cast, heard, reset):
    officer, before = reset
    assert sessions_of(officer) == []
    assert before.get("/").status_code == 302
    assert heard == [("custody", "reset")]
    assert AuditEvent.objects.filter(action="staff.password_reset", actor=cast["sysadmin"])


def test_after_a_reset_every_page_sends_her_to_set_a_new_password(reset, woman_a):
    officer, _ = reset
    client = client_for(User.objects.get(pk=officer.pk))
    for url in ("/", f"/women/{woman_a.uuid}/", "/tasks/"):
        response = client.get(url)
        assert response.status_code == 302 and response.url == "/accounts/password/", url
    assert client.get("/accounts/password/").status_code == 200


def test_after_a_reset_the_api_answers_403_saying_why(reset, woman_a):
    officer, _ = reset
    client = client_for(User.objects.get(pk=officer.pk))
    response = client.get(f"/api/v1/prisoners/{woman_a.uuid}/")
    assert response.status_code == 403
    assert "Set a new password" in response.json()["detail"]


def test_after_a_reset_a_token_she_gets_is_refused_403_saying_why(reset, woman_a):
    from signin.tests.factories import auth_header

    officer, _ = reset
    response = Client().get(f"/api/v1/prisoners/{woman_a.uuid}/", **auth_header(officer))
    assert response.status_code == 403
    assert "Set a new password" in response.json()["detail"]


def test_her_new_password_lets_her_work_again(reset, heard, django_capture_on_commit_callbacks):
    officer, _ = reset
    client = client_for(User.objects.get(pk=officer.pk))
    other = client_for(User.objects.get(pk=officer.pk))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/accounts/password/",
            {
                "old_password": "temporary pass phrase",
                "new_password1": "her own long pass phrase",
                "new_password2": "her own long pass phrase",
            },
        )
    assert response.status_code == 302
    officer = User.objects.get(pk=officer.pk)
    assert not officer.must_change_password and officer.check_password("her own long pass phrase")
    assert client.get("/").status_code == 200  # this session goes on
    assert other.get("/").status_code == 302  # her other sessions end
    assert heard == [("custody", "password")]


def test_a_wrong_current_password_changes_nothing(reset):
    officer, _ = reset
    client = client_for(User.objects.get(pk=officer.pk))
    response = client.post(
        "/accounts/password/",
        {
            "old_password": "not it at all",
            "new_password1": "her own long pass phrase",
            "new_password2": "her own long pass phrase",
        },
    )
    assert response.status_code == 400
    assert User.objects.get(pk=officer.pk).must_change_password


@pytest.fixture
def root(db):
    return User.objects.create_superuser("root", password=PASSWORD)


def test_a_superuser_cannot_sign_in_on_the_web(root):
    client = Client()
    client.post("/accounts/login/", {"username": "root", "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert client.get("/").status_code == 302


def test_a_superuser_session_is_not_honoured(root):
    client = Client()
    client.force_login(root, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get("/").status_code == 302
    assert client.get("/admin/").status_code == 302
    assert client.get("/api/v1/prisoners/").status_code in (401, 403)


def test_a_superuser_token_is_refused(root, woman_a):
    from signin.tests.factories import auth_header

    response = Client().get("/api/v1/prisoners/", **auth_header(root))
    assert response.status_code in (401, 403)
    assert "results" not in response.json()


def test_a_superuser_gets_no_api_token(root):
    response = Client().post(
        "/api/v1/auth/token/",
        {"username": "root", "password": PASSWORD},
        content_type="application/json",
    )
    assert response.status_code != 200 and "token" not in response.content.decode().lower()[:20]


def test_management_commands_still_work_for_the_set_up(cast, facility_b):
    from django.core.management import call_command

    call_command("grant_access", "custody", "--facility", "B", verbosity=0)
    from facilities.scope import facilities_of

    assert facility_b in facilities_of(User.objects.get(username="custody"))


def test_the_first_administrator_is_made_from_the_server_and_sets_her_password(db, capsys):
    from django.core.management import call_command

    call_command("grant_access", "anong", "--create", "--role", "sysadmin")
    password = capsys.readouterr().out.split("(shown once): ")[1].split()[0]
    user = User.objects.get(username="anong")
    assert user.role_code == "sysadmin" and user.is_staff and not user.is_superuser
    assert user.must_change_password and user.check_password(password)


def test_the_administrator_changing_her_own_password_in_the_admin_is_heard(
    cast, heard, django_capture_on_commit_callbacks
):
    admin_user = cast["sysadmin"]
    client = client_for(admin_user)
    other = client_for(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/password_change/",
            {
                "old_password": PASSWORD,
                "new_password1": "her own long pass phrase",
                "new_password2": "her own long pass phrase",
            },
        )
    assert response.status_code == 302
    assert heard == [("sysadmin", "password")]
    assert client.get("/admin/").status_code == 200
    assert other.get("/admin/").status_code == 302
