"""Inspection verbs (Bangkok Rule 25.3): the inspector plans a visit to one of her facilities
with its team, starts it (the facility's oversight figures for the period before are frozen on
it), draws the sample of women whose cases she reviews, records findings and recommendations
and ends it; the governor of the facility answers each recommendation with an action plan and
its follow-ups.

Rule 25.3 asks that monitoring bodies include women members: a team without a woman is
recorded (the visit happened) but the visit says so and counts against indicator 52
(`reading.visits_with_women_members`).

The hard stop, a `RuleBroken` naming Rule 25.3 with nothing written: what a finished visit
found (its team, findings, recommendations, case-review notes, sample) is the record the
governor answers and the next visit compares with; once the visit ends it is never changed.
A recommendation whose deadline passes without being done is a task of the governor's,
escalated by the reminder sweep (the clock).
"""

from __future__ import annotations

import random
import secrets
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import TextChoices
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import audit
from bangkok.dates import start_of
from bangkok.errors import RuleBroken
from facilities.models import Facility
from facilities.scope import facilities_of, postings_in
from reminders.models import Basis
from reminders.services import cancel_reminder, resolve_reminder, schedule_reminder
from staff.models import User

from . import reading
from .models import (
    ANSWERS,
    CLOSED,
    STRATA,
    ActionPlan,
    Area,
    BodyKind,
    Finding,
    FollowUp,
    Member,
    OwnerRole,
    Priority,
    Recommendation,
    Sample,
    SampledWoman,
    Status,
    Visit,
)

VIEW = "inspections.view_visit"
PLAN = "inspections.add_visit"
CHANGE = "inspections.change_visit"
DRAW = "inspections.add_sample"
NOTE = "inspections.change_sampledwoman"
FIND = "inspections.add_finding"
CHANGE_FINDING = "inspections.change_finding"
RECOMMEND = "inspections.add_recommendation"
CHANGE_RECOMMENDATION = "inspections.change_recommendation"
ACTION_PLAN = "inspections.add_actionplan"
CHANGE_ACTION_PLAN = "inspections.change_actionplan"
FOLLOW_UP = "inspections.add_followup"

RECOMMENDATION_KIND = "inspections.recommendation"
MAX_SAMPLE = 50

LOCKED = gettext_lazy(
    "This visit has ended: what it found is the record the governor answers and the next visit "
    "compares with, and is not changed after (Rule 25.3)."
)


def _may(by: User, facility_id: int, perm: str) -> None:
    if not by.has_perm(perm):
        raise PermissionDenied(_("Your role can't do this with inspections."))
    if not facilities_of(by).filter(pk=facility_id).exists():
        raise PermissionDenied(_("You don't oversee this facility."))


def _open(visit: Visit) -> Visit:
    """The visit, locked for the change, refused once it has ended."""
    locked = Visit.objects.select_for_update().get(pk=visit.pk)
    if locked.ended_at is not None:
        raise RuleBroken(str(LOCKED), rule="25.3")
    return locked


def _text(value: str, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: message})
    return value


def _choice(value: str, choices: type[TextChoices], field: str) -> str:
    if value not in choices.values:
        raise ValidationError({field: _("Choose from the list.")})
    return value


def _dates(start: date, end: date) -> None:
    if end < start:
        raise ValidationError({"planned_end": _("The visit ends on or after the day it starts.")})


def _past(at: datetime | None, field: str) -> datetime:
    now = timezone.now()
    at = at or now
    if at > now:
        raise ValidationError({field: _("This can't be in the future.")})
    return at


# Visits ----------------------------------------------------------------------------------


@transaction.atomic
def plan_visit(
    *,
    by: User,
    facility: Facility,
    body: str,
    body_kind: str,
    planned_start: date,
    planned_end: date,
    announced: bool = True,
    purpose: str = "",
) -> Visit:
    """The inspector plans a visit to one of her facilities (Rule 25.3): the body, its kind,
    announced or not, the days planned. The team is added member by member."""
    _may(by, facility.pk, PLAN)
    _dates(planned_start, planned_end)
    visit = Visit(
        facility=facility,
        body=_text(body, "body", _("Name the monitoring body.")),
        body_kind=_choice(body_kind, BodyKind, "body_kind"),
        announced=announced,
        planned_start=planned_start,
        planned_end=planned_end,
        purpose=(purpose or "").strip(),
        recorded_by=by,
    )
    visit.full_clean()
    visit.save()
    audit.record(by=by, action="inspections.visit_planned", subject=visit, facility=facility)
    return visit


