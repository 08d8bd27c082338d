"""The searches routes in the permission matrix (Rules 19-21).

Custody officers record searches; the governor and the inspector read them (404 when they
try to record one) and the staff training records. Roles that read no searches meet the 404
of a record that doesn't exist, on pages and API; an empty POST is refused (400).
"""

from django.utils import timezone

from tests.matrix_support import API_NOT_ALLOWED, rows

READERS = {"custody": 200, "governor": 200, "inspector": 200}


def api(*, get=None, post=None):
    """An API route: GET and POST as given; a method the route doesn't take is 405 for every
    signed-in role (401 for anonymous)."""
    return {
        "GET": get or API_NOT_ALLOWED,
        "POST": post or API_NOT_ALLOWED,
        **dict.fromkeys(["PUT", "PATCH", "DELETE"], API_NOT_ALLOWED),
    }


MATRIX = {
    "searches:record": {
        "GET": rows(404, anonymous=302, custody=200, governor=404, inspector=404),
        "POST": rows(404, anonymous=302, custody=400, governor=404, inspector=404),
    },
    "searches:record-cell": {
        "GET": rows(404, anonymous=302, custody=200),
        "POST": rows(404, anonymous=302, custody=400),
    },
    "searches:detail": {
        "GET": rows(404, anonymous=302, **READERS),
        "POST": rows(405, anonymous=302),
    },
    "searches:training": {
        "GET": rows(404, anonymous=302, governor=200, inspector=200),
        "POST": rows(405, anonymous=302),
    },
    "api-prisoner-searches": api(
        get=rows(404, anonymous=401, **READERS), post=rows(404, anonymous=401, custody=400)
    ),
    "api-search-detail": api(get=rows(404, anonymous=401, **READERS)),
    "api-cell-searches": api(post=rows(404, anonymous=401, custody=400)),
    "api-training-records": api(get=rows(404, anonymous=401, governor=200, inspector=200)),
    "api-training-capacity": api(get=rows(404, anonymous=401, governor=200, inspector=200)),
    # Asking the governor's authority: custody; the body is read before the verb, so an
    # empty one is a 400 for any role that reads searches.
    "searches:ask-authority": {
        "GET": rows(404, anonymous=302, custody=200),
        "POST": rows(404, anonymous=302, custody=400),
    },
    "api-searches-ask-authority": {
        "POST": rows(404, anonymous=401, **dict.fromkeys(READERS, 400)),
        **dict.fromkeys(["GET", "PUT", "PATCH", "DELETE"], rows(405, anonymous=401)),
    },
    # The sample authority was given already: the governor's decision is refused (400).
    "api-searches-authority-confirm": {
        "POST": rows(404, anonymous=401, governor=400),
        **dict.fromkeys(["GET", "PUT", "PATCH", "DELETE"], rows(405, anonymous=401)),
    },
    "api-searches-authority-refuse": {
        "POST": rows(404, anonymous=401, **dict.fromkeys(READERS, 400)),
        **dict.fromkeys(["GET", "PUT", "PATCH", "DELETE"], rows(405, anonymous=401)),
    },
}


def world(cast, admission) -> dict:
    """A pat-down of the sample woman by the custody officer (trained by the matrix), and a
    strip search authority custody asked for and the governor gave."""
    from complaints.tests.factories import released
    from searches.services import (
        confirm_search_authority,
        record_search,
        request_search_authority,
    )

    woman, officer = admission.prisoner, cast["custody"]
    search = record_search(
        by=officer,
        prisoner=woman,
        kind="pat_down",
        trigger="admission",
        searchers=[officer],
        place="Reception",
        searched_at=timezone.now(),
    )
    asked = request_search_authority(
        by=officer, prisoner=woman, kind="strip", trigger="intelligence", reason="Seen hiding it"
    )
    released(cast, asked)  # a report in another area's sample protects her
    confirm_search_authority(by=cast["governor"], record=asked)
    her, it = {"uuid": woman.uuid}, {"uuid": search.uuid}
    return {
        "searches:record": her,
        "searches:ask-authority": her,
        "api-searches-ask-authority": her,
        "api-searches-authority-confirm": {"uuid": asked.uuid},
        "api-searches-authority-refuse": {"uuid": asked.uuid},
        "searches:detail": it,
        "api-prisoner-searches": her,
        "api-search-detail": it,
    }


REASON = "Canarysearchreason"


def canaries(cast, world) -> dict:
    """A strip search's individual reason reaches only those who read searches."""
    from complaints.tests.factories import released
    from searches.services import confirm_search_authority, record_search, request_search_authority

    woman, officer = world["admission"].prisoner, cast["custody"]
    asked = request_search_authority(
        by=officer, prisoner=woman, kind="strip", trigger="intelligence", reason=REASON
    )
    released(cast, asked)  # a report in another area's sample protects her
    confirm_search_authority(by=cast["governor"], record=asked)
    record_search(
        by=officer,
        prisoner=woman,
        kind="strip",
        trigger="intelligence",
        reason=REASON,
        authorised_by=cast["governor"],
        searchers=[officer],
        place="Private room",
        privacy="Door closed, women officers only",
    )
    return {REASON: {"custody", "governor", "inspector"}}
