"""Schemathesis over the whole API, as several roles (QUALITY.md S8; S4 for the inspector).

Every operation in the OpenAPI schema is called in-process with generated input, valid and
invalid, as reception and custody (writing roles), the inspector, reception of another
facility, sysadmin and an anonymous caller. Every check of `call_and_validate` applies but
one (see `fuzz`): no server error, and every status code, content type, header and body is
one the schema documents; invalid input is refused. The inspector must never see a
successful write. A few examples per operation keep this in the suite; a larger run belongs
in `make fuzz`.

Schemathesis's coverage phase (boundary and invalid values of every field, hundreds of
requests for some operations) runs in the suite for the roles whose requests reach the
services, reception and custody, on the operations each of them gets past the door of
(`refused_at_the_door`: the permissions the view, the action and its area ask of her role,
before any record is looked at or any body read). Everyone else gets generated requests
only: each writing role where her role is refused at the door, those refused at the door
whatever they send, and the inspector, whose writes are refused before any body is read and
whose reads take the same parameters as theirs. Those who get generated requests only, and
few, where they are refused at the door are sent the same requests of an operation, drawn once
(`generated_only_roles`). `make fuzz` runs the coverage phase for the inspector too, and for
both writing roles on every operation.
"""

import functools
import inspect
import os
import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.utils import timezone
from hypothesis import HealthCheck, settings
from schemathesis.pytest import _test_builder
from schemathesis.specs.openapi.checks import (
    ignored_auth,
    negative_data_rejection,
    positive_data_acceptance,
)

from staff.roles import ROLES
from tests.module_records import records_for_the_module

# Roles that reach the operations' bodies: reception and custody write in different areas. The
# inspector (her own test) reads everything and must never write.
WRITING_ROLES = ["reception", "custody"]
# Refused at the door (the account manager, an anonymous caller) or at every record of
# facility A (reception of facility B, `outsider` in the cast).
REFUSED_ROLES = ["sysadmin", "anonymous", "outsider"]
WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
TOKEN_PATH = "/api/v1/auth/token/"
INSPECTIONS_PATH = "/api/v1/inspections/"

# Known ids, so generated calls reach real records as well as random (absent) ones.
WOMAN_UUID = uuid.UUID("0d8c2a4e-3b53-4a54-9d47-6c1f4e0b5a01")
TASK_UUIDS = [uuid.UUID(f"5e1d7c3a-9b0f-4c7e-8a21-00000000000{n}") for n in range(1, 4)]
ADMISSION_UUID = uuid.UUID("a7d3c1e2-4b5f-4a69-8c7d-2e1f0a9b8c01")
CHILD_UUID = uuid.UUID("c41d0b9e-7a2f-4e3d-9b8c-5f6e7d8c9a01")

# The record a path's `{uuid}` names, by the path's first segment under /api/v1/.
KNOWN = {"prisoners": WOMAN_UUID, "admissions": ADMISSION_UUID, "children": CHILD_UUID}


def _schema_json() -> str:
    """The schema as /api/schema/ serves it to signed-in staff, built in-process (the view
    needs a signed-in user; generating it needs no database, so collection is safe)."""
    from bangkok.served_schema import document_json

    return document_json()


def _load_schema(document: str):
    """Schemathesis's schema, calling the app in-process (each its own copy of the
    document, generated once)."""
    import json

    loaded = schemathesis.openapi.from_dict(json.loads(document))
    loaded.app = APP
    return loaded


