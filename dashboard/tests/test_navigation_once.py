"""The service navigation is made once a request, however many templates the page renders
with the request (her page renders each of its sections so)."""

import pytest
from django.test import RequestFactory
from django.utils import translation

from conftest import client_for
from dashboard import context_processors

pytestmark = pytest.mark.django_db


@pytest.fixture
def made(monkeypatch):
    calls = []
    original = context_processors._navigation

    def counted(request, user):
        calls.append(request.path)
        return original(request, user)

    monkeypatch.setattr(context_processors, "_navigation", counted)
    return calls


def test_her_page_makes_the_navigation_once(cast, woman_a, made):
    response = client_for(cast["custody"]).get(f"/women/{woman_a.uuid}/")
    assert response.status_code == 200
    assert len(made) == 1
    assert 'href="/women/"' in response.content.decode()  # her role's navigation is there


def test_another_language_or_another_user_in_the_request_makes_it_again(cast, made):
    request = RequestFactory().get("/women/")
    request.user = cast["custody"]
    first = context_processors.navigation(request)
    assert context_processors.navigation(request) is first
    with translation.override("es"):
        spanish = context_processors.navigation(request)
    request.user = cast["governor"]
    governors = context_processors.navigation(request)
    assert len(made) == 3
    assert spanish["nav"][0]["label"] != first["nav"][0]["label"]
    assert governors["role_label"] != first["role_label"]
