"""Verbs of the register of children (Rules 2.2 and 3)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import audit
from bangkok.dates import MORNING, add_months, start_of
from bangkok.errors import RuleBroken
from bangkok.hooks import takes
from prisoners.permissions import access_prisoner
from prisoners.services import refresh_protection_flags
from reminders.models import OPEN_STATUSES, Basis, Reminder
from reminders.services import cancel_reminder, resolve_reminder, schedule_reminder

from .models import (
    ACTIVITY_NEEDS,
    CHILD_FIELDS,
    OUTSIDE,
    ActivityKind,
    BestInterestsDecision,
    Child,
    ChildActivity,
    Custody,
    DecisionKind,
    Outcome,
    Separation,
    SeparationPlan,
    UnitApplication,
    UnitDecision,
)
from .permissions import ADD_CHILD, CHANGE_CHILD, may_change_child

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from decimal import Decimal
    from typing import Any

    from prisoners.models import Prisoner
    from staff.models import User


@transaction.atomic
def record_child(*, by: User, mother: Prisoner, **fields: Any) -> Child:
    """Record one of her children at admission (Rule 3.1; Mandela Rule 7(f)).

    Name and age are required; a child not with her needs a location and a custody status,
    where "not known" is allowed and asks social workers to find out within 48 hours.
    """
    if not by.has_perm(ADD_CHILD):
        raise PermissionDenied(_("Your role can't add to the register of children (Rule 3.2)."))
    mother = access_prisoner(by, mother.uuid)
    _refuse_unknown(fields)
    child = Child(mother=mother, recorded_by=by, **fields)
    decision = None
    if child.lives_with_mother:
        child.clean_fields()
        decision = _admitted_on_decision(child)
    child.full_clean()
    child.save()
    if decision is not None:
        _attach(decision, child)
    _after_change(child, by=by, action="child.recorded")
    return child


@transaction.atomic
def update_child(*, by: User, child: Child, **fields: Any) -> Child:
    """Keep a child's record current (social workers, Rule 3; reception while she is still in
    reception, Rule 2.2). A child living with her leaves only by `separate_child` (Rule 52):
    no edit switches "lives with her" off."""
    if not may_change_child(by, child):
        raise PermissionDenied(
            _(
                "Only social workers keep the register of children current; reception corrects "
                "it while she is still in reception."
            )
        )
    access_prisoner(by, child.mother.uuid)
    _refuse_unknown(fields)
    child = _locked(child)
    if child.lives_with_mother and fields.get("lives_with_mother") is False:
        raise RuleBroken(
            _(
                "A child living with her mother is separated from her only as a decision of "
                "its own, in the child's best interests and once another carer is found: "
                "record the separation instead of editing the child."
            ),
            rule="52",
            field="lives_with_mother",
        )
    comes_to_live = not child.lives_with_mother and fields.get("lives_with_mother") is True
    for name, value in fields.items():
        setattr(child, name, value)
    decision = None
    if comes_to_live:
        child.clean_fields()
        decision = _admitted_on_decision(child)
    child.full_clean()
    child.save(update_fields=[*fields, *(["review_due_on"] if decision else [])])
    if decision is not None:
        _attach(decision, child)
    _after_change(child, by=by, action="child.updated")
    return child


@transaction.atomic
def separate_child(*, by: User, child: Child, separated_on: date | None = None) -> Separation:
    """A child living with her mother leaves prison (Rule 52), carrying out its plan: only on a
    best-interests decision that the child lives apart (52.1), once the alternative care is
    identified and confirmed and, for a foreign national, consular officials consulted (52.2),
    with her consulted and a plan for how she and the child will meet after (52.3). Only this
    step lifts the protections the child gave her (Rule 22), and the database refuses any
    other way out (a trigger). It raises support for her: a health check for a time of
    distress (Rule 13, through the areas watching separations) and a social work follow-up."""
    if not by.has_perm(CHANGE_CHILD):
        raise PermissionDenied(_("Only social workers keep the register of children current."))
    access_prisoner(by, child.mother.uuid)
    child = _locked(child)
    if not child.lives_with_mother:
        raise ValidationError(_("This child does not live with her mother in prison."))
    separated_on = separated_on or timezone.localdate()
    if separated_on > timezone.localdate():
        raise ValidationError({"separated_on": _("That date is in the future.")})
    decision = separation_decision(child)
    if decision is None:
        raise RuleBroken(
            _(
                "A child is separated from her mother only on a best-interests decision that "
                "the child lives apart from her (Rule 52.1): record that decision first."
            ),
            rule="52.1",
        )
    plan = open_plan(child, lock=True)
    missing = plan_missing(plan, child.mother)
    if missing:
        raise missing[0]
    assert plan is not None
    separation = Separation(
        child=child,
        separated_on=separated_on,
        reason=decision.reasons,
        carer=plan.carer,
        carer_contact=plan.carer_contact,
        location=plan.location,
        custody=plan.custody,
        decision=decision,
        decided_by=by,
    )
    separation.full_clean()
    separation.save()
    plan.separation = separation
    plan.save(update_fields=["separation"])
    child.lives_with_mother = False
    child.location, child.location_unknown, child.custody = plan.location, False, plan.custody
    child.carer_contact = plan.carer_contact or plan.carer
    child.separation = separation
    child.review_due_on = None
    child.full_clean()
    child.save(
        update_fields=[
            "lives_with_mother",
            "location",
            "location_unknown",
            "custody",
            "carer_contact",
            "separation",
            "review_due_on",
        ]
    )
    cancel_reminder(key_prefix=_review_prefix(child), by=by, reason="the child left prison")
    schedule_reminder(
        key=f"register.separation_follow_up:{separation.uuid}",
        kind="register.separation_follow_up",
        rule="52",
        basis=Basis.CONFIG,
        title=gettext_lazy("Follow up a mother whose child has left prison"),
        facility=child.mother.facility,
        assignee_role="social",
        prisoner=child.mother,
        due_at=start_of(separated_on + timedelta(days=settings.SEPARATION_FOLLOW_UP_DAYS), MORNING),
    )
    audit.record(
        by=by, action="child.separated", subject=separation, facility=child.mother.facility
    )
    _after_change(child, by=by, action="child.updated")
    for watch in _SEPARATION_WATCHERS:
        watch(separation=separation, plan=plan, by=by)
    return separation


# Best-interests decisions (Rules 49, 52.1) ------------------------------------------------


@transaction.atomic
def decide_best_interests(
    *,
    by: User,
    mother: Prisoner,
    participants: str,
    her_views: str,
    child_needs: str,
    outcome: str,
    reasons: str,
    child: Child | None = None,
    decided_on: date | None = None,
) -> BestInterestsDecision:
    """A decision on the child's best interests whether the child lives with her mother in
    prison (Rule 49) or apart from her (Rule 52.1): before the child comes to live with her
    (the child may not be on the register yet), at every review while the child stays, and
    before the national maximum age of stay. Social workers record who took part, her views,
    the child's needs, the decision and its reasons. A decision that the child stays sets the
    next review: CHILD_IN_PRISON_REVIEW_MONTHS later, never past the national maximum age."""
    if not by.has_perm(CHANGE_CHILD):
        raise PermissionDenied(_("Only social workers record best-interests decisions."))
    mother = access_prisoner(by, mother.uuid)
    if child is not None:
        if child.mother_id != mother.id:
            raise ValidationError({"child": _("That child is not on her register.")})
        child = _locked(child)
    texts = {
        "participants": participants.strip(),
        "her_views": her_views.strip(),
        "child_needs": child_needs.strip(),
        "reasons": reasons.strip(),
    }
    empty = {
        name: _("Write this part of the decision (Rule 49).") for name in texts if not texts[name]
    }
    if empty:
        raise ValidationError(empty)
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": _("Choose the decision.")})
    today = timezone.localdate()
    decided_on = decided_on or today
    if decided_on > today:
        raise ValidationError({"decided_on": _("That date is in the future.")})
    review = child is not None and child.lives_with_mother
    next_review_on = None
    if outcome == Outcome.WITH_HER:
        if child is not None and decided_on >= limit_of_stay(child):
            raise RuleBroken(
                _(
                    "The child has reached the maximum age national law allows for a child "
                    "living in prison (%(months)s months): the decision can only be to separate, "
                    "on the child's best interests (Rule 52.1)."
                )
                % {"months": settings.CHILD_IN_PRISON_MAX_AGE_MONTHS},
                rule="52.1",
            )
    if outcome == Outcome.WITH_HER or review:
        # A child who stays, or who is to leave but still lives with her, is reviewed again:
        # a separation that has not happened by then is decided afresh (Rule 52.1).
        next_review_on = add_months(decided_on, settings.CHILD_IN_PRISON_REVIEW_MONTHS)
        if child is not None:
            next_review_on = min(next_review_on, max(limit_of_stay(child), decided_on))
    decision = BestInterestsDecision(
        mother=mother,
        child=child,
        kind=DecisionKind.REVIEW if review else DecisionKind.ADMISSION,
        decided_on=decided_on,
        outcome=outcome,
        next_review_on=next_review_on,
        decided_by=by,
        **texts,
    )
    decision.full_clean()
    decision.save()
    audit.record(
        by=by, action="child.best_interests_decided", subject=decision, facility=mother.facility
    )
    if review:
        assert child is not None
        resolve_reminder(key_prefix=_review_prefix(child), by=by, outcome="decision recorded")
        if next_review_on is not None:
            child.review_due_on = next_review_on
            child.save(update_fields=["review_due_on"])
            _schedule_review(child, decision)
    return decision


def limit_of_stay(child: Child) -> date:
    """The day the child reaches the national maximum age of stay (Rule 52.1)."""
    return add_months(child.date_of_birth, settings.CHILD_IN_PRISON_MAX_AGE_MONTHS)


def _admitted_on_decision(child: Child) -> BestInterestsDecision:
    """The decision the child comes to live with her on (Rule 49): one that the child lives
    with her, taken for this child or before the child was on the register, within
    CHILD_ADMISSION_DECISION_VALID_DAYS and since the child last left her; else refused."""
    today = timezone.localdate()
    since = today - timedelta(days=settings.CHILD_ADMISSION_DECISION_VALID_DAYS)
    if child.separation is not None:
        since = max(since, child.separation.separated_on)
    who = models.Q(child__isnull=True)
    if child.pk is not None:
        who |= models.Q(child=child)
    decision = (
        BestInterestsDecision.objects.select_for_update()
        .filter(who, mother=child.mother, kind=DecisionKind.ADMISSION, decided_on__gte=since)
        .order_by("-decided_on", "-id")
        .first()
    )
    if decision is None or decision.outcome != Outcome.WITH_HER:
        raise RuleBroken(
            _(
                "A child comes to live with her mother in prison only on a best-interests "
                "decision that the child lives with her (Rule 49): social workers record it "
                "first."
            ),
            rule="49",
            field="lives_with_mother",
        )
    if child.date_of_birth and today >= limit_of_stay(child):
        raise RuleBroken(
            _(
                "The child is past the maximum age national law allows for a child living in "
                "prison (%(months)s months, Rule 52.1)."
            )
            % {"months": settings.CHILD_IN_PRISON_MAX_AGE_MONTHS},
            rule="52.1",
            field="lives_with_mother",
        )
    assert decision.next_review_on is not None
    child.review_due_on = decision.next_review_on
    if child.date_of_birth:
        child.review_due_on = min(child.review_due_on, limit_of_stay(child))
    return decision


def _attach(decision: BestInterestsDecision, child: Child) -> None:
    if decision.child_id is None:
        decision.child = child
        decision.save(update_fields=["child"])
    _schedule_review(child, decision)


def _review_prefix(child: Child) -> str:
    return f"register.best_interests_review:{child.uuid}:"


def _schedule_review(child: Child, decision: BestInterestsDecision) -> None:
    """Social workers are reminded CHILD_IN_PRISON_REVIEW_NOTICE_DAYS before the review is
    due; on the day it is due it escalates to the governor (Rules 49, 52.1)."""
    due = child.review_due_on
    assert due is not None
    schedule_reminder(
        key=f"{_review_prefix(child)}{decision.uuid}",
        kind="register.best_interests_review",
        rule="52.1",
        basis=Basis.CONFIG,
        title=gettext_lazy(
            "Review whether a child living with her stays, in the child's best interests"
        ),
        facility=child.mother.facility,
        assignee_role="social",
        prisoner=child.mother,
        due_at=start_of(due - timedelta(days=settings.CHILD_IN_PRISON_REVIEW_NOTICE_DAYS), MORNING),
        escalate_at=start_of(due, MORNING),
    )


def separation_decision(child: Child) -> BestInterestsDecision | None:
    """The child's latest best-interests decision, if it is that the child lives apart."""
    latest = child.best_interests_decisions.order_by("-decided_on", "-id").first()
    return latest if latest is not None and latest.outcome == Outcome.APART else None


