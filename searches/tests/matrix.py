"""The searches routes in the permission matrix (Rules 19-21).

Custody officers record searches; the governor and the inspector read them (403 when they
try to record one) and the staff training records. Roles that read no searches meet a 404 on
her pages (the access funnel) and a 403 from the API; an empty POST is refused (400).
"""

from django.utils import timezone

from tests.matrix_support import rows

READERS = {"custody": 200, "governor": 200, "inspector": 200}


def api(default, *, get=None, post=None, allowed=()):
    """An API route: GET and POST as given, other methods 405 for roles past the permission
    check (`allowed`), 403 for the rest, 401 for anonymous."""
    other = rows(default, anonymous=401, **dict.fromkeys(allowed, 405))
    return {
        "GET": get or other,
        "POST": post or other,
        **dict.fromkeys(["PUT", "PATCH", "DELETE"], other),
    }


MATRIX = {
    "searches:record": {
        "GET": rows(404, anonymous=302, custody=200, governor=403, inspector=403),
        "POST": rows(404, anonymous=302, custody=400, governor=403, inspector=403),
    },
    "searches:record-cell": {
        "GET": rows(403, anonymous=302, custody=200),
        "POST": rows(403, anonymous=302, custody=400),
    },
    "searches:detail": {
        "GET": rows(404, anonymous=302, **READERS),
        "POST": rows(405, anonymous=302),
    },
    "searches:training": {
        "GET": rows(403, anonymous=302, governor=200, inspector=200),
        "POST": rows(405, anonymous=302),
    },
    "api-prisoner-searches": api(
        403,
        get=rows(403, anonymous=401, **READERS),
        post=rows(403, anonymous=401, custody=400),
        allowed=READERS,
    ),
    "api-search-detail": api(403, get=rows(403, anonymous=401, **READERS), allowed=READERS),
    "api-cell-searches": api(403, post=rows(403, anonymous=401, custody=400), allowed=["custody"]),
    "api-training-records": api(
        403,
        get=rows(403, anonymous=401, governor=200, inspector=200),
        allowed=["governor", "inspector"],
    ),
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
    from searches.services import confirm_search_authority, record_search, request_search_authority

    woman, officer = world["admission"].prisoner, cast["custody"]
    asked = request_search_authority(
        by=officer, prisoner=woman, kind="strip", trigger="intelligence", reason=REASON
    )
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
