"""Temporary release, parole and protective custody (Bangkok Rules 45, 59, 63, 64): every
state change, one keyword-only verb each, citing its rule.

- Leave (Rule 45): `request_leave` (by her, recorded by staff, or by staff for her),
  `decide_leave` (the governor, with reasons; a refusal names its ground, never her conduct:
  Rule 23), `record_return`. Her eligibility is reviewed at set points
  (`review_leave_eligibility`; `schedule_eligibility_reviews` is the clock). A refusal while
  she is protected after a report is held for both reviews (Rules 7.3, 25.1): found
  retaliatory, it is set aside and the request waits for a new decision.
- Parole (Rule 63): `prepare_parole_review`, `submit_parole_review` (refused without its
  caretaking and reintegration sections).
- Rule 64: a pregnancy (learnt from her protections, never from the clinical file's words)
  or a new dependent child sets the social worker a task to review non-custodial options,
  which says nothing else; `review_noncustodial_options` answers it.
- Protective custody (Rule 59): `start_protective_custody` only at her express request
  under a named supervising authority; `review_protective_custody` at set times;
  `withdraw_protective_custody` ends it at once by her word, with no one's approval.
- Her transfer home (Rule 53.1): a sentenced foreign national's transfer is considered as
  early as possible (`consider_home_transfer`, which a task asks of social workers after her
  admission), pursued only on her application or informed consent where an agreement is in
  place; the governor records the competent authority's decision (`decide_home_transfer`);
  her withdrawal ends it at once (`withdraw_home_transfer`).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import audit
from bangkok import late
from bangkok.dates import start_of
from bangkok.errors import RuleBroken
from complaints.models import AdverseKind
from complaints.services import hold_if_protected
from facilities.scope import facilities_of
from prisoners.models import CustodyStatus, LegalStatus, Prisoner
from reminders.models import Basis, Reminder
from reminders.services import resolve_reminder, schedule_reminder

from .models import (
    ALLOWED_GROUNDS,
    CustodyEnd,
    CustodyReview,
    EligibilityReview,
    HomeTransfer,
    LeaveKind,
    LeaveOutcome,
    LeaveReason,
    LeaveRequest,
    LeaveStatus,
    NonCustodialOutcome,
    NonCustodialReview,
    ParoleReview,
    ProtectiveCustody,
    Recommendation,
    RefusalGround,
    ReviewStatus,
    TransferInitiative,
    TransferStatus,
)

if TYPE_CHECKING:
    from admissions.models import Admission, CourtOutcome
    from complaints.models import HeldAction
    from register.models import Child
    from staff.models import User

VIEW_LEAVE = "parole.view_leaverequest"
REQUEST_LEAVE = "parole.add_leaverequest"
DECIDE_LEAVE = "parole.decide_leave"
RECORD_RETURN = "parole.change_leaverequest"
REVIEW_ELIGIBILITY = "parole.add_eligibilityreview"
VIEW_PAROLE = "parole.view_parolereview"
PREPARE_PAROLE = "parole.add_parolereview"
SUBMIT_PAROLE = "parole.change_parolereview"
REVIEW_NONCUSTODIAL = "parole.add_noncustodialreview"
VIEW_CUSTODY = "parole.view_protectivecustody"
START_CUSTODY = "parole.add_protectivecustody"
END_CUSTODY = "parole.change_protectivecustody"
REVIEW_CUSTODY = "parole.add_custodyreview"
VIEW_TRANSFER = "parole.view_hometransfer"
CONSIDER_TRANSFER = "parole.add_hometransfer"
WITHDRAW_TRANSFER = "parole.change_hometransfer"
DECIDE_TRANSFER = "parole.decide_home_transfer"
TRANSFER_KIND = "parole.home_transfer"
# The caretaking section may name her children (Rule 3.2).
READ_CARETAKING = "register.view_child"


def reads_leave_details(user: User) -> bool:
    """Whether `user` reads what a request for leave says of whom she will see and where she
    will be, which may name her children and where they live (Rule 3.2): the roles that read
    children's identities, and the governor who decides the request on them (Rule 45)."""
    return user.has_perm(READ_CARETAKING) or user.has_perm(DECIDE_LEAVE)


ELIGIBILITY_KIND = "parole.leave_eligibility"
DECISION_KIND = "parole.leave_decision"
RETURN_KIND = "parole.leave_return"
PAROLE_KIND = "parole.review_due"
NONCUSTODIAL_KIND = "parole.noncustodial"
CUSTODY_REVIEW_KIND = "parole.protective_custody_review"
# The task's title says what to do and nothing of why (Rule 8: a pregnancy is health's).
NONCUSTODIAL_TITLE = gettext_lazy("Review non-custodial options (Rule 64)")


