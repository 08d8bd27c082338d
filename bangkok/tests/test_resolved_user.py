"""`request.user` is the user herself once django_otp has marked her session's device
(`bangkok.middleware.ResolvedUserMiddleware`): not the two lazy stand-ins every read of her
went through, and nothing of what they gave her lost."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils.functional import LazyObject, SimpleLazyObject

from bangkok import middleware
from staff.models import User
from staff.tests.factories import make_staff

pytestmark = pytest.mark.django_db


def _seen(client, path="/"):
    """The answer to a request, and `request.user` as the request holds it once answered."""
    seen = []
    real = middleware.ResolvedUserMiddleware.__call__

    def spy(self, request):
        response = real(self, request)
        seen.append(request.user)
        return response

    middleware.ResolvedUserMiddleware.__call__ = spy
    try:
        response = client.get(path)
    finally:
        middleware.ResolvedUserMiddleware.__call__ = real
    return response, seen[0]


def test_a_signed_in_request_reads_her_herself_with_what_two_factor_sign_in_gave_her(
    client, facility_a
):
    governor = make_staff("governor", facility_a)
    client.force_login(governor)
    response, user = _seen(client, "/women/")
    assert response.status_code == 200
    assert type(user) is User and not isinstance(user, LazyObject)
    assert user.pk == governor.pk
    # What django_otp sets on her and the permissions read once a request are hers.
    assert user.otp_device is None and user.is_verified() is False
    assert user.has_perm("prisoners.view_prisoner")


def test_a_request_signed_in_to_nothing_reads_an_anonymous_user(client):
    response, user = _seen(client, "/healthz")
    assert response.status_code == 200
    assert type(user) is AnonymousUser


def test_lazy_objects_are_resolved_however_deeply_wrapped():
    made = []
    inner = SimpleLazyObject(lambda: made.append("inner") or "her")
    outer = SimpleLazyObject(lambda: made.append("outer") or inner)
    assert middleware.resolved(outer) == "her" and made == ["outer", "inner"]
    assert middleware.resolved("plain") == "plain"
    request = RequestFactory().get("/")
    request.user = outer
    middleware.ResolvedUserMiddleware(lambda r: HttpResponse(r.user))(request)
    assert request.user == "her" and made == ["outer", "inner"]
