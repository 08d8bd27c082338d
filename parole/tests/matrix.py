"""The parole routes in the permission matrix (Rules 45, 59, 63, 64).

Leave is read by custody, social workers, the governor and the inspector; parole reviews by
social workers, the governor and the inspector; protective custody by custody, social
workers, the governor and the inspector. Her page is theirs. Social workers and custody
record her requests for leave and her return; the governor decides; social workers review
her eligibility, prepare parole reviews and review non-custodial options; social workers and
the governor record protective custody at her request and its reviews; her withdrawal is
recorded by anyone who reads it and may end it (custody, social workers, the governor). An
empty form or body is a 400; an empty withdrawal ends it (her word, nothing else needed); the
sample parole review lacks its caretaking section, so its submission is refused (409, Rule
63) by the API.
"""

from datetime import timedelta

from django.utils import timezone

from tests.matrix_support import rows

LEAVE = {"custody": 200, "social": 200, "governor": 200, "inspector": 200}
PAROLE = {"social": 200, "governor": 200, "inspector": 200}
CUSTODY = LEAVE
API_OTHER = ("PUT", "PATCH", "DELETE")


def _page(readers: dict) -> dict:
    return {"GET": rows(404, anonymous=302, **readers), "POST": rows(405, anonymous=302)}


def _form(get: dict, post: dict) -> dict:
    return {"GET": rows(404, anonymous=302, **get), "POST": rows(404, anonymous=302, **post)}


def _post_only(**by_role) -> dict:
    return {"POST": rows(404, anonymous=302, **by_role), "GET": rows(405, anonymous=302)}


def _api_post(**by_role) -> dict:
    return {
        "POST": rows(404, anonymous=401, **by_role),
        **dict.fromkeys(["GET", *API_OTHER], rows(405, anonymous=401)),
    }


def _api_list(readers: dict, **writers) -> dict:
    return {
        "GET": rows(404, anonymous=401, **readers),
        "POST": rows(404, anonymous=401, **writers),
        **dict.fromkeys(API_OTHER, rows(405, anonymous=401)),
    }


MATRIX = {
    "parole:her": _page(LEAVE),
    "parole:leave-list": _page(LEAVE),
    "parole:leave": _page(LEAVE),
    "parole:parole-review": _page(PAROLE),
    "parole:custody": _page(CUSTODY),
    "parole:request-leave": _form({"custody": 200, "social": 200}, {"custody": 400, "social": 400}),
    "parole:decide-leave": _post_only(governor=400),
    "parole:record-return": _post_only(custody=400, social=400),
    "parole:review-eligibility": _form({"social": 200}, {"social": 400}),
    "parole:prepare-parole-review": _form({"social": 200}, {"social": 400}),
    "parole:submit-parole-review": _post_only(social=400),
    "parole:review-noncustodial": _form({"social": 200}, {"social": 400}),
    "parole:start-protective-custody": _form(
        {"social": 200, "governor": 200}, {"social": 400, "governor": 400}
    ),
    "parole:withdraw-protective-custody": _post_only(custody=302, social=302, governor=302),
    "parole:review-protective-custody": _post_only(social=400, governor=400),
    "api-parole-request-leave": _api_list(LEAVE, custody=400, social=400),
    "api-parole-decide-leave": _api_post(governor=400),
    "api-parole-record-return": _api_post(custody=400, social=400),
    "api-parole-review-eligibility": _api_post(social=400),
    "api-parole-prepare-parole-review": _api_list(PAROLE, social=400),
    "api-parole-submit-parole-review": _api_post(social=409),
    "api-parole-review-noncustodial": _api_post(social=400),
    "api-parole-start-protective-custody": _api_list(CUSTODY, social=400, governor=400),
    "api-parole-withdraw-protective-custody": _api_post(custody=200, social=200, governor=200),
    "api-parole-review-protective-custody": _api_post(social=400, governor=400),
    # Her transfer home (Rule 53.1): read with parole reviews; social workers consider it, the
    # governor records the decision, either records her withdrawal (an empty one ends it).
    "parole:home-transfer": _page(PAROLE),
    "parole:consider-home-transfer": _form({"social": 200}, {"social": 400}),
    "parole:decide-home-transfer": _post_only(governor=400),
    "parole:withdraw-home-transfer": _post_only(social=302, governor=302),
    "api-parole-consider-home-transfer": _api_list(PAROLE, social=400),
    "api-parole-decide-home-transfer": _api_post(governor=400),
    "api-parole-withdraw-home-transfer": _api_post(social=200, governor=200),
}


