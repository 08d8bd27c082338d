"""Self-harm and suicide risk verbs (Bangkok Rules 12, 13, 16, 35, paraphrase): any member of
staff who is concerned opens a case; staff trained in mental health assess her and write her
care plan; several teams review it and close it; a check follows the closure; custody record
an incident of self-harm and health staff its clinical part.

Health staff decide her observation level with their own verb (`health.services`): a case asks
them to, and their decision closes that task."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import audit
from bangkok import late
from bangkok.errors import RuleBroken
from bangkok.plausible import check_after_arrest
from facilities.scope import facilities_of, staff_of
from prisoners.models import Prisoner
from reminders.models import Basis
from reminders.services import resolve_reminder, schedule_reminder
from staff.models import Course, TrainingRecord, User

from .models import (
    Assessment,
    Case,
    CheckOutcome,
    ClosureCheck,
    IncidentClinical,
    PlanAction,
    Prompt,
    Review,
    Risk,
    SelfHarmIncident,
    Team,
)

if TYPE_CHECKING:
    from django.db.models import QuerySet

VIEW = "selfharm.view_case"
READ = "selfharm.read_case"
OPEN = "selfharm.add_case"
ASSESS = "selfharm.add_assessment"
REVIEW = "selfharm.add_review"
CHECK = "selfharm.add_closurecheck"
INCIDENT = "selfharm.add_selfharmincident"
CLINICAL = "selfharm.add_incidentclinical"

ASSESSMENT_KIND = "selfharm.assessment"
OBSERVATION_KIND = "selfharm.observation"
REVIEW_KIND = "selfharm.review"
CHECK_KIND = "selfharm.check"
CLINICAL_KIND = "selfharm.incident_clinical"


def _may(by: User, prisoner: Prisoner, perm: str) -> None:
    if not by.has_perm(perm):
        raise PermissionDenied(_("Your role can't do this with self-harm cases."))
    if not facilities_of(by).filter(pk=prisoner.facility_id).exists():
        raise PermissionDenied(_("You don't work in her facility."))


def _key(record: Case | SelfHarmIncident, what: str) -> str:
    return f"selfharm:{record.uuid}:{what}"


def _past(at: datetime | None, *, field: str, now: datetime) -> datetime:
    at = at or now
    if at > now:
        raise ValidationError({field: _("This can't be in the future.")})
    return at


def review_days(risk: str) -> int:
    """The most days between two reviews at this risk (Rule 16), from the settings."""
    days: dict[str, int] = {
        Risk.HIGH: settings.SELFHARM_REVIEW_DAYS_HIGH,
        Risk.RAISED: settings.SELFHARM_REVIEW_DAYS_RAISED,
    }
    return days.get(risk, settings.SELFHARM_REVIEW_DAYS_LOW)


def trained(user: User, at: datetime) -> bool:
    """Whether `user` held a valid training in mental health, suicide and self-harm at `at`
    (Rule 35), confirmed by then."""
    return (
        TrainingRecord.objects.lawful_for(at)
        .filter(course=Course.MENTAL_HEALTH, user=user)
        .exists()
    )


def open_case_of(prisoner: Prisoner) -> Case | None:
    return prisoner.selfharm_cases.open().first()


def staff_who_may_take_part(prisoner: Prisoner) -> QuerySet[User]:
    """The staff of her facility: those a review may name as taking part."""
    return staff_of(prisoner.facility)


def _her_part(took_part: bool, her_account: str, why_not: str) -> tuple[str, str]:
    her_account, why_not = her_account.strip(), why_not.strip()
    if not took_part and not why_not:
        raise RuleBroken(
            _(
                "Say why she didn't take part: her care plan is made and reviewed with her "
                "wherever she can take part (Rule 16)."
            ),
            rule="16",
            field="why_not",
        )
    return (her_account, "") if took_part else ("", why_not)


def _open(
    *,
    by: User,
    prisoner: Prisoner,
    concern: str,
    prompt: str,
    immediate_action: str = "",
    noticed_at: datetime | None = None,
    late_reason: str = "",
    follows: Case | None = None,
) -> Case:
    # Her row's lock orders two openings at once: the second finds the first's case.
    Prisoner.objects.select_for_update().get(pk=prisoner.pk)
    if open_case_of(prisoner) is not None:
        raise ValidationError(_("She has an open self-harm case already."))
    if prompt not in Prompt.values:
        raise ValidationError({"prompt": _("Choose what prompted it from the list.")})
    concern = concern.strip()
    if not concern:
        raise ValidationError({"concern": _("Say what was seen or heard.")})
    now = timezone.now()
    noticed_at = _past(noticed_at, field="noticed_at", now=now)
    check_after_arrest(prisoner, noticed_at, "noticed_at")
    late_reason = late.late_reason(noticed_at, late_reason, now=now)
    case = Case(
        prisoner=prisoner,
        facility=prisoner.facility,
        concern=concern,
        prompt=prompt,
        immediate_action=immediate_action.strip(),
        opened_by=by,
        opened_at=now,
        noticed_at=noticed_at,
        late_reason=late_reason,
        assessment_due_at=noticed_at + timedelta(hours=settings.SELFHARM_ASSESSMENT_HOURS),
        follows=follows,
    )
    case.full_clean(validate_constraints=False)
    case.save()
    schedule_reminder(
        key=_key(case, "assessment"),
        kind=ASSESSMENT_KIND,
        rule="35",
        title=gettext_lazy("Assess her self-harm and suicide risk"),
        facility=case.facility,
        assignee_role="health",
        prisoner=prisoner,
        due_at=case.assessment_due_at,
        escalate_at=case.assessment_due_at,
        basis=Basis.CONFIG,
    )
    schedule_reminder(
        key=_key(case, "observation"),
        kind=OBSERVATION_KIND,
        rule="16",
        title=gettext_lazy("Decide her observation level"),
        facility=case.facility,
        assignee_role="health",
        prisoner=prisoner,
        due_at=now + timedelta(hours=settings.SELFHARM_OBSERVATION_HOURS),
        basis=Basis.CONFIG,
        confidential=True,
    )
    audit.record(
        by=by,
        action="selfharm.opened",
        subject=case,
        facility=case.facility,
        detail={"prompt": prompt},
    )
    return case


@transaction.atomic
def open_case(
    *,
    by: User,
    prisoner: Prisoner,
    concern: str,
    prompt: str,
    immediate_action: str = "",
    noticed_at: datetime | None = None,
    late_reason: str = "",
) -> Case:
    """Any member of staff of her facility who is concerned opens a self-harm case (Rules 12,
    16; Rule 13: a time of distress is one reason): what was seen or heard, what prompted it,
    what was done at once. One case is open for her at a time. A concern seen or heard more
    than LATE_RECORD_REASON_AFTER_HOURS before it is recorded says why it is late. Health
    staff are asked to assess her within SELFHARM_ASSESSMENT_HOURS of it (a task closed only
    by the assessment) and to decide her observation level (closed by their decision)."""
    _may(by, prisoner, OPEN)
    return _open(
        by=by,
        prisoner=prisoner,
        concern=concern,
        prompt=prompt,
        immediate_action=immediate_action,
        noticed_at=noticed_at,
        late_reason=late_reason,
    )


def _locked(case: Case) -> Case:
    return Case.objects.select_for_update().select_related("prisoner").get(pk=case.pk)


def _plan(case: Case, plan: list[dict], review: Review | None = None) -> list[PlanAction]:
    made = []
    for item in plan:
        what, when = (item.get("what") or "").strip(), (item.get("when") or "").strip()
        if not what:
            continue
        if item.get("team") not in Team.values or not when:
            raise ValidationError(
                {"plan": _("Each action of the plan names its team and how often or by when.")}
            )
        action = PlanAction(case=case, what=what, team=item["team"], when=when, review=review)
        action.full_clean()
        made.append(action)
    PlanAction.objects.bulk_create(made)
    return made


def _next_review(risk: str, start: datetime, next_review_at: datetime | None) -> datetime:
    """The next review, no later than the days the risk allows after `start` (Rule 16)."""
    latest = start + timedelta(days=review_days(risk))
    if next_review_at is None:
        return latest
    if next_review_at <= start:
        raise ValidationError({"next_review_at": _("The next review comes after this one.")})
    if next_review_at > latest:
        raise RuleBroken(
            _(
                "At this risk her case is reviewed at least every %(days)s days: set the next "
                "review by %(latest)s (Rule 16)."
            )
            % {"days": review_days(risk), "latest": timezone.localtime(latest).date().isoformat()},
            rule="16",
            field="next_review_at",
        )
    return next_review_at


def _ask_for_review(case: Case) -> None:
    assert case.next_review_at is not None
    schedule_reminder(
        key=_key(case, f"review:{case.next_review_at.isoformat()}"),
        kind=REVIEW_KIND,
        rule="16",
        title=gettext_lazy("Review her self-harm case"),
        facility=case.facility,
        assignee_role="health",
        prisoner=case.prisoner,
        due_at=case.next_review_at,
        escalate_at=case.next_review_at + timedelta(hours=settings.SELFHARM_ESCALATION_HOURS),
        basis=Basis.CONFIG,
    )


@transaction.atomic
def assess(
    *,
    by: User,
    case: Case,
    took_part: bool,
    risk: str,
    plan: list[dict],
    her_account: str = "",
    why_not: str = "",
    triggers: str = "",
    protective: str = "",
    next_review_at: datetime | None = None,
    assessed_at: datetime | None = None,
    late_reason: str = "",
) -> Assessment:
    """The assessment of her self-harm and suicide risk (Rules 12, 16) with her care plan. Only
    staff holding a valid training in mental health, suicide and self-harm at that moment may
    assess (Rule 35): refused otherwise, nothing written. She takes part where she can, else
    why not is recorded (Rule 16). An assessment after SELFHARM_ASSESSMENT_HOURS is taken with
    the reason it is late (and counted on oversight). It sets the first review, at most the
    days her risk allows (Rule 16), and closes the assessment task."""
    _may(by, case.prisoner, ASSESS)
    case = _locked(case)
    now = timezone.now()
    assessed_at = _past(assessed_at, field="assessed_at", now=now)
    if not trained(by, assessed_at):
        raise RuleBroken(
            _(
                "Only staff with a valid training in mental health, suicide and self-harm "
                "assess her risk: yours is missing or not valid on that day (Rule 35)."
            ),
            rule="35",
        )
    if Assessment.objects.filter(case=case).exists():
        raise ValidationError(_("This case is assessed already."))
    if not case.is_open:
        raise ValidationError(_("This case is closed."))
    if assessed_at < case.noticed_at:
        raise ValidationError({"assessed_at": _("The assessment comes after the concern.")})
    check_after_arrest(case.prisoner, assessed_at, "assessed_at")
    if risk not in Risk.values:
        raise ValidationError({"risk": _("Choose her risk from the list.")})
    late_reason = late_reason.strip()
    if assessed_at > case.assessment_due_at and not late_reason:
        raise ValidationError(
            {
                "late_reason": _(
                    "The assessment is due within %(hours)s hours of the concern: say why it "
                    "is late."
                )
                % {"hours": settings.SELFHARM_ASSESSMENT_HOURS}
            }
        )
    her_account, why_not = _her_part(took_part, her_account, why_not)
    assessment = Assessment(
        case=case,
        assessed_at=assessed_at,
        assessed_by=by,
        took_part=took_part,
        her_account=her_account,
        why_not=why_not,
        risk=risk,
        triggers=triggers.strip(),
        protective=protective.strip(),
        late_reason=late_reason if assessed_at > case.assessment_due_at else "",
        recorded_at=now,
    )
    assessment.full_clean()
    if not any((item.get("what") or "").strip() for item in plan):
        raise ValidationError({"plan": _("Write at least one action of her care plan.")})
    case.risk = risk
    case.next_review_at = _next_review(risk, assessed_at, next_review_at)
    assessment.save()
    _plan(case, plan)
    case.save(update_fields=["risk", "next_review_at"])
    resolve_reminder(key=_key(case, "assessment"), by=by, outcome=_("Assessed."))
    _ask_for_review(case)
    audit.record(
        by=by,
        action="selfharm.assessed",
        subject=case,
        facility=case.facility,
        detail={"risk": risk, "late": bool(assessment.late_reason)},
    )
    return assessment


@transaction.atomic
def review_case(
    *,
    by: User,
    case: Case,
    participants: list[User],
    took_part: bool,
    risk: str,
    her_account: str = "",
    why_not: str = "",
    others_present: str = "",
    plan_changes: str = "",
    plan: list[dict] | None = None,
    next_review_at: datetime | None = None,
    close: bool = False,
    held_at: datetime | None = None,
    late_reason: str = "",
) -> Review:
    """A review of her case (Rule 16: her care plan is reviewed in consultation with mental
    health-care and social welfare services): at least one member of staff from another team
    than the chair's takes part, or it is refused. She takes part where she can, else why not.
    The next review is at most the days her risk allows. The case is closed only at a review
    where her risk is low and she took part or why not is recorded (Rule 16); closing asks for
    a check within SELFHARM_CHECK_DAYS."""
    _may(by, case.prisoner, REVIEW)
    case = _locked(case)
    if not case.is_open:
        raise ValidationError(_("This case is closed."))
    if not Assessment.objects.filter(case=case).exists():
        raise ValidationError(_("Her case is assessed before it is reviewed."))
    if risk not in Risk.values:
        raise ValidationError({"risk": _("Choose her risk from the list.")})
    allowed = set(staff_who_may_take_part(case.prisoner).values_list("pk", flat=True))
    people = [user for user in dict.fromkeys(participants) if user.pk != by.pk]
    if any(user.pk not in allowed for user in people):
        raise ValidationError({"participants": _("Name only staff who work in her facility.")})
    if not any(user.role_code != by.role_code for user in people):
        raise RuleBroken(
            _(
                "A review is held with another team than yours: name at least one member of "
                "staff from another team who took part (Rule 16)."
            ),
            rule="16",
            field="participants",
        )
    if close and risk != Risk.LOW:
        raise RuleBroken(
            _("A case is closed only when her risk is low (Rule 16)."), rule="16", field="risk"
        )
    her_account, why_not = _her_part(took_part, her_account, why_not)
    now = timezone.now()
    held_at = _past(held_at, field="held_at", now=now)
    if held_at < case.assessment.assessed_at:
        raise ValidationError({"held_at": _("A review comes after the assessment.")})
    late_reason = late.late_reason(held_at, late_reason, now=now)
    review = Review(
        case=case,
        held_at=held_at,
        recorded_at=now,
        late_reason=late_reason,
        chaired_by=by,
        others_present=others_present.strip(),
        took_part=took_part,
        her_account=her_account,
        why_not=why_not,
        risk=risk,
        plan_changes=plan_changes.strip(),
        closes=close,
        next_review_at=None if close else _next_review(risk, held_at, next_review_at),
    )
    review.full_clean()
    review.save()
    review.participants.set(people)
    _plan(case, plan or [], review)
    resolve_reminder(key_prefix=_key(case, "review"), by=by, outcome=_("Reviewed."))
    case.risk = risk
    case.next_review_at = review.next_review_at
    if close:
        case.closed_at = held_at
        case.check_due_at = held_at + timedelta(days=settings.SELFHARM_CHECK_DAYS)
        cancelled = _("The case is closed.")
        resolve_reminder(key=_key(case, "observation"), by=by, outcome=cancelled)
    case.save(update_fields=["risk", "next_review_at", "closed_at", "check_due_at"])
    if case.check_due_at is not None:
        schedule_reminder(
            key=_key(case, "check"),
            kind=CHECK_KIND,
            rule="16",
            title=gettext_lazy("Check on her after her self-harm case closed"),
            facility=case.facility,
            assignee_role="health",
            prisoner=case.prisoner,
            due_at=case.check_due_at,
            basis=Basis.CONFIG,
        )
    else:
        _ask_for_review(case)
    audit.record(
        by=by,
        action="selfharm.closed" if close else "selfharm.reviewed",
        subject=case,
        facility=case.facility,
        detail={"risk": risk},
    )
    return review


@transaction.atomic
def check_after_closure(*, by: User, case: Case, outcome: str, notes: str) -> ClosureCheck:
    """The check on her after her case closed (Rule 16): she is well, or there is a concern
    again, which opens a new case that follows the old one. It closes the check task."""
    _may(by, case.prisoner, CHECK)
    case = _locked(case)
    if case.is_open:
        raise ValidationError(_("The case is still open: it is checked after it closes."))
    if ClosureCheck.objects.filter(case=case).exists():
        raise ValidationError(_("The check after this case closed is recorded already."))
    if outcome not in CheckOutcome.values:
        raise ValidationError({"outcome": _("Choose an outcome from the list.")})
    notes = notes.strip()
    if not notes:
        raise ValidationError({"notes": _("Say how she is.")})
    check = ClosureCheck(case=case, checked_by=by, outcome=outcome, notes=notes)
    check.full_clean()
    check.save()
    resolve_reminder(key=_key(case, "check"), by=by, outcome=_("Checked."))
    audit.record(
        by=by,
        action="selfharm.checked",
        subject=case,
        facility=case.facility,
        detail={"outcome": outcome},
    )
    if outcome == CheckOutcome.CONCERN:
        _open(by=by, prisoner=case.prisoner, concern=notes, prompt=Prompt.AGAIN, follows=case)
    return check


@transaction.atomic
def record_incident(
    *,
    by: User,
    prisoner: Prisoner,
    occurred_at: datetime,
    place: str,
    response: str,
    first_aid_called: bool,
    late_reason: str = "",
) -> SelfHarmIncident:
    """Custody record an incident of self-harm (Rules 12, 16): when, where, and what was done
    at once, nothing clinical. One recorded more than LATE_RECORD_REASON_AFTER_HOURS after it
    happened says why. With no case open, it opens one. Health staff are asked to record its
    clinical part within SELFHARM_CLINICAL_HOURS (Rule 8: theirs alone)."""
    _may(by, prisoner, INCIDENT)
    now = timezone.now()
    occurred_at = _past(occurred_at, field="occurred_at", now=now)
    check_after_arrest(prisoner, occurred_at, "occurred_at")
    late_reason = late.late_reason(occurred_at, late_reason, now=now)
    place, response = place.strip(), response.strip()
    Prisoner.objects.select_for_update().get(pk=prisoner.pk)
    case = open_case_of(prisoner) or _open(
        by=by,
        prisoner=prisoner,
        concern=response,
        prompt=Prompt.INCIDENT,
        noticed_at=occurred_at,
        late_reason=late_reason,
    )
    incident = SelfHarmIncident(
        prisoner=prisoner,
        facility=prisoner.facility,
        case=case,
        occurred_at=occurred_at,
        place=place,
        response=response,
        first_aid_called=first_aid_called,
        recorded_by=by,
        recorded_at=now,
        late_reason=late_reason,
        clinical_due_at=now + timedelta(hours=settings.SELFHARM_CLINICAL_HOURS),
    )
    incident.full_clean()
    incident.save()
    schedule_reminder(
        key=_key(incident, "clinical"),
        kind=CLINICAL_KIND,
        rule="8",
        title=gettext_lazy("Record the clinical part of an incident"),
        facility=incident.facility,
        assignee_role="health",
        prisoner=prisoner,
        due_at=incident.clinical_due_at,
        basis=Basis.CONFIG,
        confidential=True,
    )
    audit.record(by=by, action="selfharm.incident", subject=incident, facility=incident.facility)
    return incident


@transaction.atomic
def record_clinical(
    *, by: User, incident: SelfHarmIncident, method: str, injuries: str, treatment: str
) -> IncidentClinical:
    """Health staff record the clinical part of an incident (Rule 8: theirs alone; the audit
    row says only that it was recorded). One an incident; it closes their task."""
    _may(by, incident.prisoner, CLINICAL)
    SelfHarmIncident.objects.select_for_update().get(pk=incident.pk)
    if IncidentClinical.objects.filter(incident=incident).exists():
        raise ValidationError(_("The clinical part of this incident is recorded already."))
    clinical = IncidentClinical(
        incident=incident,
        method=method.strip(),
        injuries=injuries.strip(),
        treatment=treatment.strip(),
        recorded_by=by,
    )
    clinical.full_clean()
    clinical.save()
    resolve_reminder(key=_key(incident, "clinical"), by=by, outcome=_("Recorded."))
    audit.record(
        by=by, action="selfharm.clinical_recorded", subject=incident, facility=incident.facility
    )
    return clinical


def on_observation_decided(sender: type, instance: Any, created: bool, **kwargs: Any) -> None:
    """Health staff decided her observation level (their own verb, `health.services`): it
    answers the task an open case set them."""
    if not created:
        return
    for case in instance.prisoner.selfharm_cases.open():
        resolve_reminder(key=_key(case, "observation"), by=instance.decided_by, outcome="decided")
