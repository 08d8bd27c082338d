"""The classification routes in the permission matrix (Rules 8, 40, 41).

Reception, custody, health staff, social workers, the governor and the inspector read her
classification in their facility; safeguarding, every other role and the outsider get the 404 of
a woman who doesn't exist. Social workers and the governor classify and review; a role that
reads classifications but may not record one gets 404. The sample woman is classified already,
so the form to classify her sends them to her classification (302); an empty form or body is
refused (400).
"""

from tests.matrix_support import rows

READERS = dict.fromkeys(("reception", "custody", "health", "social", "governor", "inspector"), 200)
RECORDERS = ("social", "governor")
API_OTHER = ("PUT", "PATCH", "DELETE")


def _verb(status: int) -> dict:
    return {**dict.fromkeys(READERS, 404), **dict.fromkeys(RECORDERS, status)}


MATRIX = {
    **{
        f"classification:{name}": {
            "GET": rows(404, anonymous=302, **READERS),
            "POST": rows(405, anonymous=302),
        }
        for name in ("list", "detail", "for-her")
    },
    "classification:classify": {
        "GET": rows(404, anonymous=302, **_verb(302)),
        "POST": rows(404, anonymous=302, **_verb(400)),
    },
    "classification:review": {
        "GET": rows(404, anonymous=302, **_verb(200)),
        "POST": rows(404, anonymous=302, **_verb(400)),
    },
    # Her classifications (GET) and her first (POST) at one address.
    "api-classification-classify": {
        "GET": rows(404, anonymous=401, **READERS),
        "POST": rows(404, anonymous=401, **_verb(400)),
        **dict.fromkeys(API_OTHER, rows(405, anonymous=401)),
    },
    "api-classification-review": {
        "POST": rows(404, anonymous=401, **_verb(400)),
        **dict.fromkeys(["GET", *API_OTHER], rows(405, anonymous=401)),
    },
}


def world(cast, admission) -> dict:
    """The sample woman classified at the tool's low level."""
    from .factories import classify_her

    woman = admission.prisoner
    classification = classify_her(cast, woman)
    her, it = {"uuid": woman.uuid}, {"uuid": classification.uuid}
    return {
        "classification:list": her,
        "classification:for-her": her,
        "classification:classify": her,
        "classification:detail": it,
        "classification:review": it,
        "api-classification-classify": her,
        "api-classification-review": it,
    }


VICTIMISATION = "Canaryvictimhistory"
MENTAL_HEALTH = "Canarymentalneed"
PLAN = "Canaryneedsplan"


def canaries(cast, world) -> dict:
    """Her needs (violence she has experienced, her mental-health needs, her plan's needs) are
    read by social workers, the governor and health staff alone (T2; Rules 8, 41)."""
    from classification.services import review_classification

    from .factories import LOW

    current = world["admission"].prisoner.classifications.current().get()
    review_classification(
        by=cast["social"],
        classification=current,
        **LOW,
        victimisation=VICTIMISATION,
        mental_health_needs=MENTAL_HEALTH,
        needs_plan=PLAN,
    )
    needs = {"social", "governor", "health"}
    return {VICTIMISATION: needs, MENTAL_HEALTH: needs, PLAN: needs}