# Separation plans (Rule 52) ---------------------------------------------------------------

PLAN_FIELDS = (
    "carer",
    "location",
    "carer_contact",
    "custody",
    "care_confirmed_on",
    "transition",
    "her_consulted_on",
    "her_views",
    "consular_consulted_on",
    "consular_official",
    "home_country_considered",
    "contact_plan",
    "contact_every_days",
    "planned_on",
)


def open_plan(child: Child, *, lock: bool = False) -> SeparationPlan | None:
    plans = SeparationPlan.objects.filter(child=child, separation__isnull=True)
    return (plans.select_for_update() if lock else plans).first()


def plan_missing(plan: SeparationPlan | None, mother: Prisoner) -> list[RuleBroken]:
    """What the plan still lacks before the child can leave, each a refusal naming the rule
    that asks it (the first is raised by `separate_child`, all are shown on the page)."""
    if plan is None:
        return [
            RuleBroken(
                _(
                    "A child leaves her mother only once alternative care is identified "
                    "(Rule 52.2): record the separation plan first."
                ),
                rule="52.2",
            )
        ]
    missing = []
    if plan.care_confirmed_on is None or plan.custody == Custody.UNKNOWN:
        missing.append(
            RuleBroken(
                _(
                    "The alternative care is not confirmed (Rule 52.2): record the day the "
                    "carer confirmed they will care for the child, and who has custody."
                ),
                rule="52.2",
            )
        )
    if mother.is_foreign_national and plan.consular_consulted_on is None:
        missing.append(
            RuleBroken(
                _(
                    "She is a foreign national: consular officials are consulted before the "
                    "child leaves (Rule 52.2)."
                ),
                rule="52.2",
            )
        )
    if mother.is_foreign_national and not plan.home_country_considered.strip():
        missing.append(
            RuleBroken(
                _(
                    "She is a foreign national: say what was considered with her about the "
                    "child's relocation to the child's home country (Rule 53.2)."
                ),
                rule="53.2",
            )
        )
    if plan.her_consulted_on is None:
        missing.append(
            RuleBroken(
                _(
                    "She has not been consulted on the plan: the decision rests on an individual "
                    "assessment in which she takes part (Rule 52.1)."
                ),
                rule="52.1",
            )
        )
    if not plan.contact_plan.strip():
        missing.append(
            RuleBroken(
                _(
                    "Say how she and the child will meet after the separation (Rule 52.3): the "
                    "visiting plan starts at once."
                ),
                rule="52.3",
            )
        )
    return missing


