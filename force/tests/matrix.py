"""The use-of-force routes in the permission matrix (Rules 8, 24, 31; Mandela 82).

Custody, health staff, the governor and the inspector read uses of force in their facility;
every other role, and the outsider, gets the 404 of a woman who doesn't exist. Custody record
force, health staff the check after it, the governor the review; a role that reads uses of
force but may not do the verb gets 404. An empty form or body is refused (400).
"""

from tests.matrix_support import rows

READERS = {"custody": 200, "health": 200, "governor": 200, "inspector": 200}
API_OTHER = ("PUT", "PATCH", "DELETE")


def _verb(doer: str, status: int) -> dict:
    return {**dict.fromkeys(READERS, 404), doer: status}


MATRIX = {
    "force:list": {
        "GET": rows(404, anonymous=302, **READERS),
        "POST": rows(405, anonymous=302),
    },
    "force:detail": {
        "GET": rows(404, anonymous=302, **READERS),
        "POST": rows(405, anonymous=302),
    },
    **{
        f"force:{name}": {
            "GET": rows(404, anonymous=302, **_verb(doer, 200)),
            "POST": rows(404, anonymous=302, **_verb(doer, 400)),
        }
        for name, doer in (
            ("record", "custody"),
            ("health-check", "health"),
            ("review", "governor"),
        )
    },
    # Her uses of force (GET) and a new one (POST) at one address.
    "api-force-record": {
        "GET": rows(404, anonymous=401, **READERS),
        "POST": rows(404, anonymous=401, **_verb("custody", 400)),
        **dict.fromkeys(API_OTHER, rows(405, anonymous=401)),
    },
    **{
        f"api-force-{name}": {
            "POST": rows(404, anonymous=401, **_verb(doer, 400)),
            **dict.fromkeys(["GET", *API_OTHER], rows(405, anonymous=401)),
        }
        for name, doer in (("health-check", "health"), ("review", "governor"))
    },
}


def world(cast, admission) -> dict:
    """A use of force on the sample woman, not yet checked nor reviewed."""
    from .factories import use_force

    woman = admission.prisoner
    force = use_force(cast, woman)
    her, it = {"uuid": woman.uuid}, {"uuid": force.uuid}
    return {
        "force:list": her,
        "force:record": her,
        "force:detail": it,
        "force:health-check": it,
        "force:review": it,
        "api-force-record": her,
        "api-force-health-check": it,
        "api-force-review": it,
    }


FINDINGS = "Canaryforcefinding"
TREATMENT = "Canaryforcetreatment"
LESSONS = "Canaryforcelesson"


def canaries(cast, world) -> dict:
    """The health check's findings are health staff's alone (Rule 8); the review's lessons the
    governor's and the inspector's."""
    from force.services import record_health_check, review_force

    from .factories import use_force

    force = use_force(cast, world["admission"].prisoner)
    record_health_check(
        by=cast["health"], force=force, examined=True, findings=FINDINGS, treatment=TREATMENT
    )
    review_force(
        by=cast["governor"], force=force, outcome="justified", findings="Fine.", lessons=LESSONS
    )
    return {FINDINGS: {"health"}, TREATMENT: {"health"}, LESSONS: {"governor", "inspector"}}
