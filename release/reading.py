"""What a viewer may read of her way home, for her page, the release pages and the API alike
(Rules 45-47; Mandela 9).

Her plan's sections and their statuses are read by every role that reads release plans; what
is arranged for her children by those who read the register (Rule 3.2, and it names no
child: the register does); her safety plan by the social workers who keep the plan. Her
health continuity is health's alone (Rule 8): other roles are told only "complete" or "not
complete"; its read by health staff is audited. Her copy of her records holds, for each copy,
only what its producer may read (`permissions.PRODUCES`), and every read of it is audited.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.utils import timezone

import audit
from bangkok.names import language_name
from bangkok.printing import nearest
from complaints.permissions import complaints_visible_to
from discipline.models import Sanction
from visits.reading import past_visits

from .models import NOTES_NEED, CopyKind, HealthContinuity, Part, PlanPart, RecordsCopy, ReleasePlan
from .permissions import (
    CLEAR,
    HAND_OVER,
    KEEP,
    READ_HEALTH,
    RECORD_DATE,
    RECORD_HEALTH,
    VIEW,
    may_produce,
)
from .services import all_parts_done, health_complete

if TYPE_CHECKING:
    from admissions.models import Admission
    from prisoners.models import Prisoner
    from staff.models import User


def plan_of(admission: Admission) -> ReleasePlan | None:
    return ReleasePlan.objects.filter(admission=admission).first()


def reads_notes(viewer: User, part: PlanPart) -> bool:
    need = NOTES_NEED.get(Part(part.part))
    return need is None or viewer.has_perm(need)


def parts_shown(viewer: User, plan: ReleasePlan | None) -> list[dict]:
    """Each section of her plan with its status; what is arranged only for a viewer who may
    read it (absent, not blank, for the others)."""
    if plan is None:
        return []
    shown = []
    for part in plan.parts.select_related("updated_by").order_by("id"):
        row = {"part": part, "status": part.status, "rule": part.rule}
        if reads_notes(viewer, part):
            row.update(notes=part.notes, services=part.services)
        shown.append(row)
    return shown


def health_shown(viewer: User, plan: ReleasePlan | None) -> HealthContinuity | None:
    """Her health continuity, for health staff alone; the read is audited (Rule 8)."""
    if plan is None or not viewer.has_perm(READ_HEALTH):
        return None
    record = HealthContinuity.objects.filter(plan=plan).first()
    if record is not None:
        audit.record(
            by=viewer,
            action="release.health_read",
            subject=plan,
            facility=plan.facility,
            disclosed=[record.uuid],
        )
    return record


def copies_of(admission: Admission) -> dict[str, RecordsCopy]:
    return {
        copy.kind: copy
        for copy in RecordsCopy.objects.filter(admission=admission).select_related("handed_by")
    }


def checks(admission: Admission, plan: ReleasePlan | None, copies: dict) -> dict:
    """What her release waits for, in words every role that reads the plan may read."""
    health = health_complete(plan)
    return {
        "health_complete": health,
        "health_reason": plan.health_reason if plan is not None else "",
        "health_ready": health or bool(plan is not None and plan.health_reason),
        "copy": copies.get(CopyKind.GENERAL),
        "copy_ready": CopyKind.GENERAL in copies,
    }


def plan_page(*, viewer: User, admission: Admission) -> dict:
    """Her release: the plan as `viewer` may read it, the checks at release, the copies."""
    plan = plan_of(admission)
    every_copy = copies_of(admission)
    # The general copy's hand-over is a check at release, for every reader of the plan; a
    # clinical or complaints copy exists for those who produce it alone (Rules 8, 25).
    copies = {
        kind: copy
        for kind, copy in every_copy.items()
        if kind == CopyKind.GENERAL or may_produce(viewer, kind)
    }
    today = timezone.localdate()
    days_left = (
        (plan.earliest_release_on - today).days
        if plan is not None and plan.earliest_release_on
        else None
    )
    kinds = [kind for kind in CopyKind.values if may_produce(viewer, kind)]
    return {
        "admission": admission,
        "woman": admission.prisoner,
        "plan": plan,
        "parts": parts_shown(viewer, plan),
        "plan_complete": plan is not None and all_parts_done(plan),
        "health": health_shown(viewer, plan),
        "checks": checks(admission, plan, copies),
        "copies": copies,
        "days_left": days_left,
        "start_days": settings.RELEASE_PLAN_START_DAYS,
        "open": admission.stage != "released",
        "can_keep": viewer.has_perm(KEEP),
        "can_record_date": viewer.has_perm(RECORD_DATE),
        "can_clear": viewer.has_perm(CLEAR),
        "can_record_health": viewer.has_perm(RECORD_HEALTH),
        "reads_health": viewer.has_perm(READ_HEALTH),
        "can_release": viewer.has_perm("admissions.change_admission"),
        "copy_kinds": kinds,
        "pending_kinds": [kind for kind in kinds if kind not in copies],
        "can_hand_over": viewer.has_perm(HAND_OVER),
    }


def release_section(*, viewer: User, prisoner: Prisoner) -> dict | None:
    """Her page's release section: her current episode's plan at a glance."""
    if not viewer.has_perm(VIEW):
        return None
    admission = prisoner.admissions.order_by("-admitted_at", "-id").first()
    if admission is None:
        return None
    plan = plan_of(admission)
    return {
        "admission": admission,
        "plan": plan,
        "plan_complete": plan is not None and all_parts_done(plan),
        "checks": checks(admission, plan, copies_of(admission)),
    }


# Her copy of her records (Mandela 9) ------------------------------------------------------


def copy_language(woman: Prisoner, wanted: str | None) -> tuple[str, str]:
    """(the language asked for, the one the copy is given in): hers where the catalogue has
    it (the interface's languages), else the nearest, else English."""
    written_in = [code for code, _name in settings.LANGUAGES]
    wanted = wanted or next(
        (code for code in woman.languages if code in written_in),
        woman.languages[0] if woman.languages else "en",
    )
    return wanted, nearest(wanted, written_in)


def missing_language(wanted: str, given: str) -> dict | None:
    if wanted == given:
        return None
    return {"wanted": language_name(wanted), "given": language_name(given)}


# Parts of the general copy read from other areas: in it only for a producer who may read
# them there (a copy never holds what its producer may not read); else `None`, and the copy
# says who gives her that part.
READS_SANCTIONS = "discipline.view_sanction"
READS_VISITS = "visits.view_visit"


def _general(viewer: User, admission: Admission) -> dict:
    prisoner = admission.prisoner
    return {
        "allocations": list(
            admission.allocations.select_related("facility").order_by("decided_at", "id")
        ),
        "transfers": list(
            admission.transfers.select_related("from_facility", "to_facility").order_by(
                "moved_at", "id"
            )
        ),
        "property": list(admission.property.order_by("recorded_at", "id")),
        "sanctions": (
            list(
                Sanction.objects.filter(prisoner=prisoner, imposed_at__gte=admission.admitted_at)
                .select_related("charge")
                .prefetch_related("reviews")
                .order_by("imposed_at", "id")
            )
            if viewer.has_perm(READS_SANCTIONS)
            else None
        ),
        "visits": (
            list(
                past_visits(prisoner)
                .filter(starts_at__gte=admission.admitted_at)
                .order_by("starts_at", "id")
            )
            if viewer.has_perm(READS_VISITS)
            else None
        ),
    }


def _clinical(admission: Admission) -> dict:
    plan = plan_of(admission)
    record = HealthContinuity.objects.filter(plan=plan).first() if plan else None
    return {"health": record}


def _complaints(viewer: User, admission: Admission) -> dict:
    found = (
        complaints_visible_to(viewer)
        .filter(prisoner=admission.prisoner, received_at__gte=admission.admitted_at)
        .order_by("received_at", "id")
    )
    return {"complaints": list(found)}


def records_copy(*, viewer: User, admission: Admission, kind: str) -> dict:
    """Her copy of `kind`, as its producer may make it (never a part she may not read: the
    clinical copy is health's, the complaints copy safeguarding's). The read is audited."""
    if kind == CopyKind.CLINICAL:
        content = _clinical(admission)
        disclosed = [content["health"].uuid] if content["health"] else []
    elif kind == CopyKind.COMPLAINTS:
        content = _complaints(viewer, admission)
        disclosed = [c.uuid for c in content["complaints"]]
    else:
        content, disclosed = _general(viewer, admission), []
    audit.record(
        by=viewer,
        action="release.copy_read",
        subject=admission,
        facility=admission.facility,
        disclosed=disclosed,
        detail={"kind": kind},
    )
    return {
        "admission": admission,
        "woman": admission.prisoner,
        "kind": kind,
        "kind_label": CopyKind(kind).label,
        "handed": copies_of(admission).get(kind),
        **content,
    }
