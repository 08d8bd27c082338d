"""One answer for a missing record and a refusal of access, pages and API (`bangkok.errors`;
QUALITY S2, S15); a failed CSRF check keeps its 403."""

import re
import uuid

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import Client, RequestFactory
from rest_framework import exceptions
from rest_framework.renderers import JSONRenderer
from rest_framework.test import APIRequestFactory

from bangkok import views
from bangkok.errors import api_exception_handler
from conftest import client_for

CSRF = re.compile(rb'(csrfmiddlewaretoken" value="|"X-CSRFToken": ")[^"]+')


def api_answer(exc, method="get"):
    from rest_framework.views import APIView

    class View(APIView):
        def get(self, request):  # pragma: no cover - never dispatched
            raise AssertionError

    request = getattr(APIRequestFactory(), method)("/api/v1/anything/")
    response = api_exception_handler(exc, {"view": View(), "request": request})
    response.accepted_renderer = JSONRenderer()
    response.accepted_media_type = "application/json"
    response.renderer_context = {}
    return response.status_code, response.render().content


@pytest.mark.parametrize(
    "refusal",
    [
        PermissionDenied("Your role can't admit a woman."),
        PermissionDenied("You don't work in her facility."),
        exceptions.PermissionDenied("Your role may not do this."),
        Http404("No such woman in your facilities."),
        Http404("No Prisoner matches the given query."),
    ],
    ids=["role", "facility", "drf-permission", "funnel-404", "lookup-404"],
)
def test_every_api_refusal_and_miss_is_one_404_body(refusal):
    assert (
        api_answer(refusal)
        == api_answer(exceptions.NotFound())
        == (
            404,
            b'{"detail":"Not found."}',
        )
    )


def test_a_method_the_route_does_not_take_is_405_even_for_a_refused_role():
    status, body = api_answer(PermissionDenied("refused"), method="post")
    assert status == 405
    assert b"POST" in body


def test_the_api_csrf_failure_keeps_its_403():
    status, body = api_answer(exceptions.PermissionDenied("CSRF Failed: CSRF token missing."))
    assert status == 403 and b"CSRF Failed" in body


def test_a_page_refused_is_answered_exactly_as_a_page_not_found(cast):
    request = RequestFactory().get("/women/")
    request.user = cast["custody"]
    request.session = {}
    refused = views.handler403(request, PermissionDenied("Your role can't record searches."))
    missing = views.handler404(request, Http404("No such woman in your facilities."))
    assert refused.status_code == missing.status_code == 404
    assert CSRF.sub(rb"\1", refused.content) == CSRF.sub(rb"\1", missing.content)
    assert b"record searches" not in refused.content
    assert b"/women/" not in refused.content.split(b'name="next"')[1][:60]


def test_an_api_path_the_resolver_does_not_know_answers_the_same_404_body(cast):
    client = client_for(cast["custody"])
    unknown_route = client.get("/api/v1/no-such-thing/")
    unknown_record = client.get(f"/api/v1/prisoners/{uuid.uuid4()}/")
    assert unknown_route.status_code == unknown_record.status_code == 404
    assert unknown_route.content == unknown_record.content == b'{"detail":"Not found."}'


def test_a_role_refused_an_area_meets_the_404_of_a_missing_record(cast, woman_a):
    client = client_for(cast["custody"])
    refused = client.get("/admissions/new/")  # custody don't admit
    assert refused.status_code == 404
    api = client.post("/api/v1/admissions/", {}, content_type="application/json")
    assert api.status_code == 404 and api.json() == {"detail": "Not found."}


def test_a_page_csrf_failure_is_still_a_403(cast):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast["reception"])
    assert client.post("/admissions/new/", {"new": "1"}).status_code == 403


def test_an_api_csrf_failure_in_a_browser_session_is_still_a_403(cast):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast["reception"])
    response = client.post("/api/v1/admissions/", {}, content_type="application/json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