@transaction.atomic
def change_visit(*, by: User, visit: Visit, **fields: Any) -> Visit:
    """The inspector changes what was planned of a visit that hasn't ended."""
    _may(by, visit.facility_id, CHANGE)
    visit = _open(visit)
    for name in ("body", "body_kind", "announced", "planned_start", "planned_end", "purpose"):
        if name in fields:
            setattr(visit, name, fields[name])
    visit.body = _text(visit.body, "body", _("Name the monitoring body."))
    _choice(visit.body_kind, BodyKind, "body_kind")
    _dates(visit.planned_start, visit.planned_end)
    visit.full_clean()
    visit.save()
    audit.record(
        by=by,
        action="inspections.visit_changed",
        subject=visit,
        facility=visit.facility,
        detail={"fields": sorted(fields)},
    )
    return visit


@transaction.atomic
def add_member(*, by: User, visit: Visit, name: str, role: str, woman: bool) -> Member:
    """A member of the visiting team, her role on it and whether she is a woman (Rule 25.3).
    A team without a woman is recorded all the same: the visit says so and counts it."""
    _may(by, visit.facility_id, CHANGE)
    visit = _open(visit)
    member = Member.objects.create(
        visit=visit,
        name=_text(name, "name", _("Give the member's name.")),
        role=_text(role, "role", _("Give her or his role on the team.")),
        woman=woman,
        added_by=by,
    )
    audit.record(
        by=by,
        action="inspections.member_added",
        subject=visit,
        facility=visit.facility,
        detail={"woman": woman},
    )
    return member


def figures_period(day: date) -> tuple[date, date]:
    """The period before a visit whose figures are frozen on it."""
    return day - timedelta(days=settings.INSPECTION_FIGURES_DAYS), day - timedelta(days=1)


@transaction.atomic
def start_visit(*, by: User, visit: Visit, started_at: datetime | None = None) -> Visit:
    """The visit starts: the facility's oversight figures for the INSPECTION_FIGURES_DAYS before
    it are frozen on it (`reading.figures`), never changed after (a database trigger)."""
    _may(by, visit.facility_id, CHANGE)
    visit = _open(visit)
    if visit.started_at is not None:
        raise ValidationError(_("This visit has started already."))
    started_at = _past(started_at, "started_at")
    start, end = figures_period(timezone.localdate(started_at))
    facilities = facilities_of(by).filter(pk=visit.facility_id)
    visit.started_at = started_at
    visit.figures = reading.figures(by, facilities, start, end)
    visit.figures_from, visit.figures_to = start, end
    visit.save()
    audit.record(by=by, action="inspections.visit_started", subject=visit, facility=visit.facility)
    return visit


@transaction.atomic
def finish_visit(*, by: User, visit: Visit, ended_at: datetime | None = None) -> Visit:
    """The visit ends: its team, findings, recommendations and notes are kept as they are."""
    _may(by, visit.facility_id, CHANGE)
    visit = _open(visit)
    if visit.started_at is None:
        raise ValidationError(_("Start the visit before you end it."))
    ended_at = _past(ended_at, "ended_at")
    if ended_at < visit.started_at:
        raise ValidationError({"ended_at": _("The visit ends after it started.")})
    visit.ended_at = ended_at
    visit.save()
    audit.record(
        by=by,
        action="inspections.visit_finished",
        subject=visit,
        facility=visit.facility,
        detail={"women_on_team": visit.team.filter(woman=True).exists()},
    )
    return visit


# The sample ------------------------------------------------------------------------------


