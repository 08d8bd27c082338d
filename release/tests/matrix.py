"""The release routes in the permission matrix (Rules 45-47; Mandela 9).

Every role that reads release plans (reception, health, social workers, safeguarding, the
governor, the inspector) opens her release page and the API's reading of it; custody officers
and anyone outside her facility meet the 404 of a woman who doesn't exist. Social workers,
reception and the governor record her earliest release date; social workers start and keep
her plan; health staff record her health continuity; reception and the governor record why
she leaves with it incomplete; her copies are produced by their producers alone (her records:
reception and the governor; the clinical copy: health staff; her complaints: safeguarding).
An empty form or body is a 400, nothing written; the sample woman's plan is started already,
so starting it again is a 400 too."""

from tests.matrix_support import API_NOT_ALLOWED, rows

READERS = dict.fromkeys(("reception", "health", "social", "safeguarding", "governor", "inspector"))
DATE_ROLES = {"reception": 400, "social": 400, "governor": 400}
RELEASE_OFFICERS = {"reception": 400, "governor": 400}
PRODUCERS = {"reception": 400, "governor": 400, "health": 400, "safeguarding": 400}
PAGE_POST_ONLY = rows(405, anonymous=302)
GET_ONLY = ("POST", "PUT", "PATCH", "DELETE")
POST_ONLY = ("GET", "PUT", "PATCH", "DELETE")


def _post_page(by_role: dict) -> dict:
    return {"GET": PAGE_POST_ONLY, "POST": rows(404, anonymous=302, **by_role)}


def _post_api(by_role: dict) -> dict:
    return {
        "POST": rows(404, anonymous=401, **by_role),
        **dict.fromkeys(POST_ONLY, API_NOT_ALLOWED),
    }


MATRIX = {
    "release:upcoming": {
        "GET": rows(404, anonymous=302, outsider=200, **dict.fromkeys(READERS, 200)),
        "POST": rows(405, anonymous=302),
    },
    "release:plan": {
        "GET": rows(404, anonymous=302, **dict.fromkeys(READERS, 200)),
        "POST": rows(405, anonymous=302),
    },
    "release:print": {
        "GET": rows(404, anonymous=302, reception=200, governor=200),
        "POST": rows(405, anonymous=302),
    },
    "release:date": _post_page(DATE_ROLES),
    "release:start": _post_page({"social": 400}),
    "release:part": _post_page({"social": 400}),
    # Everything in it is optional until she is handed over: an empty form records it.
    "release:health": _post_page({"health": 302}),
    "release:health-reason": _post_page(RELEASE_OFFICERS),
    "release:copy": _post_page(PRODUCERS),
    "api-release-plan": {
        "GET": rows(404, anonymous=401, **dict.fromkeys(READERS, 200)),
        **dict.fromkeys(GET_ONLY, API_NOT_ALLOWED),
    },
    "api-release-date": _post_api(DATE_ROLES),
    "api-release-start": _post_api({"social": 400}),
    "api-release-part": _post_api({"social": 400}),
    "api-release-health": _post_api({"health": 200}),
    "api-release-health-reason": _post_api(RELEASE_OFFICERS),
    "api-release-copy": _post_api(PRODUCERS),
}

CHILDREN_NOTES = "Canaryreleasechildren"
SAFETY_NOTES = "Canaryreleasesafety"
MEDICATION = "Canaryreleasemedication"


def _her(cast, facility):
    """A woman admitted at A whose plan is started, her release a month away."""
    from datetime import timedelta

    from django.utils import timezone

    from release.services import record_release_date, start_plan
    from release.tests.factories import admitted

    admission = admitted(
        cast, facility, prison_number="A-REL-1", given_names="Nok", family_name="Chai"
    )

    record_release_date(
        by=cast["social"],
        admission=admission,
        earliest_release_on=timezone.localdate() + timedelta(days=30),
    )
    start_plan(by=cast["social"], admission=admission)
    return admission


def world(cast, admission) -> dict:
    her = _her(cast, admission.facility)
    part = her.release_plan.parts.get(part="accommodation")
    address = {"uuid": her.uuid}
    kwargs = dict.fromkeys(MATRIX, address)
    kwargs["release:upcoming"] = {}
    kwargs["release:print"] = {"uuid": her.uuid, "kind": "general"}
    kwargs["release:part"] = kwargs["api-release-part"] = {"uuid": part.uuid}
    return kwargs


COMPLAINTS_COPY_NOTE = "Canaryreleasecomplaintscopy"


def canaries(cast, world) -> dict:
    """What is arranged for her children is read by those who read the register (Rule 3.2);
    her safety plan by the social workers who keep her plan; her health continuity by health
    staff alone (Rule 8)."""
    from admissions.models import Admission
    from release.services import hand_over_copy, record_health_continuity, update_part

    her = Admission.objects.get(prisoner__prison_number="A-REL-1")
    parts = her.release_plan.parts
    social = cast["social"]
    update_part(
        by=social, part=parts.get(part="children"), status="in_progress", notes=CHILDREN_NOTES
    )
    update_part(by=social, part=parts.get(part="safety"), status="complete", notes=SAFETY_NOTES)
    record_health_continuity(by=cast["health"], admission=her, medication=MEDICATION)
    hand_over_copy(
        by=cast["safeguarding"],
        admission=her,
        kind="complaints",
        outcome="signed",
        language="en",
        note=COMPLAINTS_COPY_NOTE,
    )
    return {
        CHILDREN_NOTES: {"reception", "social"},
        SAFETY_NOTES: {"social"},
        MEDICATION: {"health"},
        # A complaints copy exists, and what its producer noted, for safeguarding alone.
        COMPLAINTS_COPY_NOTE: {"safeguarding"},
    }