def _may(by: User, prisoner: Prisoner, perm: str) -> None:
    if not by.has_perm(perm):
        raise PermissionDenied(_("Your role can't do this."))
    if not facilities_of(by).filter(pk=prisoner.facility_id).exists():
        raise PermissionDenied(_("You don't work in her facility."))


def _text(value: str | None) -> str:
    return (value or "").strip()


def _required(**fields: str) -> None:
    missing = {name: _("This is required.") for name, value in fields.items() if not value}
    if missing:
        raise ValidationError(missing)


def _log(by: User | None, action: str, subject: Any, prisoner: Prisoner, **detail: Any) -> None:
    audit.record(by=by, action=action, subject=subject, facility=prisoner.facility, detail=detail)


def _lock(prisoner: Prisoner) -> None:
    list(Prisoner.objects.select_for_update().filter(pk=prisoner.pk).values_list("pk"))


def _in_custody(prisoner: Prisoner) -> None:
    if prisoner.custody_status != CustodyStatus.IN_CUSTODY:
        raise ValidationError(_("She is no longer in custody."))


# Leave (Rule 45) -----------------------------------------------------------------------


def _leave_key(leave: LeaveRequest, what: str) -> str:
    return f"parole.leave:{leave.uuid}:{what}"


def _ask_governor(leave: LeaveRequest) -> None:
    schedule_reminder(
        key=_leave_key(leave, f"decide:{leave.version}"),
        kind=DECISION_KIND,
        rule="45",
        title=gettext_lazy("Decide her request for leave (Rule 45)"),
        facility=leave.facility,
        assignee_role="governor",
        prisoner=leave.prisoner,
        due_at=min(leave.starts_at, timezone.now() + timedelta(days=settings.LEAVE_DECISION_DAYS)),
        basis=Basis.CONFIG,
    )


@transaction.atomic
def request_leave(
    *,
    by: User,
    prisoner: Prisoner,
    kind: str,
    reason: str,
    details: str,
    destination: str,
    starts_at: datetime,
    returns_by: datetime,
    her_request: bool = True,
) -> LeaveRequest:
    """Record her request for home leave or temporary release (Rule 45), made by her and
    written down by staff, or made by staff for her. It waits for the governor's decision."""
    _may(by, prisoner, REQUEST_LEAVE)
    _in_custody(prisoner)
    details, destination = _text(details), _text(destination)
    _required(details=details, destination=destination)
    if kind not in LeaveKind.values:
        raise ValidationError({"kind": _("Choose a kind of leave.")})
    if reason not in LeaveReason.values:
        raise ValidationError({"reason": _("Choose a reason.")})
    if starts_at < timezone.now() - timedelta(hours=1):
        raise ValidationError({"starts_at": _("Leave is asked for ahead of time.")})
    if returns_by <= starts_at:
        raise ValidationError({"returns_by": _("She returns after she leaves.")})
    _lock(prisoner)  # two requests at once: the second sees the first
    if prisoner.leave_requests.filter(
        status__in=[LeaveStatus.REQUESTED, LeaveStatus.GRANTED],
        starts_at__lt=returns_by,
        returns_by__gt=starts_at,
        outcome="",
    ).exists():
        raise ValidationError(_("She already has leave asked for or granted at that time."))
    leave = LeaveRequest(
        prisoner=prisoner,
        facility=prisoner.facility,
        kind=kind,
        reason=reason,
        details=details,
        destination=destination,
        starts_at=starts_at,
        returns_by=returns_by,
        her_request=her_request,
        requested_by=by,
    )
    leave.full_clean()
    leave.save()
    _ask_governor(leave)
    _log(by, "parole.leave_requested", leave, prisoner, kind=kind, reason=reason)
    return leave


def _refuse_discipline_as_ground(ground: str) -> None:
    """Rule 23, read with Rule 45: leave re-establishes her contact with her family; taking it
    away for her conduct would be a sanction prohibiting family contact."""
    if ground == RefusalGround.DISCIPLINE:
        raise RuleBroken(
            _(
                "Leave can't be refused for her conduct or a disciplinary matter: disciplinary "
                "sanctions never take away family contact (Rule 23), and leave is to be used to "
                "the maximum possible extent (Rule 45). Nothing was recorded."
            ),
            rule="23",
            field="refusal_ground",
        )


