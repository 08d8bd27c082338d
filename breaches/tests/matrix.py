"""The breaches routes in the permission matrix. Every role that writes her case records may
record a breach (an empty form or body is a 400); the governor, the inspector and health
staff read them; everyone else gets the 404 of a woman who doesn't exist."""

from tests.matrix_support import rows

WRITERS = {role: 400 for role in ("reception", "custody", "health", "social", "safeguarding")}
WRITERS["governor"] = 400
READERS = {"governor": 200, "inspector": 200, "health": 200}
API_OTHER = ("PUT", "PATCH", "DELETE")

MATRIX = {
    "breaches:list": {
        "GET": rows(404, anonymous=302, **READERS),
        "POST": rows(405, anonymous=302),
    },
    "breaches:record": {
        "GET": rows(404, anonymous=302, **dict.fromkeys(WRITERS, 200)),
        "POST": rows(404, anonymous=302, **WRITERS),
    },
    "api-breaches": {
        "GET": rows(404, anonymous=401, **READERS),
        **dict.fromkeys(["POST", *API_OTHER], rows(405, anonymous=401)),
    },
    "api-breaches-record": {
        "POST": rows(404, anonymous=401, **WRITERS),
        **dict.fromkeys(["GET", *API_OTHER], rows(405, anonymous=401)),
    },
}


def world(cast, admission) -> dict:
    her = {"uuid": admission.prisoner.uuid}
    return dict.fromkeys(MATRIX, her)


ACCOUNT = "Canarybreachaccount"


def canaries(cast, world) -> dict:
    """The account of a restraint in a protected period is for health staff alone."""
    from breaches.services import record_breach

    record_breach(
        by=cast["custody"],
        prisoner=world["admission"].prisoner,
        kind="restraints-obstetric",
        account=ACCOUNT,
    )
    return {ACCOUNT: {"health"}}
