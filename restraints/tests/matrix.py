"""The restraints routes in the permission matrix (Rule 24).

Custody, health staff, the governor and the inspector read restraints in their facility;
every other role, and the outsider, gets the 404 of a woman who doesn't exist. Custody apply,
review and remove; health staff approve the method; a role that reads restraints but may not
do the verb gets 404. An empty form or body is refused (400), except removal, which needs
nothing but the restraint (taken off now).
"""

from datetime import timedelta

from django.utils import timezone

from tests.matrix_support import rows

READERS = {"custody": 200, "health": 200, "governor": 200, "inspector": 200}


def _post_only(anonymous: int, **by_role) -> dict:
    """A POST-only route: other methods are 405 for whoever gets past the login."""
    return {
        "POST": rows(404, anonymous=anonymous, **by_role),
        "GET": rows(405, anonymous=anonymous),
    }


def _verb(doer: str, status: int) -> dict:
    readers = {"custody": 404, "health": 404, "governor": 404, "inspector": 404}
    return {**readers, doer: status}


API_OTHER = ("PUT", "PATCH", "DELETE")

MATRIX = {
    "restraints:list": {
        "GET": rows(404, anonymous=302, **READERS),
        "POST": rows(405, anonymous=302),
    },
    "restraints:detail": {
        "GET": rows(404, anonymous=302, **READERS),
        "POST": rows(405, anonymous=302),
    },
    "restraints:apply": {
        "GET": rows(404, anonymous=302, **_verb("custody", 200)),
        "POST": rows(404, anonymous=302, **_verb("custody", 400)),
    },
    "restraints:approve-method": {
        "GET": rows(404, anonymous=302, **_verb("health", 200)),
        "POST": rows(404, anonymous=302, **_verb("health", 400)),
    },
    "restraints:review": _post_only(302, **_verb("custody", 400)),
    "restraints:remove": _post_only(302, **_verb("custody", 302)),
    "api-restraints": {
        "GET": rows(404, anonymous=401, **READERS),
        **dict.fromkeys(["POST", *API_OTHER], rows(405, anonymous=401)),
    },
    "api-restraints-approval": {
        "GET": rows(404, anonymous=401, **READERS),
        **dict.fromkeys(["POST", *API_OTHER], rows(405, anonymous=401)),
    },
    **{
        f"api-restraints-{name}": {
            "POST": rows(404, anonymous=401, **_verb(doer, status)),
            **dict.fromkeys(["GET", *API_OTHER], rows(405, anonymous=401)),
        }
        for name, doer, status in (
            ("apply", "custody", 400),
            ("review", "custody", 400),
            ("remove", "custody", 200),
            ("approve-method", "health", 400),
        )
    },
    # The governor's authority (Mandela 47-49): the sample restraint was confirmed already,
    # so hers is refused as decided (400); a refusal without a reason is a 400 for any role
    # that reads restraints (the body is read first); no one else decides.
    "api-restraints-confirm": {
        "POST": rows(404, anonymous=401, governor=400),
        **dict.fromkeys(["GET", *API_OTHER], rows(405, anonymous=401)),
    },
    "api-restraints-refuse": {
        "POST": rows(404, anonymous=401, **dict.fromkeys(READERS, 400)),
        **dict.fromkeys(["GET", *API_OTHER], rows(405, anonymous=401)),
    },
}


def world(cast, admission) -> dict:
    """A restraint on the sample woman, under a method health staff approved (she may be
    under the health-approval protection by the time this runs)."""
    from restraints.services import approve_method

    from .factories import restrain

    woman = admission.prisoner
    approve_method(
        by=cast["health"],
        prisoner=woman,
        devices=["handcuffs", "soft_cuffs"],
        valid_until=timezone.now() + timedelta(days=2),
    )
    restraint = restrain(cast, woman)
    her, it = {"uuid": woman.uuid}, {"uuid": restraint.uuid}
    return {
        "restraints:list": her,
        "restraints:apply": her,
        "restraints:approve-method": her,
        "restraints:detail": it,
        "restraints:review": it,
        "restraints:remove": it,
        "api-restraints": her,
        "api-restraints-approval": her,
        "api-restraints-apply": her,
        "api-restraints-approve-method": her,
        "api-restraints-review": it,
        "api-restraints-remove": it,
        "api-restraints-confirm": it,
        "api-restraints-refuse": it,
    }


CONDITIONS = "Canaryrestraintcondition"


def canaries(cast, world) -> dict:
    """The conditions of a method approval are health staff's alone."""
    from restraints.services import approve_method

    approve_method(
        by=cast["health"],
        prisoner=world["admission"].prisoner,
        devices=["soft_cuffs", "handcuffs"],
        conditions=CONDITIONS,
        valid_until=timezone.now() + timedelta(days=1),
    )
    return {CONDITIONS: {"health"}}
