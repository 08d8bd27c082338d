"""The pretrial routes in the permission matrix (Rules 56-58, 65; Mandela 111-120). Every role
that works with her records reads her court dates, her lawyer and that her screen was done;
reception, custody and social workers enter court dates; reception, custody and the governor
arrange escorts and record results; social workers send her caretaking information; reception
and social workers record her lawyer; social workers, safeguarding staff and the governor
screen her. Everyone else, and a woman outside the caller's facilities, gets the 404 of a
record that doesn't exist."""

from tests.matrix_support import rows

VIEWERS = dict.fromkeys(
    ("reception", "custody", "health", "social", "safeguarding", "governor", "inspector"), 200
)
ENTER = ("reception", "custody", "social")
RESULT = ("reception", "custody", "governor")
SEND = ("social",)
ADVISERS = ("reception", "social")
SCREENERS = ("social", "safeguarding", "governor")
API_OTHER = ("PUT", "PATCH", "DELETE")


def _page(roles) -> dict:
    return {
        "GET": rows(404, anonymous=302, **dict.fromkeys(roles, 200)),
        "POST": rows(404, anonymous=302, **dict.fromkeys(roles, 400)),
    }


def _api(roles, *, reads: bool = False) -> dict:
    return {
        "GET": rows(404, anonymous=401, **VIEWERS) if reads else rows(405, anonymous=401),
        "POST": rows(404, anonymous=401, **dict.fromkeys(roles, 400)),
        **dict.fromkeys(API_OTHER, rows(405, anonymous=401)),
    }


MATRIX = {
    # The court dates of her facilities: the outsider's (another facility) is empty.
    "pretrial:index": {
        "GET": rows(404, anonymous=302, outsider=200, **VIEWERS),
        "POST": rows(405, anonymous=302),
    },
    "pretrial:hearing": {
        "GET": rows(404, anonymous=302, **VIEWERS),
        "POST": rows(405, anonymous=302),
    },
    "pretrial:enter-hearing": _page(ENTER),
    "pretrial:arrange-escort": _page(RESULT),
    "pretrial:record-result": _page(RESULT),
    "pretrial:send-caretaking": _page(SEND),
    "pretrial:add-adviser": _page(ADVISERS),
    "pretrial:change-adviser": _page(ADVISERS),
    "pretrial:record-screen": _page(SCREENERS),
    "api-pretrial-hearings": {
        "GET": rows(404, anonymous=401, outsider=200, **VIEWERS),
        **dict.fromkeys(["POST", *API_OTHER], rows(405, anonymous=401)),
    },
    "api-pretrial-hearing": {
        "GET": rows(404, anonymous=401, **VIEWERS),
        **dict.fromkeys(["POST", *API_OTHER], rows(405, anonymous=401)),
    },
    "api-pretrial-enter-hearing": _api(ENTER, reads=True),
    "api-pretrial-arrange-escort": _api(RESULT),
    "api-pretrial-record-result": _api(RESULT),
    "api-pretrial-send-caretaking": _api(SEND),
    "api-pretrial-add-adviser": _api(ADVISERS, reads=True),
    "api-pretrial-record-screen": _api(SCREENERS, reads=True),
    "api-pretrial-change-adviser": {
        "PATCH": rows(404, anonymous=401, **dict.fromkeys(ADVISERS, 200)),
        **dict.fromkeys(["GET", "POST", "PUT", "DELETE"], rows(405, anonymous=401)),
    },
    # The work queues (`pretrial.queues`): the outsider is reception of another facility.
    "queue-court-notices": {
        "GET": rows(404, anonymous=302, social=200),
        "POST": rows(405, anonymous=302),
    },
    "queue-court-dates": {
        "GET": rows(404, anonymous=302, outsider=200, **dict.fromkeys(RESULT, 200)),
        "POST": rows(405, anonymous=302),
    },
}


def world(cast, admission) -> dict:
    """The sample woman's bail hearing in three days, and her lawyer."""
    from datetime import timedelta

    from django.utils import timezone

    from pretrial import services

    woman = admission.prisoner
    hearing = services.enter_hearing(
        by=cast["custody"],
        prisoner=woman,
        at=timezone.now() + timedelta(days=3),
        court="Bangkok Criminal Court",
        kind="bail",
        attendance="video",
    )
    adviser = services.add_adviser(
        by=cast["reception"], prisoner=woman, name="Khun Pranee", email="pranee@example.org"
    )
    her, it = {"uuid": woman.uuid}, {"uuid": hearing.uuid}
    return {
        "pretrial:index": {},
        "pretrial:hearing": it,
        "pretrial:enter-hearing": her,
        "pretrial:arrange-escort": it,
        "pretrial:record-result": it,
        "pretrial:send-caretaking": it,
        "pretrial:add-adviser": her,
        "pretrial:change-adviser": {"uuid": adviser.uuid},
        "pretrial:record-screen": her,
        "api-pretrial-hearings": {},
        "api-pretrial-hearing": it,
        "api-pretrial-enter-hearing": her,
        "api-pretrial-arrange-escort": it,
        "api-pretrial-record-result": it,
        "api-pretrial-send-caretaking": it,
        "api-pretrial-add-adviser": her,
        "api-pretrial-record-screen": her,
        "api-pretrial-change-adviser": {"uuid": adviser.uuid},
        "queue-court-notices": {},
        "queue-court-dates": {},
    }


SUMMARY = "Canarycaretakingsummary"
PHONE = "Canarylawyerphone"
RISKS = "Canarypretrialrisk"


def canaries(cast, world) -> dict:
    """The caretaking summary (it may name her children) is read only by the roles that read
    children's identities; her lawyer's telephone by those who arrange her legal visits, calls
    and hearings; what her screen found by social workers, safeguarding staff and the
    governor."""
    from django.utils import timezone

    from pretrial import services
    from pretrial.models import Hearing

    woman = world["admission"].prisoner
    hearing = Hearing.objects.filter(prisoner=woman).first()
    services.send_caretaking(
        by=cast["social"],
        hearing=hearing,
        sent_to="lawyer",
        recipient="Khun Pranee",
        sent_at=timezone.now(),
        summary=SUMMARY,
    )
    services.add_adviser(by=cast["social"], prisoner=woman, name="Khun Anan", phone=PHONE)
    services.record_safety_screen(
        by=cast["social"],
        prisoner=woman,
        screened_at=timezone.now(),
        risks_found=True,
        risks=RISKS,
        measures="Moved wing",
    )
    return {
        SUMMARY: {"reception", "social"},
        PHONE: {"reception", "custody", "social", "governor"},
        RISKS: {"social", "safeguarding", "governor"},
    }
