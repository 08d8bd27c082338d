"""The permission matrix (QUALITY S1, S4): every URL x every role x method is declared here.

A route the resolver or the OpenAPI schema knows and this file doesn't fails the suite.
Statuses: 2xx only where the role may; out of scope or forbidden is 404, 401, 302 (to a
login page) or 405, never a 2xx. A role refused an area or an action gets the 404 of a record
that doesn't exist, never a 403 (`bangkok.errors`): no cell declares 403, and a cell declared
404 of a route with an id, as a case role or the system administrator (GET and POST), answers
byte for byte as the same request with an id that doesn't exist (`tests/test_not_found_sweep.py`
says why, and asks the rest: from another facility). The empty POST of each page form refused
with its errors (400) is checked for errors that name their fields (`tests/error_summary.py`).
"""

import copy
import re
import uuid
from datetime import timedelta
from fnmatch import fnmatch

import pytest
from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from conftest import CASE_ROLES
from inspections.tests.matrix import INSPECTORS_OWN
from register.tests.factories import decide
from reminders.services import schedule_reminder
from signin.tests.factories import token_for
from staff.models import AccessChange, Course, TrainingRecord
from staff.roles import ROLES
from tests.alike import ID_PARAMETER, REFUSALS, answer_of, parted
from tests.error_summary import empty_refused, unnamed_errors
from tests.matrix_support import (
    API_METHODS,
    API_NOT_ALLOWED,
    HTML_METHODS,
    NOT_ALLOWED,
    ROLES_IN_MATRIX,
    area_modules,
    rows,
)
from tests.module_records import records_for_the_module
from tests.versions import current_version

CASE = CASE_ROLES

