"""The API's routes grouped by the first segment of their address (`bangkok.urls`) answer
every address as the areas' routes included one after another did."""

import re
import uuid
from importlib import import_module

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import Resolver404, URLResolver, include, path, resolve
from django.urls.resolvers import RoutePattern

from bangkok.urls import API_AREAS, by_first_segment

SAMPLES = {"uuid": str(uuid.UUID(int=7)), "int": "7", "slug": "a-slug", "str": "a", "path": "a/b"}


def sample_address(route: str) -> str:
    """The route with each of its parameters given a value of its kind."""
    return re.sub(r"<(?:(\w+):)?\w+>", lambda m: SAMPLES[m.group(1) or "str"], route)


def answer(resolving, address: str):
    """What an address resolves to by `resolving` (a resolver's `resolve`, or the site's)."""
    try:
        found = resolving(address)
    except Resolver404:
        return None
    return (found.func, found.url_name, found.kwargs)


def addresses() -> list[str]:
    found = []
    for module in API_AREAS:
        for route in import_module(module).urlpatterns:
            found.append(sample_address(str(route.pattern)))
    # Addresses no route takes: an unknown segment, a known one with a bad id or an unknown end.
    found += ["nothing-here/", "prisoners/not-a-uuid/", f"visits/{SAMPLES['uuid']}/nope/", ""]
    return found


def test_every_api_address_answers_as_the_areas_routes_one_after_another_did():
    one_after_another = URLResolver(
        RoutePattern("api/v1/"), [path("", include(module)) for module in API_AREAS]
    )
    grouped = URLResolver(RoutePattern("api/v1/"), by_first_segment(API_AREAS))
    every = addresses()
    assert len(every) > 200
    answered = 0
    for address in every:
        before = answer(one_after_another.resolve, f"api/v1/{address}")
        assert answer(grouped.resolve, f"api/v1/{address}") == before, address
        # The site's own routes are the grouped ones.
        assert answer(resolve, f"/api/v1/{address}") == before, address
        answered += before is not None
    assert answered == len(every) - 4


def test_a_route_that_doesnt_start_with_a_segment_of_its_own_is_refused(tmp_path, monkeypatch):
    module = tmp_path / "odd_api_urls.py"
    module.write_text(
        "from django.http import HttpResponse\n"
        "from django.urls import path\n"
        "urlpatterns = [path('<uuid:id>/', lambda request, id: HttpResponse())]\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ImproperlyConfigured, match="must start with a word of its own and a slash"):
        by_first_segment(["odd_api_urls"])