def draw(population: dict[str, list[int]], sizes: dict[str, int], seed: int) -> dict[str, list]:
    """The ids drawn in each stratum: the same population, sizes and seed always draw the same
    women (each stratum drawn in turn, in the order of `STRATA`, from its ids in order)."""
    chance = random.Random(seed)  # noqa: S311 (a sample anyone can draw again, not a secret)
    return {
        stratum: sorted(
            chance.sample(
                population.get(stratum, []),
                min(sizes.get(stratum, 0), len(population.get(stratum, []))),
            )
        )
        for stratum in STRATA
    }


@transaction.atomic
def draw_sample(
    *, by: User, visit: Visit, sizes: dict[str, int], seed: int | None = None
) -> Sample:
    """The women whose cases the inspector reviews, drawn at random among the women in custody
    at the visit's facility, within strata (pregnant, a child with her, girls, foreign nationals,
    segregated or held apart, the rest), with a recorded seed: the seed, each stratum's
    population and sizes, who drew it and when are kept, so anyone can draw it again. One
    sample a visit."""
    _may(by, visit.facility_id, DRAW)
    visit = _open(visit)
    if Sample.objects.filter(visit=visit).exists():
        raise ValidationError(_("The sample of this visit is drawn already."))
    wanted = {stratum: int(sizes.get(stratum) or 0) for stratum in STRATA}
    if any(n < 0 for n in wanted.values()) or not sum(wanted.values()):
        raise ValidationError({"sizes": _("Ask for at least one woman.")})
    if sum(wanted.values()) > MAX_SAMPLE:
        raise ValidationError(
            {"sizes": _("Ask for at most %(n)s women in all.") % {"n": MAX_SAMPLE}}
        )
    seed = secrets.randbits(62) if seed is None else seed
    if not 0 <= seed < 2**63:
        raise ValidationError({"seed": _("Give a whole number from 0 up.")})
    population = reading.strata_of(visit.facility_id)
    drawn = draw(population, wanted, seed)
    sample = Sample.objects.create(
        visit=visit,
        seed=seed,
        strata={
            stratum: {
                "population": len(population.get(stratum, [])),
                "asked": wanted[stratum],
                "drawn": len(drawn[stratum]),
                "ids": population.get(stratum, []),
            }
            for stratum in STRATA
        },
        drawn_by=by,
    )
    SampledWoman.objects.bulk_create(
        SampledWoman(sample=sample, prisoner_id=pk, stratum=stratum)
        for stratum in STRATA
        for pk in drawn[stratum]
    )
    audit.record(
        by=by,
        action="inspections.sample_drawn",
        subject=sample,
        facility=visit.facility,
        detail={"seed": seed, "drawn": {s: len(ids) for s, ids in drawn.items()}},
    )
    return sample


@transaction.atomic
def note_case(*, by: User, sampled: SampledWoman, note: str = "") -> SampledWoman:
    """The inspector's case-review note on a woman of the sample."""
    visit = sampled.sample.visit
    _may(by, visit.facility_id, NOTE)
    _open(visit)
    sampled.note = _text(note, "note", _("Write what the review of her case found."))
    sampled.noted_by, sampled.noted_at = by, timezone.now()
    sampled.save()
    audit.record(by=by, action="inspections.case_noted", subject=sampled, facility=visit.facility)
    return sampled


# Findings and recommendations ------------------------------------------------------------


def _rule(value: str) -> str:
    return (value or "").strip()[:20]


@transaction.atomic
def record_finding(
    *, by: User, visit: Visit, area: str, found: str, rule: str = "", evidence: str = ""
) -> Finding:
    _may(by, visit.facility_id, FIND)
    visit = _open(visit)
    finding = Finding(
        visit=visit,
        area=_choice(area, Area, "area"),
        rule=_rule(rule),
        found=_text(found, "found", _("Say what was found.")),
        evidence=(evidence or "").strip(),
        recorded_by=by,
    )
    finding.full_clean()
    finding.save()
    audit.record(by=by, action="inspections.finding", subject=finding, facility=visit.facility)
    return finding


