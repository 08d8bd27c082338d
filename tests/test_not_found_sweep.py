"""A real id she may not reach answers exactly as an id that doesn't exist (QUALITY S2, S15).

Every route of the URL resolver that takes an id (pages and API, GET and POST) is requested,
as every case role and the system administrator, with:

(a) the real id of the permission matrix's sample record, by a member of staff who works in
    another facility, where her role reaches the route (the matrix declares her colleague in
    the record's facility anything but 404 or 405);
(b) the same real id, by a member of staff of the record's facility whose role may not reach
    the route (the matrix declares her cell a 404);
(c) an id that doesn't exist, by the same person as (a) or (b).

(a) and (b) must equal (c), which must be a 404 (or a 405 for a method the route doesn't
take): the same status, the same body and the same headers. Only the CSRF token, new in
every page, and the headers that carry the moment or a new cookie are left out.

The sample records are the matrix's (`tests/test_permission_matrix.py` and each area's
`<app>/tests/matrix.py`), built once for the whole sweep, so a new route is swept as soon as
it is in the matrix, and a route with an id that has no sample record fails here. The Django
admin is left out: it is the system administrator's alone, every other role is sent to its
sign-in page whatever the id, and she sees every account.
"""

import re
import time
import uuid

import pytest
from django.db import transaction

from conftest import CASE_ROLES
from tests.test_permission_matrix import (
    ROUTES,
    cast,
    expected,
    facility_b,
    sample,
    url_for,
    world,  # noqa: F401 (the fixtures of the matrix's sample records, made once a module)
)

ID_PARAMETER = re.compile(r"<(uuid|int):(\w+)>")
METHODS = ("GET", "POST")
SWEEP_ROLES = [*CASE_ROLES, "sysadmin"]

# Routes whose sample record the matrix chooses by the route's name (`sample_kwargs`) rather
# than from an area's `world`. Any other route with an id must have a sample in a `world`.
PICKED_BY_NAME = {
    "prisoners:detail",
    "prisoners:unit",
    "api-prisoner-unit",
    "reminders:complete",
    "api-prisoner-detail",
    "api-task-complete",
    "api-child-detail",
    "api-child-separation",
    "register:separate",
    "api-suspension-decision",
    "api-prisoner-family",
    "api-prisoner-children",
}
PICKED_BY_PREFIX = ("admissions:", "api-admission-")

# What differs between two renderings of one page whatever the id: the masked CSRF token,
# and the headers that carry the moment of the answer or a new cookie.
CSRF = re.compile(rb'(csrfmiddlewaretoken" value="|"X-CSRFToken": ")[^"]+')
PER_REQUEST = {"Expires", "Set-Cookie", "Content-Length"}
# What an id she may not reach answers: not found, or a method the route doesn't take.
REFUSALS = {404, 405}


def id_routes():
    for key, path in ROUTES:
        if key is None or key.startswith("admin:") or not ID_PARAMETER.search(path):
            continue
        yield key, path


def has_sample(key: str, sample) -> bool:
    return key in sample["kwargs"] or key in PICKED_BY_NAME or key.startswith(PICKED_BY_PREFIX)


def unknown_url(key: str, path: str, sample) -> str:
    """The route's sample URL with every id replaced by one that doesn't exist."""
    from django.urls import reverse

    from tests.test_permission_matrix import sample_kwargs

    kwargs = dict(sample_kwargs(key, path, sample))
    for converter, name in ID_PARAMETER.findall(path):
        kwargs[name] = uuid.uuid4() if converter == "uuid" else 2_000_000_000
    return reverse(key, kwargs=kwargs)


class Asker:
    """One signed-in member of staff with her own client (signed in once, pages and API)."""

    def __init__(self, user):
        from django.test import Client

        self.client = Client()
        self.client.force_login(user)

    def answer(self, method, url):
        sid = transaction.savepoint_create()
        call = getattr(self.client, method.lower())
        if url.startswith("/api/"):
            response = call(url, data={}, content_type="application/json")
        else:
            response = call(url, data={})
        transaction.savepoint_rollback(sid)
        headers = {
            name: value for name, value in response.headers.items() if name not in PER_REQUEST
        }
        return response.status_code, CSRF.sub(rb"\1", response.content), headers


def unlike(got, baseline) -> str:
    """Where two answers part: status, the first differing bytes of the body, or headers."""
    if baseline[0] not in REFUSALS:
        return f"an id that doesn't exist answered {baseline[0]}"
    if got[0] != baseline[0]:
        return f"status {got[0]}, not {baseline[0]}"
    if got[1] != baseline[1]:
        at = next(i for i, (a, b) in enumerate(zip(got[1], baseline[1], strict=False)) if a != b)
        return f"body {got[1][at - 40 : at + 60]!r}, not {baseline[1][at - 40 : at + 60]!r}"
    return f"headers {got[2]}, not {baseline[2]}"


@pytest.fixture
def elsewhere(cast, facility_b):
    """One member of staff per case role at facility B."""
    from staff.tests.factories import make_staff

    people = {role: make_staff(role, facility_b) for role in CASE_ROLES if role != "reception"}
    return {**people, "reception": cast["outsider"]}


def test_every_route_with_an_id_has_a_sample_record(request):
    sample = request.getfixturevalue("world")
    missing = [key for key, _path in id_routes() if not has_sample(key, sample)]
    assert missing == [], f"Give these routes a sample record in a matrix world: {missing}"


# The routes are swept in shards, every route in one of them, so that the suite's workers
# share the sweep instead of one of them running it alone at the end.
SHARDS = 4


@pytest.mark.django_db
@pytest.mark.parametrize("shard", range(SHARDS))
def test_a_real_id_out_of_reach_answers_as_an_id_that_does_not_exist(
    shard, request, cast, elsewhere
):
    sample = request.getfixturevalue("world")
    started = time.monotonic()
    here = {role: Asker(cast[role]) for role in SWEEP_ROLES}
    there = {role: Asker(user) for role, user in elsewhere.items()}
    differences, compared = [], 0
    for key, path in list(id_routes())[shard::SHARDS]:
        if not has_sample(key, sample):
            continue
        real, unknown = url_for(key, path, sample), unknown_url(key, path, sample)
        for method in METHODS:
            for role in SWEEP_ROLES:
                declared = expected(key, method, role)
                if declared == 405 or (declared != 404 and role not in there):
                    continue  # a method the route doesn't take: 405 whatever the id
                # Refused the route, she asks in her own facility (b); else a colleague of
                # the same role asks from another facility (a).
                why, asker = (
                    ("her role", here[role])
                    if declared == 404
                    else ("another facility", there[role])
                )
                got, baseline = asker.answer(method, real), asker.answer(method, unknown)
                compared += 1
                if got != baseline or baseline[0] not in REFUSALS:
                    differences.append(
                        f"{method} {real} as {role} ({why}): {unlike(got, baseline)}"
                    )
    print(f"\nswept {compared} real ids in {time.monotonic() - started:.1f}s")
    assert compared > 0
    assert differences == []