@transaction.atomic
def decide_leave(
    *,
    by: User,
    leave: LeaveRequest,
    grant: bool,
    reasons: str = "",
    refusal_ground: str = "",
    conditions: str = "",
) -> LeaveRequest:
    """The governor's decision on a request for leave (Rule 45), with her reasons. A refusal
    names its ground and says why; her conduct is never a ground (Rule 23). A refusal while
    she is protected after a report is held for both reviews (Rules 7.3, 25.1); the answer
    is the same as for any woman."""
    _may(by, leave.prisoner, DECIDE_LEAVE)
    leave = LeaveRequest.objects.select_for_update().select_related("prisoner").get(pk=leave.pk)
    if not leave.is_open:
        raise ValidationError(_("This request was decided already."))
    _in_custody(leave.prisoner)
    if grant and leave.starts_at < timezone.now() - timedelta(hours=1):
        # As when it is asked: leave is granted ahead of time, not for days gone by.
        raise ValidationError(
            _("The time asked for has passed: record a new request with the dates she wants.")
        )
    reasons, conditions = _text(reasons), _text(conditions)
    if not grant:
        _refuse_discipline_as_ground(refusal_ground)
        if refusal_ground not in ALLOWED_GROUNDS:
            raise ValidationError({"refusal_ground": _("Say on what ground you refuse it.")})
        if not reasons:
            raise RuleBroken(
                _("A refusal of leave says why (Rule 45). Nothing was recorded."),
                rule="45",
                field="reasons",
            )
    leave.status = LeaveStatus.GRANTED if grant else LeaveStatus.REFUSED
    leave.decided_by, leave.decided_at = by, timezone.now()
    leave.refusal_ground = "" if grant else refusal_ground
    leave.decision_reasons, leave.conditions = reasons, conditions if grant else ""
    leave.full_clean()
    leave.save()
    resolve_reminder(key_prefix=_leave_key(leave, "decide:"), by=by, outcome=leave.status)
    if grant:
        schedule_reminder(
            key=_leave_key(leave, "return"),
            kind=RETURN_KIND,
            rule="45",
            title=gettext_lazy("Record whether she returned from leave"),
            facility=leave.facility,
            assignee_role="custody",
            prisoner=leave.prisoner,
            due_at=leave.returns_by,
            escalate_at=leave.returns_by + timedelta(hours=settings.LEAVE_RETURN_ESCALATION_HOURS),
        )
    else:
        hold_if_protected(
            by=by,
            prisoner=leave.prisoner,
            kind=AdverseKind.LEAVE_REFUSAL,
            summary=gettext_lazy("%(kind)s refused: %(ground)s"),
            summary_params={
                "kind": LeaveKind(leave.kind).label,
                "ground": RefusalGround(leave.refusal_ground).label,
            },
            params={"leave": str(leave.uuid)},
            record=leave,
        )
    _log(
        by,
        "parole.leave_granted" if grant else "parole.leave_refused",
        leave,
        leave.prisoner,
        ground=leave.refusal_ground,
    )
    return leave


def set_aside_refusal(*, by: User, held: HeldAction) -> None:
    """A review found the refusal retaliatory (Rules 7.3, 25.1): it is set aside, and the
    request waits for a new decision (the refusal stays in its history)."""
    leave = LeaveRequest.objects.select_for_update().get(uuid=str(held.record_uuid))
    if leave.status != LeaveStatus.REFUSED:
        return
    leave.status, leave.decided_by, leave.decided_at = LeaveStatus.REQUESTED, None, None
    leave.refusal_ground = leave.decision_reasons = ""
    leave.set_aside_at = timezone.now()
    leave.full_clean()
    leave.save()
    _ask_governor(leave)
    _log(by, "parole.leave_refusal_set_aside", leave, leave.prisoner)


@transaction.atomic
def record_return(
    *,
    by: User,
    leave: LeaveRequest,
    outcome: str,
    returned_at: datetime | None = None,
    note: str = "",
    late_reason: str = "",
) -> LeaveRequest:
    """Whether she came back from leave, and when (Rule 45: what the prison learns of how
    leave is used). A return dated more than a few hours before it is recorded says why:
    its time decides whether she was on time."""
    _may(by, leave.prisoner, RECORD_RETURN)
    leave = LeaveRequest.objects.select_for_update().select_related("prisoner").get(pk=leave.pk)
    if leave.status != LeaveStatus.GRANTED:
        raise ValidationError(_("Only granted leave has a return to record."))
    if leave.outcome:
        raise ValidationError(_("Her return is recorded already."))
    if outcome not in LeaveOutcome.values:
        raise ValidationError({"outcome": _("Say whether she returned.")})
    now = timezone.now()
    if outcome == LeaveOutcome.NOT_RETURNED:
        if now < leave.returns_by:
            raise ValidationError({"outcome": _("She is not due back yet.")})
        returned_at = None
    else:
        returned_at = returned_at or now
        if returned_at > now:
            raise ValidationError({"returned_at": _("This can't be in the future.")})
        if returned_at < leave.starts_at:
            raise ValidationError({"returned_at": _("She returns after she left.")})
        came_late = returned_at > leave.returns_by
        if came_late != (outcome == LeaveOutcome.LATE):
            raise ValidationError(
                {"outcome": _("On time means by the time she was due back; late, after it.")}
            )
        leave.return_late_reason = late.late_reason(returned_at, late_reason, now=now)
    leave.outcome, leave.returned_at, leave.outcome_note = outcome, returned_at, _text(note)
    leave.outcome_by, leave.outcome_at = by, now
    leave.full_clean()
    leave.save()
    resolve_reminder(key=_leave_key(leave, "return"), by=by, outcome=outcome)
    _log(by, "parole.leave_return", leave, leave.prisoner, outcome=outcome)
    return leave