@transaction.atomic
def change_finding(*, by: User, finding: Finding, **fields: Any) -> Finding:
    """A finding changed while its visit is under way (each version kept by its history)."""
    _may(by, finding.visit.facility_id, CHANGE_FINDING)
    _open(finding.visit)
    if "area" in fields:
        finding.area = _choice(fields["area"], Area, "area")
    if "rule" in fields:
        finding.rule = _rule(fields["rule"])
    if "found" in fields:
        finding.found = _text(fields["found"], "found", _("Say what was found."))
    if "evidence" in fields:
        finding.evidence = (fields["evidence"] or "").strip()
    finding.save()
    audit.record(
        by=by,
        action="inspections.finding_changed",
        subject=finding,
        facility=finding.visit.facility,
    )
    return finding


def _owner(facility_id: int, owner: User | str | None) -> User | None:
    """A governor of the facility, named by her account or her username (the API's); anyone
    else is refused alike, telling nothing of who has an account."""
    if owner is None or owner == "":
        return None
    posted = postings_in(Facility.objects.filter(pk=facility_id)).values("user_id")
    governors = User.objects.filter(groups__name="governor", is_active=True, pk__in=posted)
    key = {"pk": owner.pk} if isinstance(owner, User) else {"username": owner}
    found = governors.filter(**key).first()
    if found is None:
        raise ValidationError({"owner": _("Name a governor of this facility, or nobody.")})
    return found


def _deadline(value: date) -> date:
    if value < timezone.localdate():
        raise ValidationError({"deadline": _("The deadline can't be in the past.")})
    return value


def _remind(recommendation: Recommendation) -> None:
    """The governor's task: due, and escalated, when the deadline passes without it done."""
    cancel_reminder(
        key_prefix=f"inspections-recommendation:{recommendation.uuid}:",
        reason=_("The deadline changed."),
    )
    at = start_of(recommendation.deadline + timedelta(days=1))
    schedule_reminder(
        key=f"inspections-recommendation:{recommendation.uuid}:{recommendation.deadline}",
        kind=RECOMMENDATION_KIND,
        rule="25.3",
        title=gettext_lazy("Act on an inspection's recommendation by its deadline"),
        facility=recommendation.facility,
        assignee_role="governor",
        due_at=at,
        escalate_at=at,
        basis=Basis.CONFIG,
    )


@transaction.atomic
def recommend(
    *,
    by: User,
    visit: Visit,
    text: str,
    priority: str,
    owner_role: str,
    deadline: date,
    rule: str = "",
    owner: User | str | None = None,
    finding: Finding | None = None,
) -> Recommendation:
    """A recommendation to the facility: what, under which rule, how urgent, who at the facility
    owns it (a role, or a named governor) and by when. The governor is asked to answer it; when
    the deadline passes without it done, the task is overdue."""
    _may(by, visit.facility_id, RECOMMEND)
    visit = _open(visit)
    if finding is not None and finding.visit_id != visit.pk:
        raise ValidationError({"finding": _("Choose a finding of this visit.")})
    recommendation = Recommendation(
        visit=visit,
        facility_id=visit.facility_id,
        finding=finding,
        text=_text(text, "text", _("Write the recommendation.")),
        rule=_rule(rule),
        priority=_choice(priority, Priority, "priority"),
        owner_role=_choice(owner_role, OwnerRole, "owner_role"),
        owner=_owner(visit.facility_id, owner),
        deadline=_deadline(deadline),
        recorded_by=by,
    )
    recommendation.full_clean()
    recommendation.save()
    _remind(recommendation)
    audit.record(
        by=by,
        action="inspections.recommendation",
        subject=recommendation,
        facility=visit.facility,
        detail={"priority": priority},
    )
    return recommendation


