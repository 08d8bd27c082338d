"""The inspections routes in the permission matrix (Rule 25.3). The inspector and the governor
of the facility see its visits; the inspector plans, changes, starts and ends them, draws the
sample, notes the cases and records findings and recommendations; the governor records action
plans and follow-ups, and nothing else of them. Every other role, and the outsider, gets the 404
of a record that doesn't exist. An empty form or body is refused (400), but for what needs
nothing more: ending the visit (the inspector's empty POST ends it, 302 or 200, rolled back
after) and an empty change (200, nothing changed)."""

from tests.matrix_support import rows

READERS = {"inspector": 200, "governor": 200}
OTHER = ("PUT", "DELETE")


def _page(role: str, post: int = 400) -> dict:
    return {
        "GET": rows(404, anonymous=302, **{role: 200}),
        "POST": rows(404, anonymous=302, **{role: post}),
    }


def _api(role: str, post: int = 400) -> dict:
    return {
        "POST": rows(404, anonymous=401, **{role: post}),
        **dict.fromkeys(["GET", "PATCH", *OTHER], rows(405, anonymous=401)),
    }


def _patch(role: str, *, reads: bool = False, empty: int = 200) -> dict:
    return {
        "PATCH": rows(404, anonymous=401, **{role: empty}),
        "GET": rows(404, anonymous=401, **READERS) if reads else rows(405, anonymous=401),
        **dict.fromkeys(["POST", *OTHER], rows(405, anonymous=401)),
    }


MATRIX = {
    "inspections:index": {
        "GET": rows(404, anonymous=302, **READERS),
        "POST": rows(405, anonymous=302),
    },
    "inspections:visit": {
        "GET": rows(404, anonymous=302, **READERS),
        "POST": rows(405, anonymous=302),
    },
    "inspections:case": {
        "GET": rows(404, anonymous=302, inspector=200),
        "POST": rows(405, anonymous=302),
    },
    "inspections:plan": _page("inspector"),
    "inspections:change": _page("inspector"),
    "inspections:add-member": _page("inspector"),
    "inspections:start": _page("inspector"),  # started already: refused, 400
    "inspections:finish": _page("inspector", post=302),
    "inspections:draw-sample": _page("inspector"),
    "inspections:finding": _page("inspector"),
    "inspections:recommend": _page("inspector"),
    "inspections:change-finding": _page("inspector"),
    "inspections:change-recommendation": _page("inspector"),
    "inspections:note": _page("inspector"),
    "inspections:action-plan": _page("governor"),
    "inspections:follow-up": _page("governor"),
    "inspections:change-action-plan": _page("governor"),
    "api-inspections": {
        "GET": rows(404, anonymous=401, **READERS),
        **dict.fromkeys(["POST", "PATCH", *OTHER], rows(405, anonymous=401)),
    },
    "api-inspections-plan": _api("inspector"),
    "api-inspections-change": _patch("inspector", reads=True),
    "api-inspections-add-member": _api("inspector"),
    "api-inspections-start": _api("inspector"),
    "api-inspections-finish": _api("inspector", post=200),
    "api-inspections-draw-sample": _api("inspector"),
    "api-inspections-finding": _api("inspector"),
    "api-inspections-recommend": _api("inspector"),
    "api-inspections-change-finding": _patch("inspector"),
    "api-inspections-change-recommendation": _patch("inspector"),
    "api-inspections-note": _patch("inspector", empty=400),  # a note says something
    "api-inspections-action-plan": _api("governor"),
    "api-inspections-follow-up": _api("governor"),
    "api-inspections-change-action-plan": _patch("governor"),
}

# The routes whose success is the inspector's own inspection record (Rule 25.3), never a case
# record of any area: the matrix lets her write these and nothing else.
INSPECTORS_OWN = frozenset(key for key in MATRIX if key != "api-inspections")


def world(cast, admission) -> dict:
    from datetime import timedelta

    from django.utils import timezone

    from inspections import services

    inspector, facility = cast["inspector"], admission.prisoner.facility
    today = timezone.localdate()
    visit = services.plan_visit(
        by=inspector,
        facility=facility,
        body="Matrix board",
        body_kind="board",
        planned_start=today,
        planned_end=today,
    )
    services.add_member(by=inspector, visit=visit, name="Anong", role="Lead", woman=True)
    services.start_visit(by=inspector, visit=visit)
    sample = services.draw_sample(by=inspector, visit=visit, sizes={s: 1 for s in services.STRATA})
    finding = services.record_finding(by=inspector, visit=visit, area="other", found="Seen.")
    recommendation = services.recommend(
        by=inspector,
        visit=visit,
        text="Do it.",
        priority="low",
        owner_role="governor",
        deadline=today + timedelta(days=5),
    )
    other = services.recommend(
        by=inspector,
        visit=visit,
        text="Do that too.",
        priority="low",
        owner_role="governor",
        deadline=today + timedelta(days=5),
    )
    plan = services.plan_action(
        by=cast["governor"],
        recommendation=other,
        action="This.",
        owner="Her",
        target_date=today + timedelta(days=3),
    )
    v, f, r = {"uuid": visit.uuid}, {"uuid": facility.uuid}, {"uuid": recommendation.uuid}
    sampled = {"uuid": sample.women.first().uuid}
    return {
        "inspections:index": {},
        "inspections:visit": v,
        "inspections:case": sampled,
        "inspections:plan": f,
        "inspections:change": v,
        "inspections:add-member": v,
        "inspections:start": v,
        "inspections:finish": v,
        "inspections:draw-sample": v,
        "inspections:finding": v,
        "inspections:recommend": v,
        "inspections:change-finding": {"uuid": finding.uuid},
        "inspections:change-recommendation": r,
        "inspections:note": sampled,
        "inspections:action-plan": r,
        "inspections:follow-up": r,
        "inspections:change-action-plan": {"uuid": plan.uuid},
        "api-inspections": {},
        "api-inspections-plan": f,
        "api-inspections-change": v,
        "api-inspections-add-member": v,
        "api-inspections-start": v,
        "api-inspections-finish": v,
        "api-inspections-draw-sample": v,
        "api-inspections-finding": v,
        "api-inspections-recommend": v,
        "api-inspections-change-finding": {"uuid": finding.uuid},
        "api-inspections-change-recommendation": r,
        "api-inspections-note": sampled,
        "api-inspections-action-plan": r,
        "api-inspections-follow-up": r,
        "api-inspections-change-action-plan": {"uuid": plan.uuid},
    }


FINDING = "Canaryinspectionfinding"
NOTE = "Canarycasereviewnote"


def canaries(cast, world) -> dict:
    """What the visit found is read by the inspector and the governor of the facility (who
    answers it) alone; the note on a sampled woman's case, and who was drawn, by the inspector
    alone (what a woman tells the monitoring body is never for the facility's eyes)."""
    from inspections.models import Finding, SampledWoman

    Finding.objects.filter(found="Seen.").update(found=FINDING)
    SampledWoman.objects.update(note=NOTE)
    return {FINDING: {"inspector", "governor"}, NOTE: {"inspector"}}
