"""The break-glass routes in the permission matrix (Rule 8; RULES-SPEC 1, T4). Custody
officers and the governor break the glass on a woman of their facility; only whoever opened an
access reads what it opened, while it lasts (the sample's is the custody officer's); health
staff and the governor review an access and, with the inspector, list them all, and the custody
officer lists her own; everyone else, and a woman or an access outside the caller's facilities,
gets the 404 of a record that doesn't exist. What the access opened reaches only the one who
opened it, and its reason only those who list it (`canaries`)."""

from tests.matrix_support import API_NOT_ALLOWED, rows
from tests.matrix_support import api_route as api
from tests.matrix_support import form_page as page

BREAKERS = ("custody", "governor")
REVIEWERS = ("health", "governor")
LISTERS = {role: 200 for role in ("custody", "health", "governor", "inspector")}

MATRIX = {
    "breakglass:index": {
        "GET": rows(404, anonymous=302, **LISTERS),
        "POST": rows(405, anonymous=302),
    },
    "breakglass:read": {
        "GET": rows(404, anonymous=302, custody=200),
        "POST": rows(405, anonymous=302),
    },
    "breakglass:break-glass": page(BREAKERS, dict.fromkeys(BREAKERS, 400)),
    "breakglass:review": page(REVIEWERS, dict.fromkeys(REVIEWERS, 400)),
    "api-breakglass": {
        "GET": rows(404, anonymous=401, **LISTERS),
        **dict.fromkeys(["POST", "PUT", "PATCH", "DELETE"], API_NOT_ALLOWED),
    },
    "api-breakglass-read": {
        "GET": rows(404, anonymous=401, custody=200),
        **dict.fromkeys(["POST", "PUT", "PATCH", "DELETE"], API_NOT_ALLOWED),
    },
    # An empty body: the reason missing is refused naming Rule 8 (409).
    "api-breakglass-break-glass": api(dict.fromkeys(BREAKERS, 409)),
    "api-breakglass-review": api(dict.fromkeys(REVIEWERS, 400)),
}

REASON = "Canarybreakglassreason"
FINDING = "Canarybreakglassfinding"


def emergency(cast, facility):
    """A second woman of the facility, with a finding at her entry screening, whose file the
    custody officer opened by break-glass (open now)."""
    from health.services.screening import answer_item, start_screening
    from release.tests.factories import admitted

    from ..services import break_glass

    admission = admitted(cast, facility, prison_number="A40993", given_names="Glass")
    screening = start_screening(by=cast["health"], admission=admission, language="th")
    answer_item(
        by=cast["health"],
        screening=screening,
        item="primary_care",
        answer="answered",
        finding=FINDING,
    )
    return break_glass(
        by=cast["custody"], prisoner=admission.prisoner, reason="unwell", detail=REASON
    )


def world(cast, admission) -> dict:
    her = {"uuid": admission.prisoner.uuid}
    access = {"uuid": emergency(cast, admission.facility).uuid}
    return {
        "breakglass:index": {},
        "breakglass:read": access,
        "breakglass:break-glass": her,
        "breakglass:review": access,
        "api-breakglass": {},
        "api-breakglass-read": access,
        "api-breakglass-break-glass": her,
        "api-breakglass-review": access,
    }


def canaries(cast, world) -> dict:
    """What the access opened (a finding of her entry screening) is read by health staff in
    her file and by the custody officer who opened it, nobody else; why it was opened by those
    who list the accesses."""
    return {
        FINDING: {"health", "custody"},
        REASON: {"custody", "health", "governor", "inspector"},
    }
