"""The hygiene routes in the permission matrix (Rule 5). Custody officers and the governor
keep the records of their facility; the governor alone keeps the catalogue; health staff
grant the entitlements on clinical grounds; the inspector reads; everyone else, and a
facility or woman outside the caller's, gets the 404 of a record that doesn't exist."""

from tests.matrix_support import api_route as api
from tests.matrix_support import form_page as page
from tests.matrix_support import rows

KEEPERS = ("custody", "governor")
READERS = {"custody": 200, "governor": 200, "inspector": 200}
HER_READERS = {**READERS, "health": 200}


MATRIX = {
    "hygiene:index": {
        "GET": rows(404, anonymous=302, **dict.fromkeys(READERS, 302)),
        "POST": rows(405, anonymous=302),
    },
    "hygiene:facility": {
        "GET": rows(404, anonymous=302, **READERS),
        "POST": rows(405, anonymous=302),
    },
    "hygiene:her": {
        "GET": rows(404, anonymous=302, **HER_READERS),
        "POST": rows(405, anonymous=302),
    },
    "hygiene:add-item": page(["governor"], {"governor": 400}),
    "hygiene:change-item": page(["governor"], {"governor": 400}),
    "hygiene:count-stock": page(KEEPERS, dict.fromkeys(KEEPERS, 400)),
    "hygiene:record-water": page(KEEPERS, dict.fromkeys(KEEPERS, 400)),
    # The water back now (an empty form means now): ended, back to the facility's page.
    "hygiene:end-water": page(KEEPERS, dict.fromkeys(KEEPERS, 302)),
    "hygiene:issue": page(KEEPERS, dict.fromkeys(KEEPERS, 400)),
    "hygiene:grant": page([*KEEPERS, "health"], dict.fromkeys([*KEEPERS, "health"], 400)),
    # An empty form ends the entitlement (the kitchen one of the sample: custody may).
    "hygiene:end-entitlement": page([*KEEPERS, "health"], dict.fromkeys([*KEEPERS, "health"], 302)),
    "api-hygiene-add-item": api({"governor": 400}, reads=READERS),
    "api-hygiene-record-water": api(dict.fromkeys(KEEPERS, 400), reads=READERS),
    "api-hygiene-change-item": api({"governor": 200}, method="PATCH"),
    "api-hygiene-count-stock": api(dict.fromkeys(KEEPERS, 400)),
    "api-hygiene-end-water": api(dict.fromkeys(KEEPERS, 200)),
    "api-hygiene-issue": api(dict.fromkeys(KEEPERS, 400)),
    "api-hygiene-grant": api(dict.fromkeys([*KEEPERS, "health"], 400), reads=HER_READERS),
    "api-hygiene-end-entitlement": api(dict.fromkeys([*KEEPERS, "health"], 200)),
}


def world(cast, admission) -> dict:
    from hygiene import services
    from hygiene.models import Basis

    facility, woman = admission.facility, admission.prisoner
    item = services.add_item(
        by=cast["governor"], facility=facility, name="Towels", category="sanitary"
    )
    water = services.record_water_interruption(
        by=cast["custody"],
        facility=facility,
        started_at=admission.admitted_at,
        cause="Pump failure",
        provision="Bottled water",
    )
    entitlement = services.grant_entitlement(
        by=cast["custody"], prisoner=woman, basis=Basis.KITCHEN, extra="A daily shower"
    )
    place, her = {"uuid": facility.uuid}, {"uuid": woman.uuid}
    return {
        "hygiene:index": {},
        "hygiene:facility": place,
        "hygiene:her": her,
        "hygiene:add-item": place,
        "hygiene:change-item": {"uuid": item.uuid},
        "hygiene:count-stock": {"uuid": item.uuid},
        "hygiene:record-water": place,
        "hygiene:end-water": {"uuid": water.uuid},
        "hygiene:issue": her,
        "hygiene:grant": her,
        "hygiene:end-entitlement": {"uuid": entitlement.uuid},
        "api-hygiene-add-item": place,
        "api-hygiene-record-water": place,
        "api-hygiene-change-item": {"uuid": item.uuid},
        "api-hygiene-count-stock": {"uuid": item.uuid},
        "api-hygiene-end-water": {"uuid": water.uuid},
        "api-hygiene-issue": her,
        "api-hygiene-grant": her,
        "api-hygiene-end-entitlement": {"uuid": entitlement.uuid},
    }


EXTRA = "Canaryhygieneextra"


def canaries(cast, world) -> dict:
    """The extra a health-approved entitlement gives is read by those who deliver it (custody,
    the governor), health and the inspector; never by reception, social workers or
    safeguarding, who don't read her hygiene record."""
    from hygiene import services

    services.grant_entitlement(
        by=cast["health"], prisoner=world["admission"].prisoner, basis="pregnant", extra=EXTRA
    )
    return {EXTRA: {"custody", "governor", "health", "inspector"}}
