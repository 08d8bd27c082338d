"""The complaints routes in the permission matrix. Any member of staff of her facility may
lodge for her; safeguarding staff deal with a complaint, the inspector reads it, the governor
sees its status; everyone else, and anyone it names, meets a 404."""

from tests.matrix_support import rows

LODGERS = ("reception", "custody", "health", "social", "safeguarding", "governor")
READERS = ("safeguarding", "inspector")
REVIEWERS = ("safeguarding", "governor", "inspector")
API_OTHER = dict.fromkeys(["PUT", "PATCH", "DELETE"], rows(405, anonymous=401))


def _api_op(status_for_safeguarding: int) -> dict:
    return {
        "POST": rows(404, anonymous=401, safeguarding=status_for_safeguarding, inspector=404),
        **dict.fromkeys(["GET", "PUT", "PATCH", "DELETE"], rows(405, anonymous=401)),
    }


def _api_op_with_body() -> dict:
    # The body is read before the role's right to act: the inspector's empty body is a 400.
    return {
        "POST": rows(404, anonymous=401, safeguarding=400, inspector=400),
        **dict.fromkeys(["GET", "PUT", "PATCH", "DELETE"], rows(405, anonymous=401)),
    }


MATRIX = {
    "complaints:lodge": {
        "GET": rows(404, anonymous=302, outsider=404, **dict.fromkeys(LODGERS, 200)),
        "POST": rows(404, anonymous=302, outsider=404, **dict.fromkeys(LODGERS, 400)),
    },
    "complaints:detail": {
        "GET": rows(404, anonymous=302, **dict.fromkeys(READERS, 200)),
        "POST": rows(405, anonymous=302),
    },
    # Acknowledging the sample report: safeguarding does (302); the inspector only reads.
    "complaints:act": {
        "GET": rows(405, anonymous=302),
        "POST": rows(404, anonymous=302, safeguarding=302, inspector=404),
    },
    "complaints:held-list": {
        "GET": rows(404, anonymous=302, **dict.fromkeys(REVIEWERS, 200)),
        "POST": rows(405, anonymous=302),
    },
    "complaints:held": {
        "GET": rows(404, anonymous=302, **dict.fromkeys(REVIEWERS, 200)),
        "POST": rows(404, anonymous=302, safeguarding=400, governor=400, inspector=404),
    },
    "api-prisoner-complaints": {
        "GET": rows(404, anonymous=401, safeguarding=200, governor=200, inspector=200),
        "POST": rows(404, anonymous=401, outsider=404, **dict.fromkeys(LODGERS, 400)),
        **API_OTHER,
    },
    "api-complaint": {
        "GET": rows(404, anonymous=401, **dict.fromkeys(READERS, 200)),
        **dict.fromkeys(["POST", "PUT", "PATCH", "DELETE"], rows(405, anonymous=401)),
    },
    "api-held-actions": {
        "GET": rows(404, anonymous=401, **dict.fromkeys(REVIEWERS, 200)),
        **dict.fromkeys(["POST", "PUT", "PATCH", "DELETE"], rows(405, anonymous=401)),
    },
    "api-complaints-acknowledge": _api_op(200),
    "api-complaints-psychological-support": _api_op(200),
    "api-complaints-close": _api_op(400),  # not answered yet
    "api-complaints-assign": _api_op_with_body(),
    "api-complaints-protection-plan": _api_op_with_body(),
    "api-complaints-referral": _api_op_with_body(),
    "api-complaints-answer": _api_op_with_body(),
    "api-complaints-review": {
        "POST": rows(404, anonymous=401, safeguarding=400, governor=400, inspector=400),
        **dict.fromkeys(["GET", "PUT", "PATCH", "DELETE"], rows(405, anonymous=401)),
    },
}


def world(cast, admission) -> dict:
    """A report of abuse by another woman of the facility (so that the other areas' sample
    actions about the admitted woman aren't held), and an action held after it."""
    from complaints.services import hold_if_protected
    from prisoners.tests.factories import PrisonerFactory

    from .factories import report

    woman = PrisonerFactory(facility=admission.facility, prison_number="A09999")
    filed = report(cast["reception"], woman)
    held = hold_if_protected(
        by=cast["custody"], prisoner=woman, kind="transfer", summary="Transfer to B", params={}
    )
    her = {"uuid": woman.uuid}
    ops = ["acknowledge", "psychological-support", "close", "assign", "protection-plan"]
    return {
        "complaints:lodge": her,
        "complaints:detail": {"uuid": filed.uuid},
        "complaints:act": {"uuid": filed.uuid, "step": "acknowledge"},
        "complaints:held": {"uuid": held.uuid},
        "api-prisoner-complaints": her,
        "api-complaint": {"uuid": filed.uuid},
        **{f"api-complaints-{op}": {"uuid": filed.uuid} for op in ops},
        "api-complaints-referral": {"uuid": filed.uuid},
        "api-complaints-answer": {"uuid": filed.uuid},
        "api-complaints-review": {"uuid": held.uuid},
    }


def canaries(cast, world) -> dict:
    """Her account and the staff it names reach safeguarding staff and the inspector only."""
    from staff.tests.factories import make_staff

    from .factories import report

    woman = world["admission"].prisoner
    named = make_staff("custody", woman.facility, username="Canarynamedofficer")
    report(cast["reception"], woman, narrative="Canarycomplaintaccount", named_staff=[named])
    return {
        "Canarycomplaintaccount": {"safeguarding", "inspector"},
        "Canarynamedofficer": {"safeguarding", "inspector"},
    }