@transaction.atomic
def plan_separation(*, by: User, child: Child, **fields: Any) -> SeparationPlan:
    """Record or update the plan for a child living with her to leave prison (Rule 52): the
    alternative care (who, where, their contact, custody) and when the carer confirmed it, the
    gradual transition, her consultation and views, consular consultation for a foreign
    national (52.2), how she and the child will meet after (52.3) and the planned day. The
    plan may be made in parts; the separation refuses until it is complete."""
    if not by.has_perm(CHANGE_CHILD):
        raise PermissionDenied(_("Only social workers plan a child's separation."))
    access_prisoner(by, child.mother.uuid)
    unknown = set(fields) - set(PLAN_FIELDS)
    if unknown:
        raise ValueError(f"Unknown plan fields: {sorted(unknown)}")
    child = _locked(child)
    if not child.lives_with_mother:
        raise ValidationError(_("This child does not live with her mother in prison."))
    today = timezone.localdate()
    for name in ("care_confirmed_on", "her_consulted_on", "consular_consulted_on"):
        if fields.get(name) and fields[name] > today:
            raise ValidationError({name: _("That date is in the future.")})
    for name in ("carer", "location", "carer_contact", "transition", "her_views"):
        if isinstance(fields.get(name), str):
            fields[name] = fields[name].strip()
    if fields.get("consular_consulted_on") and not (fields.get("consular_official") or "").strip():
        raise ValidationError(
            {"consular_official": _("Say which consular official was consulted.")}
        )
    plan = open_plan(child, lock=True)
    created = plan is None
    if plan is None:
        plan = SeparationPlan(child=child, made_by=by)
    else:
        fields = _confirmations_follow_the_plan(plan, fields)
    for name, value in fields.items():
        setattr(plan, name, value)
    plan.full_clean()
    if created:
        plan.save()
    else:
        plan.save(update_fields=list(fields))
    audit.record(
        by=by,
        action="child.separation_planned" if created else "child.separation_plan_changed",
        subject=plan,
        facility=child.mother.facility,
    )
    return plan