def _eligibility_key(prisoner: Prisoner) -> str:
    return f"parole.eligibility:{prisoner.uuid}"


def _schedule_eligibility(prisoner: Prisoner, due: date) -> Reminder:
    at = start_of(due)
    return schedule_reminder(
        key=f"{_eligibility_key(prisoner)}:{due.isoformat()}",
        kind=ELIGIBILITY_KIND,
        rule="45",
        title=gettext_lazy("Review her eligibility for home leave and temporary release (Rule 45)"),
        facility=prisoner.facility,
        assignee_role="social",
        prisoner=prisoner,
        due_at=at,
        basis=Basis.CONFIG,
    )


@transaction.atomic
def review_leave_eligibility(
    *, by: User, prisoner: Prisoner, eligible: bool, reasons: str
) -> EligibilityReview:
    """Her eligibility for leave, reviewed (Rule 45); the next review falls due
    LEAVE_ELIGIBILITY_REVIEW_DAYS on, and the task for this one closes."""
    _may(by, prisoner, REVIEW_ELIGIBILITY)
    _in_custody(prisoner)
    reasons = _text(reasons)
    _required(reasons=reasons)
    next_on = timezone.localdate() + timedelta(days=settings.LEAVE_ELIGIBILITY_REVIEW_DAYS)
    review = EligibilityReview(
        prisoner=prisoner,
        facility=prisoner.facility,
        eligible=eligible,
        reasons=reasons,
        next_review_on=next_on,
        reviewed_by=by,
    )
    review.full_clean()
    review.save()
    resolve_reminder(key_prefix=_eligibility_key(prisoner), by=by, outcome="reviewed")
    _schedule_eligibility(prisoner, next_on)
    _log(by, "parole.eligibility_reviewed", review, prisoner, eligible=eligible)
    return review


def schedule_eligibility_reviews(*, now: datetime | None = None) -> int:
    """The clock (beat): every woman in custody for LEAVE_ELIGIBILITY_REVIEW_DAYS with no
    review of her eligibility for leave, and no task for one, is given the task. Idempotent.
    Returns how many tasks were set."""
    now = now or timezone.now()
    first_after = timedelta(days=settings.LEAVE_ELIGIBILITY_REVIEW_DAYS)
    women = (
        Prisoner.objects.filter(custody_status=CustodyStatus.IN_CUSTODY)
        .filter(created_at__lte=now - first_after)
        .exclude(leave_eligibility__isnull=False)
        .exclude(reminders__kind=ELIGIBILITY_KIND)
        .select_related("facility")
    )
    count = 0
    with transaction.atomic():
        for woman in women:
            _schedule_eligibility(woman, now.date())
            count += 1
    return count


# Parole (Rule 63) ----------------------------------------------------------------------


def _parole_key(review: ParoleReview) -> str:
    return f"parole.review:{review.uuid}"


@transaction.atomic
def prepare_parole_review(
    *,
    by: User,
    prisoner: Prisoner,
    eligibility_date: date,
    caretaking: str = "",
    reintegration: str = "",
    recommendation: str = "",
    notes: str = "",
) -> ParoleReview:
    """Start the file for her parole (Rule 63): the social worker is reminded to submit it
    PAROLE_FILE_DAYS before her eligibility date, with both sections."""
    _may(by, prisoner, PREPARE_PAROLE)
    _in_custody(prisoner)
    if recommendation and recommendation not in Recommendation.values:
        raise ValidationError({"recommendation": _("Choose a recommendation.")})
    _lock(prisoner)  # two at once: the second sees the first's draft
    if prisoner.parole_reviews.filter(
        status=ReviewStatus.DRAFT, eligibility_date=eligibility_date
    ).exists():
        raise ValidationError(_("A review for that date is already being prepared."))
    review = ParoleReview(
        prisoner=prisoner,
        facility=prisoner.facility,
        eligibility_date=eligibility_date,
        caretaking=_text(caretaking),
        reintegration=_text(reintegration),
        recommendation=recommendation,
        notes=_text(notes),
        prepared_by=by,
    )
    review.full_clean()
    review.save()
    due = eligibility_date - timedelta(days=settings.PAROLE_FILE_DAYS)
    due_at = start_of(due)
    schedule_reminder(
        key=_parole_key(review),
        kind=PAROLE_KIND,
        rule="63",
        title=gettext_lazy("Submit her parole review, with her caretaking and reintegration"),
        facility=review.facility,
        assignee_role="social",
        prisoner=prisoner,
        due_at=max(due_at, timezone.now()),
        basis=Basis.CONFIG,
    )
    _log(by, "parole.review_prepared", review, prisoner)
    return review


