"""A child's record on a page in the permission matrix (Rules 2.2, 3.2): reception corrects
the children of a woman still in reception, social workers keep every child's; every other
role, and another facility's staff, meet the 404 of a child who doesn't exist. An empty POST
is refused with the fields' errors (400), nothing written."""

from tests.matrix_support import API_NOT_ALLOWED, rows

CHILD, CARER = "Canaryeditedchild", "Canarycarercontact"
# A best-interests decision and a separation plan (Rules 49, 52): social workers only.
REASONS, PLAN_CARER = "Canarybestinterests", "Canaryplancarer"
# A child's days in prison (Rules 42.2, 51.2): those who read children's identities.
NURSERY = "Canarychildnursery"

MATRIX = {
    "register:child-edit": {
        "GET": rows(404, anonymous=302, reception=200, social=200),
        "POST": rows(404, anonymous=302, reception=400, social=400),
    },
    # Best-interests decisions and separation plans (Rules 49, 52): social workers; every
    # other role, reception included, meets the 404 of a woman or child who doesn't exist. An
    # empty POST is refused with the fields' errors.
    "register:best-interests": {
        "GET": rows(404, anonymous=302, social=200),
        "POST": rows(404, anonymous=302, social=400),
    },
    "api-best-interests": {
        "POST": rows(404, anonymous=401, social=400),
        **dict.fromkeys(["GET", "PUT", "PATCH", "DELETE"], API_NOT_ALLOWED),
    },
    "register:separation-plan": {
        "GET": rows(404, anonymous=302, social=200),
        "POST": rows(404, anonymous=302, social=400),
    },
    "api-separation-plan": {
        "POST": rows(404, anonymous=401, social=400),
        **dict.fromkeys(["GET", "PUT", "PATCH", "DELETE"], API_NOT_ALLOWED),
    },
    # A child's days in prison (Rules 42.2, 50, 51.2): social workers record them; those who
    # read children's identities read them in the API.
    "register:child-life": {
        "GET": rows(404, anonymous=302, social=200),
        "POST": rows(404, anonymous=302, social=400),
    },
    "api-child-activities": {
        "GET": rows(404, anonymous=401, reception=200, social=200),
        "POST": rows(404, anonymous=401, social=400),
        **dict.fromkeys(["PUT", "PATCH", "DELETE"], API_NOT_ALLOWED),
    },
    # Applications for a place in the mother and baby unit (Rules 49-51): social workers.
    **{
        page: {
            "GET": rows(404, anonymous=302, social=200),
            "POST": rows(404, anonymous=302, social=400),
        }
        for page in (
            "register:unit-applications",
            "register:unit-decision",
            "register:unit-appeal",
            "register:unit-appeal-decision",
        )
    },
    **{
        api: {
            "POST": rows(404, anonymous=401, social=400),
            **dict.fromkeys(["GET", "PUT", "PATCH", "DELETE"], API_NOT_ALLOWED),
        }
        for api in (
            "api-unit-applications",
            "api-unit-decision",
            "api-unit-appeal",
            "api-unit-appeal-decision",
        )
    },
}


def world(cast, admission) -> dict:
    """A child outside of the woman in reception, whose whereabouts aren't known."""
    from register.services import record_child

    from .factories import child_fields

    child = record_child(
        by=cast["reception"],
        mother=admission.prisoner,
        **child_fields(
            given_names=CHILD,
            carer_contact=CARER,
            location="",
            location_unknown=True,
            custody="unknown",
        ),
    )
    from datetime import timedelta

    from django.utils import timezone

    from register.services import apply_for_unit, plan_separation

    from .factories import PLAN, decide

    mother = admission.prisoner
    decide(cast["social"], mother, reasons=REASONS)
    baby = record_child(
        by=cast["reception"],
        mother=mother,
        **child_fields(given_names="Baby", lives_with_mother=True, location="", custody=""),
    )
    plan = {**PLAN, "carer": PLAN_CARER, "care_confirmed_on": timezone.localdate()}
    plan_separation(by=cast["social"], child=baby, **plan)
    from register.services import record_child_activity

    record_child_activity(
        by=cast["social"], child=baby, kind="nursery", on=timezone.localdate(), place=NURSERY
    )
    applied = apply_for_unit(
        by=cast["social"],
        mother=mother,
        applicant="her",
        expected_on=timezone.localdate() + timedelta(days=60),
    )
    her, baby_, application = {"uuid": mother.uuid}, {"uuid": baby.uuid}, {"uuid": applied.uuid}
    return {
        "register:child-edit": {"uuid": child.uuid},
        "register:best-interests": her,
        "api-best-interests": her,
        "register:separation-plan": baby_,
        "api-separation-plan": baby_,
        "register:child-life": baby_,
        "api-child-activities": baby_,
        "register:unit-applications": her,
        "api-unit-applications": her,
        **dict.fromkeys(
            [
                "register:unit-decision",
                "register:unit-appeal",
                "register:unit-appeal-decision",
                "api-unit-decision",
                "api-unit-appeal",
                "api-unit-appeal-decision",
            ],
            application,
        ),
    }


def canaries(cast, world) -> dict:
    """The child's name and her carer's contact (Rule 3.2): reception and social workers."""
    return {
        CHILD: {"reception", "social"},
        CARER: {"reception", "social"},
        REASONS: {"social"},
        PLAN_CARER: {"social"},
        NURSERY: {"reception", "social"},
    }