# What the carer confirmed and what she was consulted on (Rules 52.1, 52.2): a change to any
# of these makes the confirmation, and her consultation, about a plan that is no more.
CONFIRMED_BY_THE_CARER = ("carer", "location", "carer_contact", "custody")
CONSULTED_ON = (*CONFIRMED_BY_THE_CARER, "transition", "contact_plan", "contact_every_days")


def _confirmations_follow_the_plan(plan: SeparationPlan, fields: dict) -> dict:
    """The fields to write, with the carer's confirmation and her consultation cleared where
    what they were given on changes and the same change doesn't record them again."""
    changed = {name for name, value in fields.items() if getattr(plan, name) != value}
    fields = dict(fields)
    if changed & set(CONFIRMED_BY_THE_CARER) and "care_confirmed_on" not in changed:
        fields["care_confirmed_on"] = None
    if changed & set(CONSULTED_ON) and "her_consulted_on" not in changed:
        fields["her_consulted_on"] = None
    return fields


def _locked(child: Child) -> Child:
    # Her row and her facility's are read, not locked: a flag refresh running beside this
    # one writes rows that refer to her.
    return (
        Child.objects.select_for_update(of=("self",))
        .select_related("mother__facility")
        .get(pk=child.pk)
    )


def _refuse_unknown(fields: Iterable[str]) -> None:
    unknown = set(fields) - set(CHILD_FIELDS)
    if unknown:
        raise ValueError(f"Unknown child fields: {sorted(unknown)}")


