"""The self-harm routes in the permission matrix (Rules 8, 12, 16, 35).

Every case role of her facility sees that a case exists (reception and the inspector its dates
only); every role but the inspector opens one; the teams who work with her assess, review and
check; custody and health staff record an incident, health staff its clinical part. Every
other role, and the outsider, gets the 404 of a woman who doesn't exist. An empty form or
body is refused (400).
"""

from tests.matrix_support import rows

VIEWERS = dict.fromkeys(
    ["reception", "custody", "health", "social", "safeguarding", "governor", "inspector"], 200
)
OPENERS = ("reception", "custody", "health", "social", "safeguarding", "governor")
WORKERS = ("custody", "health", "social", "safeguarding", "governor")
API_OTHER = ("PUT", "PATCH", "DELETE")


def _only(roles, status: int) -> dict:
    return dict.fromkeys(roles, status)


def _page(roles) -> dict:
    return {
        "GET": rows(404, anonymous=302, **_only(roles, 200)),
        "POST": rows(404, anonymous=302, **_only(roles, 400)),
    }


def _api(roles, *, reads: bool = False) -> dict:
    return {
        "GET": rows(404, anonymous=401, **VIEWERS) if reads else rows(405, anonymous=401),
        "POST": rows(404, anonymous=401, **_only(roles, 400)),
        **dict.fromkeys(API_OTHER, rows(405, anonymous=401)),
    }


READ_ONLY_PAGE = {"GET": rows(404, anonymous=302, **VIEWERS), "POST": rows(405, anonymous=302)}
READ_ONLY_API = {
    "GET": rows(404, anonymous=401, **VIEWERS),
    **dict.fromkeys(["POST", *API_OTHER], rows(405, anonymous=401)),
}

MATRIX = {
    "selfharm:case": READ_ONLY_PAGE,
    "selfharm:incident-detail": READ_ONLY_PAGE,
    "selfharm:open": _page(OPENERS),
    "selfharm:assess": _page(WORKERS),
    "selfharm:review": _page(WORKERS),
    "selfharm:check": _page(WORKERS),
    "selfharm:incident": _page(("custody", "health")),
    "selfharm:clinical": _page(("health",)),
    "api-selfharm-case-detail": READ_ONLY_API,
    "api-selfharm-incident-detail": READ_ONLY_API,
    "api-selfharm-open": _api(OPENERS, reads=True),
    "api-selfharm-assess": _api(WORKERS),
    "api-selfharm-review": _api(WORKERS),
    "api-selfharm-check": _api(WORKERS),
    "api-selfharm-incident": _api(("custody", "health"), reads=True),
    "api-selfharm-clinical": _api(("health",)),
    # The trend of incidents, for those who oversee her facility.
    "selfharm:trend": {
        "GET": rows(404, anonymous=302, governor=200, inspector=200),
        "POST": rows(405, anonymous=302),
    },
    # The work queue (`selfharm.queues`): the teams who work the cases alone.
    "queue-selfharm": {
        "GET": rows(404, anonymous=302, **_only(WORKERS, 200)),
        "POST": rows(405, anonymous=302),
    },
}

CONCERN = "Canaryselfharmconcern"
IMMEDIATE = "Canaryselfharmimmediate"


def world(cast, admission) -> dict:
    """The sample woman's case awaiting its assessment, with an incident awaiting its clinical
    part; another woman's case assessed (to review); a third's closed (to check)."""
    from prisoners.tests.factories import PrisonerFactory

    from .factories import assess, closed_case, incident, open_case

    woman = admission.prisoner
    case = open_case(cast, woman, concern=CONCERN, immediate_action=IMMEDIATE)
    found = incident(cast, woman)
    second = PrisonerFactory(facility=woman.facility, prison_number="A09901")
    assessed = open_case(cast, second)
    assess(cast, assessed)
    third = PrisonerFactory(facility=woman.facility, prison_number="A09902")
    closed = closed_case(cast, third)
    her, it = {"uuid": woman.uuid}, {"uuid": case.uuid}
    return {
        "selfharm:case": it,
        "selfharm:incident-detail": {"uuid": found.uuid},
        "selfharm:open": her,
        "selfharm:assess": it,
        "selfharm:review": {"uuid": assessed.uuid},
        "selfharm:check": {"uuid": closed.uuid},
        "selfharm:incident": her,
        "selfharm:clinical": {"uuid": found.uuid},
        "api-selfharm-case-detail": it,
        "api-selfharm-incident-detail": {"uuid": found.uuid},
        "api-selfharm-open": her,
        "api-selfharm-assess": it,
        "api-selfharm-review": {"uuid": assessed.uuid},
        "api-selfharm-check": {"uuid": closed.uuid},
        "api-selfharm-incident": her,
        "api-selfharm-clinical": {"uuid": found.uuid},
        "queue-selfharm": {},
        "selfharm:trend": {},
    }


ACCOUNT = "Canaryselfharmaccount"
TRIGGERS = "Canaryselfharmtriggers"
PROTECTIVE = "Canaryselfharmprotective"
WHY_NOT = "Canaryselfharmwhynot"
OTHERS = "Canaryselfharmothers"
RESPONSE = "Canaryselfharmresponse"
TREATMENT = "Canaryselfharmtreatment"
PLAN_ITEM = "Canaryselfharmplan"
REVIEW_NOTE = "Canaryselfharmreview"
PLACE = "Canaryselfharmplace"
METHOD = "Canaryselfharmmethod"
INJURIES = "Canaryselfharminjuries"


def canaries(cast, world) -> dict:
    """A case's texts are for the teams who work with her; an incident's clinical part for
    health staff alone (Rule 8)."""
    from selfharm import services

    from .factories import assess, incident, review

    woman = world["admission"].prisoner
    case = services.open_case_of(woman)
    assess(
        cast,
        case,
        her_account=ACCOUNT,
        triggers=TRIGGERS,
        protective=PROTECTIVE,
        plan=[{"what": PLAN_ITEM, "team": "health", "when": "Daily"}],
    )
    review(
        cast,
        case,
        risk="raised",
        plan_changes=REVIEW_NOTE,
        took_part=False,
        why_not=WHY_NOT,
        others_present=OTHERS,
    )
    found = incident(cast, woman, place=PLACE, response=RESPONSE)
    services.record_clinical(
        by=cast["health"], incident=found, method=METHOD, injuries=INJURIES, treatment=TREATMENT
    )
    readers = {"custody", "health", "social", "safeguarding", "governor"}
    case_texts = (CONCERN, IMMEDIATE, ACCOUNT, TRIGGERS, PROTECTIVE, PLAN_ITEM, REVIEW_NOTE)
    return {
        **dict.fromkeys(case_texts, readers),
        **dict.fromkeys((WHY_NOT, OTHERS, PLACE, RESPONSE), readers),
        **dict.fromkeys((METHOD, INJURIES, TREATMENT), {"health"}),
    }
