"""The governor's queue in the permission matrix (QUALITY S13): only a role that holds an
authority (the governor) reaches it; everyone else meets the 404 of a page that doesn't
exist. A confirmation or refusal is a POST by the governor of the record's facility: the
sample authority was given already, so hers is refused as decided (400), nothing written."""

from tests.matrix_support import rows

MATRIX = {
    "authority:queue": {
        "GET": rows(404, anonymous=302, governor=200),
        "POST": rows(405, anonymous=302),
    },
    **{
        f"authority:{verb}": {
            "GET": rows(405, anonymous=302),
            "POST": rows(404, anonymous=302, governor=400),
        }
        for verb in ("confirm", "refuse")
    },
    "api-authorities-waiting": {
        "GET": rows(404, anonymous=401, governor=200),
        **dict.fromkeys(["POST", "PUT", "PATCH", "DELETE"], rows(405, anonymous=401)),
    },
}


def world(cast, admission) -> dict:
    """A strip search authority for the sample woman, asked by custody, given by the governor."""
    from complaints.tests.factories import released
    from searches.services import confirm_search_authority, request_search_authority
    from searches.tests.factories import trained

    trained(cast["custody"])
    asked = request_search_authority(
        by=cast["custody"],
        prisoner=admission.prisoner,
        kind="strip",
        trigger="intelligence",
        reason="Seen taking a package at the visit",
    )
    released(cast, asked)  # a report in another area's sample protects her
    confirm_search_authority(by=cast["governor"], record=asked)
    decided = {"key": "searches", "uuid": asked.uuid}
    return {"authority:confirm": decided, "authority:refuse": decided}