def _built_when_run(build: Callable) -> Callable:
    """Schemathesis's `build_operation_test`, for this module's tests, deferred until the test
    runs: building one generates its coverage phase's examples (boundary and invalid values
    of every field), and every test process collects every test, most of which another
    process runs (collecting this module took 7.2 s of CPU, 3.9 s so; the whole suite 8.9-9.1
    s in each process, 6.0-6.5 s so).
    The test collected has the fixtures the built one asks for (the test function's, but
    what Hypothesis draws); once built, it carries the built test's attributes, which
    schemathesis reads to say why a test failed."""

    def build_operation_test(*, test_func: Callable, given_kwargs: dict, **kwargs: Any):
        if test_func.__module__ != __name__:
            return build(test_func=test_func, given_kwargs=given_kwargs, **kwargs)
        built: list[Callable] = []

        # Its name, docstring and pytest's marks; not Hypothesis's settings, which only a test
        # it has built may carry.
        @functools.wraps(test_func, updated=())
        def when_run(*args: Any, **fixtures: Any) -> Any:
            if not built:
                built.append(build(test_func=test_func, given_kwargs=given_kwargs, **kwargs))
            try:
                return built[0](*args, **fixtures)
            finally:
                vars(when_run).update(vars(built[0]))

        drawn = {"case", *given_kwargs}
        signature = inspect.signature(test_func)
        when_run.__signature__ = signature.replace(  # type: ignore[attr-defined]
            parameters=[p for p in signature.parameters.values() if p.name not in drawn]
        )
        del when_run.__wrapped__  # pytest reads the fixtures from the signature above
        if hasattr(test_func, "pytestmark"):
            when_run.pytestmark = test_func.pytestmark  # type: ignore[attr-defined]
        return when_run

    return build_operation_test


_test_builder.build_operation_test = _built_when_run(_test_builder.build_operation_test)

APP = get_wsgi_application()
DOCUMENT = _schema_json()
schema = _load_schema(DOCUMENT)
# Generated requests only, without the coverage phase's hundreds of boundary values per
# operation (kept for the roles whose requests reach the services).
generated_schema = _load_schema(DOCUMENT)
generated_schema.config.phases.coverage.enabled = False

SUITE_EXAMPLES = 8
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", str(SUITE_EXAMPLES)))
REFUSED_EXAMPLES = int(os.environ.get("FUZZ_REFUSED_EXAMPLES", "2"))
# A larger run than the suite's (`make fuzz`) gives the inspector the coverage phase too.
inspector_schema = schema if EXAMPLES > SUITE_EXAMPLES else generated_schema
if EXAMPLES <= SUITE_EXAMPLES:
    # The suite leaves out the coverage phase's calls of every route with the methods it
    # doesn't take: the permission matrix already asks each route every method as every role
    # (tests/test_permission_matrix.py). `make fuzz` keeps them.
    schema.config.phases.coverage.unexpected_methods = set()


