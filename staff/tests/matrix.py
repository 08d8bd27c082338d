"""The account routes in the permission matrix (QUALITY S13).

Every signed-in member of staff has a page of the changes of access waiting for her decision
and those she asked for or that concern her, records a training she delivered and sets her
own password (an empty POST is refused, 400). Only a governor of the facility concerned
decides the sample change (a role for the custody officer at A, asked by the system
administrator): everyone else, the requester and the officer included, meets a 404.
"""

from tests.matrix_support import rows

SIGNED_IN = rows(200, anonymous=302)

MATRIX = {
    "accounts:changes": {"GET": SIGNED_IN, "POST": rows(405, anonymous=302)},
    **{
        f"accounts:{verdict}": {
            "GET": rows(405, anonymous=302),
            "POST": rows(404, anonymous=302, governor=302),
        }
        for verdict in ("confirm", "refuse")
    },
    "accounts:record-training": {"GET": SIGNED_IN, "POST": rows(400, anonymous=302)},
    "accounts:password": {"GET": SIGNED_IN, "POST": rows(400, anonymous=302)},
}


def world(cast, admission) -> dict:
    from staff.services import request_role

    change = request_role(user=cast["custody"], role="social", by=cast["sysadmin"])
    it = {"uuid": change.uuid}
    return {"accounts:confirm": it, "accounts:refuse": it}
