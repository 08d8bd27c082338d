"""The girls routes in the permission matrix (Rules 36-39). Reception, social workers and the
governor record that a girl's parent or guardian was told; safeguarding staff and the
inspector read it too; everyone else, and a woman outside the caller's facilities, gets the 404
of a record that doesn't exist.

Her records sealed (Havana r. 19) are the governor's alone: she seals them, lists the sealed
records, opens one on a legal basis, reads it while it is open and decides on a possible match
at a later admission; for everyone else each route is the 404 of a record that doesn't
exist. A sealed girl's name reaches no body for any role (`canaries`)."""

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
    # Havana r. 19: the governor's alone.
    "girls:seal": page(["governor"], {"governor": 400}),
    "girls:decide-match": page(["governor"], {"governor": 400}),
    "girls:open-sealed": page(["governor"], {"governor": 400}),
    "girls:sealed": {
        "GET": rows(404, anonymous=302, governor=200),
        "POST": rows(405, anonymous=302),
    },
    "girls:sealed-record": {
        "GET": rows(404, anonymous=302, governor=200),
        "POST": rows(405, anonymous=302),
    },
    "api-girls-seal": api({"governor": 400}),
    "api-girls-decide-match": api({"governor": 400}),
    "api-girls-open-sealed": api({"governor": 400}),
    "api-girls-sealed": {
        "GET": rows(404, anonymous=401, governor=200),
        **dict.fromkeys(["POST", "PUT", "PATCH", "DELETE"], API_NOT_ALLOWED),
    },
    "api-girls-sealed-record": {
        "GET": rows(404, anonymous=401, governor=200),
        **dict.fromkeys(["POST", "PUT", "PATCH", "DELETE"], API_NOT_ALLOWED),
    },
}


def sealed_girl(cast, facility, number: str, given_names: str, *, opened: bool, before=None):
    """A girl admitted at 16, released and her records sealed by the governor (opened to her
    on a court's order if `opened`); `before(girl)` records what happened before her
    release."""
    from datetime import timedelta

    from django.utils import timezone

    from admissions.services import release
    from girls import services
    from release.tests.factories import admitted, ready_for_release

    born = timezone.localdate() - timedelta(days=16 * 365 + 100)
    admission = admitted(
        cast, facility, prison_number=number, given_names=given_names, date_of_birth=born
    )
    if before is not None:
        before(admission.prisoner)
    admission = ready_for_release(cast, admission)
    release(by=cast["reception"], admission=admission, reason="Bail granted")
    sealed = services.seal_record(
        by=cast["governor"], prisoner=admission.prisoner, reason="The youth court asked for it."
    )
    if opened:
        services.open_sealed_record(
            by=cast["governor"],
            sealed=sealed,
            basis="court_order",
            reference="YC-1",
            reason="For her appeal.",
        )
    return sealed


def world(cast, admission) -> dict:
    her = {"uuid": admission.prisoner.uuid}
    sealed = {"uuid": sealed_girl(cast, admission.facility, "A40991", "Opened", opened=True).uuid}
    return {
        "girls:index": {},
        "girls:tell-guardian": her,
        "api-girls": {},
        "api-girls-tell-guardian": her,
        "girls:seal": her,
        "girls:decide-match": her,
        "girls:open-sealed": sealed,
        "girls:sealed": {},
        "girls:sealed-record": sealed,
        "api-girls-seal": her,
        "api-girls-decide-match": her,
        "api-girls-open-sealed": sealed,
        "api-girls-sealed": {},
        "api-girls-sealed-record": sealed,
    }


GUARDIAN = "Canaryguardianname"
SEALED_NAME, SEALED_NUMBER = "Canarysealedgirl", "A40992"


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

    # A girl sealed after her release, never opened, named on oversight's list of notices before
    # her seal: her name and number reach no body for any role (Havana r. 19).
    def before(girl):
        """While she was in custody, a record of her in every area, in its lists and queues
        (`sealed_world`)."""
        from girls.tests.sealed_world import records_in_every_area

        records_in_every_area(cast, girl, woman)

    sealed = sealed_girl(
        cast, woman.facility, SEALED_NUMBER, SEALED_NAME, opened=False, before=before
    )
    GuardianNotice.objects.create(
        facility=woman.facility,
        prisoner_id=sealed.prisoner_id,
        event="release",
        reached=True,
        guardian="Her aunt",
        relationship="her aunt",
        how="phone",
        told_at=timezone.now(),
        recorded_by=cast["social"],
    )
    return {
        GUARDIAN: {"reception", "social", "governor", "safeguarding", "inspector"},
        SEALED_NAME: set(),
        SEALED_NUMBER: set(),
        str(sealed.prisoner.uuid): set(),
    }
