"""The regime routes in the permission matrix (Rule 42; Mandela 23, 44). Custody officers, the
governor, social workers, health staff and the inspector read regimes in their facility;
custody and the governor keep activities, places, attendance and time out of cell; social
workers give and end places (on programmes and family activities); the governor alone
reviews a day locked up. Everyone else, and a record outside the caller's facilities, gets the
404 of a record that doesn't exist. An empty form or body is refused (400)."""

from tests.matrix_support import api_route as api
from tests.matrix_support import form_page as page
from tests.matrix_support import rows

KEEPERS = ("custody", "governor")
READERS = dict.fromkeys(("custody", "governor", "social", "health", "inspector"), 200)
PLACERS = (*KEEPERS, "social")


def read(status=None):
    return {
        "GET": rows(404, anonymous=302, **(status or READERS)),
        "POST": rows(405, anonymous=302),
    }


MATRIX = {
    "regime:index": read(dict.fromkeys(READERS, 302)),
    "regime:facility": read(),
    "regime:activity": read(),
    "regime:her": read(),
    "regime:add-activity": page(KEEPERS, dict.fromkeys(KEEPERS, 400)),
    "regime:change-activity": page(KEEPERS, dict.fromkeys(KEEPERS, 400)),
    "regime:allocate": page(PLACERS, dict.fromkeys(PLACERS, 400)),
    # The sample place is on a family activity, which social workers may end too.
    "regime:end-allocation": page(PLACERS, dict.fromkeys(PLACERS, 400)),
    "regime:record-attendance": page(KEEPERS, dict.fromkeys(KEEPERS, 400)),
    "regime:record-time-out": page(KEEPERS, dict.fromkeys(KEEPERS, 400)),
    "regime:correct-time-out": page(KEEPERS, dict.fromkeys(KEEPERS, 400)),
    "regime:correct-attendance": page(KEEPERS, dict.fromkeys(KEEPERS, 400)),
    "regime:review-solitary": page(["governor"], {"governor": 400}),
    "api-regime-add-activity": api(dict.fromkeys(KEEPERS, 400), reads=READERS),
    "api-regime-change-activity": api(dict.fromkeys(KEEPERS, 200), method="PATCH"),
    "api-regime-allocate": api(dict.fromkeys(PLACERS, 400), reads=READERS),
    "api-regime-end-allocation": api(dict.fromkeys(PLACERS, 400)),
    "api-regime-record-attendance": api(dict.fromkeys(KEEPERS, 400)),
    "api-regime-record-time-out": api(dict.fromkeys(KEEPERS, 400), reads=READERS),
    "api-regime-correct-time-out": api(dict.fromkeys(KEEPERS, 400)),
    "api-regime-correct-attendance": api(dict.fromkeys(KEEPERS, 400)),
    "api-regime-review-solitary": api({"governor": 400}),
}


def world(cast, admission) -> dict:
    """An activity of the sample facility, the sample woman's place on a family activity, and
    a day she was locked up with no segregation."""
    from django.utils import timezone

    from regime import services

    from .factories import activity, day_out, placed

    facility, woman = admission.facility, admission.prisoner
    place = placed(cast, woman, kind="family", name="Parenting group")
    day = day_out(cast, woman, minutes=60, day=timezone.localdate())
    went = services.record_attendance(
        by=cast["custody"], allocation=place, day=timezone.localdate(), attended=True
    )
    her = {"uuid": woman.uuid}
    return {
        "regime:index": {},
        "regime:facility": {"uuid": facility.uuid},
        "regime:activity": {"uuid": place.activity.uuid},
        "regime:her": her,
        "regime:add-activity": {"uuid": facility.uuid},
        "regime:change-activity": {"uuid": activity(cast, facility).uuid},
        "regime:allocate": her,
        "regime:end-allocation": {"uuid": place.uuid},
        "regime:record-attendance": {"uuid": place.uuid},
        "regime:record-time-out": her,
        "regime:correct-time-out": {"uuid": day.uuid},
        "regime:review-solitary": {"uuid": day.uuid},
        "regime:correct-attendance": {"uuid": went.uuid},
        "api-regime-add-activity": {"uuid": facility.uuid},
        "api-regime-change-activity": {"uuid": place.activity.uuid},
        "api-regime-allocate": her,
        "api-regime-end-allocation": {"uuid": place.uuid},
        "api-regime-record-attendance": {"uuid": place.uuid},
        "api-regime-record-time-out": her,
        "api-regime-correct-time-out": {"uuid": day.uuid},
        "api-regime-review-solitary": {"uuid": day.uuid},
        "api-regime-correct-attendance": {"uuid": went.uuid},
    }