@pytest.fixture
def _quiet_connections():
    """An in-process WSGI call fires request_started/request_finished, and their
    `close_old_connections` would close the test's connection (and its transaction)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def _no_lockout(settings):
    """Axes would lock the fuzzer out of the token endpoint after five wrong passwords.

    Axes reads AXES_ENABLED at call time (its `toggleable` decorator on the backend and the
    signal handlers, and the middleware), so overriding the setting is enough; the test
    below proves it.
    """
    settings.AXES_ENABLED = False


@pytest.fixture
def _unthrottled_token_endpoint(monkeypatch):
    """At 20 a minute the throttle would answer most generated token requests with 429 and
    the endpoint's own validation would go untested. DRF reads the rates into a class
    attribute at import, so that is what changes here."""
    from rest_framework.throttling import ScopedRateThrottle

    monkeypatch.setattr(ScopedRateThrottle, "THROTTLE_RATES", {"token": "100000/min"})


@pytest.fixture
def _no_request_line_limit(settings):
    """Generated queries of many escaped characters run past MAX_REQUEST_LINE, and are
    answered 414 before any schema is looked at (bangkok/tests/test_bad_input.py proves that
    door); here every request reaches the API it is for."""
    settings.MAX_REQUEST_LINE = 10**9


@pytest.fixture(scope="module")
def _api_records(django_db_setup, django_db_blocker):
    """The cast with an API token each, a woman in facility A in reception with a child, and
    open tasks for reception there: made once for the module's hundreds of tests
    (`tests.module_records`)."""
    with records_for_the_module(django_db_blocker, _make_api_records) as records:
        yield records


def _make_api_records() -> dict:
    from admissions.models import Admission
    from admissions.services import admit_woman
    from admissions.tests.factories import commitment
    from conftest import make_cast, make_facility_a, make_facility_b
    from prisoners.models import Prisoner
    from prisoners.tests.factories import PrisonerFactory
    from register.models import Child
    from register.services import record_child
    from register.tests.factories import child_fields
    from reminders.models import Reminder
    from reminders.services import schedule_reminder
    from signin.tests.factories import token_for

    facility_a = make_facility_a()
    cast = make_cast(facility_a, make_facility_b())
    woman = PrisonerFactory(
        facility=facility_a, given_names="Malee", family_name="Srisuk", prison_number="A00001"
    )
    Prisoner.objects.filter(pk=woman.pk).update(uuid=WOMAN_UUID)
    woman.refresh_from_db()
    admission = admit_woman(
        by=cast["reception"], facility=facility_a, commitment=commitment(), returning=woman
    )
    Admission.objects.filter(pk=admission.pk).update(uuid=ADMISSION_UUID)
    child = record_child(by=cast["reception"], mother=woman, **child_fields())
    Child.objects.filter(pk=child.pk).update(uuid=CHILD_UUID)
    now = timezone.now()
    for n, task_uuid in enumerate(TASK_UUIDS):
        reminder = schedule_reminder(
            key=f"fuzz:{n}",
            kind="demo.reception",  # no record answers it: "done" may close it
            rule="2.1",
            title="Rights checklist due",
            facility=facility_a,
            assignee_role="reception",
            due_at=now + timedelta(hours=n),
            prisoner=woman,
        )
        Reminder.objects.filter(pk=reminder.pk).update(uuid=task_uuid)
    # One token per caller for all her requests: a generated request revokes a token only by
    # naming its uuid, which no generated or known uuid is.
    headers = {role: {"Authorization": f"Token {token_for(user)}"} for role, user in cast.items()}
    headers["anonymous"] = {}
    return {"cast": cast, "headers": headers}


@pytest.fixture
def api_data(
    db,
    _api_records,
    _quiet_connections,
    _no_lockout,
    _unthrottled_token_endpoint,
    _no_request_line_limit,
):
    """The records of `_api_records`, and the API open to as many requests as are
    generated."""
    return _api_records


def no_successful_write(ctx, response, case):
    """S4: the inspector reads; no write of hers ever succeeds (asking for a token is no
    write)."""
    # Her own inspections (Rule 25.3) are hers to write; no case record of any area is.
    own = case.path.startswith(INSPECTIONS_PATH)
    if case.method.upper() in WRITE_METHODS and case.path != TOKEN_PATH and not own:
        assert not 200 <= response.status_code < 300, (
            f"inspector wrote: {case.method} {case.formatted_path} -> {response.status_code}"
        )


def test_the_fuzzer_is_not_locked_out_while_axes_is_disabled(api_data):
    from django.test import Client

    client = Client()
    for _ in range(6):
        client.post(
            TOKEN_PATH,
            {"username": "reception", "password": "wrong"},
            content_type="application/json",
        )
    response = client.post(
        TOKEN_PATH,
        {"username": "reception", "password": "correct horse battery staple"},
        content_type="application/json",
    )
    assert response.status_code == 200


def api_routes(patterns=None, prefix="") -> set[str]:
    """Every route under /api/v1/ in the URL resolver, written as the schema writes paths."""
    import re

    from django.urls import URLResolver, get_resolver

    routes = set()
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            routes |= api_routes(entry.url_patterns, route)
        elif route.startswith("api/v1/"):
            routes.add("/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route))
    return routes


def test_the_fuzzed_schema_covers_every_api_route():
    fuzzed = {result.ok().path for result in schema.get_all_operations()}
    assert api_routes() <= fuzzed, api_routes() - fuzzed


# The operations `ignored_auth` has proven to refuse a request without credentials and one with
# invalid credentials, by the caller whose request they answered with a success.
AUTH_ENFORCED: dict[str, set[str]] = {}


def _ignored_auth_once_as(role: str):
    """Schemathesis's `ignored_auth` as its own runner runs it: once an operation has refused a
    request she was answered with a success, re-sent without her credentials and with invalid
    ones, it has proven that it asks for them, and her later successes there are not re-sent
    (the anonymous caller here is sent generated requests of every operation, and the
    permission matrix asks every route every method without credentials). Each operation is
    proven for each caller at her first success there, as when every success was re-sent."""

    def ignored_auth_once(ctx, response, case):
        ctx.auth_enforced_operations = AUTH_ENFORCED.setdefault(role, set())
        return ignored_auth(ctx, response, case)

    return ignored_auth_once


def fuzz(case, role, api_data) -> None:
    headers = api_data["headers"][role]
    extra = [_ignored_auth_once_as(role)]
    if role == "inspector":
        extra.append(no_successful_write)
    # Well-formed input can still be refused, with the documented 400: a wrong password, a
    # cursor this API never issued, a unit outside her facilities. So "schema-valid input is
    # accepted" is not a property of this API; every other check stays on (`ignored_auth` as
    # above).
    excluded = [positive_data_acceptance, ignored_auth]

    generated = (case.path_parameters or {}).get("uuid")
    if generated is None or not _well_formed(generated):
        case.call_and_validate(headers=headers, additional_checks=extra, excluded_checks=excluded)
    # A well-formed uuid the fuzz made up names no record: every route answers it with the
    # one 404 of a record that doesn't exist, the same for every role and body
    # (tests/test_not_found_sweep.py proves it route by route, and the refused callers here
    # check that 404 against the schema). The request is made for a record that exists.

    if generated is not None:
        # The request for a record that exists (a task may be done by now). A case generated
        # as invalid may have been invalid only in its uuid: with a real one it is valid, so
        # it is no longer expected to be refused.
        known = KNOWN.get(case.path.split("/")[3], TASK_UUIDS[0])
        case.path_parameters = {**case.path_parameters, "uuid": str(known)}
        if case.headers and "If-Match" in case.headers:
            # A change of it names the version it has now, as after reading it (else nearly
            # every generated change would be a 412 and its success never reached).
            from tests.versions import current_version

            version = current_version(case.formatted_path)
            if version is not None:
                case.headers = {**case.headers, "If-Match": f'"{version}"'}
        case.call_and_validate(
            headers=headers,
            additional_checks=extra,
            excluded_checks=[*excluded, negative_data_rejection],
        )


def _well_formed(value) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


FUZZ_SETTINGS = {"deadline": None, "database": None, "suppress_health_check": list(HealthCheck)}


class _LooksRecordsUp(Exception):
    pass


class _KnownByHerRole:
    """A member of staff known only by her role's permissions (staff/roles.py): what a door asks
    before any record is looked at."""

    is_authenticated = True
    is_anonymous = False
    is_active = True

    def __init__(self, role: str):
        self.permissions = frozenset(ROLES[role].permissions)

    def has_perm(self, perm, obj=None) -> bool:
        if obj is not None:  # a permission on a record: asked past the door
            raise _LooksRecordsUp
        return perm in self.permissions


def _no_queries(execute, sql, params, many, context):
    raise _LooksRecordsUp


def refused_at_the_door(operation, role: str) -> bool:
    """Whether her role alone refuses her the operation (`_refused_at_the_door`), asked once
    a process for each operation and role: the schema's filters ask it again and again as the
    module's tests are collected."""
    return _refused_at_the_door(operation.path, operation.method.upper(), role)


