"""A real id she may not reach answers exactly as an id that doesn't exist (QUALITY S2, S15).

Every route of the URL resolver that takes an id (pages and API, GET and POST) is requested,
as every case role and the system administrator, with:

(a) the real id of the permission matrix's sample record, by a member of staff who works in
    another facility, where her role reaches the route (the matrix declares her colleague in
    the record's facility anything but 404 or 405);
(b) the same real id, by a member of staff of the record's facility whose role may not reach
    the route (the matrix declares her cell a 404);
(c) an id that doesn't exist, by the same person as (a) or (b), in the same request.

(a) and (b) must equal (c), which must be a 404 (or a 405 for a method the route doesn't
take): the same status, the same body and the same headers. Only the CSRF token, new in
every page, and the headers that carry the moment or a new cookie are left out
(`tests/alike.py`).

The permission matrix asks (b) and (c) as it asks its cell declared 404, and (a) for reception
as it asks its outsider (reception at another facility) the same request
(`tests/test_permission_matrix.py`, `compared_with_unknown`); this sweep asks the rest of (a),
each request made in one place. The sample records are the matrix's (and each area's
`<app>/tests/matrix.py`), built once for the whole sweep, so a new route is swept as soon as
it is in the matrix, and a route with an id that has no sample record fails here. The Django
admin is left out: it is the system administrator's alone, every other role is sent to its
sign-in page whatever the id, and she sees every account.
"""

import time

import pytest
from django.db import transaction

from conftest import CASE_ROLES
from tests.alike import ID_PARAMETER, REFUSALS, answer_of, parted, unlike
from tests.test_permission_matrix import (
    ROUTES,
    SWEPT_METHODS,
    cast,
    compared_with_unknown,
    expected,
    facility_b,
    sample,
    swept,
    unknown_url,
    url_for,
    world,  # noqa: F401 (the fixtures of the matrix's sample records, made once a module)
)

__all__ = ["Asker", "unlike"]

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


def id_routes():
    for key, path in ROUTES:
        if key is None or not swept(key, path):
            continue
        yield key, path


def has_sample(key: str, sample) -> bool:
    return key in sample["kwargs"] or key in PICKED_BY_NAME or key.startswith(PICKED_BY_PREFIX)


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
        return answer_of(response)


@pytest.fixture
def elsewhere(cast, facility_b):
    """One member of staff per case role at facility B."""
    from staff.tests.factories import make_staff

    people = {role: make_staff(role, facility_b) for role in CASE_ROLES if role != "reception"}
    return {**people, "reception": cast["outsider"]}


@pytest.mark.django_db
def test_every_route_with_an_id_has_a_sample_record(world):
    # `world` asked as an argument: the module's records (a fixture of the module) are then
    # made before this test's transaction opens, not inside it to be rolled back with it.
    sample = world
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
    there = {role: Asker(user) for role, user in elsewhere.items()}
    differences, compared = [], 0
    for key, path in list(id_routes())[shard::SHARDS]:
        if not has_sample(key, sample):
            continue
        real, unknown = url_for(key, path, sample), unknown_url(key, path, sample)
        for method in SWEPT_METHODS:
            for role in CASE_ROLES:
                if expected(key, method, role) in REFUSALS:
                    continue  # 405 whatever the id; (b) is the matrix's cell declared 404
                if role == "reception" and compared_with_unknown(key, method, "outsider"):
                    continue  # the matrix's outsider
                # A colleague of the same role asks from another facility (a).
                asker = there[role]
                got, baseline = asker.answer(method, real), asker.answer(method, unknown)
                compared += 1
                if (where := parted(got, baseline)) is not None:
                    differences.append(f"{method} {real} as {role} (another facility): {where}")
    print(f"\nswept {compared} real ids in {time.monotonic() - started:.1f}s")
    assert compared > 0
    assert differences == []