@dataclass(frozen=True)
class ChildWatcher:
    """What an area does when a child's record is written (declared in its hooks):
    `watch(child=, by=)` runs in the same transaction, e.g. health screens a child who lives
    with her mother (Rule 9)."""

    watch: Callable


_CHILD_WATCHERS: list[Callable] = []


def _watch_children(declared: ChildWatcher) -> None:
    if declared.watch not in _CHILD_WATCHERS:
        _CHILD_WATCHERS.append(declared.watch)


takes(ChildWatcher, _watch_children)


# Applications for a place in the mother and baby unit (Rules 49-51, 42) -------------------


def _unit_key(application: UnitApplication) -> str:
    return f"register.unit_decision:{application.uuid}"


def _social(by: User, mother: Prisoner) -> Prisoner:
    if not by.has_perm(CHANGE_CHILD):
        raise PermissionDenied(_("Only social workers keep applications for the unit."))
    return access_prisoner(by, mother.uuid)


@transaction.atomic
def apply_for_unit(
    *,
    by: User,
    mother: Prisoner,
    applicant: str,
    applied_on: date | None = None,
    expected_on: date | None = None,
    child: Child | None = None,
) -> UnitApplication:
    """An application for a place in the mother and baby unit (Rules 49-51): who applies and
    when, and the expected date of delivery as she gives it (for a baby not yet born) or the
    child. The board decides in time for the birth: UNIT_DECISION_DAYS_BEFORE_BIRTH before
    the expected date (else UNIT_DECISION_DAYS after the application); social workers are
    reminded, and the governor when it is late."""
    mother = _social(by, mother)
    today = timezone.localdate()
    applied_on = applied_on or today
    if applied_on > today:
        raise ValidationError({"applied_on": _("That date is in the future.")})
    if child is not None and child.mother_id != mother.id:
        raise ValidationError({"child": _("That child is not on her register.")})
    if child is None and expected_on is None:
        raise ValidationError(
            {"expected_on": _("Give the expected date of delivery, or choose the child.")}
        )
    if expected_on is not None:
        due = expected_on - timedelta(days=settings.UNIT_DECISION_DAYS_BEFORE_BIRTH)
        due = max(due, applied_on)
    else:
        due = applied_on + timedelta(days=settings.UNIT_DECISION_DAYS)
    application = UnitApplication(
        mother=mother,
        child=child,
        applicant=applicant,
        applied_on=applied_on,
        expected_on=expected_on,
        decision_due_on=due,
        recorded_by=by,
    )
    application.full_clean()
    application.save()
    schedule_reminder(
        key=_unit_key(application),
        kind="register.unit_decision",
        rule="49",
        basis=Basis.CONFIG,
        title=gettext_lazy("Decide an application for a place in the mother and baby unit"),
        facility=mother.facility,
        assignee_role="social",
        prisoner=mother,
        due_at=start_of(due - timedelta(days=7), MORNING),
        escalate_at=start_of(due, MORNING),
    )
    audit.record(
        by=by, action="register.unit_applied", subject=application, facility=mother.facility
    )
    return application


