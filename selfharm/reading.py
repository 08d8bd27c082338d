"""Her self-harm cases and incidents as a viewer may read them (Rules 8, 16, 35), for her page,
the case pages, the queue and the API alike.

- The teams who work with her (custody, health staff, social workers, safeguarding, the
  governor: `READ`) read the case whole: the concern, her assessment and care plan, the
  reviews, the check after it closed; and the incidents custody recorded.
- Reception (who may open a case) and the inspector (`VIEW` only) see that a case exists,
  its dates and whether each step was on time, never its texts; of an incident, its time.
- An incident's clinical part (method, injuries, treatment) is health staff's alone (Rule 8):
  shown only to a viewer who reads her clinical file, and that read is audited with the ids
  it showed.

What a viewer may not read is absent from the answer, not blank.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q
from django.utils import timezone

import audit
from facilities.scope import facilities_of
from health.permissions import can_read_clinical
from prisoners.withheld import without_withheld

from .models import Assessment, Case, ClosureCheck, IncidentClinical
from .services import ASSESS, CHECK, CLINICAL, INCIDENT, OPEN, READ, REVIEW, VIEW, open_case_of

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from prisoners.models import Prisoner
    from staff.models import User

    from .models import SelfHarmIncident

SECTION_SHOWN = 5


def _name(user) -> str:
    return user.get_full_name() or user.username


def _one(record, name: str):
    try:
        return getattr(record, name)
    except (Assessment.DoesNotExist, ClosureCheck.DoesNotExist, IncidentClinical.DoesNotExist):
        return None


def her_cases(prisoner: Prisoner) -> QuerySet[Case]:
    return prisoner.selfharm_cases.select_related(
        "prisoner", "opened_by", "assessment__assessed_by", "closure_check__checked_by", "follows"
    ).prefetch_related("plan", "reviews__participants", "reviews__chaired_by")


def her_incidents(prisoner: Prisoner) -> QuerySet[SelfHarmIncident]:
    return prisoner.selfharm_incidents.select_related(
        "prisoner", "recorded_by", "case", "clinical__recorded_by"
    )


def _lateness(case: Case) -> dict:
    assessment = _one(case, "assessment")
    late_by = None
    if assessment is not None and assessment.assessed_at > case.assessment_due_at:
        late_by = assessment.assessed_at - case.assessment_due_at
    elif assessment is None and case.is_open and timezone.now() > case.assessment_due_at:
        late_by = timezone.now() - case.assessment_due_at
    return {
        "assessed_at": assessment.assessed_at if assessment else None,
        "assessment_late": late_by is not None,
        "late_hours": None if late_by is None else int(late_by.total_seconds() // 3600),
    }


def case_data(viewer: User, case: Case) -> dict:
    """One case as `viewer` may read it: its dates and timeliness for every reader of cases;
    its texts for the teams who work with her."""
    check = _one(case, "closure_check")
    shown: dict = {
        "uuid": case.uuid,
        "woman": case.prisoner.uuid,
        "opened_at": case.opened_at,
        "noticed_at": case.noticed_at,
        "assessment_due_at": case.assessment_due_at,
        **_lateness(case),
        "next_review_at": case.next_review_at,
        "closed_at": case.closed_at,
        "check_due_at": case.check_due_at,
        "checked_at": check.checked_at if check else None,
        "follows": case.follows.uuid if case.follows is not None else None,
        "full": viewer.has_perm(READ),
        "version": case.version,
    }
    if not shown["full"]:
        return shown
    assessment = _one(case, "assessment")
    shown.update(
        concern=case.concern,
        prompt=case.prompt,
        prompt_label=case.get_prompt_display(),
        immediate_action=case.immediate_action,
        opened_by=_name(case.opened_by),
        late_reason=case.late_reason,
        risk=case.risk,
        risk_label=case.get_risk_display() if case.risk else "",
        plan=[
            {
                "what": action.what,
                "team": action.team,
                "team_label": action.get_team_display(),
                "when": action.when,
                "added_at": action.added_at,
            }
            for action in case.plan.all()
        ],
        reviews=[
            {
                "held_at": review.held_at,
                "chaired_by": _name(review.chaired_by),
                "participants": [_name(user) for user in review.participants.all()],
                "others_present": review.others_present,
                "took_part": review.took_part,
                "her_account": review.her_account,
                "why_not": review.why_not,
                "risk": review.risk,
                "risk_label": review.get_risk_display(),
                "plan_changes": review.plan_changes,
                "next_review_at": review.next_review_at,
                "closes": review.closes,
                "late_reason": review.late_reason,
            }
            for review in case.reviews.all()
        ],
    )
    if assessment is not None:
        shown["assessment"] = {
            "assessed_at": assessment.assessed_at,
            "assessed_by": _name(assessment.assessed_by),
            "took_part": assessment.took_part,
            "her_account": assessment.her_account,
            "why_not": assessment.why_not,
            "risk": assessment.risk,
            "risk_label": assessment.get_risk_display(),
            "triggers": assessment.triggers,
            "protective": assessment.protective,
            "late_reason": assessment.late_reason,
        }
    if check is not None:
        shown["check"] = {
            "checked_at": check.checked_at,
            "checked_by": _name(check.checked_by),
            "outcome": check.outcome,
            "outcome_label": check.get_outcome_display(),
            "notes": check.notes,
        }
    return shown


def clinical_shown(viewer: User, incident: SelfHarmIncident, *, clinical: bool) -> dict | None:
    """The clinical part of an incident, for a reader of her clinical file (Rule 8), else
    None; the caller audits the read (`clinical_read`)."""
    part = _one(incident, "clinical")
    if part is None or not clinical:
        return None
    return {
        "method": part.method,
        "injuries": part.injuries,
        "treatment": part.treatment,
        "recorded_by": _name(part.recorded_by),
        "recorded_at": part.recorded_at,
    }


def clinical_read(viewer: User, incidents: list[SelfHarmIncident]) -> None:
    """Audit, once, a read that showed the clinical part of these incidents (Rule 8)."""
    parts = [part for incident in incidents if (part := _one(incident, "clinical")) is not None]
    if parts:
        audit.record(
            by=viewer,
            action="selfharm.clinical_read",
            subject=incidents[0].prisoner,
            facility=incidents[0].facility,
            disclosed=[str(part.uuid) for part in parts],
        )


def incident_data(viewer: User, incident: SelfHarmIncident, *, clinical: bool) -> dict:
    """One incident as `viewer` may read it: its time for every reader of cases; where, what
    was done at once and who recorded it for the teams who work with her; its clinical part
    for health staff alone."""
    recorded = _one(incident, "clinical") is not None
    shown: dict = {
        "uuid": incident.uuid,
        "woman": incident.prisoner.uuid,
        "case": incident.case.uuid,
        "occurred_at": incident.occurred_at,
        "clinical_due_at": incident.clinical_due_at,
        "clinical_recorded": recorded,
    }
    if viewer.has_perm(READ):
        shown.update(
            place=incident.place,
            response=incident.response,
            first_aid_called=incident.first_aid_called,
            recorded_by=_name(incident.recorded_by),
            recorded_at=incident.recorded_at,
            late_reason=incident.late_reason,
        )
    part = clinical_shown(viewer, incident, clinical=clinical)
    if part is not None:
        shown["clinical"] = part
    return shown


def incidents_data(viewer: User, prisoner: Prisoner, incidents: list) -> list[dict]:
    """A page of her incidents, asking once whether the viewer reads her file and auditing
    the page's clinical read once."""
    clinical = can_read_clinical(viewer, prisoner)
    if clinical:
        clinical_read(viewer, incidents)
    return [incident_data(viewer, incident, clinical=clinical) for incident in incidents]