@transaction.atomic
def submit_parole_review(
    *,
    by: User,
    review: ParoleReview,
    caretaking: str | None = None,
    reintegration: str | None = None,
    recommendation: str | None = None,
    notes: str | None = None,
) -> ParoleReview:
    """Submit the review to the parole board (Rule 63): refused unless it sets out her
    caretaking responsibilities and her reintegration needs, which the decision must
    favourably take into account. Fields given replace what the draft holds."""
    _may(by, review.prisoner, SUBMIT_PAROLE)
    review = ParoleReview.objects.select_for_update().select_related("prisoner").get(pk=review.pk)
    if not review.is_draft:
        raise ValidationError(_("This review was submitted already."))
    for name, value in (
        ("caretaking", caretaking),
        ("reintegration", reintegration),
        ("notes", notes),
    ):
        if value is not None:
            setattr(review, name, _text(value))
    if recommendation is not None:
        review.recommendation = recommendation
    missing = review.missing_sections
    if missing:
        raise RuleBroken(
            _(
                "A parole review can't be submitted without %(missing)s: the decision must "
                "take her caretaking responsibilities and her reintegration needs into "
                "account (Rule 63). Nothing was submitted."
            )
            % {"missing": _(" and ").join(missing)},
            rule="63",
            field="caretaking" if review.caretaking == "" else "reintegration",
        )
    if review.recommendation not in Recommendation.values:
        raise ValidationError({"recommendation": _("Choose a recommendation.")})
    review.status, review.submitted_by, review.submitted_at = (
        ReviewStatus.SUBMITTED,
        by,
        timezone.now(),
    )
    review.full_clean()
    review.save()
    resolve_reminder(key=_parole_key(review), by=by, outcome="submitted")
    _log(by, "parole.review_submitted", review, review.prisoner)
    return review


# Rule 64: pregnancy or a new dependent child -------------------------------------------


def _noncustodial_key(prisoner: Prisoner) -> str:
    return f"parole.noncustodial:{prisoner.uuid}"


def prompt_noncustodial_review(*, prisoner: Prisoner) -> bool:
    """Give the social worker the task of reviewing non-custodial options for her (Rule 64),
    unless one is open already. Its title and audit row name no cause (a pregnancy is
    health's to know, Rule 8). Returns whether a task was set."""
    if prisoner.custody_status != CustodyStatus.IN_CUSTODY:
        return False
    if Reminder.objects.open().filter(kind=NONCUSTODIAL_KIND, prisoner=prisoner).exists():
        return False
    now = timezone.now()
    schedule_reminder(
        key=f"{_noncustodial_key(prisoner)}:{now.isoformat()}",
        kind=NONCUSTODIAL_KIND,
        rule="64",
        title=NONCUSTODIAL_TITLE,
        facility=prisoner.facility,
        assignee_role="social",
        prisoner=prisoner,
        due_at=now + timedelta(days=settings.NONCUSTODIAL_REVIEW_DAYS),
        basis=Basis.CONFIG,
    )
    # Written by the system, not by whoever recorded what prompted it.
    _log(None, "parole.noncustodial_prompted", prisoner, prisoner, rule="64")
    return True


def on_flags_changed(*, prisoner: Prisoner, changed: dict, by: User | None) -> None:
    """Her protections changed: one appearing that a pregnancy sets (health's records decide
    it) prompts the review of non-custodial options (Rule 64). The pregnancy is asked of
    health's services, never read or written here."""
    from health.services.programmes import is_pregnant

    appeared = changed.get("restraint_health_approval") or changed.get("no_segregation")
    if appeared and is_pregnant(prisoner):
        prompt_noncustodial_review(prisoner=prisoner)


def on_child_recorded(*, child: Child, by: User | None) -> None:
    """A dependent child born since she came into custody is a new dependent child
    (Rule 64)."""
    mother = child.mother
    if child.dependent and child.date_of_birth >= timezone.localdate(mother.created_at):
        prompt_noncustodial_review(prisoner=mother)