def _refuse_without_admission_decision(application: UnitApplication) -> None:
    since = timezone.localdate() - timedelta(days=settings.CHILD_ADMISSION_DECISION_VALID_DAYS)
    decided = BestInterestsDecision.objects.filter(
        mother=application.mother,
        kind=DecisionKind.ADMISSION,
        outcome=Outcome.WITH_HER,
        decided_on__gte=since,
    )
    if application.child_id is not None:
        decided = decided.filter(models.Q(child__isnull=True) | models.Q(child=application.child))
    else:
        # A child not yet on the register (a baby to be born) rests on a decision of its own,
        # never on one another of her children was admitted by.
        decided = decided.filter(child__isnull=True)
    if not decided.exists():
        raise RuleBroken(
            _(
                "A place is granted only on a best-interests decision that the child lives "
                "with her (Rule 49): record that decision first."
            ),
            rule="49",
        )


def _locked_application(application: UnitApplication) -> UnitApplication:
    return (
        UnitApplication.objects.select_for_update(of=("self",))
        .select_related("mother__facility")
        .get(pk=application.pk)
    )


@transaction.atomic
def decide_unit_application(
    *,
    by: User,
    application: UnitApplication,
    decision: str,
    reasons: str,
    decided_on: date | None = None,
) -> UnitApplication:
    """The board's decision on a place in the unit, with its reasons (Rule 49): a place is
    granted only on a best-interests decision that the child lives with her. A refusal tells
    her of her right to appeal."""
    _social(by, application.mother)
    application = _locked_application(application)
    if application.decision:
        raise ValidationError(_("This application is already decided."))
    if decision not in UnitDecision.values:
        raise ValidationError({"decision": _("Choose the decision.")})
    reasons = reasons.strip()
    if not reasons:
        raise ValidationError({"reasons": _("Give the board's reasons (Rule 49).")})
    decided_on = decided_on or timezone.localdate()
    if decided_on > timezone.localdate():
        raise ValidationError({"decided_on": _("That date is in the future.")})
    if decision == UnitDecision.GRANTED:
        _refuse_without_admission_decision(application)
    application.decision, application.reasons, application.decided_on = (
        decision,
        reasons,
        decided_on,
    )
    application.save(update_fields=["decision", "reasons", "decided_on"])
    resolve_reminder(key=_unit_key(application), by=by, outcome="decided")
    audit.record(
        by=by,
        action="register.unit_decided",
        subject=application,
        facility=application.mother.facility,
        detail={"decision": decision},
    )
    return application