def case_page(viewer: User, case: Case) -> dict:
    """The case's page: the case as she may read it, its incidents, and what she may do."""
    case = her_cases(case.prisoner).get(pk=case.pk)
    data = case_data(viewer, case)
    incidents = list(her_incidents(case.prisoner).filter(case=case))
    assessed = data["assessed_at"] is not None
    return {
        "case": case,
        "shown": data,
        "woman": case.prisoner,
        "incidents": incidents_data(viewer, case.prisoner, incidents),
        "can_assess": viewer.has_perm(ASSESS) and case.is_open and not assessed,
        "can_review": viewer.has_perm(REVIEW) and case.is_open and assessed,
        "can_check": viewer.has_perm(CHECK) and not case.is_open and data["checked_at"] is None,
    }


def incident_page(viewer: User, incident: SelfHarmIncident) -> dict:
    clinical = can_read_clinical(viewer, incident.prisoner)
    incident = her_incidents(incident.prisoner).get(pk=incident.pk)
    if clinical:
        clinical_read(viewer, [incident])
    return {
        "incident": incident,
        "woman": incident.prisoner,
        "shown": incident_data(viewer, incident, clinical=clinical),
        "can_record_clinical": viewer.has_perm(CLINICAL) and _one(incident, "clinical") is None,
    }


def selfharm_section(*, viewer: User, prisoner: Prisoner) -> dict | None:
    """Her page's section, for roles that see self-harm cases (absent for the others): her
    open case with its next review, her latest incidents as the viewer may read them."""
    if not viewer.has_perm(VIEW):
        return None
    case = open_case_of(prisoner)
    latest = list(her_incidents(prisoner)[:SECTION_SHOWN])
    closed = (
        prisoner.selfharm_cases.filter(closed_at__isnull=False)
        .select_related("prisoner", "closure_check", "assessment", "follows")
        .first()
    )
    return {
        "woman": prisoner,
        "case": None if case is None else case_data(viewer, case),
        "last_closed": None if closed is None else case_data(viewer, closed),
        "incidents": incidents_data(viewer, prisoner, latest),
        "can_open": viewer.has_perm(OPEN) and case is None,
        "can_record_incident": viewer.has_perm(INCIDENT),
        "oversees": viewer.has_perm("facilities.oversee_facility"),
    }


def caseload(viewer: User) -> QuerySet[Case]:
    """The cases the teams who work with her work: open, or closed and not yet checked, in
    her facilities; none for a role that doesn't read cases."""
    if not viewer.has_perm(READ):
        return Case.objects.none()
    return (
        without_withheld(Case.objects.filter(facility__in=facilities_of(viewer)))
        .filter(Q(closed_at__isnull=True) | Q(closure_check__isnull=True))
        .select_related("prisoner")
    )


def file_part(request, prisoner: Prisoner, failed) -> tuple[dict, list] | None:
    """Her self-harm incidents in her clinical file (`health.hooks.FilePart`; Rules 8, 12, 16):
    the clinical part of each, or that it is still to be recorded, for health staff, who alone
    reach the file. The file page audits the ids of the clinical parts shown, with the rest of
    the file's read. Nothing is shown for a woman with no incident."""
    incidents = list(her_incidents(prisoner)[:FILE_INCIDENTS])
    if not incidents:
        return None
    shown = [incident_data(request.user, incident, clinical=True) for incident in incidents]
    ids = [part.uuid for incident in incidents if (part := _one(incident, "clinical")) is not None]
    return {"woman": prisoner, "selfharm_incidents": shown}, ids


# Her most recent incidents in her clinical file; every incident is on her cases' pages.
FILE_INCIDENTS = 20
