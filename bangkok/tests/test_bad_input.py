"""Bad input gets a clear 4xx, never a 500 (QUALITY S9): usernames longer than any column at
every sign-in door, JSON nested past the parser's depth, bodies over the limit (413) and
request lines over the limit (414)."""

import json

import pytest
from django.conf import settings as django_settings
from django.test import Client

from conftest import client_for

pytestmark = pytest.mark.django_db

LOGIN_URL = "/accounts/login/"
ADMIN_LOGIN_URL = "/admin/login/"
TOKEN_URL = "/api/v1/auth/token/"
# Longer than staff.User.username (150) and than django-axes' attempt column (255).
LONG_NAMES = ["x" * 151, "x" * 256, "x" * 5000]


def quiet_client() -> Client:
    """A client that answers as a browser would see it, 500 included."""
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("username", LONG_NAMES, ids=len)
@pytest.mark.parametrize("url", [LOGIN_URL, ADMIN_LOGIN_URL], ids=["login", "admin"])
def test_a_username_longer_than_the_column_is_a_form_error_at_the_sign_in_pages(url, username):
    from axes.models import AccessAttempt

    response = quiet_client().post(url, {"username": username, "password": "x"})

    assert response.status_code == 200
    assert b"150 characters" in response.content
    assert not AccessAttempt.objects.exists()


@pytest.mark.parametrize("username", LONG_NAMES, ids=len)
def test_a_username_longer_than_the_column_is_a_400_at_the_token_endpoint(username):
    response = quiet_client().post(
        TOKEN_URL, {"username": username, "password": "x"}, content_type="application/json"
    )

    assert response.status_code == 400
    assert "username" in response.json()


@pytest.mark.parametrize(
    "body",
    ['{"a":' * 100_000 + "1" + "}" * 100_000, "[" * 100_000 + "]" * 100_000],
    ids=["objects", "arrays"],
)
def test_json_nested_past_any_sense_is_a_400_naming_the_problem(cast, body):
    reception = client_for(cast["reception"])
    reception.raise_request_exception = False
    for client, url in ((quiet_client(), TOKEN_URL), (reception, "/api/v1/admissions/")):
        response = client.post(url, body, content_type="application/json")

        assert response.status_code == 400, (url, response.status_code)
        assert "nested" in response.json()["detail"]


def test_a_body_over_the_limit_is_413_on_the_api():
    limit = django_settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    body = json.dumps({"username": "x" * limit, "password": ""})

    response = quiet_client().post(TOKEN_URL, body, content_type="application/json")

    assert response.status_code == 413
    assert response.json() == {"detail": "The request is too large."}


def test_a_form_over_the_limit_is_413_on_the_pages():
    username = "x" * django_settings.DATA_UPLOAD_MAX_MEMORY_SIZE

    response = quiet_client().post(LOGIN_URL, {"username": username, "password": "x"})

    assert response.status_code == 413
    assert b"too large" in response.content


@pytest.mark.parametrize("url", ["/api/v1/prisoners/?q=", "/women/?q=", "/women/"])
def test_a_request_line_over_the_limit_is_414(cast, url):
    client = client_for(cast["reception"])
    client.raise_request_exception = False

    response = client.get(url + "x" * django_settings.MAX_REQUEST_LINE)

    assert response.status_code == 414


def test_a_request_line_within_the_limit_is_answered_as_usual(cast):
    client = client_for(cast["reception"])

    response = client.get("/api/v1/prisoners/?q=" + "x" * 90)

    assert response.status_code == 200


def test_the_schema_documents_413_414_and_415_where_they_can_be_answered():
    from bangkok.served_schema import document_json

    paths = json.loads(document_json())["paths"]
    operations = [operation for path in paths.values() for operation in path.values()]

    assert operations
    assert all("414" in operation["responses"] for operation in operations)
    with_body = [operation for operation in operations if operation.get("requestBody")]
    assert with_body
    assert all({"413", "415"} <= operation["responses"].keys() for operation in with_body)


def test_a_body_that_is_not_json_is_415(cast):
    response = client_for(cast["reception"]).post(
        "/api/v1/admissions/", "<xml/>", content_type="application/xml"
    )

    assert response.status_code == 415