@transaction.atomic
def appeal_unit_decision(
    *, by: User, application: UnitApplication, grounds: str, lodged_on: date | None = None
) -> UnitApplication:
    """She appeals the board's refusal (her right, Rule 49): the appeal is decided within
    UNIT_APPEAL_DECISION_DAYS."""
    _social(by, application.mother)
    application = _locked_application(application)
    if application.decision != UnitDecision.REFUSED or application.appeal_lodged_on:
        raise ValidationError(_("Only a refusal not yet appealed can be appealed."))
    grounds = grounds.strip()
    if not grounds:
        raise ValidationError({"grounds": _("Give her grounds of appeal.")})
    lodged_on = lodged_on or timezone.localdate()
    if lodged_on > timezone.localdate():
        raise ValidationError({"lodged_on": _("That date is in the future.")})
    application.appeal_lodged_on, application.appeal_grounds = lodged_on, grounds
    application.save(update_fields=["appeal_lodged_on", "appeal_grounds"])
    due = lodged_on + timedelta(days=settings.UNIT_APPEAL_DECISION_DAYS)
    schedule_reminder(
        key=f"{_unit_key(application)}:appeal",
        kind="register.unit_decision",
        rule="49",
        basis=Basis.CONFIG,
        title=gettext_lazy("Decide her appeal for a place in the mother and baby unit"),
        facility=application.mother.facility,
        assignee_role="social",
        prisoner=application.mother,
        due_at=start_of(due - timedelta(days=3), MORNING),
        escalate_at=start_of(due, MORNING),
    )
    audit.record(
        by=by,
        action="register.unit_appealed",
        subject=application,
        facility=application.mother.facility,
    )
    return application


@transaction.atomic
def decide_unit_appeal(
    *,
    by: User,
    application: UnitApplication,
    outcome: str,
    reasons: str,
    decided_on: date | None = None,
) -> UnitApplication:
    """The outcome of her appeal, with reasons: upheld grants a place, again only on a
    best-interests decision that the child lives with her (Rule 49)."""
    from .models import AppealOutcome

    _social(by, application.mother)
    application = _locked_application(application)
    if not application.appeal_lodged_on or application.appeal_outcome:
        raise ValidationError(_("There is no appeal awaiting a decision."))
    if outcome not in AppealOutcome.values:
        raise ValidationError({"outcome": _("Choose the outcome.")})
    reasons = reasons.strip()
    if not reasons:
        raise ValidationError({"reasons": _("Give the reasons for the outcome.")})
    decided_on = decided_on or timezone.localdate()
    if decided_on > timezone.localdate():
        raise ValidationError({"decided_on": _("That date is in the future.")})
    if outcome == AppealOutcome.UPHELD:
        _refuse_without_admission_decision(application)
    application.appeal_outcome = outcome
    application.appeal_reasons, application.appeal_decided_on = reasons, decided_on
    application.save(update_fields=["appeal_outcome", "appeal_reasons", "appeal_decided_on"])
    resolve_reminder(key=f"{_unit_key(application)}:appeal", by=by, outcome="appeal decided")
    audit.record(
        by=by,
        action="register.unit_appeal_decided",
        subject=application,
        facility=application.mother.facility,
        detail={"outcome": outcome},
    )
    return application


@dataclass(frozen=True)
class SeparationWatcher:
    """What an area does when a child leaves her mother (declared in its hooks):
    `watch(separation=, plan=, by=)` runs in the same transaction: health sees her in a time of
    distress (Rule 13), visits starts the contact plan (Rule 52.3)."""

    watch: Callable


_SEPARATION_WATCHERS: list[Callable] = []


def _watch_separations(declared: SeparationWatcher) -> None:
    if declared.watch not in _SEPARATION_WATCHERS:
        _SEPARATION_WATCHERS.append(declared.watch)


takes(SeparationWatcher, _watch_separations)


def _after_change(child: Child, *, by: User, action: str) -> None:
    mother = child.mother
    key = f"register.whereabouts:{child.uuid}"
    if child.whereabouts_unknown:
        due = timezone.now() + timedelta(hours=settings.CHILD_WHEREABOUTS_FOLLOW_UP_HOURS)
        schedule_reminder(
            key=key,
            kind="register.whereabouts_unknown",
            rule="3",
            basis=Basis.CONFIG,
            title=gettext_lazy("Find out where a child lives and who cares for them"),
            facility=mother.facility,
            assignee_role="social",
            prisoner=mother,
            due_at=due,
        )
    else:
        # Where she lives and who has custody are recorded: that answers the task (Rule 3).
        resolve_reminder(key=key, by=by, outcome="whereabouts recorded")
    _keep_outings_asked(child, by=by)
    refresh_protection_flags(prisoner=mother, by=by, source="register")
    for watch in _CHILD_WATCHERS:
        watch(child=child, by=by)
    # The audit row names the child by id only: identity stays in the register.
    audit.record(by=by, action=action, subject=child, facility=mother.facility)