@functools.cache
def _refused_at_the_door(path: str, method: str, role: str) -> bool:
    """Whether her role alone refuses her the operation, whatever the request: the permissions
    the view asks (DRF's), the action's `perm` and its area's `access` refuse her before any
    record is looked at or any body read (`bangkok.actions.reach`). They are asked of a caller
    known only by her role, with the database shut: whatever would look a record up is past the
    door, and so is a read (its view looks records up itself)."""
    from django.core.exceptions import PermissionDenied
    from django.db import connection
    from django.http import Http404
    from django.test import RequestFactory
    from django.urls import Resolver404, resolve
    from rest_framework.request import Request

    address = path.replace("{uuid}", str(WOMAN_UUID)).replace("{key}", "key")
    try:
        view = resolve(address).func.cls
    except (Resolver404, AttributeError):
        return False
    user = _KnownByHerRole(role)
    request = Request(RequestFactory().generic(method, address))
    request.user = user
    action = getattr(view, "operation", None)
    try:
        with connection.execute_wrapper(_no_queries):
            instance = view()
            if not all(p.has_permission(request, instance) for p in instance.get_permissions()):
                return True
            if action is None or method.lower() != action.method:
                return False
            if action.perm and not user.has_perm(action.perm):
                return True
            if view.area.find is not None or action.arg is None:
                return False
            view.area.access(user, WOMAN_UUID, write=True)
    except (Http404, PermissionDenied):
        return True
    except Exception:  # anything else happens past the door
        return False
    return False