@transaction.atomic
def review_noncustodial_options(
    *,
    by: User,
    prisoner: Prisoner,
    options: str,
    outcome: str,
    reasons: str,
    care_of_children: str = "",
) -> NonCustodialReview:
    """The social worker's review of non-custodial options for her (Rule 64): what was
    considered, what was done, and why; the task closes."""
    _may(by, prisoner, REVIEW_NONCUSTODIAL)
    options, reasons = _text(options), _text(reasons)
    _required(options=options, reasons=reasons)
    if outcome not in NonCustodialOutcome.values:
        raise ValidationError({"outcome": _("Choose an outcome.")})
    review = NonCustodialReview(
        prisoner=prisoner,
        facility=prisoner.facility,
        options=options,
        outcome=outcome,
        reasons=reasons,
        care_of_children=_text(care_of_children),
        reviewed_by=by,
    )
    review.full_clean()
    review.save()
    resolve_reminder(key_prefix=_noncustodial_key(prisoner), by=by, outcome="reviewed")
    _log(by, "parole.noncustodial_reviewed", review, prisoner, outcome=outcome)
    return review


# Protective custody (Rule 59) ----------------------------------------------------------


def _custody_key(custody: ProtectiveCustody) -> str:
    return f"parole.protective:{custody.uuid}"


def _schedule_custody_review(custody: ProtectiveCustody, after: datetime, number: int) -> None:
    due = after + timedelta(days=settings.PROTECTIVE_CUSTODY_REVIEW_DAYS)
    schedule_reminder(
        key=f"{_custody_key(custody)}:review:{number}",
        kind=CUSTODY_REVIEW_KIND,
        rule="59",
        title=gettext_lazy(
            "Review her protective custody with the supervising authority, and ask her "
            "whether she still wants it (Rule 59)"
        ),
        facility=custody.facility,
        assignee_role="social",
        prisoner=custody.prisoner,
        due_at=due,
        basis=Basis.CONFIG,
    )


@transaction.atomic
def start_protective_custody(
    *,
    by: User,
    prisoner: Prisoner,
    at_her_request: bool,
    her_words: str,
    she_signed: bool,
    supervising_authority: str,
    shelter_considered: str,
    authority_reference: str = "",
) -> ProtectiveCustody:
    """Protective custody (Rule 59), only when she expressly asks for it: her words and her
    signature or mark, under a named supervising authority, with the non-custodial
    protection considered first. Never imposed; reviewed every
    PROTECTIVE_CUSTODY_REVIEW_DAYS."""
    _may(by, prisoner, START_CUSTODY)
    _in_custody(prisoner)
    her_words = _text(her_words)
    if not at_her_request or not her_words or not she_signed:
        raise RuleBroken(
            _(
                "Protective custody is only at her express request, in her words and signed "
                "or marked by her (Rule 59): it is never imposed. Nothing was recorded."
            ),
            rule="59",
            field="her_words",
        )
    supervising_authority = _text(supervising_authority)
    if not supervising_authority:
        raise RuleBroken(
            _(
                "Protective custody is supervised by a judicial or other competent authority: "
                "name it (Rule 59). Nothing was recorded."
            ),
            rule="59",
            field="supervising_authority",
        )
    shelter_considered = _text(shelter_considered)
    if not shelter_considered:
        raise RuleBroken(
            _(
                "Non-custodial protection, such as a shelter, comes first: say what was "
                "considered and why it is not enough (Rule 59). Nothing was recorded."
            ),
            rule="59",
            field="shelter_considered",
        )
    _lock(prisoner)  # two at once: the second is told, not met with a server error
    if prisoner.protective_custody.filter(ended_at__isnull=True).exists():
        raise ValidationError(_("She is in protective custody already."))
    custody = ProtectiveCustody(
        prisoner=prisoner,
        facility=prisoner.facility,
        at_her_request=True,
        her_words=her_words,
        she_signed=True,
        supervising_authority=supervising_authority,
        authority_reference=_text(authority_reference),
        shelter_considered=shelter_considered,
        recorded_by=by,
    )
    custody.full_clean()
    custody.save()
    _schedule_custody_review(custody, custody.started_at, 1)
    _log(by, "parole.protective_custody_started", custody, prisoner)
    return custody


def _current(custody: ProtectiveCustody) -> ProtectiveCustody:
    locked = (
        ProtectiveCustody.objects.select_for_update().select_related("prisoner").get(pk=custody.pk)
    )
    if not locked.is_current:
        raise ValidationError(_("Her protective custody has ended already."))
    return locked


def _end(
    custody: ProtectiveCustody,
    *,
    by: User,
    reason: str,
    words: str,
    at: datetime | None = None,
) -> ProtectiveCustody:
    custody.ended_at, custody.ended_by = at or timezone.now(), by
    custody.end_reason, custody.end_words = reason, words
    custody.full_clean()
    custody.save()
    resolve_reminder(key_prefix=_custody_key(custody), by=by, outcome="ended")
    _log(by, "parole.protective_custody_ended", custody, custody.prisoner, reason=reason)
    return custody