# What sets each flag here (`prisoners.services.register_flag_source`).
FLAG_REASONS = {
    "child_in_prison": ("a child living with her",),
    "no_segregation": ("a child living with her",),
}


def flags_from_register(mother: Prisoner) -> dict:
    """A child living with her in prison is an infant in her care: no segregation (Rule 22)."""
    in_prison = mother.children.filter(lives_with_mother=True).exists()
    return {"child_in_prison": in_prison, "no_segregation": in_prison}


# The child's life in prison (Rules 42.2, 50, 51.2) ---------------------------------------

OUTING_KIND = "register.child_outing"


def _outing_prefix(child: Child) -> str:
    return f"register.outing:{child.uuid}:"


def _ask_outing(child: Child, *, after: date, answered: ChildActivity | None = None) -> None:
    """The next outing asked for: one task per child at a time, each keyed by the outing that
    answered the one before (the first by the child's coming to live with her)."""
    due = after + timedelta(days=settings.CHILD_OUTING_DAYS)
    schedule_reminder(
        key=f"{_outing_prefix(child)}{answered.uuid if answered else f'from-{after}'}",
        kind=OUTING_KIND,
        rule="51.2",
        basis=Basis.CONFIG,
        title=gettext_lazy("A child living in prison is due an outing or nursery"),
        facility=child.mother.facility,
        assignee_role="social",
        prisoner=child.mother,
        due_at=start_of(due, MORNING),
    )


def _keep_outings_asked(child: Child, *, by: User | None) -> None:
    """While a child lives with her, social workers are asked for an outing or nursery at
    least every CHILD_OUTING_DAYS (Rule 51.2); when the child leaves, no longer."""
    prefix = _outing_prefix(child)
    if not child.lives_with_mother:
        cancel_reminder(key_prefix=prefix, by=by, reason="the child left prison")
        return
    asked = Reminder.objects.filter(key__startswith=prefix, status__in=OPEN_STATUSES)
    if not asked.exists():
        _ask_outing(child, after=timezone.localdate())


@transaction.atomic
def record_child_activity(
    *,
    by: User,
    child: Child,
    kind: str,
    on: date,
    hours: Decimal | None = None,
    who: str = "",
    place: str = "",
    her_activity: str = "",
    note: str = "",
) -> ChildActivity:
    """A day of the child's life with her mother in prison (social workers): childcare while
    she takes part in an activity, saying who cared and for what (Rule 42.2); an outing or
    nursery outside, saying where (Rule 51.2), which answers the task asking for one and asks
    for the next in CHILD_OUTING_DAYS; time together beyond the routine (Rule 50). Only for a
    child living with her, on a day of the last 30 and not in the future."""
    if not by.has_perm(CHANGE_CHILD):
        raise PermissionDenied(_("Only social workers keep the register of children current."))
    access_prisoner(by, child.mother.uuid)
    child = _locked(child)
    if not child.lives_with_mother:
        raise ValidationError(_("This child does not live with her mother in prison."))
    today = timezone.localdate()
    if on > today:
        raise ValidationError({"on": _("That date is in the future.")})
    if on < today - timedelta(days=30):
        raise ValidationError({"on": _("Record a day of the last 30.")})
    if kind not in ActivityKind.values:
        raise ValidationError({"kind": _("Choose what the child did.")})
    fields = {"who": who.strip(), "place": place.strip(), "her_activity": her_activity.strip()}
    missing = {
        name: _("This is required for this kind.")
        for name in ACTIVITY_NEEDS[kind]
        if not fields[name]
    }
    if missing:
        raise ValidationError(missing)
    activity = ChildActivity(
        child=child, kind=kind, on=on, hours=hours, note=note.strip(), recorded_by=by, **fields
    )
    activity.full_clean()
    activity.save()
    if kind in OUTSIDE:
        resolve_reminder(key_prefix=_outing_prefix(child), by=by, outcome=f"{kind} recorded")
        _ask_outing(child, after=max(on, today), answered=activity)
    # The audit row names the child by id only: what the child did stays in the register.
    audit.record(
        by=by,
        action="child.activity_recorded",
        subject=activity,
        facility=child.mother.facility,
        detail={"rules": "42.2, 50, 51.2", "kind": kind},
    )
    return activity