def _for(role: str, *, refused: bool):
    """The operations `role` is refused at the door (`refused`), or those she may reach."""
    return lambda context: refused_at_the_door(context.operation, role) == refused


# Where her role is refused at the door, a role gets generated requests only in the suite,
# and as few as a refused caller (`REFUSED_EXAMPLES`): nothing she sends is read
# (`test_the_operations_left_out_of_her_coverage_phase_refuse_her_at_the_door`). A larger run
# than the suite's (`make fuzz`) gives a writing role the coverage phase there too.
door_schema = schema if EXAMPLES > SUITE_EXAMPLES else generated_schema


@pytest.mark.parametrize("role", WRITING_ROLES)
def test_the_operations_left_out_of_her_coverage_phase_refuse_her_at_the_door(role, api_data):
    """Where the suite gives a writing role generated requests only (`refused_at_the_door`),
    she is refused before any body is read: as her, each of those operations answers 404 to a
    body no serializer takes, at the woman, admission or child the fuzz knows. The same body
    is refused as invalid (400) where the operation is hers."""
    from django.test import Client

    client = Client(headers=api_data["headers"][role])

    def answer(operation) -> int:
        known = KNOWN.get(operation.path.split("/")[3], WOMAN_UUID)
        address = operation.path.replace("{uuid}", str(known)).replace("{key}", "key")
        return client.generic(
            operation.method.upper(), address, "[1]", content_type="application/json"
        ).status_code

    operations = [result.ok() for result in schema.get_all_operations()]
    refused = [op for op in operations if refused_at_the_door(op, role)]
    hers = {"reception": "/api/v1/admissions/{uuid}/rights/", "custody": "/api/v1/cell-searches/"}
    assert hers[role] not in {op.path for op in refused}
    assert 0 < len(refused) < len(operations)
    answers = {f"{op.method.upper()} {op.path}": answer(op) for op in refused}
    assert set(answers.values()) == {404}, answers
    mine = next(op for op in operations if op.path == hers[role])
    assert answer(mine) == 400


def _reached_by(context, role: str) -> bool:
    return not refused_at_the_door(context.operation, role)


def _reception_alone(context) -> bool:
    """The operations reception gets past the door of and custody doesn't."""
    return _reached_by(context, "reception") and not _reached_by(context, "custody")


# Where custody gets past the door too, the coverage phase's boundary values for each field
# are sent once in the suite, as custody: they test the operation's input, which its
# serializer reads the same whoever sends it; reception gets generated requests there. A
# larger run than the suite's (`make fuzz`) gives her the coverage phase there too.
shared_schema = schema if EXAMPLES > SUITE_EXAMPLES else generated_schema


@pytest.mark.parametrize("role", ["reception"])
@schema.include(_reception_alone).parametrize()
@settings(max_examples=EXAMPLES, **FUZZ_SETTINGS)
def test_every_api_operation_answers_reception_as_its_schema_says(case, role, api_data):
    fuzz(case, role, api_data)


@pytest.mark.parametrize("role", ["custody"])
@schema.include(_for("custody", refused=False)).parametrize()
@settings(max_examples=EXAMPLES, **FUZZ_SETTINGS)
def test_every_api_operation_answers_custody_as_its_schema_says(case, role, api_data):
    fuzz(case, role, api_data)


def fuzz_as_each(case, roles, api_data) -> None:
    """`fuzz` as each of `roles`, with the same generated request: each her own copy, made
    before any is sent (`fuzz` changes the copy it sends)."""
    copies = {role: case.derive(keep_auth=True) for role in roles}
    for role, as_her in copies.items():
        try:
            fuzz(as_her, role, api_data)
        except BaseException as failure:
            failure.add_note(f"Sent as {role}.")
            raise