def world(cast, admission) -> dict:
    """An open request for leave, a granted one, a parole review without its caretaking
    section and a current protective custody of the sample woman."""
    from parole import services

    from .factories import draft, granted, home_transfer, leave, protective

    woman = admission.prisoner
    asked = leave(cast, woman, days=3)
    went = granted(cast, woman, days=10)
    review = draft(cast, woman, reintegration="A room at her mother's.")
    custody = protective(cast, woman)
    assert services.in_protective_custody(woman)
    her, open_leave = {"uuid": woman.uuid}, {"uuid": asked.uuid}
    transfer = {"uuid": home_transfer(cast, woman).uuid}
    return {
        "parole:her": her,
        "parole:leave-list": her,
        "parole:leave": open_leave,
        "parole:parole-review": {"uuid": review.uuid},
        "parole:custody": {"uuid": custody.uuid},
        "parole:request-leave": her,
        "parole:decide-leave": open_leave,
        "parole:record-return": {"uuid": went.uuid},
        "parole:review-eligibility": her,
        "parole:prepare-parole-review": her,
        "parole:submit-parole-review": {"uuid": review.uuid},
        "parole:review-noncustodial": her,
        "parole:start-protective-custody": her,
        "parole:withdraw-protective-custody": {"uuid": custody.uuid},
        "parole:review-protective-custody": {"uuid": custody.uuid},
        "api-parole-request-leave": her,
        "api-parole-decide-leave": open_leave,
        "api-parole-record-return": {"uuid": went.uuid},
        "api-parole-review-eligibility": her,
        "api-parole-prepare-parole-review": her,
        "api-parole-submit-parole-review": {"uuid": review.uuid},
        "api-parole-review-noncustodial": her,
        "api-parole-start-protective-custody": her,
        "api-parole-withdraw-protective-custody": {"uuid": custody.uuid},
        "api-parole-review-protective-custody": {"uuid": custody.uuid},
        "parole:home-transfer": transfer,
        "parole:consider-home-transfer": her,
        "parole:decide-home-transfer": transfer,
        "parole:withdraw-home-transfer": transfer,
        "api-parole-consider-home-transfer": her,
        "api-parole-decide-home-transfer": transfer,
        "api-parole-withdraw-home-transfer": transfer,
    }


CARETAKING = "Canaryparolecaretaking"
LEAVE_DETAILS = "Canaryparoleleavedetails"
LEAVE_DESTINATION = "Canaryparoleleavedestination"


def canaries(cast, world) -> dict:
    """The caretaking section of a parole review may name her children (Rule 3.2): it is
    read by the roles that read children's identities."""
    from .factories import draft

    draft(
        cast,
        world["admission"].prisoner,
        caretaking=CARETAKING,
        eligibility_date=timezone.localdate() + timedelta(days=200),
    )
    from .factories import leave

    leave(
        cast,
        world["admission"].prisoner,
        days=60,  # after the leave of the matrix's world
        details=LEAVE_DETAILS,
        destination=LEAVE_DESTINATION,
    )
    # Whom she will see on leave and where: those who read children's identities, and the
    # governor who decides the request.
    readers = {"reception", "social", "governor"}
    return {CARETAKING: {"reception", "social"}, LEAVE_DETAILS: readers, LEAVE_DESTINATION: readers}