@transaction.atomic
def withdraw_protective_custody(
    *, by: User, custody: ProtectiveCustody, her_words: str = ""
) -> ProtectiveCustody:
    """She withdraws her request: her protective custody ends now, by her word alone; no one
    approves it (Rule 59: never continued against her will). Any role that reads it records
    what she said."""
    _may(by, custody.prisoner, END_CUSTODY)
    custody = _current(custody)
    return _end(custody, by=by, reason=CustodyEnd.WITHDRAWN, words=_text(her_words))


def end_at_release(*, by: User, admission: Admission, released_at: datetime) -> None:
    """She left custody (`admissions.services.AtRelease`): her protective custody ends with it,
    dated as her release, and its reviews are no longer due (Rule 59)."""
    for custody in ProtectiveCustody.objects.select_for_update().filter(
        prisoner=admission.prisoner, ended_at__isnull=True
    ):
        _end(
            custody,
            by=by,
            reason=CustodyEnd.RELEASED,
            words="",
            at=max(released_at, custody.started_at),
        )


@transaction.atomic
def review_protective_custody(
    *,
    by: User,
    custody: ProtectiveCustody,
    authority_finding: str,
    she_still_asks: bool,
    note: str = "",
    ends: bool = False,
) -> CustodyReview:
    """A review at its set time (Rule 59): the supervising authority's finding and whether
    she still asks for it. If she doesn't, it ends now; the authority may end it sooner
    (`ends`); otherwise the next review falls due."""
    _may(by, custody.prisoner, REVIEW_CUSTODY)
    custody = _current(custody)
    authority_finding = _text(authority_finding)
    _required(authority_finding=authority_finding)
    review = CustodyReview(
        custody=custody,
        reviewed_by=by,
        authority_finding=authority_finding,
        she_still_asks=she_still_asks,
        note=_text(note),
    )
    review.full_clean()
    review.save()
    resolve_reminder(key_prefix=f"{_custody_key(custody)}:review:", by=by, outcome="reviewed")
    _log(by, "parole.protective_custody_reviewed", custody, custody.prisoner)
    if not she_still_asks:
        _end(custody, by=by, reason=CustodyEnd.WITHDRAWN, words=review.note)
    elif ends:
        _end(custody, by=by, reason=CustodyEnd.AUTHORITY, words=authority_finding)
    else:
        _schedule_custody_review(custody, review.reviewed_at, custody.reviews.count() + 1)
    return review


def in_protective_custody(prisoner: Prisoner) -> bool:
    return prisoner.protective_custody.filter(ended_at__isnull=True).exists()


# Her transfer to her home country (Rule 53.1) -------------------------------------------


def _transfer_key(prisoner: Prisoner) -> str:
    return f"parole.home_transfer:{prisoner.uuid}"


def ask_to_consider_transfer(*, admission: Admission) -> None:
    """A sentenced foreign national admitted (`admissions.services.AtAdmission`): social
    workers consider her transfer home with her, as early as possible (Rule 53.1)."""
    woman = admission.prisoner
    if not woman.is_foreign_national or woman.legal_status != LegalStatus.SENTENCED:
        return
    schedule_reminder(
        key=_transfer_key(woman),
        kind=TRANSFER_KIND,
        rule="53.1",
        title=gettext_lazy("Consider with her a transfer to her home country"),
        facility=admission.facility,
        assignee_role="social",
        prisoner=woman,
        due_at=admission.admitted_at + timedelta(days=settings.HOME_TRANSFER_CONSIDER_DAYS),
        basis=Basis.CONFIG,
    )


def on_court_outcome(*, by: User, outcome: CourtOutcome) -> None:
    """Sentenced during the episode (`admissions.services.AtCourtOutcome`): a foreign
    national's transfer home is considered with her as early as possible (Rule 53.1)."""
    ask_to_consider_transfer(admission=outcome.admission)


