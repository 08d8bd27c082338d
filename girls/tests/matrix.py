"""The girls routes in the permission matrix (Rules 36-39). Reception, social workers and the
governor record that a girl's parent or guardian was told; safeguarding staff and the
inspector read it too; everyone else, and a woman outside the caller's facilities, gets the 404
of a record that doesn't exist."""

from tests.matrix_support import API_NOT_ALLOWED, rows
from tests.matrix_support import api_route as api
from tests.matrix_support import form_page as page

KEEPERS = ("reception", "social", "governor")
READERS = {role: 200 for role in (*KEEPERS, "safeguarding", "inspector")}

MATRIX = {
    "girls:index": {
        # Reception of another facility reads the girls of hers (none here).
        "GET": rows(404, anonymous=302, outsider=200, **READERS),
        "POST": rows(405, anonymous=302),
    },
    "girls:tell-guardian": page(KEEPERS, dict.fromkeys(KEEPERS, 400)),
    "api-girls": {
        "GET": rows(404, anonymous=401, outsider=200, **READERS),
        **dict.fromkeys(["POST", "PUT", "PATCH", "DELETE"], API_NOT_ALLOWED),
    },
    "api-girls-tell-guardian": api(dict.fromkeys(KEEPERS, 400), reads=READERS),
}


def world(cast, admission) -> dict:
    her = {"uuid": admission.prisoner.uuid}
    return {
        "girls:index": {},
        "girls:tell-guardian": her,
        "api-girls": {},
        "api-girls-tell-guardian": her,
    }


GUARDIAN = "Canaryguardianname"


def canaries(cast, world) -> dict:
    """Her parent or guardian's name is read by those who tell them and those who protect
    her (reception, social workers, the governor, safeguarding) and the inspector; never by
    custody officers or health staff."""
    from django.utils import timezone

    from girls.models import GuardianNotice

    woman = world["admission"].prisoner
    GuardianNotice.objects.create(
        facility=woman.facility,
        prisoner=woman,
        event="admission",
        reached=True,
        guardian=GUARDIAN,
        relationship="her mother",
        how="phone",
        told_at=timezone.now(),
        recorded_by=cast["social"],
    )
    return {GUARDIAN: {"reception", "social", "governor", "safeguarding", "inspector"}}
