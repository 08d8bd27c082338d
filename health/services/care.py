"""Encounters with her choice of a woman clinician (Rules 10-11), and mental-health care with
suicide and self-harm prevention (Rules 12, 13, 16).

Every verb takes `by=` health staff of her facility. Her flags follow from these records:
`woman_clinician_requested` while her request is in force, `observation_level` from the latest
observation decision. Custody staff see the flags, never these records. Reminder titles carry
no clinical detail.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import audit
from bangkok.errors import RuleBroken
from bangkok.plausible import check_after_arrest
from facilities.scope import WORK_IN_FACILITY, staff_holding
from prisoners.models import ObservationLevel
from prisoners.services import refresh_protection_flags
from reminders.models import Basis
from reminders.services import resolve_reminder, schedule_reminder
from staff.models import Gender

from ..models import (
    DistressEvent,
    DistressKind,
    Encounter,
    EncounterKind,
    EncounterPresence,
    MentalHealthAssessment,
    ObservationDecision,
    PresenceReason,
    RestraintLimit,
    RestraintLimitReason,
    RestraintRestriction,
    RiskLevel,
    SegregationClearance,
    WomanClinicianRequest,
)
from ..permissions import RECORD
from . import programmes
from .screening import _now_or, _recorder

if TYPE_CHECKING:
    from collections.abc import Iterable

    from django.db.models import QuerySet

    from facilities.models import Facility
    from prisoners.models import Prisoner
    from register.models import Separation, SeparationPlan
    from staff.models import User


def clinicians_of(facility: Facility) -> QuerySet[User]:
    """Health staff who work in the facility."""
    return staff_holding(RECORD, facility)


def _refresh(prisoner: Prisoner, by: User) -> None:
    refresh_protection_flags(prisoner=prisoner, by=by, source="health")


# What sets each flag here (`prisoners.services.register_flag_source`): her own choice; the
# reasons health staff decide observation for, which also keep her out of segregation unless
# a clinician records it is safe (Rule 16); and the reasons of a clinical restriction on
# restraints, which sets the same flags as labour, a birth or a pregnancy (maternity).
OBSERVATION_REASONS = (
    "a risk of suicide or self-harm",
    "withdrawal from drugs or alcohol",
    "a medical condition that needs watching",
)
FLAG_REASONS = {
    "woman_clinician_requested": (("her choice", "she asked for a woman clinician"),),
    "observation_level": OBSERVATION_REASONS,
    "no_segregation": OBSERVATION_REASONS,
    "no_restraint_obstetric": tuple(RestraintLimitReason.values),
    "restraint_health_approval": tuple(RestraintLimitReason.values),
}


def derive_flags(prisoner: Prisoner) -> dict:
    """The flags her care records call for (registered as a flag source). Under observation
    she is not segregated (Rule 16; Mandela 45.2) unless a clinician records that segregation
    is safe for her at this level."""
    latest = prisoner.observation_decisions.order_by("-decided_at", "-id").first()
    observed = latest is not None and latest.level != ObservationLevel.NONE
    limits = set(
        prisoner.restraint_restrictions.filter(ended_at__isnull=True).values_list(
            "limit", flat=True
        )
    )
    return {
        "woman_clinician_requested": request_in_force(prisoner) is not None,
        "observation_level": latest.level if latest else ObservationLevel.NONE,
        "no_segregation": observed and clearance_in_force(prisoner, latest) is None,
        "no_restraint_obstetric": RestraintLimit.NO_RESTRAINTS in limits,
        "restraint_health_approval": RestraintLimit.HEALTH_APPROVAL in limits,
    }


# A clinical restriction on restraints (Rule 24; Mandela 47-49)


def restraint_restrictions_of(prisoner: Prisoner) -> list[RestraintRestriction]:
    return list(prisoner.restraint_restrictions.select_related("recorded_by", "ended_by"))


@transaction.atomic
def restrict_restraints(
    *, by: User, prisoner: Prisoner, limit: str, reason: str, note: str = ""
) -> RestraintRestriction:
    """Health staff limit how she may be restrained, for an injury, a disability, a
    mental-health reason or a medical condition: no restraints at all, or only by a method
    they approve. Custody staff and the governor see the flag where they deal with restraints,
    never the reason (Rules 8, 24)."""
    prisoner = _recorder(by, prisoner)
    if limit not in RestraintLimit.values:
        raise ValidationError({"limit": _("Choose the restriction.")})
    if reason not in RestraintLimitReason.values:
        raise ValidationError({"reason": _("Choose the clinical reason.")})
    if prisoner.restraint_restrictions.filter(
        ended_at__isnull=True, limit=limit, reason=reason
    ).exists():
        raise ValidationError(_("This restriction is already in force for her."))
    restriction = RestraintRestriction(
        prisoner=prisoner, limit=limit, reason=reason, note=note.strip(), recorded_by=by
    )
    restriction.full_clean()
    restriction.save()
    audit.record(
        by=by,
        action="health.restraint_restriction_recorded",
        subject=restriction,
        facility=prisoner.facility,
    )
    _refresh(prisoner, by)
    return restriction


@transaction.atomic
def end_restraint_restriction(
    *, by: User, restriction: RestraintRestriction
) -> RestraintRestriction:
    """Health staff end the restriction: her flags follow from what is still in force."""
    _recorder(by, restriction.prisoner)
    restriction = RestraintRestriction.objects.select_for_update().get(pk=restriction.pk)
    if restriction.ended_at is not None:
        raise ValidationError(_("This restriction has ended already."))
    restriction.ended_at, restriction.ended_by = timezone.now(), by
    restriction.save(update_fields=["ended_at", "ended_by"])
    audit.record(
        by=by,
        action="health.restraint_restriction_ended",
        subject=restriction,
        facility=restriction.prisoner.facility,
    )
    _refresh(restriction.prisoner, by)
    return restriction


# Her choice of a woman clinician (Rule 10.2)


def request_in_force(prisoner: Prisoner) -> WomanClinicianRequest | None:
    return prisoner.woman_clinician_requests.filter(withdrawn_at__isnull=True).first()


@transaction.atomic
def request_woman_clinician(*, by: User, prisoner: Prisoner) -> WomanClinicianRequest:
    """She asks to be examined or treated by a woman physician or nurse (Rule 10.2)."""
    prisoner = _recorder(by, prisoner)
    if request_in_force(prisoner) is not None:
        raise ValidationError(_("Her request for a woman clinician is already recorded."))
    request = WomanClinicianRequest.objects.create(prisoner=prisoner, recorded_by=by)
    audit.record(
        by=by,
        action="health.woman_clinician_requested",
        subject=request,
        facility=prisoner.facility,
    )
    _refresh(prisoner, by)
    return request


@transaction.atomic
def withdraw_woman_clinician_request(*, by: User, prisoner: Prisoner) -> WomanClinicianRequest:
    """She no longer asks for a woman clinician: her choice (Rule 10.2)."""
    prisoner = _recorder(by, prisoner)
    request = request_in_force(prisoner)
    if request is None:
        raise ValidationError(_("She has no request for a woman clinician in force."))
    request.withdrawn_at, request.withdrawn_by = timezone.now(), by
    request.save(update_fields=["withdrawn_at", "withdrawn_by"])
    audit.record(
        by=by,
        action="health.woman_clinician_withdrawn",
        subject=request,
        facility=prisoner.facility,
    )
    _refresh(prisoner, by)
    return request


# Encounters (Rules 10-11)


@transaction.atomic
def record_encounter(
    *,
    by: User,
    prisoner: Prisoner,
    kind: str,
    clinician: User,
    at: datetime | None = None,
    urgent: bool = False,
    notes: str = "",
    woman_unavailable_reason: str = "",
    woman_present: User | None = None,
    non_medical_present: Iterable[User] = (),
    non_medical_reason: str = "",
) -> Encounter:
    """Record a clinical encounter.

    Rule 10.2: if she asked for a woman clinician and the clinician is not a woman, and it was
    not urgent, it is refused unless no woman clinician was available (say why) and a woman
    staff member was present. Rule 11.1: non-medical staff are present only for one of its
    three reasons. Rule 11.2: they should be women; if any is not, it is allowed with a
    warning, and the warning is recorded."""
    prisoner = _recorder(by, prisoner)
    at = _now_or(at, "at")
    check_after_arrest(prisoner, at, "at")
    if kind not in EncounterKind.values:
        raise ValidationError({"kind": _("Choose the kind of encounter.")})
    if clinician is None or not clinician.is_active or not clinician.has_perm(RECORD):
        raise ValidationError({"clinician": _("The clinician must be health staff.")})
    if not clinician.has_perm(WORK_IN_FACILITY, prisoner.facility):
        raise ValidationError({"clinician": _("The clinician does not work in her facility.")})
    requested = request_in_force(prisoner) is not None
    reason = woman_unavailable_reason.strip()
    if requested and clinician.gender != Gender.WOMAN and not urgent:
        if not reason:
            raise RuleBroken(
                _(
                    "She asked for a woman physician or nurse. Unless it is urgent, a woman "
                    "clinician sees her; if none was available, say why."
                ),
                rule="10.2",
                field="woman_unavailable_reason",
            )
        if woman_present is None or woman_present.gender != Gender.WOMAN:
            raise RuleBroken(
                _(
                    "She asked for a woman clinician: a woman staff member must be present "
                    "when a man examines her."
                ),
                rule="10.2",
                field="woman_present",
            )
    if woman_present is not None and woman_present.gender != Gender.WOMAN:
        raise ValidationError({"woman_present": _("Choose a woman staff member.")})
    present = [person for person in non_medical_present if person != clinician]
    if present and non_medical_reason not in PresenceReason.values:
        raise RuleBroken(
            _(
                "Only medical staff are present at an examination unless the doctor judges "
                "the circumstances exceptional, asks for staff for security reasons, or she "
                "asks for a member of staff: say which."
            ),
            rule="11.1",
            field="non_medical_reason",
        )
    if not present:
        non_medical_reason = ""
    warned = any(person.gender != Gender.WOMAN for person in present)
    encounter = Encounter.objects.create(
        prisoner=prisoner,
        at=at,
        kind=kind,
        clinician=clinician,
        clinician_gender=clinician.gender,
        urgent=urgent,
        notes=notes.strip(),
        woman_clinician_requested=requested,
        woman_unavailable_reason=reason
        if requested and clinician.gender != Gender.WOMAN and not urgent
        else "",
        woman_present=woman_present,
        non_medical_reason=non_medical_reason,
        man_present_warning=warned,
        recorded_by=by,
    )
    EncounterPresence.objects.bulk_create(
        [
            EncounterPresence(
                encounter=encounter, person=person, gender=person.gender, role=person.role_code
            )
            for person in dict.fromkeys(present)
        ]
    )
    programmes.encounter_recorded(encounter, by=by)
    audit.record(
        by=by,
        action="health.encounter",
        subject=encounter,
        facility=prisoner.facility,
        detail={"warned_11_2": warned} if warned else None,
    )
    return encounter


def encounters_of(prisoner: Prisoner, limit: int = 20) -> list[Encounter]:
    return list(
        prisoner.encounters.select_related("clinician", "woman_present").prefetch_related(
            "presences__person"
        )[:limit]
    )


# Mental health (Rules 12, 13, 16)


def _review_key_prefix(prisoner: Prisoner) -> str:
    return f"health.observation_review:{prisoner.uuid}:"


def current_observation(prisoner: Prisoner) -> ObservationDecision | None:
    return prisoner.observation_decisions.order_by("-decided_at", "-id").first()


def clearance_in_force(
    prisoner: Prisoner, observation: ObservationDecision | None = None
) -> SegregationClearance | None:
    """The clinician's decision that segregation is safe for her, while her observation level
    is the one it was given for (a review at the same level keeps it; any other level since
    it was given ends it, even one recorded at the same moment)."""
    observation = observation or current_observation(prisoner)
    if observation is None or observation.level == ObservationLevel.NONE:
        return None
    clearances = prisoner.segregation_clearances.filter(
        lapsed_at__isnull=True, level=observation.level
    )
    other = (
        prisoner.observation_decisions.exclude(level=observation.level)
        .order_by("-decided_at", "-id")
        .first()
    )
    if other is not None:
        clearances = clearances.filter(observation__decided_at__gt=other.decided_at)
    return clearances.order_by("-decided_at", "-id").first()


def _decide_observation(
    prisoner: Prisoner,
    by: User,
    level: str,
    *,
    assessment: MentalHealthAssessment | None = None,
    reason: str = "",
) -> ObservationDecision:
    if level not in ObservationLevel.values:
        raise ValidationError({"observation_level": _("Choose an observation level.")})
    decision = ObservationDecision.objects.create(
        prisoner=prisoner, level=level, decided_by=by, assessment=assessment, reason=reason
    )
    # A clearance for segregation was given for one level: another level ends it (Rule 16).
    for clearance in prisoner.segregation_clearances.filter(lapsed_at__isnull=True).exclude(
        level=level
    ):
        clearance.lapsed_at = decision.decided_at
        clearance.save(update_fields=["lapsed_at"])
        audit.record(
            by=by,
            action="health.segregation_clearance_lapsed",
            subject=clearance,
            facility=prisoner.facility,
        )
    # A decision, even at the same level, is the review: the next is due from now.
    resolve_reminder(key_prefix=_review_key_prefix(prisoner), by=by, outcome="reviewed")
    if level != ObservationLevel.NONE:
        schedule_reminder(
            key=f"{_review_key_prefix(prisoner)}{decision.uuid}",
            kind="health.observation_review",
            confidential=True,
            rule="16",
            basis=Basis.CONFIG,
            title=gettext_lazy("Review due"),
            facility=prisoner.facility,
            assignee_role="health",
            prisoner=prisoner,
            due_at=decision.decided_at + timedelta(hours=settings.OBSERVATION_REVIEW_HOURS),
        )
    audit.record(
        by=by,
        action="health.observation_decided",
        subject=decision,
        facility=prisoner.facility,
    )
    _refresh(prisoner, by)
    return decision


@transaction.atomic
def set_observation_level(
    *, by: User, prisoner: Prisoner, level: str, reason: str = ""
) -> ObservationDecision:
    """Health staff set or review her observation level (Rule 16). Custody staff see the
    level as her `observation_level` flag; while it is not none, it is reviewed every
    OBSERVATION_REVIEW_HOURS."""
    prisoner = _recorder(by, prisoner)
    return _decide_observation(prisoner, by, level, reason=reason.strip())


@transaction.atomic
def clear_for_segregation(*, by: User, prisoner: Prisoner, reason: str) -> SegregationClearance:
    """A clinician records that segregation is safe for her at her present observation level
    (Rule 16; Mandela 45.2): until then observation keeps her under "No segregation". The
    decision names who and when and says why; it lapses when her observation level changes.
    Custody staff and the governor see only whether the flag is set, never this record."""
    prisoner = _recorder(by, prisoner)
    observation = current_observation(prisoner)
    if observation is None or observation.level == ObservationLevel.NONE:
        raise ValidationError(_("She is not under observation: there is nothing to clear."))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why segregation is safe for her.")})
    clearance = SegregationClearance(
        prisoner=prisoner,
        observation=observation,
        level=observation.level,
        reason=reason.strip(),
        decided_by=by,
    )
    clearance.full_clean()
    clearance.save()
    audit.record(
        by=by,
        action="health.segregation_clearance_recorded",
        subject=clearance,
        facility=prisoner.facility,
    )
    _refresh(prisoner, by)
    return clearance


@transaction.atomic
def record_assessment(
    *,
    by: User,
    prisoner: Prisoner,
    tool: str,
    risk_level: str,
    care_plan: str = "",
    observation_level: str = "",
    at: datetime | None = None,
) -> MentalHealthAssessment:
    """A mental-health and suicide/self-harm risk assessment with her care plan (Rules 12,
    16). It closes the re-checks due after times of distress up to now (Rule 13); if it sets
    an observation level, that becomes her flag."""
    prisoner = _recorder(by, prisoner)
    at = _now_or(at, "at")
    check_after_arrest(prisoner, at, "at")
    if not tool.strip():
        raise ValidationError({"tool": _("Name the assessment tool used.")})
    if risk_level not in RiskLevel.values:
        raise ValidationError({"risk_level": _("Choose the level of risk.")})
    assessment = MentalHealthAssessment.objects.create(
        prisoner=prisoner,
        assessed_at=at,
        assessor=by,
        tool=tool.strip(),
        risk_level=risk_level,
        care_plan=care_plan.strip(),
    )
    rechecked = list(
        prisoner.distress_events.filter(
            rechecked_by_assessment__isnull=True, occurred_at__lte=at
        ).select_for_update()
    )
    for event in rechecked:
        event.rechecked_by_assessment = assessment
        event.save(update_fields=["rechecked_by_assessment"])
        resolve_reminder(key_prefix=_recheck_key(event), by=by, outcome="assessed")
    audit.record(
        by=by,
        action="health.mental_health_assessed",
        subject=assessment,
        facility=prisoner.facility,
    )
    if observation_level:
        _decide_observation(prisoner, by, observation_level, assessment=assessment)
    return assessment


def _recheck_key(event: DistressEvent) -> str:
    return f"health.distress_recheck:{event.uuid}"


@transaction.atomic
def record_distress_event(
    *, by: User, prisoner: Prisoner, kind: str, occurred_at: datetime | None = None, note: str = ""
) -> DistressEvent:
    """A time when she may feel particular distress (Rule 13): a court hearing, separation
    from a child, bad news, an anniversary, a transfer. It may be ahead (a hearing next week).
    She is seen again within DISTRESS_RECHECK_HOURS of it; the next assessment closes it."""
    prisoner = _recorder(by, prisoner)
    if kind not in DistressKind.values:
        raise ValidationError({"kind": _("Say what happened.")})
    occurred_at = occurred_at or timezone.now()
    event = DistressEvent.objects.create(
        prisoner=prisoner, kind=kind, occurred_at=occurred_at, note=note.strip(), recorded_by=by
    )
    _schedule_recheck(event)
    audit.record(by=by, action="health.distress_event", subject=event, facility=prisoner.facility)
    return event


def separated_from_her_child(*, separation: Separation, plan: SeparationPlan, by: User) -> None:
    """Her child has left prison (Rule 52): a time of particular distress (Rule 13). The
    event is recorded by whoever recorded the separation and health staff are asked to see her
    within DISTRESS_RECHECK_HOURS; the task says nothing of why to anyone else."""
    prisoner = separation.child.mother
    event = DistressEvent.objects.create(
        prisoner=prisoner, kind=DistressKind.CHILD_SEPARATION, recorded_by=by
    )
    _schedule_recheck(event)
    audit.record(by=by, action="health.distress_event", subject=event, facility=prisoner.facility)


def _schedule_recheck(event: DistressEvent) -> None:
    schedule_reminder(
        key=_recheck_key(event),
        kind="health.distress_recheck",
        confidential=True,
        rule="13",
        basis=Basis.CONFIG,
        title=gettext_lazy("Health check due"),
        facility=event.prisoner.facility,
        assignee_role="health",
        prisoner=event.prisoner,
        due_at=event.occurred_at + timedelta(hours=settings.DISTRESS_RECHECK_HOURS),
    )


def mental_health_of(prisoner: Prisoner, limit: int = 10) -> dict:
    return {
        "assessments": list(prisoner.mental_health_assessments.select_related("assessor")[:limit]),
        "observation": current_observation(prisoner),
        "distress_events": list(
            prisoner.distress_events.select_related("rechecked_by_assessment")[:limit]
        ),
    }
