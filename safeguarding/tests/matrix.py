"""The safeguarding routes in the permission matrix (Rules 8, 25.1, 31; Mandela 1, 5.2).

Every case role of her facility sees that safeguarding records exist (the inspector never who
else was involved nor what happened); every role but the inspector records an incident and a
family concern; safeguarding staff, social workers and the governor make and review plans;
safeguarding staff and the governor triage concerns; social workers, health staff,
safeguarding staff and the governor record and review social-care needs; health staff alone
record injuries. Every other role, and the outsider, gets the 404 of a record that doesn't
exist. An empty form or body is refused (400); an empty change of a plan changes nothing (200).
"""

from tests.matrix_support import rows

VIEWERS = dict.fromkeys(
    ["reception", "custody", "health", "social", "safeguarding", "governor", "inspector"], 200
)
RECORDERS = ("reception", "custody", "health", "social", "safeguarding", "governor")
PLANNERS = ("safeguarding", "social", "governor")
TRIAGERS = ("safeguarding", "governor")
NEEDS = ("health", "social", "safeguarding", "governor")
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
    # The incidents of her facilities: the outsider's (of another facility) is empty.
    "safeguarding:incidents": {
        "GET": rows(404, anonymous=302, outsider=200, **VIEWERS),
        "POST": rows(405, anonymous=302),
    },
    "safeguarding:incident-detail": READ_ONLY_PAGE,
    "safeguarding:plan": READ_ONLY_PAGE,
    "safeguarding:concern-detail": READ_ONLY_PAGE,
    "safeguarding:need-detail": READ_ONLY_PAGE,
    "safeguarding:incident": _page(RECORDERS),
    "safeguarding:injuries": _page(("health",)),
    "safeguarding:make-plan": _page(PLANNERS),
    "safeguarding:change-plan": _page(PLANNERS),
    "safeguarding:review-plan": _page(PLANNERS),
    "safeguarding:concern": _page(RECORDERS),
    "safeguarding:triage": _page(TRIAGERS),
    "safeguarding:need": _page(NEEDS),
    "safeguarding:review-need": _page(NEEDS),
    "api-safeguarding-incident-detail": READ_ONLY_API,
    "api-safeguarding-concern-detail": READ_ONLY_API,
    "api-safeguarding-need-detail": READ_ONLY_API,
    "api-safeguarding-incident": _api(RECORDERS, reads=True),
    "api-safeguarding-injuries": _api(("health",)),
    "api-safeguarding-make-plan": _api(PLANNERS),
    "api-safeguarding-change-plan": {
        "GET": rows(404, anonymous=401, **VIEWERS),
        "PATCH": rows(404, anonymous=401, **_only(PLANNERS, 200)),
        **dict.fromkeys(["POST", "PUT", "DELETE"], rows(405, anonymous=401)),
    },
    "api-safeguarding-review-plan": _api(PLANNERS),
    "api-safeguarding-concern": _api(RECORDERS, reads=True),
    "api-safeguarding-triage": _api(TRIAGERS),
    "api-safeguarding-need": _api(NEEDS, reads=True),
    "api-safeguarding-review-need": _api(NEEDS),
    # The work queues (`safeguarding.queues`).
    "queue-safeguarding": {
        "GET": rows(404, anonymous=302, **_only(PLANNERS, 200)),
        "POST": rows(405, anonymous=302),
    },
    "queue-family-concerns": {
        "GET": rows(404, anonymous=302, **_only(TRIAGERS, 200)),
        "POST": rows(405, anonymous=302),
    },
}

ACCOUNT = "Canarysafeguardingaccount"
PLACE = "Canarysafeguardingplace"
HER_VIEWS = "Canarysafeguardingherviews"
PLAN_NOTES = "Canarysafeguardingplannotes"
CONCERN = "Canarysafeguardingconcern"
RAISED_BY = "Canarysafeguardingraisedby"
NEED = "Canarysafeguardingneed"
ADJUSTMENTS = "Canarysafeguardingadjustments"


