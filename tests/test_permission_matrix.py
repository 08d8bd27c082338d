"""The permission matrix (QUALITY S1, S4): every URL x every role x method is declared here.

A route the resolver or the OpenAPI schema knows and this file doesn't fails the suite.
Statuses: 2xx only where the role may; out of scope or forbidden is 404, 403, 401, 302 (to a
login page) or 405, never a 2xx.
"""

from fnmatch import fnmatch

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token

from conftest import CASE_ROLES
from reminders.services import schedule_reminder
from staff.models import Course, TrainingRecord
from staff.roles import ROLES

ROLES_IN_MATRIX = ["anonymous", *CASE_ROLES, "sysadmin", "outsider"]
HTML_METHODS = ["GET", "POST"]
API_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]
WRITERS = {"reception", "custody", "health", "social", "safeguarding", "governor"}


def rows(default, **by_role):
    """Expected status per role: `default` unless named; `case` means the 7 case roles."""
    case = by_role.pop("case", None)
    table = {role: default for role in ROLES_IN_MATRIX}
    if case is not None:
        table.update(dict.fromkeys(CASE_ROLES, case))
    table.update(by_role)
    return table


# What each role gets, per URL name and method. Anonymous users of HTML pages are sent to
# the login page (302); of the API, 401.
NOT_ALLOWED = rows(405)
MATRIX = {
    "dashboard": {"GET": rows(200, anonymous=302), "POST": rows(405, anonymous=302)},
    "healthz": {"GET": rows(200), "POST": NOT_ALLOWED},
    "login": {"GET": rows(302, anonymous=200), "POST": rows(302, anonymous=200)},
    "logout": {"GET": NOT_ALLOWED, "POST": rows(302)},
    "set_language": {"GET": rows(302), "POST": rows(302)},
    "prisoners:list": {
        "GET": rows(200, anonymous=302, sysadmin=403),
        "POST": rows(405, anonymous=302),
    },
    "prisoners:detail": {
        "GET": rows(200, anonymous=302, sysadmin=404, outsider=404),
        "POST": rows(405, anonymous=302),
    },
    "reminders:tasks": {
        "GET": rows(200, anonymous=302, sysadmin=403),
        "POST": rows(405, anonymous=302),
    },
    # The sample task is reception's at A: only reception closes it (302 back to the list).
    "reminders:complete": {"GET": NOT_ALLOWED, "POST": rows(404, anonymous=302, reception=302)},
    # Admission (Rules 2-4): reception and the governor admit; reception and social workers
    # add children. An empty POST is refused with the form's errors (400), never written.
    "admissions:new": {
        "GET": rows(403, anonymous=302, reception=200, governor=200, outsider=200),
        "POST": rows(403, anonymous=302, reception=200, governor=200, outsider=200),
    },
    "admissions:detail": {
        "GET": rows(200, anonymous=302, sysadmin=404, outsider=404),
        "POST": rows(405, anonymous=302),
    },
    "admissions:offer-right": {
        "GET": rows(405, anonymous=302),
        "POST": rows(404, anonymous=302, reception=400, governor=400),
    },
    "admissions:add-child": {
        "GET": rows(405, anonymous=302),
        "POST": rows(404, anonymous=302, reception=400, social=400),
    },
    "admissions:add-family": {
        "GET": rows(405, anonymous=302),
        "POST": rows(404, anonymous=302, reception=400, social=400),
    },
    "admissions:allocate": {
        "GET": rows(405, anonymous=302),
        "POST": rows(404, anonymous=302, reception=400, social=400, governor=400),
    },
    "admissions:information-sheet": {
        "GET": rows(404, anonymous=302, reception=200, governor=200),
        "POST": rows(405, anonymous=302),
    },
    "admissions:complete": {
        "GET": rows(405, anonymous=302),
        "POST": rows(404, anonymous=302, reception=400, governor=400),
    },
    # Her property (Mandela 7, 67), transfers and release: reception and the governor. Signing
    # an empty inventory is refused with a message on the page it returns to.
    "admissions:add-property": {
        "GET": rows(405, anonymous=302),
        "POST": rows(404, anonymous=302, reception=400, governor=400),
    },
    "admissions:sign-property": {
        "GET": rows(405, anonymous=302),
        "POST": rows(404, anonymous=302, reception=302, governor=302),
    },
    "admissions:transfer": {
        "GET": rows(405, anonymous=302),
        "POST": rows(404, anonymous=302, reception=400, governor=400),
    },
    "admissions:release": {
        "GET": rows(405, anonymous=302),
        "POST": rows(404, anonymous=302, reception=400, governor=400),
    },
    # Rule 2.2: her request for suspension of detention, with reception and social workers.
    "admissions:request-suspension": {
        "GET": rows(405, anonymous=302),
        "POST": rows(404, anonymous=302, reception=400, social=400),
    },
    "admissions:decide-suspension": {
        "GET": rows(405, anonymous=302),
        "POST": rows(404, anonymous=302, reception=400, social=400),
    },
    "api-token": {
        "GET": NOT_ALLOWED,
        "POST": rows(200),
        "PUT": NOT_ALLOWED,
        "PATCH": NOT_ALLOWED,
        "DELETE": NOT_ALLOWED,
    },
    "api-prisoner-list": {
        "GET": rows(200, anonymous=401, sysadmin=403),
        **dict.fromkeys(["POST", "PUT", "PATCH", "DELETE"], rows(405, anonymous=401, sysadmin=403)),
    },
    "api-prisoner-detail": {
        "GET": rows(200, anonymous=401, sysadmin=403, outsider=404),
        **dict.fromkeys(["POST", "PUT", "PATCH", "DELETE"], rows(405, anonymous=401, sysadmin=403)),
    },
    "api-task-list": {
        "GET": rows(200, anonymous=401, sysadmin=403),
        **dict.fromkeys(["POST", "PUT", "PATCH", "DELETE"], rows(405, anonymous=401, sysadmin=403)),
    },
    "api-task-complete": {
        "POST": rows(404, anonymous=401, sysadmin=403, inspector=403, reception=200),
        **dict.fromkeys(
            ["GET", "PUT", "PATCH", "DELETE"],
            rows(405, anonymous=401, sysadmin=403, inspector=403),
        ),
    },
    "api-schema": {"GET": rows(200), "POST": NOT_ALLOWED},
    "api-docs": {"GET": rows(200), "POST": NOT_ALLOWED},
    "favicon": {"GET": rows(301), "POST": rows(301)},
}


