"""Safeguarding verbs (Bangkok Rules 25.1, 31, 41, 42.4; Mandela 1, 5.2, paraphrase): any member
of staff of her facility records an incident between women or a concern her family raised;
each victim gets a support plan with immediate protection, support and counselling and each
perpetrator her management, made and reviewed by safeguarding staff; a social-care need gets
its reasonable adjustments, reviewed by their date.

The hard stops, each a `RuleBroken` naming its rule with nothing written:

- Rule 25.1: a victim is never separated or restricted (moved, held apart, her activities
  limited) against her wishes: only at her own request, in her words. A database constraint
  holds it too.
- Rule 25.1: a victim's support plan records that support and counselling were offered.
- Rule 25.1 (confidentiality): what her family is told never names a woman recorded as the
  perpetrator of an incident against her.
- Mandela 5.2: a social-care need is recorded with its reasonable adjustments, and a review
  that finds them not in place can't end the need as met.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import audit
from bangkok import late
from bangkok.errors import RuleBroken
from bangkok.plausible import check_after_arrest
from complaints.models import Source
from complaints.services import open_safeguarding_record
from facilities.scope import facilities_of
from prisoners.models import Prisoner
from reminders.models import Basis
from reminders.services import resolve_reminder, schedule_reminder
from staff.models import User

from .models import (
    SEPARATES_HER,
    VICTIM_ONLY,
    CareNeed,
    CareReview,
    ConcernWay,
    FamilyConcern,
    Incident,
    Injuries,
    Involvement,
    Kind,
    Measure,
    NeedEnd,
    NeedKind,
    Part,
    Plan,
    PlanReview,
    ReportedBy,
    Triage,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    from django.db.models import QuerySet

    from admissions.models import Transfer

VIEW = "safeguarding.view_incident"
READ = "safeguarding.read_incident"
RECORD = "safeguarding.add_incident"
INJURIES = "safeguarding.add_injuries"
PLAN = "safeguarding.change_plan"
CONCERN = "safeguarding.add_familyconcern"
READ_CONCERN = "safeguarding.view_familyconcern"
TRIAGE = "safeguarding.change_familyconcern"
NEED = "safeguarding.add_careneed"
REVIEW_NEED = "safeguarding.add_carereview"

PLAN_KIND = "safeguarding.plan"
PLAN_REVIEW_KIND = "safeguarding.plan_review"
INJURIES_KIND = "safeguarding.injuries"
TRIAGE_KIND = "safeguarding.triage"
NEED_REVIEW_KIND = "safeguarding.care_review"

PLANNED = (Part.VICTIM, Part.PERPETRATOR)


def _may(by: User, prisoner: Prisoner, perm: str) -> None:
    if not by.has_perm(perm):
        raise PermissionDenied(_("Your role can't do this with safeguarding records."))
    if not facilities_of(by).filter(pk=prisoner.facility_id).exists():
        raise PermissionDenied(_("You don't work in her facility."))


def _key(record: Plan | Incident | FamilyConcern | CareNeed, what: str) -> str:
    return f"safeguarding-{record._meta.model_name}:{record.uuid}:{what}"


def _past(at: datetime | None, *, field: str, now: datetime) -> datetime:
    at = at or now
    if at > now:
        raise ValidationError({field: _("This can't be in the future.")})
    return at


def _text(value: str, field: str, message: str) -> str:
    value = value.strip()
    if not value:
        raise ValidationError({field: message})
    return value


def _review_by(start: datetime, next_review_at: datetime | None, days: int) -> datetime:
    """The next review: by default `days` after `start`; never before it nor later than that."""
    latest = start + timedelta(days=days)
    if next_review_at is None:
        return latest
    if next_review_at <= start:
        raise ValidationError({"next_review_at": _("The next review comes after today.")})
    if next_review_at > latest:
        raise ValidationError(
            {"next_review_at": _("Set the next review within %(days)s days.") % {"days": days}}
        )
    return next_review_at


# Incidents between women ---------------------------------------------------------------------


def _women(facility_id: int, others: Iterable[dict]) -> list[tuple[Prisoner, str]]:
    """The other women named, each with her part: women of the same facility, once each."""
    found = []
    for item in others:
        woman, part = item.get("prisoner"), item.get("part")
        if woman is None:
            continue
        if part not in Part.values:
            raise ValidationError({"others": _("Give each woman's part from the list.")})
        if woman.facility_id != facility_id:
            raise ValidationError({"others": _("Name only women of her facility.")})
        found.append((woman, part))
    return found


def _open_plan(involvement: Involvement, incident: Incident, now: datetime) -> Plan:
    plan = Plan.objects.create(
        involvement=involvement,
        prisoner=involvement.prisoner,
        facility=incident.facility,
        part=involvement.part,
        opened_at=now,
        due_at=now + timedelta(hours=settings.SAFEGUARDING_PLAN_HOURS),
    )
    title = (
        gettext_lazy("Make her support plan after an incident")
        if plan.is_support
        else gettext_lazy("Plan her management after an incident")
    )
    schedule_reminder(
        key=_key(plan, "make"),
        kind=PLAN_KIND,
        rule="25.1",
        title=title,
        facility=plan.facility,
        assignee_role="safeguarding",
        prisoner=plan.prisoner,
        due_at=plan.due_at,
        escalate_at=plan.due_at,
        basis=Basis.CONFIG,
    )
    return plan


@transaction.atomic
def record_incident(
    *,
    by: User,
    prisoner: Prisoner,
    kind: str,
    occurred_at: datetime,
    place: str,
    account: str,
    injured: bool,
    reported_by: str,
    her_part: str,
    others: list[dict] | None = None,
    late_reason: str = "",
) -> Incident:
    """Any member of staff of her facility records an incident between women (Rule 31;
    Mandela 1): what kind, when, where (her unit is kept), what happened, whether anyone was
    hurt (what the injuries are is health staff's part: they are asked to record it), who
    reported it, and each woman involved with her part. Each victim's support plan and each
    perpetrator's management is opened at once and asked of safeguarding staff within
    SAFEGUARDING_PLAN_HOURS (Rule 25.1: immediate protection). A victim who reported it
    herself is protected against retaliation from then on, as after any report of abuse
    (`complaints`: adverse acts against her are held for review). One recorded more than
    LATE_RECORD_REASON_AFTER_HOURS after it happened says why."""
    _may(by, prisoner, RECORD)
    if kind not in Kind.values:
        raise ValidationError({"kind": _("Choose what kind of incident from the list.")})
    if reported_by not in ReportedBy.values:
        raise ValidationError({"reported_by": _("Choose who reported it from the list.")})
    if her_part not in Part.values:
        raise ValidationError({"her_part": _("Choose her part from the list.")})
    now = timezone.now()
    occurred_at = _past(occurred_at, field="occurred_at", now=now)
    check_after_arrest(prisoner, occurred_at, "occurred_at")
    late_reason = late.late_reason(occurred_at, late_reason, now=now)
    involved = [(prisoner, her_part), *_women(prisoner.facility_id, others or [])]
    if len({woman.pk for woman, _part in involved}) != len(involved):
        raise ValidationError({"others": _("Name each woman once.")})
    incident = Incident(
        facility=prisoner.facility,
        unit=prisoner.unit,
        kind=kind,
        occurred_at=occurred_at,
        place=_text(place, "place", _("Say where it happened.")),
        account=_text(account, "account", _("Say what happened.")),
        injured=injured,
        reported_by=reported_by,
        recorded_by=by,
        recorded_at=now,
        late_reason=late_reason,
    )
    incident.full_clean()
    incident.save()
    for woman, part in involved:
        involvement = Involvement.objects.create(incident=incident, prisoner=woman, part=part)
        if part in PLANNED:
            _open_plan(involvement, incident, now)
        if part == Part.VICTIM and reported_by == ReportedBy.HERSELF:
            # She reported abuse: protected against retaliation like any report (Rules 7.3,
            # 25.1), her support plan the task.
            open_safeguarding_record(
                by=by, prisoner=woman, source=Source.ABUSE_REPORT, remind=False
            )
    if injured:
        schedule_reminder(
            key=_key(incident, "injuries"),
            kind=INJURIES_KIND,
            rule="8",
            title=gettext_lazy("Record the injuries of an incident"),
            facility=incident.facility,
            assignee_role="health",
            prisoner=prisoner,
            due_at=now + timedelta(hours=settings.SAFEGUARDING_PLAN_HOURS),
            basis=Basis.CONFIG,
            confidential=True,
        )
    audit.record(
        by=by,
        action="safeguarding.incident",
        subject=incident,
        facility=incident.facility,
        detail={"kind": kind, "involved": len(involved)},
    )
    return incident


@transaction.atomic
def record_injuries(*, by: User, incident: Incident, injuries: str, treatment: str) -> Injuries:
    """Health staff record the injuries of an incident and their treatment (Rule 8: theirs
    alone; the audit row says only that they were recorded). Once an incident."""
    woman = incident.involved.select_related("prisoner").first()
    assert woman is not None
    _may(by, woman.prisoner, INJURIES)
    Incident.objects.select_for_update().get(pk=incident.pk)
    if Injuries.objects.filter(incident=incident).exists():
        raise ValidationError(_("The injuries of this incident are recorded already."))
    part = Injuries(
        incident=incident,
        injuries=_text(injuries, "injuries", _("Describe the injuries.")),
        treatment=_text(treatment, "treatment", _("Say what treatment was given.")),
        recorded_by=by,
    )
    part.full_clean()
    part.save()
    resolve_reminder(key=_key(incident, "injuries"), by=by, outcome=_("Recorded."))
    audit.record(
        by=by, action="safeguarding.injuries_recorded", subject=incident, facility=incident.facility
    )
    return part


# Support plans and management ----------------------------------------------------------------


def _measures(plan: Plan, measures: list[str], at_her_request: bool, her_views: str) -> list[str]:
    """The plan's measures, checked against her part (Rule 25.1)."""
    measures = list(dict.fromkeys(measures))
    if any(code not in Measure.values for code in measures):
        raise ValidationError({"measures": _("Choose the measures from the list.")})
    if not measures:
        raise ValidationError({"measures": _("Choose at least one measure.")})
    if plan.is_support:
        separating = [code for code in measures if code in SEPARATES_HER]
        if separating and not (at_her_request and her_views.strip()):
            raise RuleBroken(
                _(
                    "A victim is not moved, held apart or restricted against her wishes: "
                    "protect her by measures on the other woman, or record that she asked "
                    "for it, in her words (Rule 25.1)."
                ),
                rule="25.1",
                field="measures",
            )
    elif any(code in VICTIM_ONLY for code in measures):
        raise ValidationError(
            {"measures": _("Counselling, a key worker or moving the other woman are a victim's.")}
        )
    return measures


def _support(plan: Plan, support_offered: bool) -> None:
    if plan.is_support and not support_offered:
        raise RuleBroken(
            _(
                "A woman who suffered abuse is offered support and counselling at once: "
                "record that it was offered (Rule 25.1)."
            ),
            rule="25.1",
            field="support_offered",
        )


def _locked(plan: Plan) -> Plan:
    return Plan.objects.select_for_update().select_related("prisoner").get(pk=plan.pk)


def _ask_for_review(
    record: Plan | CareNeed, *, kind: str, rule: str, title: Promise, role: str
) -> None:
    """The task of the record's next review, due on its date (one a date)."""
    assert record.next_review_at is not None
    schedule_reminder(
        key=_key(record, f"review:{record.next_review_at.isoformat()}"),
        kind=kind,
        rule=rule,
        title=title,
        facility=record.facility,
        assignee_role=role,
        prisoner=record.prisoner,
        due_at=record.next_review_at,
        basis=Basis.CONFIG,
    )


def _ask_for_plan_review(plan: Plan) -> None:
    title = gettext_lazy("Review her safeguarding plan")
    _ask_for_review(plan, kind=PLAN_REVIEW_KIND, rule="25.1", title=title, role="safeguarding")


def _ask_for_need_review(need: CareNeed) -> None:
    title = gettext_lazy("Review her social-care plan")
    _ask_for_review(need, kind=NEED_REVIEW_KIND, rule="M5.2", title=title, role="social")


@transaction.atomic
def make_plan(
    *,
    by: User,
    plan: Plan,
    measures: list[str],
    her_views: str = "",
    at_her_request: bool = False,
    support_offered: bool = False,
    notes: str = "",
    next_review_at: datetime | None = None,
) -> Plan:
    """Safeguarding staff make a victim's support plan or a perpetrator's management (Rule
    25.1; Rule 42.4: services for a woman who suffered abuse). A victim's records that support
    and counselling were offered, her views, and protection that takes the risk of retaliation
    into account: a measure that separates or restricts her only at her request. Once made it
    is reviewed at most SAFEGUARDING_REVIEW_DAYS apart; it answers the task."""
    _may(by, plan.prisoner, PLAN)
    plan = _locked(plan)
    if plan.made_at is not None:
        raise ValidationError(_("This plan is made already: change it or review it."))
    plan.measures = _measures(plan, measures, at_her_request, her_views)
    _support(plan, support_offered)
    now = timezone.now()
    plan.her_views = her_views.strip()
    plan.at_her_request = at_her_request
    plan.support_offered = support_offered
    plan.notes = notes.strip()
    plan.made_at, plan.made_by = now, by
    plan.next_review_at = _review_by(now, next_review_at, settings.SAFEGUARDING_REVIEW_DAYS)
    plan.full_clean()
    plan.save()
    resolve_reminder(key=_key(plan, "make"), by=by, outcome=_("Plan made."))
    _ask_for_plan_review(plan)
    audit.record(
        by=by,
        action="safeguarding.plan_made",
        subject=plan,
        facility=plan.facility,
        detail={"part": plan.part, "measures": plan.measures, "late": now > plan.due_at},
    )
    return plan


@transaction.atomic
def change_plan(
    *,
    by: User,
    plan: Plan,
    measures: list[str] | None = None,
    her_views: str | None = None,
    at_her_request: bool | None = None,
    notes: str | None = None,
) -> Plan:
    """A change to a made plan between reviews (Rule 25.1): the same checks as making it."""
    _may(by, plan.prisoner, PLAN)
    plan = _locked(plan)
    if plan.made_at is None or plan.closed_at is not None:
        raise ValidationError(_("Only a plan that is made and not ended is changed."))
    views = plan.her_views if her_views is None else her_views.strip()
    request = plan.at_her_request if at_her_request is None else at_her_request
    plan.measures = _measures(plan, plan.measures if measures is None else measures, request, views)
    plan.her_views, plan.at_her_request = views, request
    if notes is not None:
        plan.notes = notes.strip()
    plan.full_clean()
    plan.save()
    audit.record(
        by=by,
        action="safeguarding.plan_changed",
        subject=plan,
        facility=plan.facility,
        detail={"measures": plan.measures},
    )
    return plan


@transaction.atomic
def review_plan(
    *,
    by: User,
    plan: Plan,
    notes: str,
    her_views: str = "",
    next_review_at: datetime | None = None,
    close: bool = False,
    held_at: datetime | None = None,
) -> PlanReview:
    """A review of her plan by its date (Rule 25.1: protection that takes the risk of
    retaliation into account is kept under review): what was found, her views, the next
    review within SAFEGUARDING_REVIEW_DAYS, or the end of the plan."""
    _may(by, plan.prisoner, PLAN)
    plan = _locked(plan)
    if plan.made_at is None:
        raise ValidationError(_("The plan is made before it is reviewed."))
    if plan.closed_at is not None:
        raise ValidationError(_("This plan has ended."))
    now = timezone.now()
    held_at = _past(held_at, field="held_at", now=now)
    if held_at < plan.made_at:
        raise ValidationError({"held_at": _("A review comes after the plan was made.")})
    review = PlanReview(
        plan=plan,
        held_at=held_at,
        held_by=by,
        her_views=her_views.strip(),
        notes=_text(notes, "notes", _("Say what the review found.")),
        closes=close,
        next_review_at=None
        if close
        else _review_by(held_at, next_review_at, settings.SAFEGUARDING_REVIEW_DAYS),
    )
    review.full_clean()
    review.save()
    resolve_reminder(key_prefix=_key(plan, "review"), by=by, outcome=_("Reviewed."))
    plan.next_review_at = review.next_review_at or plan.next_review_at
    plan.closed_at = held_at if close else None
    plan.save(update_fields=["next_review_at", "closed_at"])
    if not close:
        _ask_for_plan_review(plan)
    audit.record(
        by=by,
        action="safeguarding.plan_ended" if close else "safeguarding.plan_reviewed",
        subject=plan,
        facility=plan.facility,
    )
    return review


# Her family's concerns -----------------------------------------------------------------------


@transaction.atomic
def record_concern(
    *,
    by: User,
    prisoner: Prisoner,
    raised_by: str,
    way: str,
    concern: str,
    received_at: datetime | None = None,
    late_reason: str = "",
) -> FamilyConcern:
    """Any member of staff of her facility who receives a concern from her family about her
    safety records it (Mandela 1; Rule 25.1): who raised it, how, and what they said. It
    reaches safeguarding staff at once, to be triaged within SAFEGUARDING_TRIAGE_HOURS."""
    _may(by, prisoner, CONCERN)
    if way not in ConcernWay.values:
        raise ValidationError({"way": _("Choose how it reached us from the list.")})
    now = timezone.now()
    received_at = _past(received_at, field="received_at", now=now)
    check_after_arrest(prisoner, received_at, "received_at")
    record = FamilyConcern(
        prisoner=prisoner,
        facility=prisoner.facility,
        raised_by=_text(raised_by, "raised_by", _("Say who raised it.")),
        way=way,
        concern=_text(concern, "concern", _("Say what the concern is.")),
        received_at=received_at,
        received_by=by,
        recorded_at=now,
        late_reason=late.late_reason(received_at, late_reason, now=now),
    )
    record.full_clean()
    record.save()
    due = now + timedelta(hours=settings.SAFEGUARDING_TRIAGE_HOURS)
    schedule_reminder(
        key=_key(record, "triage"),
        kind=TRIAGE_KIND,
        rule="25.1",
        title=gettext_lazy("Triage a concern her family raised"),
        facility=record.facility,
        assignee_role="safeguarding",
        prisoner=prisoner,
        due_at=due,
        escalate_at=due,
        basis=Basis.CONFIG,
    )
    audit.record(
        by=by,
        action="safeguarding.concern",
        subject=record,
        facility=record.facility,
        detail={"way": way},
    )
    return record


def perpetrators_against(prisoner: Prisoner) -> list[Prisoner]:
    """The women recorded as perpetrators of incidents in which she was a victim."""
    incidents = Involvement.objects.filter(prisoner=prisoner, part=Part.VICTIM).values("incident")
    return [
        involvement.prisoner
        for involvement in Involvement.objects.filter(
            incident__in=incidents, part=Part.PERPETRATOR
        ).select_related("prisoner")
    ]


def _names_a_perpetrator(prisoner: Prisoner, text: str) -> bool:
    said = text.casefold()
    for woman in perpetrators_against(prisoner):
        names = [woman.prison_number, woman.family_name, woman.full_name, *woman.aliases]
        if any(name and name.casefold() in said for name in names):
            return True
    return False


@transaction.atomic
def triage_concern(
    *,
    by: User,
    concern: FamilyConcern,
    outcome: str,
    incident: Incident | None = None,
    need: CareNeed | None = None,
    reason: str = "",
    family_told: str = "",
) -> FamilyConcern:
    """Safeguarding staff triage a concern her family raised: linked to an incident she was
    involved in or a social-care need of hers, or closed with a reason; with what her family
    is told. That answer keeps her confidence (Rule 25.1): it never names a woman recorded as
    the perpetrator of an incident against her."""
    _may(by, concern.prisoner, TRIAGE)
    concern = (
        FamilyConcern.objects.select_for_update().select_related("prisoner").get(pk=concern.pk)
    )
    if concern.triage:
        raise ValidationError(_("This concern is triaged already."))
    if outcome not in Triage.values:
        raise ValidationError({"outcome": _("Choose the outcome from the list.")})
    prisoner = concern.prisoner
    if outcome == Triage.INCIDENT and (
        incident is None or not incident.involved.filter(prisoner=prisoner).exists()
    ):
        raise ValidationError({"incident": _("Choose an incident she was involved in.")})
    if outcome == Triage.NEED and (need is None or need.prisoner_id != prisoner.pk):
        raise ValidationError({"need": _("Choose a social-care need of hers.")})
    reason = reason.strip()
    if outcome == Triage.CLOSED and not reason:
        raise ValidationError({"reason": _("Say why it is closed.")})
    family_told = family_told.strip()
    if family_told and _names_a_perpetrator(prisoner, family_told):
        raise RuleBroken(
            _(
                "What her family is told never names the woman recorded as harming her: "
                "her protection and confidence come first (Rule 25.1)."
            ),
            rule="25.1",
            field="family_told",
        )
    concern.triage = outcome
    concern.incident = incident if outcome == Triage.INCIDENT else None
    concern.need = need if outcome == Triage.NEED else None
    concern.reason = reason if outcome == Triage.CLOSED else ""
    concern.family_told = family_told
    concern.triaged_at, concern.triaged_by = timezone.now(), by
    concern.full_clean()
    concern.save()
    resolve_reminder(key=_key(concern, "triage"), by=by, outcome=_("Triaged."))
    audit.record(
        by=by,
        action="safeguarding.concern_triaged",
        subject=concern,
        facility=concern.facility,
        detail={"outcome": outcome},
    )
    return concern


# Social-care needs ---------------------------------------------------------------------------


def _adjustments(adjustments: str) -> str:
    adjustments = adjustments.strip()
    if not adjustments:
        raise RuleBroken(
            _(
                "A need is met with reasonable adjustments for her to take part in prison "
                "life on an equal basis: write them (Mandela 5.2)."
            ),
            rule="M5.2",
            field="adjustments",
        )
    return adjustments


@transaction.atomic
def record_need(
    *,
    by: User,
    prisoner: Prisoner,
    kind: str,
    description: str,
    adjustments: str,
    her_views: str = "",
    next_review_at: datetime | None = None,
) -> CareNeed:
    """A social-care need of hers (disability, older age, mobility, sight or hearing,
    learning, personal care) with its plan: the reasonable adjustments that give her full and
    equal access to prison life (Mandela 5.2; Rules 41(a), 42.4). Reviewed at most
    SAFEGUARDING_NEED_REVIEW_DAYS apart, with a task when due."""
    _may(by, prisoner, NEED)
    if kind not in NeedKind.values:
        raise ValidationError({"kind": _("Choose the kind of need from the list.")})
    now = timezone.now()
    need = CareNeed(
        prisoner=prisoner,
        facility=prisoner.facility,
        kind=kind,
        description=_text(description, "description", _("Describe the need.")),
        adjustments=_adjustments(adjustments),
        her_views=her_views.strip(),
        recorded_by=by,
        recorded_at=now,
        next_review_at=_review_by(now, next_review_at, settings.SAFEGUARDING_NEED_REVIEW_DAYS),
    )
    need.full_clean()
    need.save()
    _ask_for_need_review(need)
    audit.record(
        by=by,
        action="safeguarding.need",
        subject=need,
        facility=need.facility,
        detail={"kind": kind},
    )
    return need


@transaction.atomic
def review_need(
    *,
    by: User,
    need: CareNeed,
    in_place: bool,
    notes: str,
    her_views: str = "",
    adjustments: str = "",
    next_review_at: datetime | None = None,
    ended: str = "",
) -> CareReview:
    """A review of her social-care plan (Mandela 5.2): whether the adjustments are in place,
    her views, new adjustments if they change, and the next review; or the end of the need
    with its reason. A need whose adjustments are not in place is not ended as met."""
    _may(by, need.prisoner, REVIEW_NEED)
    need = CareNeed.objects.select_for_update().select_related("prisoner").get(pk=need.pk)
    if not need.is_open:
        raise ValidationError(_("This need has ended."))
    if ended and ended not in NeedEnd.values:
        raise ValidationError({"ended": _("Choose why it ends from the list.")})
    if ended == NeedEnd.MET and not in_place:
        raise RuleBroken(
            _(
                "Her adjustments are not in place: the need is not met, so its plan goes on "
                "(Mandela 5.2)."
            ),
            rule="M5.2",
            field="ended",
        )
    now = timezone.now()
    review = CareReview(
        need=need,
        held_at=now,
        held_by=by,
        in_place=in_place,
        her_views=her_views.strip(),
        notes=_text(notes, "notes", _("Say what the review found.")),
        adjustments=adjustments.strip(),
        ended=ended,
        next_review_at=None
        if ended
        else _review_by(now, next_review_at, settings.SAFEGUARDING_NEED_REVIEW_DAYS),
    )
    review.full_clean()
    review.save()
    resolve_reminder(key_prefix=_key(need, "review"), by=by, outcome=_("Reviewed."))
    if review.adjustments:
        need.adjustments = review.adjustments
    if ended:
        need.closed_at, need.ended = now, ended
    else:
        need.next_review_at = review.next_review_at
        _ask_for_need_review(need)
    need.save(update_fields=["adjustments", "closed_at", "ended", "next_review_at"])
    audit.record(
        by=by,
        action="safeguarding.need_ended" if ended else "safeguarding.need_reviewed",
        subject=need,
        facility=need.facility,
        detail={"in_place": in_place},
    )
    return review


def incidents_of(prisoner: Prisoner) -> QuerySet[Incident]:
    """Her incidents, newest first."""
    return Incident.objects.filter(involved__prisoner=prisoner).distinct()


def follow_her(*, by: User, transfer: Transfer) -> None:
    """She moved to another facility (`admissions.services.AtTransfer`): her plans still open,
    her needs still open and the concerns of her family awaiting triage go with her, and the
    staff of the facility she moved to work them from now on (Rule 25.1; Mandela 1, 5.2). An
    incident stays with the facility where it happened."""
    woman, old, new = transfer.admission.prisoner, transfer.from_facility, transfer.to_facility
    mine = {"prisoner": woman, "facility": old}
    moved = {
        "plans": Plan.objects.filter(**mine, closed_at__isnull=True).update(facility=new),
        "needs": CareNeed.objects.filter(**mine, closed_at__isnull=True).update(facility=new),
        "concerns": FamilyConcern.objects.filter(**mine, triaged_at__isnull=True).update(
            facility=new
        ),
    }
    if any(moved.values()):
        audit.record(
            by=by, action="safeguarding.followed_her", subject=woman, facility=new, detail=moved
        )