@transaction.atomic
def change_recommendation(
    *, by: User, recommendation: Recommendation, **fields: Any
) -> Recommendation:
    _may(by, recommendation.facility_id, CHANGE_RECOMMENDATION)
    _open(recommendation.visit)
    if "text" in fields:
        recommendation.text = _text(fields["text"], "text", _("Write the recommendation."))
    if "rule" in fields:
        recommendation.rule = _rule(fields["rule"])
    if "priority" in fields:
        recommendation.priority = _choice(fields["priority"], Priority, "priority")
    if "owner_role" in fields:
        recommendation.owner_role = _choice(fields["owner_role"], OwnerRole, "owner_role")
    if "owner" in fields:
        recommendation.owner = _owner(recommendation.facility_id, fields["owner"])
    moved = "deadline" in fields and fields["deadline"] != recommendation.deadline
    if moved:
        recommendation.deadline = _deadline(fields["deadline"])
    recommendation.save()
    if moved:
        _remind(recommendation)
    audit.record(
        by=by,
        action="inspections.recommendation_changed",
        subject=recommendation,
        facility=recommendation.facility,
    )
    return recommendation


# The governor's answer -------------------------------------------------------------------


def _target(value: date) -> date:
    if value < timezone.localdate():
        raise ValidationError({"target_date": _("The target date can't be in the past.")})
    return value


@transaction.atomic
def plan_action(
    *, by: User, recommendation: Recommendation, action: str, owner: str, target_date: date
) -> ActionPlan:
    """The governor's action plan for a recommendation: what will be done, by whom, by when."""
    _may(by, recommendation.facility_id, ACTION_PLAN)
    Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    if ActionPlan.objects.filter(recommendation=recommendation).exists():
        raise ValidationError(_("This recommendation has its action plan: change it instead."))
    plan = ActionPlan.objects.create(
        recommendation=recommendation,
        action=_text(action, "action", _("Say what will be done.")),
        owner=_text(owner, "owner", _("Say who carries it out.")),
        target_date=_target(target_date),
        recorded_by=by,
    )
    audit.record(
        by=by,
        action="inspections.action_plan",
        subject=recommendation,
        facility=recommendation.facility,
    )
    return plan


@transaction.atomic
def change_action_plan(*, by: User, plan: ActionPlan, **fields: Any) -> ActionPlan:
    recommendation = plan.recommendation
    _may(by, recommendation.facility_id, CHANGE_ACTION_PLAN)
    if "action" in fields:
        plan.action = _text(fields["action"], "action", _("Say what will be done."))
    if "owner" in fields:
        plan.owner = _text(fields["owner"], "owner", _("Say who carries it out."))
    if "target_date" in fields and fields["target_date"] != plan.target_date:
        plan.target_date = _target(fields["target_date"])
    plan.save()
    audit.record(
        by=by,
        action="inspections.action_plan_changed",
        subject=recommendation,
        facility=recommendation.facility,
    )
    return plan


@transaction.atomic
def follow_up(
    *, by: User, recommendation: Recommendation, status: str, reason: str = "", evidence: str = ""
) -> FollowUp:
    """Where the recommendation stands: accepted, in progress, done (with its evidence) or not
    accepted (with the reason). Done or not accepted closes the governor's task."""
    _may(by, recommendation.facility_id, FOLLOW_UP)
    recommendation = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    if status not in ANSWERS:
        raise ValidationError({"status": _("Choose from the list.")})
    if recommendation.status in CLOSED:
        raise ValidationError(_("This recommendation is closed already."))
    reason, evidence = (reason or "").strip(), (evidence or "").strip()
    if status == Status.NOT_ACCEPTED and not reason:
        raise ValidationError({"reason": _("Say why it is not accepted.")})
    if status == Status.DONE and not evidence:
        raise ValidationError({"evidence": _("Say what shows it is done.")})
    entry = FollowUp.objects.create(
        recommendation=recommendation,
        status=status,
        reason=reason,
        evidence=evidence,
        recorded_by=by,
    )
    recommendation.status = status
    if status in CLOSED:
        recommendation.closed_at = timezone.now()
        resolve_reminder(
            key_prefix=f"inspections-recommendation:{recommendation.uuid}:",
            by=by,
            outcome=str(Status(status).label),
        )
    recommendation.save()
    audit.record(
        by=by,
        action="inspections.follow_up",
        subject=recommendation,
        facility=recommendation.facility,
        detail={"status": status},
    )
    return entry