# The admin's logout is POST only, and only for those the admin lets in at all.
LOGOUT = {"GET": rows(302, sysadmin=405), "POST": rows(302)}


def admin_expected(name: str, method: str, role: str) -> int:
    """The admin site is the sysadmin's alone: everyone else is sent to its login page."""
    if name == "admin:login":
        return 302 if role == "sysadmin" and method == "GET" else 200
    if name == "admin:logout":
        return LOGOUT[method][role]
    if role != "sysadmin":
        return 302
    fixed = {
        "admin:index": {"GET": 200, "POST": 200},
        "admin:app_list": {"GET": 200, "POST": 200},
        "admin:jsi18n": {"GET": 200, "POST": 405},
        "admin:autocomplete": {"GET": 403, "POST": 405},
        "admin:password_change": {"GET": 200, "POST": 200},
        "admin:password_change_done": {"GET": 200, "POST": 405},
        "admin:auth_user_password_change": {"GET": 200, "POST": 200},
        "admin:view_on_site": {"GET": 404, "POST": 404},
        "admin:catch_all": {"GET": 404, "POST": 404},
    }
    if name in fixed:
        return fixed[name][method]
    action = name.rsplit("_", 1)[1]
    model = name.removeprefix("admin:").rsplit("_", 1)[0]
    app_label, model_name = model.split("_", 1)
    perms = set(ROLES["sysadmin"].permissions)
    can = {verb: f"{app_label}.{verb}_{model_name}" in perms for verb in ("view", "add", "change")}
    if action in {"changelist", "history", "change"}:
        allowed = can["view"] or can["change"]
    elif action == "add":
        allowed = can["add"]
    else:  # delete: only login lockouts (to unlock an account); an empty POST only asks
        allowed = f"{app_label}.delete_{model_name}" in perms
    if not allowed:
        return 403
    if method == "POST" and action == "changelist":
        return 200
    if (
        method == "POST"
        and action in {"add", "change"}
        and not can["add" if action == "add" else "change"]
    ):
        return 403
    return 200


