"""What the permission matrix is written in, for `tests/test_permission_matrix.py` and for
each area's `<app>/tests/matrix.py` (its routes' expected statuses and sample records)."""

import importlib
import importlib.util

from conftest import CASE_ROLES

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


def form_page(getters, posters) -> dict:
    """A form page's cells: its GET for `getters` (200), an empty POST for `posters` (their
    statuses by role); every other role the 404 of a missing record."""
    return {
        "GET": rows(404, anonymous=302, **dict.fromkeys(getters, 200)),
        "POST": rows(404, anonymous=302, **posters),
    }


def api_route(writers, *, method="POST", reads=None) -> dict:
    """An API route's cells: `method` for `writers`, GET for `reads` if it reads, 405 for the
    methods it doesn't take."""
    table = {method: rows(404, anonymous=401, **writers)}
    if reads is not None:
        table["GET"] = rows(404, anonymous=401, **reads)
    others = [m for m in ("GET", "POST", "PUT", "PATCH", "DELETE") if m not in table]
    table.update(dict.fromkeys(others, rows(405, anonymous=401)))
    return table


# What each role gets, per URL name and method. Anonymous users of HTML pages are sent to
# the login page (302); of the API, 401.
NOT_ALLOWED = rows(405)
# A method an API route doesn't take: 405 for every signed-in role, refused or not (the
# permission check never turns it into the 404 of `bangkok.errors`).
API_NOT_ALLOWED = rows(405, anonymous=401)

# Areas that declare their routes in `<app>/tests/matrix.py`: `MATRIX` (route name -> method
# -> expected status per role) and `world(cast, admission) -> {route name: URL kwargs}`; an
# area may also define `canaries(cast, world) -> {value: roles allowed to read it}`, writing
# each value into its records, for the canary scan.
AREAS = (
    "admissions",
    "searches",
    "discipline",
    "restraints",
    "force",
    "classification",
    "selfharm",
    "visits",
    "complaints",
    "oversight",
    "staff",
    "authority",
    "signin",
    "breaches",
    "release",
    "register",
    "hygiene",
    "girls",
    "pretrial",
    "equality",
    "regime",
    "parole",
    "safeguarding",
    "inspections",
    "breakglass",
    "research",
    "dashboard",
)


def area_modules() -> list:
    found = []
    for app in AREAS:
        name = f"{app}.tests.matrix"
        if importlib.util.find_spec(name) is not None:
            found.append(importlib.import_module(name))
    return found