MATRIX = {
    "dashboard": {"GET": rows(200, anonymous=302), "POST": rows(405, anonymous=302)},
    "healthz": {"GET": rows(200), "POST": NOT_ALLOWED},
    "login": {"GET": rows(302, anonymous=200), "POST": rows(302, anonymous=200)},
    "logout": {"GET": NOT_ALLOWED, "POST": rows(302)},
    "set_language": {"GET": rows(302), "POST": rows(302)},
    "prisoners:list": {
        "GET": rows(200, anonymous=302, sysadmin=404),
        "POST": rows(405, anonymous=302),
    },
    "prisoners:export": {
        "GET": rows(200, anonymous=302, sysadmin=404),
        "POST": rows(405, anonymous=302),
    },
    "prisoners:detail": {
        "GET": rows(200, anonymous=302, sysadmin=404, outsider=404),
        "POST": rows(405, anonymous=302),
    },
    **{
        f"prisoners:section-{key}": {
            "GET": rows(404, anonymous=302, **dict.fromkeys(readers, 200)),
            "POST": rows(405, anonymous=302),
        }
        for key, readers in {
            # Her page's sections, each at its own address, read when it is opened
            # (`prisoners.sections`): the roles that see each one on the page of the matrix's
            # admitted woman (a record in every area, no notice to a guardian: no girls'
            # section), every other role the 404 of a woman who doesn't exist.
            "admission": CASE,
            "children": CASE,
            "selfharm": CASE,
            "safeguarding": CASE,
            "complaints": CASE,
            "tasks": CASE,
            "breaches": CASE,
            "pretrial": CASE,
            "girls": (),
            "health": ("health",),
            "allocation": ("reception", "social", "governor", "inspector"),
            "family": ("reception", "social", "governor", "inspector"),
            "release": ("reception", "health", "social", "safeguarding", "governor", "inspector"),
            "visits": ("reception", "custody", "social", "governor", "inspector"),
            "searches": ("custody", "governor", "inspector"),
            "discipline": ("custody", "health", "social", "governor", "inspector"),
            "restraints": ("custody", "health", "governor", "inspector"),
            "classification": ("reception", "custody", "health", "social", "governor", "inspector"),
            "force": ("custody", "health", "governor", "inspector"),
            "parole": ("custody", "social", "governor", "inspector"),
            "hygiene": ("custody", "health", "governor", "inspector"),
            "regime": ("custody", "health", "social", "governor", "inspector"),
            "equality": ("health", "social", "governor"),
            # Break-glass (Rule 8): custody and the governor, who don't read her clinical file.
            "breakglass": ("custody", "governor"),
        }.items()
    },
    # Where she lives (Rules 49, 51.2; Mandela 11): reception, custody and the governor move
    # her to another unit; an empty choice is refused naming the field (400).
    "prisoners:unit": {
        "GET": rows(404, anonymous=302, reception=200, custody=200, governor=200),
        "POST": rows(404, anonymous=302, reception=400, custody=400, governor=400),
    },
    "reminders:tasks": {
        "GET": rows(200, anonymous=302, sysadmin=404),
        "POST": rows(405, anonymous=302),
    },
    # The sample task is reception's at A: only reception closes it (302 back to the list).
    "reminders:complete": {"GET": NOT_ALLOWED, "POST": rows(404, anonymous=302, reception=302)},
    # Admission (Rules 2-4): reception and the governor admit; reception and social workers
    # add children. An empty POST is refused with the form's errors (400), never written.
    "admissions:new": {
        "GET": rows(404, anonymous=302, reception=200, governor=200, outsider=200),
        "POST": rows(404, anonymous=302, reception=400, governor=400, outsider=400),
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
    "admissions:court-outcome": {
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
    # The clinical file (Rule 8): health staff of her facility only; every other role 404,
    # the inspector included while she doesn't consent. An empty POST is refused (400), and
    # the pre-test counselling of a declined HIV test is refused under Rule 6.
    "health:file": {
        "GET": rows(404, anonymous=302, health=200),
        "POST": rows(405, anonymous=302),
    },
    **{
        name: {"GET": rows(405, anonymous=302), "POST": rows(404, anonymous=302, health=400)}
        for name in (
            "health:start-screening",
            "health:record-screening",
            "health:offer-hiv",
            "health:hiv-step",
            "health:record-disclosure",
            "health:disclosure-legal-action",
            "health:disclosure-referral",
            "health:screen-child",
            "health:give-consent",
        )
    },
    "health:record-child-check": {
        "GET": rows(405, anonymous=302),
        "POST": rows(404, anonymous=302, health=302),
    },
    "health:withdraw-consent": {
        "GET": rows(405, anonymous=302),
        "POST": rows(404, anonymous=302, health=302),
    },
    # Maternity (Rules 48, 51): the woman's pregnancy is already recorded, so declaring one is
    # refused (400); a breastfeeding restriction or care plan without its text is refused too.
    **{
        f"health:maternity-{name}": {
            "GET": rows(405, anonymous=302),
            "POST": rows(404, anonymous=302, health=status),
        }
        for name, status in {
            "declare": 400,
            "confirm": 400,
            "rule-out": 302,
            "end": 400,
            "care-plan": 400,
            "labour": 302,
            "birth": 400,
            "contact": 302,
            "breastfeeding": 400,
        }.items()
    },
    # Preventive care (Rules 17, 18): "Check what is due" books reminders (302); an empty
    # record, result or follow-up outcome is refused (400; the outcome under Rule 18).
    "health:preventive-check": {
        "GET": rows(405, anonymous=302),
        "POST": rows(404, anonymous=302, health=302),
    },
    **{
        f"health:preventive-{name}": {
            "GET": rows(405, anonymous=302),
            "POST": rows(404, anonymous=302, health=400),
        }
        for name in ("record", "result", "follow-up")
    },
    # The care part of the clinical file (Rules 10-16): health staff of her facility only; an
    # empty POST records her request for a woman clinician (302), and is refused otherwise.
    "health:request-woman-clinician": {
        "GET": rows(405, anonymous=302),
        "POST": rows(404, anonymous=302, health=302),
    },
    # Ending the sample clinical restriction on restraints: health staff only.
    "health:end-restraint-restriction": {
        "GET": rows(405, anonymous=302),
        "POST": rows(404, anonymous=302, health=302),
    },
    **{
        f"health:{name}": {
            "GET": rows(405, anonymous=302),
            "POST": rows(404, anonymous=302, health=400),
        }
        for name in (
            "withdraw-woman-clinician",
            "restrict-restraints",
            "record-encounter",
            "record-assessment",
            "set-observation",
            "clear-for-segregation",
            "record-distress",
        )
    },
    "api-token": {
        "GET": NOT_ALLOWED,
        "POST": rows(200),
        "PUT": NOT_ALLOWED,
        "PATCH": NOT_ALLOWED,
        "DELETE": NOT_ALLOWED,
    },
    "api-prisoner-list": {
        "GET": rows(200, anonymous=401, sysadmin=404),
        **dict.fromkeys(["POST", "PUT", "PATCH", "DELETE"], API_NOT_ALLOWED),
    },
    # The list as a file (Rules 67-70): whoever sees the list.
    "api-prisoner-export": {
        "GET": rows(200, anonymous=401, sysadmin=404),
        **dict.fromkeys(["POST", "PUT", "PATCH", "DELETE"], API_NOT_ALLOWED),
    },
    "api-prisoner-detail": {
        "GET": rows(200, anonymous=401, sysadmin=404, outsider=404),
        **dict.fromkeys(["POST", "PUT", "PATCH", "DELETE"], API_NOT_ALLOWED),
    },
    "api-prisoner-unit": {
        "POST": rows(404, anonymous=401, reception=400, custody=400, governor=400),
        **dict.fromkeys(["GET", "PUT", "PATCH", "DELETE"], API_NOT_ALLOWED),
    },
    "api-task-list": {
        "GET": rows(200, anonymous=401, sysadmin=404),
        **dict.fromkeys(["POST", "PUT", "PATCH", "DELETE"], API_NOT_ALLOWED),
    },
    "api-task-complete": {
        "POST": rows(404, anonymous=401, sysadmin=404, inspector=404, reception=200),
        **dict.fromkeys(["GET", "PUT", "PATCH", "DELETE"], API_NOT_ALLOWED),
    },
    # Admission API: the same roles as the pages. Without the permission, or for another
    # facility's record, 404. An empty body is refused with the fields' errors (400); the
    # sample admission has no rights answered yet, so completing it is refused under Rule 2.1.
    "api-admission-list": {
        "GET": rows(200, anonymous=401, sysadmin=404),
        "POST": rows(404, anonymous=401, reception=400, governor=400, outsider=400),
        **dict.fromkeys(["PUT", "PATCH", "DELETE"], API_NOT_ALLOWED),
    },
    "api-admission-find-returning": {
        "GET": rows(404, anonymous=401, reception=200, governor=200, outsider=200),
        **dict.fromkeys(["POST", "PUT", "PATCH", "DELETE"], API_NOT_ALLOWED),
    },
    "api-admission-detail": {
        "GET": rows(200, anonymous=401, sysadmin=404, outsider=404),
        **dict.fromkeys(["POST", "PUT", "PATCH", "DELETE"], API_NOT_ALLOWED),
    },
    "api-admission-rights": {
        "POST": rows(404, anonymous=401, reception=400, governor=400, outsider=404),
        **dict.fromkeys(["GET", "PUT", "PATCH", "DELETE"], API_NOT_ALLOWED),
    },
    "api-admission-complete": {
        "POST": rows(404, anonymous=401, reception=409, governor=409, outsider=404),
        **dict.fromkeys(["GET", "PUT", "PATCH", "DELETE"], API_NOT_ALLOWED),
    },
    "api-admission-allocation": {
        "POST": rows(404, anonymous=401, reception=400, social=400, governor=400, outsider=404),
        **dict.fromkeys(["GET", "PUT", "PATCH", "DELETE"], API_NOT_ALLOWED),
    },
    # Her property (Mandela 7, 67): every case role reads the inventory; reception and the
    # governor keep it, transfer and release her. An empty body is refused (400), as is
    # signing the sample admission's empty inventory.
    "api-admission-property": {
        "GET": rows(200, anonymous=401, sysadmin=404, outsider=404),
        "POST": rows(404, anonymous=401, reception=400, governor=400, outsider=404),
        **dict.fromkeys(["PUT", "PATCH", "DELETE"], API_NOT_ALLOWED),
    },
    **{
        name: {
            "POST": rows(404, anonymous=401, reception=400, governor=400, outsider=404),
            **dict.fromkeys(["GET", "PUT", "PATCH", "DELETE"], API_NOT_ALLOWED),
        }
        for name in (
            "api-admission-property-sign",
            "api-admission-transfer",
            "api-admission-court-outcome",
            "api-admission-release",
        )
    },
    # Rule 2.2: reception and social workers record her request and its outcome; the
    # governor and the inspector read that it exists. The sample request is pending, so an
    # empty decision is refused for its missing outcome (400).
    "api-admission-suspension-requests": {
        "GET": rows(
            404, anonymous=401, reception=200, social=200, governor=200, inspector=200, outsider=404
        ),
        "POST": rows(404, anonymous=401, reception=400, social=400, outsider=404),
        **dict.fromkeys(["PUT", "PATCH", "DELETE"], API_NOT_ALLOWED),
    },
    "api-suspension-decision": {
        "POST": rows(404, anonymous=401, reception=400, social=400, outsider=404),
        **dict.fromkeys(["GET", "PUT", "PATCH", "DELETE"], API_NOT_ALLOWED),
    },
    # Her family (T2): reception and social workers keep it; the governor and inspector read.
    "api-prisoner-family": {
        "GET": rows(
            404, anonymous=401, reception=200, social=200, governor=200, inspector=200, outsider=404
        ),
        "POST": rows(404, anonymous=401, reception=400, social=400, outsider=404),
        **dict.fromkeys(["PUT", "PATCH", "DELETE"], API_NOT_ALLOWED),
    },
    # Children's identities (Rule 3.2): reception and social workers only; every other role,
    # the inspector included, is refused before anything is read.
    "api-prisoner-children": {
        "GET": rows(404, anonymous=401, reception=200, social=200, outsider=404),
        "POST": rows(404, anonymous=401, reception=400, social=400, outsider=404),
        **dict.fromkeys(["PUT", "PATCH", "DELETE"], API_NOT_ALLOWED),
    },
    "api-child-detail": {
        "PATCH": rows(404, anonymous=401, social=400),
        **dict.fromkeys(["GET", "POST", "PUT", "DELETE"], API_NOT_ALLOWED),
    },
    # A child living with her leaves only by a separation (Rule 52): social workers.
    "register:separate": {
        "GET": rows(404, anonymous=302, social=200),
        "POST": rows(404, anonymous=302, social=400),
    },
    "api-child-separation": {
        "POST": rows(404, anonymous=401, social=400),
        **dict.fromkeys(["GET", "PATCH", "PUT", "DELETE"], API_NOT_ALLOWED),
    },
    # The health API (Rules 6-18, 48): health staff of her facility only; every other role,
    # the inspector included while she doesn't consent, gets the 404 of a woman who doesn't
    # exist, before any body is read. An empty body is refused with the fields' errors (400)
    # or under a Rule (409: the sample HIV test was declined; a care plan without its
    # programme; a follow-up without its outcome); a step with nothing to fill in is taken.
    "api-health-file": {
        "GET": rows(404, anonymous=401, health=200),
        **dict.fromkeys(["POST", "PUT", "PATCH", "DELETE"], rows(405, anonymous=401)),
    },
    **{
        f"api-health-{name}": {
            "POST": rows(404, anonymous=401, health=status),
            **dict.fromkeys(["GET", "PUT", "PATCH", "DELETE"], rows(405, anonymous=401)),
        }
        for name, status in {
            "start-screening": 400,
            "answer-item": 400,
            "hiv-offer": 400,
            "hiv-pre": 409,
            "hiv-sample": 409,
            "hiv-result": 400,
            "hiv-post": 400,
            "disclosure": 400,
            "disclosure-legal-action": 400,
            "disclosure-referral": 400,
            "child-screening": 201,
            "child-check": 200,
            "consent": 400,
            "consent-withdraw": 200,
            "pregnancy-declare": 400,
            "pregnancy-confirm": 400,
            "pregnancy-rule-out": 200,
            "pregnancy-end": 400,
            "pregnancy-care-plan": 409,
            "pregnancy-labour": 200,
            "pregnancy-birth": 400,
            "maternity-contact": 200,
            "breastfeeding": 400,
            "preventive-record": 400,
            "preventive-check": 200,
            "preventive-result": 400,
            "preventive-follow-up": 409,
            "woman-clinician": 201,
            "woman-clinician-withdraw": 400,
            "restraint-restriction": 400,
            "restraint-restriction-end": 200,
            "encounter": 400,
            "assessment": 400,
            "observation": 400,
            "segregation-clearance": 400,
            "distress": 400,
        }.items()
    },
    # The schema and its docs: signed-in staff only.
    "api-schema": {"GET": rows(200, anonymous=401), "POST": rows(405, anonymous=401)},
    "api-docs": {"GET": rows(200, anonymous=302), "POST": rows(405, anonymous=302)},
    "favicon": {"GET": rows(301), "POST": rows(301)},
}

for _area in area_modules():
    MATRIX.update(_area.MATRIX)

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
        "admin:autocomplete": {"GET": 404, "POST": 405},
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
        return 404
    if method == "POST" and action == "changelist":
        return 200
    if (
        method == "POST"
        and action in {"add", "change"}
        and not can["add" if action == "add" else "change"]
    ):
        return 404
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


# Page routes refusing an empty POST with the form's errors, and the role whose POST is checked.
EMPTY_REFUSED = empty_refused(MATRIX, ROUTES)


def test_every_route_has_a_declared_policy():
    undeclared = [
        path
        for key, path in ROUTES
        if key is None or not (key in MATRIX or key.startswith("admin:"))
    ]
    assert undeclared == [], f"Declare these routes in the permission matrix: {undeclared}"


def test_no_cell_declares_a_403():
    """A refusal is the 404 of a record that doesn't exist (`bangkok.errors`), everywhere."""
    forbidden = [
        f"{method} {key} as {role}"
        for key, methods in MATRIX.items()
        for method, by_role in methods.items()
        for role, status in by_role.items()
        if status == 403
    ]
    assert forbidden == []


def test_every_operation_in_the_openapi_schema_has_a_declared_policy(client, cast):
    client.force_login(cast["custody"])
    schema = client.get("/api/schema/?format=json").json()
    by_path = {re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", p): k for k, p in ROUTES}
    missing = []
    for path, operations in schema["paths"].items():
        key = by_path.get(path.lstrip("/"))
        for method in operations:
            if key not in MATRIX or method.upper() not in MATRIX[key]:
                missing.append(f"{method.upper()} {path}")
    assert missing == []


def sample_kwargs(key: str, path: str, world) -> dict:
    if key in world["kwargs"]:
        return world["kwargs"][key]
    if "<uuid:uuid>" in path:
        if key.startswith("api-admission-"):
            return {"uuid": world["admission"].uuid}
        if key in ("api-child-detail", "api-child-separation", "register:separate"):
            return {"uuid": world["child"].uuid}
        if key == "api-suspension-decision":
            return {"uuid": world["suspension"].uuid}
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


def unknown_url(key: str, path: str, world) -> str:
    """The route's sample URL with every id replaced by one that doesn't exist."""
    kwargs = dict(sample_kwargs(key, path, world))
    for converter, name in ID_PARAMETER.findall(path):
        kwargs[name] = uuid.uuid4() if converter == "uuid" else 2_000_000_000
    return reverse(key, kwargs=kwargs)


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


HIV_STEPS = ("pre", "sample", "result", "post")


def health_world(cast, admission) -> dict:
    """A screening, an HIV offer she declined, a disclosure, a child with her and a withdrawn
    consent, for the clinical file's routes: route name -> URL kwargs."""
    from health.services import screening as health
    from health.services.care import restrict_restraints
    from register.services import record_child

    nurse, woman = cast["health"], admission.prisoner
    screening = health.start_screening(by=nurse, admission=admission, language="en")
    test = health.offer_hiv_test(by=nurse, prisoner=woman, consent="declined", language="en")
    disclosure = health.record_disclosure(
        by=nurse,
        prisoner=woman,
        kind="other_violence",
        informed_of_recourse=True,
        support_offered=True,
    )
    decide(cast["social"], woman)
    child = record_child(
        by=cast["reception"],
        mother=woman,
        given_names="Matrix",
        date_of_birth=timezone.localdate() - timedelta(days=365),
        lives_with_mother=True,
    )
    consent = health.record_clinical_consent(by=nurse, prisoner=woman, days=1, purpose="Matrix")
    health.withdraw_clinical_consent(by=nurse, consent=consent)
    restriction, api_restriction = (
        restrict_restraints(by=nurse, prisoner=woman, limit="health_approval", reason=why)
        for why in ("injury", "disability")
    )
    her = {"uuid": woman.uuid}
    return {
        "health:file": her,
        "health:start-screening": {"uuid": admission.uuid},
        "health:record-screening": {"uuid": screening.uuid},
        "health:offer-hiv": her,
        "health:hiv-step": {"uuid": test.uuid, "step": "pre"},
        "health:record-disclosure": her,
        "health:disclosure-legal-action": {"uuid": disclosure.uuid},
        "health:disclosure-referral": {"uuid": disclosure.uuid},
        "health:screen-child": {"uuid": child.uuid},
        "health:record-child-check": {"uuid": child.health_checks.first().uuid},
        "health:give-consent": her,
        "health:withdraw-consent": {"uuid": consent.uuid},
        **{
            f"health:{name}": her
            for name in (
                "request-woman-clinician",
                "withdraw-woman-clinician",
                "record-encounter",
                "record-assessment",
                "set-observation",
                "clear-for-segregation",
                "record-distress",
                "restrict-restraints",
            )
        },
        **{
            f"api-health-{name}": her
            for name in (
                "file",
                "hiv-offer",
                "disclosure",
                "consent",
                "woman-clinician",
                "woman-clinician-withdraw",
                "restraint-restriction",
                "encounter",
                "assessment",
                "observation",
                "segregation-clearance",
                "distress",
            )
        },
        "api-health-start-screening": {"uuid": admission.uuid},
        "api-health-answer-item": {"uuid": screening.uuid},
        **{f"api-health-hiv-{step}": {"uuid": test.uuid} for step in HIV_STEPS},
        "api-health-disclosure-legal-action": {"uuid": disclosure.uuid},
        "api-health-disclosure-referral": {"uuid": disclosure.uuid},
        "api-health-child-screening": {"uuid": child.uuid},
        "api-health-child-check": {"uuid": child.health_checks.first().uuid},
        "api-health-consent-withdraw": {"uuid": consent.uuid},
        "health:end-restraint-restriction": {"uuid": restriction.uuid},
        "api-health-restraint-restriction-end": {"uuid": api_restriction.uuid},
    }


def maternity_world(cast, woman) -> dict:
    """A confirmed pregnancy with its antenatal contacts, for the maternity routes."""
    from datetime import timedelta

    from health.services import maternity

    nurse = cast["health"]
    pregnancy = maternity.declare_pregnancy(by=nurse, prisoner=woman)
    maternity.confirm_pregnancy(
        by=nurse, pregnancy=pregnancy, edd=timezone.localdate() + timedelta(weeks=20)
    )
    contact = pregnancy.contacts.first()
    steps = ["confirm", "rule-out", "end", "care-plan", "labour", "birth"]
    return {
        "health:maternity-declare": {"uuid": woman.uuid},
        **{f"health:maternity-{step}": {"uuid": pregnancy.uuid} for step in steps},
        "health:maternity-contact": {"uuid": contact.uuid},
        "health:maternity-breastfeeding": {"uuid": woman.uuid},
        "api-health-pregnancy-declare": {"uuid": woman.uuid},
        **{f"api-health-pregnancy-{step}": {"uuid": pregnancy.uuid} for step in steps},
        "api-health-maternity-contact": {"uuid": contact.uuid},
        "api-health-breastfeeding": {"uuid": woman.uuid},
    }


def preventive_world(cast, woman) -> dict:
    """A screening whose result is awaited and one with an abnormal result."""
    from health.services import preventive

    def screened(**fields):
        return preventive.record_preventive_screening(
            by=cast["health"], prisoner=woman, kind="hpv", done_on=timezone.localdate(), **fields
        )

    awaited, abnormal = screened(), screened(result="abnormal")
    return {
        "health:preventive-check": {"uuid": woman.uuid},
        "health:preventive-record": {"uuid": woman.uuid},
        "health:preventive-result": {"uuid": awaited.uuid},
        "health:preventive-follow-up": {"uuid": abnormal.uuid},
        "api-health-preventive-record": {"uuid": woman.uuid},
        "api-health-preventive-check": {"uuid": woman.uuid},
        "api-health-preventive-result": {"uuid": awaited.uuid},
        "api-health-preventive-follow-up": {"uuid": abnormal.uuid},
    }


def build_world(cast, woman_a, facility_a) -> dict:
    from django.contrib.auth.models import Group
    from django.contrib.contenttypes.models import ContentType

    training = TrainingRecord.objects.create(
        user=cast["custody"], course=Course.SEARCH_METHODS, completed=timezone.localdate()
    )
    task = schedule_reminder(
        key="matrix",
        kind="demo.reception",  # a task no record answers: "done" may close it
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
    from register.services import record_child
    from register.tests.factories import child_fields

    child = record_child(by=cast["reception"], mother=woman_a, **child_fields())
    from admissions.services import request_suspension

    suspension = request_suspension(by=cast["reception"], admission=admission, authority="Court")
    kwargs = health_world(cast, admission)
    kwargs.update(maternity_world(cast, admission.prisoner))
    kwargs.update(preventive_world(cast, admission.prisoner))
    for area in area_modules():
        kwargs.update(area.world(cast, admission))
    from prisoners.sections import keys

    her = {"uuid": admission.prisoner.uuid}
    kwargs.update({f"prisoners:section-{key}": her for key in keys()})
    return {
        "kwargs": kwargs,
        "woman": woman_a,
        "admission": admission,
        "child": child,
        "suspension": suspension,
        "task": task,
        "content_type": ContentType.objects.get_for_model(facility_a).pk,
        "admin_objects": {
            "staff_user": cast["reception"].pk,
            "auth_user": cast["reception"].pk,
            "auth_group": Group.objects.get(name="reception").pk,
            "staff_trainingrecord": training.pk,
            "staff_accesschange": AccessChange.objects.filter(subject=cast["custody"]).first().pk,
            "facilities_facility": facility_a.pk,
            **axes_records(),
        },
    }


def make_sample() -> dict:
    from conftest import make_cast, make_facility_a, make_facility_b, make_woman_a

    facility_a, facility_b = make_facility_a(), make_facility_b()
    cast = make_cast(facility_a, facility_b)
    woman_a = make_woman_a(facility_a)
    return {
        "facility_a": facility_a,
        "facility_b": facility_b,
        "cast": cast,
        "woman_a": woman_a,
        "world": build_world(cast, woman_a, facility_a),
    }


# The sample records are made once for a module's tests (`tests.module_records`): the
# matrix's, and those of the sweeps that import these fixtures. A test that uses them takes
# `cast`, `woman_a`, the facilities and `world` from here.
@pytest.fixture(scope="module")
def sample(django_db_setup, django_db_blocker):
    with records_for_the_module(django_db_blocker, make_sample) as records:
        yield records


@pytest.fixture
def world(sample, db):
    _SIGNED_IN.clear()  # the sessions and tokens of an earlier test are rolled back
    return sample["world"]


@pytest.fixture
def cast(sample, db):
    return sample["cast"]


@pytest.fixture
def woman_a(sample, db):
    return sample["woman_a"]


@pytest.fixture
def facility_a(sample, db):
    return sample["facility_a"]


@pytest.fixture
def facility_b(sample, db):
    return sample["facility_b"]


def area_of(key: str) -> str:
    """The namespace of an HTML route, or the first word after "api" of an API route."""
    if ":" in key:
        return key.split(":")[0]
    words = key.split("-")
    return "-".join(words[:2]) if words[0] == "api" and len(words) > 1 else words[0]


# The areas are asked in this many tests, each of about as many routes: the sample records
# are built once a test (a second and a half), and the suite's workers share the tests.
GROUPS = 16


def cells():
    """The areas of routes, a few to a test (the sample records built once for them), every
    route, method and role in each; a test is named by its areas."""
    areas: dict[str, list] = {}
    for key, path in ROUTES:
        if key is not None:
            areas.setdefault(area_of(key), []).append((key, path))
    size = -(-sum(len(routes) for routes in areas.values()) // GROUPS)
    names: list[str] = []
    group: list = []
    for area, routes in sorted(areas.items()):
        names.append(area)
        group.extend(routes)
        if len(group) >= size:
            yield pytest.param(group, id="+".join(names))
            names, group = [], []
    if group:
        yield pytest.param(group, id="+".join(names))


def expected(key: str, method: str, role: str) -> int:
    if key.startswith("admin:") and key not in MATRIX:
        if key == "admin:object_redirect":
            return 302
        return admin_expected(key, method, role)
    return MATRIX[key][method][role]


_CLIENT = []


def fresh_client() -> Client:
    # One client for the module: building a client loads the middleware, which is slow. A
    # plain one: `request_as` names the version of what it changes itself.
    if not _CLIENT:
        _CLIENT.append(Client())
    client = _CLIENT[0]
    client.cookies.clear()
    return client


# Each role signs in once a test, not once a request: an API token, or a session's key,
# forgotten as each test starts (`world`), since the test that made them rolled them back.
_SIGNED_IN: dict[tuple[bool, int], str] = {}


def signed_in(user, api: bool) -> str:
    """Her API token's key (`api`) or her session's key, made on first use: a caller that
    rolls back after each request makes them first (`check_route`)."""
    key = (api, user.pk)
    if key not in _SIGNED_IN:
        if api:
            _SIGNED_IN[key] = token_for(user)
        else:
            client = Client()
            client.force_login(user)
            _SIGNED_IN[key] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return _SIGNED_IN[key]


def by_token(url: str, key) -> bool:
    return url.startswith("/api/v1/") and key != "api-token"


UNKNOWN = object()


def request_as(role, cast, method, url, key, version=UNKNOWN):
    """One request as `role`; a change names the record's `version` as a caller who has just
    read it would (looked up unless the caller knows it)."""
    client = fresh_client()
    headers = {}
    if role != "anonymous":
        user = cast[role]
        if by_token(url, key):
            headers["HTTP_AUTHORIZATION"] = f"Token {signed_in(user, api=True)}"
        else:
            client.cookies[settings.SESSION_COOKIE_NAME] = signed_in(user, api=False)
    data = None
    if key == "api-token" and method == "POST":
        user = cast["reception" if role == "anonymous" else role]
        data = {"username": user.username, "password": "correct horse battery staple"}
    call = getattr(client, method.lower())
    if method != "GET" and version is UNKNOWN:
        version = current_version(url)
    known = method != "GET" and version is not None
    if url.startswith("/api/"):
        if known:
            headers["HTTP_IF_MATCH"] = f'"{version}"'
        return call(url, data=data or {}, content_type="application/json", **headers)
    if known and method == "POST":
        data = {**(data or {}), "version": version}
    return call(url, data=data or {}, **headers)


# The cells whose 404 is compared with an id that doesn't exist: a route with an id (the
# admin aside: it is the system administrator's alone), GET and POST, as a member of the
# record's facility whose role may not reach it; and as the outsider (reception at another
# facility) where reception reaches the route.
SWEPT_METHODS = ("GET", "POST")
SWEPT_ROLES = {*CASE_ROLES, "sysadmin"}


def swept(key: str, path: str) -> bool:
    return not key.startswith("admin:") and ID_PARAMETER.search(path) is not None


def compared_with_unknown(key: str, method: str, role: str) -> bool:
    if method not in SWEPT_METHODS or expected(key, method, role) != 404:
        return False
    if role == "outsider":
        return expected(key, method, "reception") not in REFUSALS
    return role in SWEPT_ROLES


def answered(role, cast, method, url, key, version):
    """A request rolled back once answered."""
    from django.db import transaction

    sid = transaction.savepoint_create()
    response = request_as(role, cast, method, url, key, version)
    transaction.savepoint_rollback(sid)
    return response


# A method an API route's view doesn't take is answered 405 by one of two ways, whoever asks:
# DRF's own, once her view's permissions let her past the door, or `bangkok.errors`'s, when
# they refuse her (`takes_method`). What a caller is shown in between depends on her role
# only through that door, the same for every role it lets through (or refuses). So such a
# cell, declared 405 for every signed-in role, is asked without credentials (401) and as the
# first role of each of the door's answers; every other role's answer is one of theirs
# (`test_a_method_the_route_doesnt_take_answers_alike_past_the_door_or_not` asks them all).
_AT_THE_DOOR: dict[int, object] = {}


def door_of(url: str, method: str, user) -> object:
    """What the permissions of the route's view answer her, as DRF asks them before the
    method: True (past the door), False, or the exception they raise."""
    from django.test import RequestFactory
    from django.urls import resolve
    from rest_framework.request import Request

    view = resolve(url).func.cls()
    request = Request(RequestFactory().generic(method, url))
    # Her own copy, whose permissions are read from the database once for all the routes.
    request.user = _AT_THE_DOOR.setdefault(user.pk, copy.copy(user))
    try:
        return all(p.has_permission(request, view) for p in view.get_permissions())
    except Exception as refusal:
        return type(refusal)


def not_taken(url: str, method: str) -> bool:
    """Whether the API view of `url` answers `method` at all (as `bangkok.errors` asks)."""
    from django.urls import resolve

    view = getattr(resolve(url).func, "cls", None)
    return view is not None and not (
        method.lower() in view.http_method_names and hasattr(view, method.lower())
    )


def roles_asked(key, url, method, cast) -> list[str]:
    """Every role, but for a method the API route doesn't take that is declared 405 for every
    signed-in role: then the anonymous caller and one role of each answer of the door."""
    if not url.startswith("/api/v1/") or expected_row(key, method) != API_NOT_ALLOWED:
        return ROLES_IN_MATRIX
    if not not_taken(url, method):
        return ROLES_IN_MATRIX
    first: dict[object, str] = {}
    for role in ROLES_IN_MATRIX:
        if role != "anonymous":
            first.setdefault(door_of(url, method, cast[role]), role)
    return ["anonymous", *first.values()]


def expected_row(key: str, method: str) -> dict:
    return {role: expected(key, method, role) for role in ROLES_IN_MATRIX}


def check_route(key, path, cast, world) -> list[str]:
    """Each method and role in turn; a write that succeeds is rolled back before the next."""
    url = url_for(key, path, world)
    unknown = unknown_url(key, path, world) if swept(key, path) else None
    methods = API_METHODS if path.startswith("api/v1/") else HTML_METHODS
    version = current_version(url)  # each write is rolled back: it stays the same
    for role in ROLES_IN_MATRIX:
        if role != "anonymous":
            signed_in(cast[role], api=by_token(url, key))  # before any rollback
    wrong = []
    for method in methods:
        for role in roles_asked(key, url, method, cast):
            response = answered(role, cast, method, url, key, version)
            status, want = response.status_code, expected(key, method, role)
            if status != want:
                wrong.append(f"{url} {method} as {role}: got {status}, declared {want}")
            if role == "inspector" and method != "GET" and 200 <= status < 300:
                # She writes her own inspections (Rule 25.3), never a case record of any area.
                assert key in {"api-token", "admin:login"} | INSPECTORS_OWN, (
                    f"an inspector wrote: {method} {url}"
                )
            if unknown is not None and compared_with_unknown(key, method, role):
                # The same request, the same version named, for a record that doesn't exist.
                got = answer_of(response)
                baseline = answer_of(answered(role, cast, method, unknown, key, version))
                if (where := parted(got, baseline)) is not None:
                    wrong.append(f"{method} {url} as {role}: {where}")
            if method == "POST" and EMPTY_REFUSED.get(key) == role and status == 400:
                unnamed, unshown, _checked = unnamed_errors(key, url, response)
                wrong.extend(f"unnamed: {error}" for error in unnamed)
                wrong.extend(f"not shown: {error}" for error in unshown)
    return wrong


@pytest.mark.django_db
@pytest.mark.parametrize("routes", list(cells()))
def test_matrix(routes, cast, world, monkeypatch):
    # The token endpoint's throttle counts per client address (bangkok/tests/test_security.py
    # proves it); the matrix's fifty calls from one address would otherwise meet it.
    from rest_framework.throttling import ScopedRateThrottle

    monkeypatch.setattr(ScopedRateThrottle, "THROTTLE_RATES", {"token": "100000/min"})
    wrong = []
    for key, path in routes:
        wrong.extend(check_route(key, path, cast, world))
    assert wrong == [], "\n".join(wrong)


@pytest.mark.django_db
def test_the_errors_of_a_form_posted_empty_are_read(cast, world):
    """What `check_route` checks of a form posted empty is read from the answer: forms whose
    fields are required give errors to check, as the matrix's client asks them."""
    paths = dict(ROUTES)
    checked = {}
    for key in ("searches:record", "discipline:segregate", "restraints:apply"):
        url = url_for(key, paths[key], world)
        response = request_as(EMPTY_REFUSED[key], cast, "POST", url, key)
        unnamed, unshown, checked[key] = unnamed_errors(key, url, response)
        assert (response.status_code, unnamed, unshown) == (400, [], [])
    assert min(checked.values()) >= 3, checked


@pytest.mark.django_db
def test_a_method_the_route_doesnt_take_answers_alike_past_the_door_or_not(cast, world):
    """What `roles_asked` infers, asked of every role: where a route's view doesn't take a
    method, each signed-in role gets the answer of the role the matrix asks for her side of the
    door, byte for byte: on a route whose door refuses some roles, and on one it refuses none."""
    shapes: dict[int, tuple[str, str, str]] = {}
    for key, path in ROUTES:
        if key is None or not path.startswith("api/v1/") or key == "api-token":
            continue
        url = url_for(key, path, world)
        for method in API_METHODS:
            asked = roles_asked(key, url, method, cast)
            if asked is not ROLES_IN_MATRIX:
                shapes.setdefault(len(asked), (key, url, method))
    assert set(shapes) == {2, 3}, shapes  # one side of the door, and both
    for key, url, method in shapes.values():
        sides = {}
        for role in ROLES_IN_MATRIX[1:]:
            sides.setdefault(door_of(url, method, cast[role]), []).append(role)
        for roles in sides.values():
            first, *others = (answer_of(request_as(r, cast, method, url, key)) for r in roles)
            assert first[0] == 405, (url, method, roles[0], first[0])
            for role, answer in zip(roles[1:], others, strict=True):
                assert answer == first, (url, method, role, parted(answer, first))