# Reception where custody gets past the door too, and the inspector wherever she does, get the
# same schema and as many examples (generated requests in the suite, the coverage phase too in
# `make fuzz`): where both do, they are sent the same requests, drawn once.
assert shared_schema is inspector_schema


def reception_and_the_inspector(operation) -> list[str]:
    """Who of reception (where custody gets past the door too) and the inspector gets past
    the door of the operation."""
    past = {
        role: not refused_at_the_door(operation, role) for role in [*WRITING_ROLES, "inspector"]
    }
    reception = ["reception"] if past["reception"] and past["custody"] else []
    return [*reception, *(["inspector"] if past["inspector"] else [])]


@shared_schema.include(
    lambda context: bool(reception_and_the_inspector(context.operation))
).parametrize()
@settings(max_examples=EXAMPLES, **FUZZ_SETTINGS)
def test_the_operations_custody_or_the_inspector_reach_answer_as_their_schema_says(case, api_data):
    """Reception where custody gets past the door too (custody is sent the coverage phase
    there), and the inspector (S4: she reads what the schema says, and no write of hers
    succeeds)."""
    fuzz_as_each(case, reception_and_the_inspector(case.operation), api_data)


# The roles that get generated requests only, and as few as `REFUSED_EXAMPLES`: those refused at
# the door whatever they send (`REFUSED_ROLES`) and, in the suite, the writing roles and the
# inspector where her role is refused at the door. Each of them is sent the same generated
# requests of an operation, drawn once: the same number of examples of each operation for each
# role as when each drew her own, from the same strategy, and the one draw is most of the work.
DOOR_ROLES = [*WRITING_ROLES, "inspector"]


def generated_only_roles(operation) -> list[str]:
    if EXAMPLES > SUITE_EXAMPLES:  # `make fuzz`: the door roles get the coverage phase there
        return list(REFUSED_ROLES)
    return [*REFUSED_ROLES, *(r for r in DOOR_ROLES if refused_at_the_door(operation, r))]


@generated_schema.parametrize()
@settings(max_examples=REFUSED_EXAMPLES, **FUZZ_SETTINGS)
def test_every_api_operation_refuses_those_it_isnt_for(case, api_data):
    """Anonymous callers and the account manager are refused at the door, and staff of another
    facility at every record of this one, whatever they send; so are reception, custody and the
    inspector (S4: every write of hers) where their role is refused at the door (the suite). A
    few examples each say so."""
    fuzz_as_each(case, generated_only_roles(case.operation), api_data)


if EXAMPLES > SUITE_EXAMPLES:
    # A larger run than the suite's (`make fuzz`) gives the writing roles and the inspector the
    # coverage phase where their role is refused at the door, each in her own test.

    @pytest.mark.parametrize("role", ["reception"])
    @door_schema.include(_for("reception", refused=True)).parametrize()
    @settings(max_examples=REFUSED_EXAMPLES, **FUZZ_SETTINGS)
    def test_the_operations_refused_to_reception_at_the_door_answer_as_their_schema_says(
        case, role, api_data
    ):
        fuzz(case, role, api_data)

    @pytest.mark.parametrize("role", ["custody"])
    @door_schema.include(_for("custody", refused=True)).parametrize()
    @settings(max_examples=REFUSED_EXAMPLES, **FUZZ_SETTINGS)
    def test_the_operations_refused_to_custody_at_the_door_answer_as_their_schema_says(
        case, role, api_data
    ):
        fuzz(case, role, api_data)

    @pytest.mark.parametrize("role", ["inspector"])
    @inspector_schema.include(_for("inspector", refused=True)).parametrize()
    @settings(max_examples=REFUSED_EXAMPLES, **FUZZ_SETTINGS)
    def test_the_writes_refused_to_the_inspector_at_the_door_answer_as_their_schema_says(
        case, role, api_data
    ):
        """S4: every write is refused her before any body is read; a few examples say so."""
        fuzz(case, role, api_data)