@transaction.atomic
def consider_home_transfer(
    *,
    by: User,
    prisoner: Prisoner,
    country: str,
    pursued: bool,
    not_pursued: str = "",
    agreement: str = "",
    initiative: str = "",
    her_words: str = "",
    consent_on: date | None = None,
    informed_by: str = "",
    informed_language: str = "",
    children_there: bool = False,
    note: str = "",
) -> HomeTransfer:
    """Her transfer to her home country, considered with her (Rule 53.1). Not pursued: why
    (no agreement with her country, she does not wish it, she lives here). Pursued: only where
    an agreement is in place, and only on her application or her informed consent, in her words
    and dated; a transfer proposed to her also says who explained it and in which language.
    Refused otherwise, naming Rule 53.1, nothing written. Answers the task to consider it."""
    _may(by, prisoner, CONSIDER_TRANSFER)
    _in_custody(prisoner)
    country = _text(country).upper()
    if not prisoner.is_foreign_national:
        raise ValidationError(
            _("She holds this country's nationality: a transfer home is for foreign nationals.")
        )
    if country not in prisoner.nationalities:
        raise ValidationError({"country": _("Choose one of her nationalities, not this country.")})
    record = HomeTransfer(
        prisoner=prisoner,
        facility=prisoner.facility,
        country=country,
        children_there=children_there,
        note=_text(note),
        recorded_by=by,
    )
    if not pursued:
        _required(not_pursued=not_pursued)
        record.status, record.not_pursued = TransferStatus.NOT_PURSUED, not_pursued
    else:
        record.agreement, record.her_words = _text(agreement), _text(her_words)
        record.initiative, record.consent_on = initiative, consent_on
        record.informed_by = _text(informed_by)
        record.informed_language = _text(informed_language)
        if not record.agreement:
            raise RuleBroken(
                _(
                    "A transfer home is pursued where an agreement with her country is in "
                    "place: name it (Rule 53.1)."
                ),
                rule="53.1",
                field="agreement",
            )
        if not record.her_words or record.consent_on is None or not record.initiative:
            raise RuleBroken(
                _(
                    "A transfer home follows only her application or her informed consent: "
                    "record it in her words, and the day she gave it (Rule 53.1)."
                ),
                rule="53.1",
                field="her_words",
            )
        informed = record.informed_by and record.informed_language
        if record.initiative == TransferInitiative.PROPOSED and not informed:
            raise RuleBroken(
                _(
                    "Her consent to a transfer proposed to her is informed: say who explained "
                    "it to her, and in which language (Rule 53.1)."
                ),
                rule="53.1",
                field="informed_by",
            )
        record.status = TransferStatus.APPLIED
        _lock(prisoner)
        if prisoner.home_transfers.filter(status__in=HOME_PURSUED).exists():
            raise ValidationError(_("Her transfer home is being pursued already."))
    record.full_clean()
    record.save()
    resolve_reminder(key=_transfer_key(prisoner), by=by, outcome="considered")
    _log(by, "parole.home_transfer_considered", record, prisoner, status=record.status)
    return record


HOME_PURSUED = (TransferStatus.APPLIED, TransferStatus.APPROVED)


def _pursued(transfer: HomeTransfer) -> HomeTransfer:
    locked = HomeTransfer.objects.select_for_update().select_related("prisoner").get(pk=transfer.pk)
    if locked.status == TransferStatus.WITHDRAWN:
        raise RuleBroken(
            _(
                "She withdrew her application or consent: no transfer home goes on without it "
                "(Rule 53.1)."
            ),
            rule="53.1",
        )
    return locked


@transaction.atomic
def decide_home_transfer(
    *,
    by: User,
    transfer: HomeTransfer,
    approved: bool,
    authority: str,
    decided_on: date,
    reasons: str,
) -> HomeTransfer:
    """The competent authority's decision on her transfer home, recorded by the governor with
    its reasons (Rule 53.1). Refused once she has withdrawn (nothing goes on without her)."""
    _may(by, transfer.prisoner, DECIDE_TRANSFER)
    transfer = _pursued(transfer)
    if transfer.status != TransferStatus.APPLIED:
        raise ValidationError(_("This transfer is not awaiting a decision."))
    authority, reasons = _text(authority), _text(reasons)
    _required(authority=authority, reasons=reasons)
    transfer.status = TransferStatus.APPROVED if approved else TransferStatus.REFUSED
    transfer.authority, transfer.reasons, transfer.decided_on = authority, reasons, decided_on
    transfer.decided_by = by
    transfer.full_clean()
    transfer.save()
    _log(by, "parole.home_transfer_decided", transfer, transfer.prisoner, status=transfer.status)
    return transfer


@transaction.atomic
def withdraw_home_transfer(
    *, by: User, transfer: HomeTransfer, her_words: str = ""
) -> HomeTransfer:
    """She withdraws her application or consent: her transfer home ends at once, by her word
    alone (Rule 53.1: it follows only her application or informed consent)."""
    _may(by, transfer.prisoner, WITHDRAW_TRANSFER)
    transfer = _pursued(transfer)
    if not transfer.is_pursued:
        raise ValidationError(_("This transfer is not being pursued."))
    transfer.status, transfer.withdrawn_at = TransferStatus.WITHDRAWN, timezone.now()
    transfer.withdrawn_words = _text(her_words)
    transfer.full_clean()
    transfer.save()
    _log(by, "parole.home_transfer_withdrawn", transfer, transfer.prisoner)
    return transfer