def walk(patterns, prefix="", namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace
            inner = f"{namespace}:{ns}" if namespace and ns else ns or namespace
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            name = pattern.name and (f"{namespace}:{pattern.name}" if namespace else pattern.name)
            yield prefix + str(pattern.pattern), name


# Unnamed admin routes: "<model>/<id>/" redirects to the change page; the catch-all.
UNNAMED = {
    "admin/*/*/<path:object_id>/": "admin:object_redirect",
    "admin/(?P<url>.*)$": "admin:catch_all",
}


def route_key(path: str, name: str | None) -> str | None:
    if name:
        return name
    for pattern, key in UNNAMED.items():
        if fnmatch(path, pattern):
            return key
    return None


ROUTES = sorted(
    {(route_key(p, n), p) for p, n in walk(get_resolver().url_patterns)},
    key=lambda r: (r[0] or "", r[1]),
)


def test_every_route_has_a_declared_policy():
    undeclared = [
        path
        for key, path in ROUTES
        if key is None or not (key in MATRIX or key.startswith("admin:"))
    ]
    assert undeclared == [], f"Declare these routes in the permission matrix: {undeclared}"


def test_every_operation_in_the_openapi_schema_has_a_declared_policy(client):
    schema = client.get("/api/schema/?format=json").json()
    by_path = {p: k for k, p in ROUTES}
    missing = []
    for path, operations in schema["paths"].items():
        route = path.lstrip("/").replace("{uuid}", "<uuid:uuid>")
        key = by_path.get(route)
        for method in operations:
            if key not in MATRIX or method.upper() not in MATRIX[key]:
                missing.append(f"{method.upper()} {path}")
    assert missing == []


def sample_kwargs(key: str, path: str, world) -> dict:
    if "<uuid:uuid>" in path:
        if key == "admissions:decide-suspension":
            return {"uuid": world["admission"].uuid, "request_uuid": world["suspension"].uuid}
        if key.startswith("admissions:"):
            return {"uuid": world["admission"].uuid}
        return {"uuid": world["task"].uuid if "complete" in key else world["woman"].uuid}
    kwargs = {}
    if "object_id" in path or "<id>" in path:
        model = key.removeprefix("admin:").rsplit("_", 1)[0]
        kwargs["object_id" if "object_id" in path else "id"] = world["admin_objects"].get(
            model, world["admin_objects"]["staff_user"]
        )
    if "content_type_id" in path:
        kwargs["content_type_id"] = world["content_type"]
    return kwargs


def url_for(key: str, path: str, world) -> str:
    if key == "admin:catch_all":
        return "/admin/no-such-page/"
    if key == "admin:object_redirect":
        return "/" + path.replace("<path:object_id>", str(world["admin_objects"]["staff_user"]))
    if key == "admin:app_list":
        return reverse(key, kwargs={"app_label": "staff"})
    return reverse(key, kwargs=sample_kwargs(key, path, world))


def axes_records() -> dict:
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    common = {
        "user_agent": "matrix",
        "ip_address": "10.0.0.1",
        "username": "someone",
        "http_accept": "*/*",
        "path_info": "/accounts/login/",
    }
    return {
        "axes_accessattempt": AccessAttempt.objects.create(failures_since_start=1, **common).pk,
        "axes_accesslog": AccessLog.objects.create(**common).pk,
        "axes_accessfailurelog": AccessFailureLog.objects.create(**common).pk,
    }


@pytest.fixture
def world(cast, woman_a, facility_a):
    from django.contrib.auth.models import Group
    from django.contrib.contenttypes.models import ContentType

    training = TrainingRecord.objects.create(
        user=cast["custody"], course=Course.SEARCH_METHODS, completed=timezone.localdate()
    )
    task = schedule_reminder(
        key="matrix",
        kind="t",
        rule="M7",
        title="Check her contacts",
        facility=facility_a,
        assignee_role="reception",
        prisoner=woman_a,
        due_at=timezone.now(),
    )
    from admissions.services import admit_woman
    from admissions.tests.factories import commitment, identity

    admission = admit_woman(
        by=cast["reception"], facility=facility_a, commitment=commitment(), identity=identity()
    )
    from admissions.services import request_suspension

    suspension = request_suspension(by=cast["reception"], admission=admission, authority="Court")
    return {
        "woman": woman_a,
        "admission": admission,
        "suspension": suspension,
        "task": task,
        "content_type": ContentType.objects.get_for_model(facility_a).pk,
        "admin_objects": {
            "staff_user": cast["reception"].pk,
            "auth_user": cast["reception"].pk,
            "auth_group": Group.objects.get(name="reception").pk,
            "staff_trainingrecord": training.pk,
            "prisoners_facility": facility_a.pk,
            **axes_records(),
        },
    }


def cells():
    for key, path in ROUTES:
        if key is None:
            continue
        methods = API_METHODS if path.startswith("api/v1/") else HTML_METHODS
        for method in methods:
            yield pytest.param(key, path, method, id=f"{method} {key}")


def expected(key: str, method: str, role: str) -> int:
    if key.startswith("admin:") and key not in MATRIX:
        if key == "admin:object_redirect":
            return 302
        return admin_expected(key, method, role)
    return MATRIX[key][method][role]


_CLIENT = []


def fresh_client() -> Client:
    # One client for the module: building a client loads the middleware, which is slow.
    if not _CLIENT:
        _CLIENT.append(Client())
    client = _CLIENT[0]
    client.cookies.clear()
    return client


def request_as(role, cast, method, url, key):
    client = fresh_client()
    headers = {}
    if role != "anonymous":
        user = cast[role]
        if url.startswith("/api/v1/") and key != "api-token":
            token, _ = Token.objects.get_or_create(user=user)
            headers["HTTP_AUTHORIZATION"] = f"Token {token.key}"
        else:
            client.force_login(user)
    data = None
    if key == "api-token" and method == "POST":
        user = cast["reception" if role == "anonymous" else role]
        data = {"username": user.username, "password": "correct horse battery staple"}
    call = getattr(client, method.lower())
    if url.startswith("/api/"):
        return call(url, data=data or {}, content_type="application/json", **headers)
    return call(url, data=data or {}, **headers)


@pytest.mark.django_db
@pytest.mark.parametrize(("key", "path", "method"), list(cells()))
def test_matrix(key, path, method, cast, world):
    """Each role in turn; a write that succeeds is rolled back before the next role."""
    from django.db import transaction

    url = url_for(key, path, world)
    wrong = []
    for role in ROLES_IN_MATRIX:
        sid = transaction.savepoint_create()
        status = request_as(role, cast, method, url, key).status_code
        transaction.savepoint_rollback(sid)
        want = expected(key, method, role)
        if status != want:
            wrong.append(f"{role}: got {status}, declared {want}")
        if role == "inspector" and method != "GET" and 200 <= status < 300:
            assert key in {"api-token", "admin:login"}, f"an inspector wrote: {method} {url}"
    assert wrong == [], f"{method} {url}"
