"""The discipline routes in the permission matrix (Rules 22, 23; Mandela 39-46).

Custody officers lay charges and record a segregation (naming the governor); the governor
hears charges, imposes and reviews sanctions, segregates, extends and ends segregation and
restricts contact; health staff record the daily visit. A role without the permission, like
another facility's woman, meets the access funnel's 404; an empty POST from a permitted role
is refused with the form's or the body's errors (400), never written.
"""

from datetime import timedelta

from django.utils import timezone

from tests.matrix_support import rows

CHARGE_READERS = {"custody": 200, "governor": 200, "inspector": 200}
SEGREGATION_READERS = {**CHARGE_READERS, "health": 200}
RECORD_READERS = {**SEGREGATION_READERS, "social": 200}


def page(get=None, post=None):
    """An HTML route: 302 to the login page for anonymous, 404 for roles without the
    permission (and the outsider and sysadmin), the statuses given for the others; 405 for a
    method the route doesn't have."""
    absent = rows(405, anonymous=302)
    return {
        "GET": rows(404, anonymous=302, **get) if get is not None else absent,
        "POST": rows(404, anonymous=302, **post) if post is not None else absent,
    }


def api(get=None, post=None):
    """An API route: 401 anonymous, 404 past authentication unless given; methods a route
    doesn't have are 405 once authenticated."""
    absent = rows(405, anonymous=401)
    return {
        "GET": rows(404, anonymous=401, **get) if get is not None else absent,
        "POST": rows(404, anonymous=401, **post) if post is not None else absent,
        "PUT": absent,
        "PATCH": absent,
        "DELETE": absent,
    }


MATRIX = {
    "discipline:lay-charge": page(get={"custody": 200}, post={"custody": 400}),
    "discipline:charge": page(get=CHARGE_READERS),
    "discipline:decide": page(post={"governor": 400}),
    "discipline:impose": page(post={"governor": 400}),
    "discipline:review": page(post={"governor": 400}),
    "discipline:segregate": page(
        get={"custody": 200, "governor": 200}, post={"custody": 400, "governor": 400}
    ),
    "discipline:segregation": page(get=SEGREGATION_READERS),
    "discipline:visit": page(post={"health": 400}),
    "discipline:extend": page(post={"governor": 400}),
    "discipline:end": page(post={"governor": 400}),
    "discipline:restrict": page(get={"governor": 200}, post={"governor": 400}),
    "api-discipline-record": api(get=RECORD_READERS),
    "api-discipline-lay-charge": api(post={"custody": 400}),
    "api-discipline-charge-decision": api(post={"governor": 400}),
    "api-discipline-charge-sanction": api(post={"governor": 400}),
    "api-discipline-sanction-review": api(post={"governor": 400}),
    "api-discipline-segregate": api(post={"custody": 400, "governor": 400}),
    "api-discipline-segregation-extend": api(post={"governor": 400}),
    "api-discipline-segregation-end": api(post={"governor": 400}),
    "api-discipline-segregation-visit": api(post={"health": 400}),
    # The sample segregation, caution and restriction were confirmed already, so confirming
    # or refusing them again is refused (400); no other role reaches them.
    "api-discipline-segregation-confirm": api(post={"governor": 400}),
    "api-discipline-segregation-refuse": api(post={"governor": 400}),
    "api-discipline-sanction-confirm": api(post={"governor": 400}),
    "api-discipline-sanction-refuse": api(post={"governor": 400}),
    "api-discipline-extension-confirm": api(post={"governor": 400}),
    "api-discipline-extension-refuse": api(post={"governor": 400}),
    "api-discipline-restriction-confirm": api(post={"governor": 400}),
    "api-discipline-restriction-refuse": api(post={"governor": 400}),
    "api-discipline-contact-restriction": api(post={"governor": 400}),
}


def world(cast, admission) -> dict:
    """An adult woman at facility A (the sample admission is pregnant, so never segregated)
    with a charge awaiting its hearing, a proved one with a caution, and a segregation in
    progress: route name -> URL kwargs."""
    from prisoners.tests.factories import PrisonerFactory

    from ..services.charges import confirm_sanction, impose_sanction, lay_charge
    from ..services.contact import confirm_restriction, restrict_contact
    from .factories import extended, family_member, proved_charge
    from .factories import segregated as segregate

    woman = PrisonerFactory(facility=admission.prisoner.facility, prison_number="A-DISC-1")
    laid = lay_charge(by=cast["custody"], prisoner=woman, offence="Shouting", language="Thai")
    proved = proved_charge(cast, woman)
    caution = confirm_sanction(
        by=cast["governor"],
        record=impose_sanction(
            by=cast["governor"],
            charge=proved,
            type="caution",
            ends_on=timezone.localdate() + timedelta(days=1),
        ),
    )
    segregation = segregate(cast, woman)
    extension = extended(cast, segregation, timezone.localdate() + timedelta(days=6))
    restriction = confirm_restriction(
        by=cast["governor"],
        record=restrict_contact(
            by=cast["governor"],
            prisoner=woman,
            means="calls",
            person=family_member(cast, woman, "Ko Min").uuid,
            reason="Threats",
            ends_on=timezone.localdate() + timedelta(days=5),
        ),
    )
    her, seg = {"uuid": woman.uuid}, {"uuid": segregation.uuid}
    return {
        "discipline:lay-charge": her,
        "discipline:charge": {"uuid": laid.uuid},
        "discipline:decide": {"uuid": laid.uuid},
        "discipline:impose": {"uuid": proved.uuid},
        "discipline:review": {"uuid": caution.uuid},
        "discipline:segregate": her,
        "discipline:segregation": seg,
        "discipline:visit": seg,
        "discipline:extend": seg,
        "discipline:end": seg,
        "discipline:restrict": her,
        "api-discipline-record": her,
        "api-discipline-lay-charge": her,
        "api-discipline-charge-decision": {"uuid": laid.uuid},
        "api-discipline-charge-sanction": {"uuid": proved.uuid},
        "api-discipline-sanction-review": {"uuid": caution.uuid},
        "api-discipline-segregate": her,
        "api-discipline-segregation-extend": seg,
        "api-discipline-segregation-end": seg,
        "api-discipline-segregation-visit": seg,
        "api-discipline-segregation-confirm": seg,
        "api-discipline-segregation-refuse": seg,
        "api-discipline-sanction-confirm": {"uuid": caution.uuid},
        "api-discipline-sanction-refuse": {"uuid": caution.uuid},
        "api-discipline-extension-confirm": {"uuid": extension.uuid},
        "api-discipline-extension-refuse": {"uuid": extension.uuid},
        "api-discipline-restriction-confirm": {"uuid": restriction.uuid},
        "api-discipline-restriction-refuse": {"uuid": restriction.uuid},
        "api-discipline-contact-restriction": her,
    }


RESTRICTION_REASON = "Canaryrestrictionreason"


def canaries(cast, world) -> dict:
    """The security reason for a contact restriction: read by the roles that read
    restrictions (custody, governor, social worker, inspector), no one else."""
    from prisoners.models import Prisoner

    from ..services.contact import restrict_contact
    from .factories import family_member

    woman = Prisoner.objects.get(prison_number="A-DISC-1")
    restrict_contact(
        by=cast["governor"],
        prisoner=woman,
        means="letters",
        person=family_member(cast, woman).uuid,
        reason=RESTRICTION_REASON,
        ends_on=timezone.localdate() + timedelta(days=3),
    )
    return {RESTRICTION_REASON: {"custody", "governor", "social", "inspector"}}
