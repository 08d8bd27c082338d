"""A child's record on a page in the permission matrix (Rules 2.2, 3.2): reception corrects
the children of a woman still in reception, social workers keep every child's; every other
role, and another facility's staff, meet the 404 of a child who doesn't exist. An empty POST
is refused with the fields' errors (400), nothing written."""

from tests.matrix_support import rows

CHILD, CARER = "Canaryeditedchild", "Canarycarercontact"

MATRIX = {
    "register:child-edit": {
        "GET": rows(404, anonymous=302, reception=200, social=200),
        "POST": rows(404, anonymous=302, reception=400, social=400),
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
    return {"register:child-edit": {"uuid": child.uuid}}


def canaries(cast, world) -> dict:
    """The child's name and her carer's contact (Rule 3.2): reception and social workers."""
    return {CHILD: {"reception", "social"}, CARER: {"reception", "social"}}
