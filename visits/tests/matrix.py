"""The visits routes in the permission matrix (Rules 26-28, 43, 44).

Social workers keep her visitor list (reception may add to it); custody officers and social
workers book and record visits and contact; the governor and the inspector read. Custody
officers read approved visitors only. A role without the permission, like another
facility's woman, meets the access funnel's 404; an empty POST from a permitted role is
refused with the form's or the body's errors (400), never written (recording a visit as held
with nothing given means "now", and returns to the visit: 302).
"""

from tests.matrix_support import rows

VISITOR_READERS = {"social": 200, "reception": 200, "governor": 200, "inspector": 200}
VISIT_READERS = {"social": 200, "custody": 200, "governor": 200, "inspector": 200}
BOOKERS = {"social": 400, "custody": 400}
REFUSED_VISITOR = "Canaryrefusedvisitor"


def page(get=None, post=None):
    """An HTML route: 302 to the login page for anonymous, 404 for roles without the
    permission (and the outsider and sysadmin), 405 for a method it doesn't have."""
    return {
        "GET": rows(404, anonymous=302, **get) if get is not None else rows(405, anonymous=302),
        "POST": rows(404, anonymous=302, **post) if post is not None else rows(405, anonymous=302),
    }


def api(get=None, post=None):
    absent = rows(405, anonymous=401)
    return {
        "GET": rows(404, anonymous=401, **get) if get is not None else absent,
        "POST": rows(404, anonymous=401, **post) if post is not None else absent,
        "PUT": absent,
        "PATCH": absent,
        "DELETE": absent,
    }


MATRIX = {
    "visits:visitors": page(get={**VISITOR_READERS, "custody": 200}),
    "visits:add-visitor": page(
        get={"social": 200, "reception": 200}, post={"social": 400, "reception": 400}
    ),
    "visits:consult": page(get={"social": 200}, post={"social": 400}),
    "visits:court-order": page(get={"social": 200}, post={"social": 400}),
    "visits:withdraw": page(get={"social": 200}, post={"social": 400}),
    "visits:withdraw-by-prison": page(get={"social": 200}, post={"social": 400}),
    "visits:visits": page(get=VISIT_READERS),
    "visits:book": page(get={"social": 200, "custody": 200}, post=BOOKERS),
    "visits:visit": page(get=VISIT_READERS),
    "visits:held": page(post={"social": 302, "custody": 302}),
    "visits:cancel": page(post=BOOKERS),
    "visits:contacts": page(get=VISIT_READERS),
    "visits:add-contact": page(get={"social": 200, "custody": 200}, post=BOOKERS),
    "visits:today": {
        "GET": rows(404, anonymous=302, **VISIT_READERS),
        "POST": rows(405, anonymous=302),
    },
    "api-visits-visitors": api(
        get={**VISITOR_READERS, "custody": 200}, post={"social": 400, "reception": 400}
    ),
    "api-visits-visits": api(get=VISIT_READERS, post=BOOKERS),
    "api-visits-contacts": api(get=VISIT_READERS, post=BOOKERS),
    "api-visits-visitor-consultation": api(post={"social": 400}),
    "api-visits-visitor-court-order": api(post={"social": 400}),
    "api-visits-visitor-withdraw": api(post={"social": 400}),
    "api-visits-visit-held": api(post=BOOKERS),
    "api-visits-visit-cancel": api(post=BOOKERS),
    # Without a reason the prison's withdrawal is refused under Mandela 43.3 (409).
    "api-visits-visitor-prison-withdrawal": api(post={"social": 409}),
    # The sample cancellation and withdrawal were confirmed already: deciding them again is
    # refused (400); only the governor reaches them.
    "api-visits-visit-cancellation-confirm": api(post={"governor": 400}),
    "api-visits-visit-cancellation-refuse": api(post={"governor": 400}),
    "api-visits-visitor-withdrawal-confirm": api(post={"governor": 400}),
    "api-visits-visitor-withdrawal-refuse": api(post={"governor": 400}),
}


def world(cast, admission) -> dict:
    """A visitor waiting for her consultation and a visit booked with an approved visitor,
    for the woman admitted at facility A: route name -> URL kwargs."""
    from prisoners.tests.factories import PrisonerFactory

    from ..services import prison
    from .factories import approved, booked, visitor

    woman = admission.prisoner
    # Another woman of facility A, not protected after a report: her prison acts are decided.
    other = PrisonerFactory(facility=woman.facility, prison_number="A-VIS-2")
    waiting = visitor(cast, woman, name="Matrix Waiting")
    visit = booked(cast, woman, [approved(cast, woman, name="Matrix Approved")])
    cancelled = prison.confirm_cancellation(
        by=cast["governor"],
        record=prison.ask_to_cancel_visit(
            by=cast["custody"],
            visit=booked(cast, other, [approved(cast, other, name="Matrix Other")]),
            reason="Lockdown",
        ),
    )
    withdrawn = prison.confirm_withdrawal(
        by=cast["governor"],
        record=prison.ask_to_withdraw_visitor(
            by=cast["social"],
            visitor=approved(cast, other, name="Matrix Withdrawn"),
            reason="Brought drugs in",
        ),
    )
    her, person, seen = {"uuid": woman.uuid}, {"uuid": waiting.uuid}, {"uuid": visit.uuid}
    return {
        **{
            name: her
            for name in (
                "visits:visitors",
                "visits:add-visitor",
                "visits:visits",
                "visits:book",
                "visits:contacts",
                "visits:add-contact",
                "api-visits-visitors",
                "api-visits-visits",
                "api-visits-contacts",
            )
        },
        **{
            name: person
            for name in (
                "visits:consult",
                "visits:court-order",
                "visits:withdraw",
                "visits:withdraw-by-prison",
                "api-visits-visitor-prison-withdrawal",
                "api-visits-visitor-consultation",
                "api-visits-visitor-court-order",
                "api-visits-visitor-withdraw",
            )
        },
        **{
            name: seen
            for name in (
                "visits:visit",
                "visits:held",
                "visits:cancel",
                "api-visits-visit-held",
                "api-visits-visit-cancel",
            )
        },
        "visits:today": {},
        "api-visits-visit-cancellation-confirm": {"uuid": cancelled.uuid},
        "api-visits-visit-cancellation-refuse": {"uuid": cancelled.uuid},
        "api-visits-visitor-withdrawal-confirm": {"uuid": withdrawn.uuid},
        "api-visits-visitor-withdrawal-refuse": {"uuid": withdrawn.uuid},
    }


def canaries(cast, world) -> dict:
    """A person she refused: her refusal may reveal domestic violence (Rule 44), so custody
    officers, health and safeguarding staff never read the name."""
    from .factories import refused

    refused(cast, world["admission"].prisoner, name=REFUSED_VISITOR)
    return {REFUSED_VISITOR: {"social", "reception", "governor", "inspector"}}