def world(cast, admission) -> dict:
    """The sample woman a victim of violence by another woman, hurt (the injuries awaited);
    her support plan to make, the other woman's management made (to change and review); a
    concern her family raised awaiting triage; a social-care need (to review)."""
    from safeguarding import services

    from .factories import concern, incident, need, other_woman, plan_of

    woman = admission.prisoner
    other = other_woman(woman, "A09911")
    found = incident(
        cast, woman, other=other, kind="violence", injured=True, account=ACCOUNT, place=PLACE
    )
    support = plan_of(found)
    management = services.make_plan(
        by=cast["social"],
        plan=plan_of(found, part="perpetrator"),
        measures=["no_contact", "behaviour"],
        her_views=HER_VIEWS,
        notes=PLAN_NOTES,
    )
    raised = concern(cast, woman, concern=CONCERN, raised_by=RAISED_BY)
    hers = need(cast, woman, description=NEED, adjustments=ADJUSTMENTS)
    her, it = {"uuid": woman.uuid}, {"uuid": found.uuid}
    made, unmade = {"uuid": management.uuid}, {"uuid": support.uuid}
    return {
        "safeguarding:incidents": {},
        "safeguarding:incident-detail": it,
        "safeguarding:plan": made,
        "safeguarding:concern-detail": {"uuid": raised.uuid},
        "safeguarding:need-detail": {"uuid": hers.uuid},
        "safeguarding:incident": her,
        "safeguarding:injuries": it,
        "safeguarding:make-plan": unmade,
        "safeguarding:change-plan": made,
        "safeguarding:review-plan": made,
        "safeguarding:concern": her,
        "safeguarding:triage": {"uuid": raised.uuid},
        "safeguarding:need": her,
        "safeguarding:review-need": {"uuid": hers.uuid},
        "api-safeguarding-incident-detail": it,
        "api-safeguarding-concern-detail": {"uuid": raised.uuid},
        "api-safeguarding-need-detail": {"uuid": hers.uuid},
        "api-safeguarding-incident": her,
        "api-safeguarding-injuries": it,
        "api-safeguarding-make-plan": unmade,
        "api-safeguarding-change-plan": made,
        "api-safeguarding-review-plan": made,
        "api-safeguarding-concern": her,
        "api-safeguarding-triage": {"uuid": raised.uuid},
        "api-safeguarding-need": her,
        "api-safeguarding-review-need": {"uuid": hers.uuid},
        "queue-safeguarding": {},
        "queue-family-concerns": {},
    }


INJURIES = "Canarysafeguardinginjuries"
TREATMENT = "Canarysafeguardingtreatment"
REVIEW_NOTES = "Canarysafeguardingreview"
FAMILY_TOLD = "Canarysafeguardingfamilytold"


def canaries(cast, world) -> dict:
    """What happened is for staff of her facility; a plan's views and notes and her family's
    concern for those who make plans; injuries for health staff alone (Rule 8)."""
    from safeguarding import services
    from safeguarding.models import Incident, Plan

    from .factories import concern

    woman = world["admission"].prisoner
    found = Incident.objects.get(account=ACCOUNT)
    services.record_injuries(
        by=cast["health"], incident=found, injuries=INJURIES, treatment=TREATMENT
    )
    management = Plan.objects.get(involvement__incident=found, part="perpetrator")
    services.review_plan(by=cast["safeguarding"], plan=management, notes=REVIEW_NOTES)
    told = concern(cast, woman, concern="Her brother called.")
    services.triage_concern(
        by=cast["safeguarding"],
        concern=told,
        outcome="incident",
        incident=found,
        family_told=FAMILY_TOLD,
    )
    staff = {"reception", "custody", "health", "social", "safeguarding", "governor"}
    planners = {"social", "safeguarding", "governor"}
    return {
        **dict.fromkeys((ACCOUNT, PLACE, NEED, ADJUSTMENTS), staff),
        **dict.fromkeys((HER_VIEWS, PLAN_NOTES, REVIEW_NOTES), planners),
        **dict.fromkeys((CONCERN, RAISED_BY, FAMILY_TOLD), planners),
        **dict.fromkeys((INJURIES, TREATMENT), {"health"}),
    }
