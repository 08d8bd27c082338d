"""The equality and faith routes in the permission matrix (Rules 54, 55; Mandela 2, 65, 66).
Social workers record her characteristics with her consent and keep her faith needs and
visits; health staff read only the adjustments she asks for; the governor reads her faith
needs, arranges the visits and keeps the representatives; the inspector reads the facility's
provision only. Custody, reception and safeguarding reach none of it: the 404 of a record that
doesn't exist, as for a woman outside the caller's facilities."""

from tests.matrix_support import api_route as api
from tests.matrix_support import form_page as page
from tests.matrix_support import rows

PROVISION_READERS = ("social", "governor", "inspector")
HER_READERS = {"social": 200, "health": 200, "governor": 200}
VISITORS = ("social", "governor")

MATRIX = {
    "equality:index": {
        "GET": rows(404, anonymous=302, **dict.fromkeys(PROVISION_READERS, 302)),
        "POST": rows(405, anonymous=302),
    },
    "equality:facility": {
        "GET": rows(404, anonymous=302, **dict.fromkeys(PROVISION_READERS, 200)),
        "POST": rows(405, anonymous=302),
    },
    "equality:her": {
        "GET": rows(404, anonymous=302, **HER_READERS),
        "POST": rows(405, anonymous=302),
    },
    # Her consent is in force in the sample: recording it again is a 400.
    "equality:give-consent": page(["social"], {"social": 400}),
    # An empty form withdraws it: erased, back to her record.
    "equality:withdraw-consent": page(["social"], {"social": 302}),
    "equality:record-characteristics": page(["social"], {"social": 400}),
    "equality:record-need": page(["social"], {"social": 400}),
    "equality:ask-visit": page(VISITORS, dict.fromkeys(VISITORS, 400)),
    "equality:offer-visit": page(VISITORS, dict.fromkeys(VISITORS, 400)),
    "equality:provide-for-need": page(["social"], {"social": 400}),
    "equality:end-need": page(["social"], {"social": 302}),
    "equality:answer-offer": page(VISITORS, dict.fromkeys(VISITORS, 400)),
    "equality:arrange-visit": page(VISITORS, dict.fromkeys(VISITORS, 400)),
    "equality:close-visit": page(VISITORS, dict.fromkeys(VISITORS, 400)),
    "equality:add-representative": page(["governor"], {"governor": 400}),
    "api-equality-her": {
        "GET": rows(404, anonymous=401, **HER_READERS),
        **dict.fromkeys(["POST", "PUT", "PATCH", "DELETE"], rows(405, anonymous=401)),
    },
    "api-equality-give-consent": api({"social": 400}),
    "api-equality-withdraw-consent": api({"social": 200}),
    "api-equality-record-characteristics": api({"social": 400}),
    "api-equality-record-need": api({"social": 400}),
    "api-equality-ask-visit": api(dict.fromkeys(VISITORS, 400)),
    "api-equality-offer-visit": api(dict.fromkeys(VISITORS, 400)),
    "api-equality-provide-for-need": api({"social": 400}, method="PATCH"),
    "api-equality-end-need": api({"social": 200}),
    "api-equality-answer-offer": api(dict.fromkeys(VISITORS, 400)),
    "api-equality-arrange-visit": api(dict.fromkeys(VISITORS, 400), method="PATCH"),
    "api-equality-close-visit": api(dict.fromkeys(VISITORS, 400)),
    "api-equality-add-representative": api(
        {"governor": 400}, reads=dict.fromkeys(PROVISION_READERS, 200)
    ),
    "api-equality-change-representative": api({"governor": 200}, method="PATCH"),
}


def world(cast, admission) -> dict:
    from equality import services

    social, governor = cast["social"], cast["governor"]
    facility, woman = admission.facility, admission.prisoner
    services.give_consent(by=social, prisoner=woman)
    need = services.record_faith_need(by=social, prisoner=woman, kind="diet", detail="Halal food")
    representative = services.add_representative(
        by=governor, facility=facility, name="Imam Hassan", faith="muslim"
    )
    asked = services.ask_for_visit(by=social, prisoner=woman, faith="muslim")
    offered = services.offer_visit(by=social, prisoner=woman, representative=representative)
    place, her = {"uuid": facility.uuid}, {"uuid": woman.uuid}
    urls = {
        "index": {},
        "facility": place,
        "her": her,
        "give-consent": her,
        "withdraw-consent": her,
        "record-characteristics": her,
        "record-need": her,
        "ask-visit": her,
        "offer-visit": her,
        "provide-for-need": {"uuid": need.uuid},
        "end-need": {"uuid": need.uuid},
        "answer-offer": {"uuid": offered.uuid},
        "arrange-visit": {"uuid": asked.uuid},
        "close-visit": {"uuid": asked.uuid},
        "add-representative": place,
        "change-representative": {"uuid": representative.uuid},
    }
    found = {f"equality:{name}": kwargs for name, kwargs in urls.items()}
    found.update({f"api-equality-{name}": kwargs for name, kwargs in urls.items()})
    return {key: kwargs for key, kwargs in found.items() if key in MATRIX}


ETHNICITY, ORIENTATION = "Canaryethnicity", "Canaryorientation"
ADJUSTMENT, NEED = "Canaryadjustment", "Canaryfaithneed"


def canaries(cast, world) -> dict:
    """What she says of herself is read by social workers alone; the adjustments she asks for
    by health staff too; her faith need by social workers and the governor. Never custody,
    reception, safeguarding or the inspector."""
    from equality import services

    woman = world["admission"].prisoner
    social = cast["social"]
    services.record_characteristics(
        by=social,
        prisoner=woman,
        in_her_words=True,
        ethnicity=ETHNICITY,
        sexual_orientation=ORIENTATION,
        disability="yes",
        adjustments=ADJUSTMENT,
    )
    services.record_faith_need(by=social, prisoner=woman, kind="worship", detail=NEED)
    return {
        ETHNICITY: {"social"},
        ORIENTATION: {"social"},
        ADJUSTMENT: {"social", "health"},
        NEED: {"social", "governor"},
    }
