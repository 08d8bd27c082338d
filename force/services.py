"""Use-of-force verbs (Rules 24, 31; Mandela 43.2, 47-49, 82, paraphrase): custody record it,
health staff check her after it, the governor reviews it; and what a protected period health
staff record later means for force already recorded."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

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
from complaints.models import Complaint
from complaints.services import protected_against_retaliation
from facilities.scope import facilities_of, staff_of
from prisoners.models import Prisoner, ProtectionFlags
from reminders.models import Basis
from reminders.services import resolve_reminder, schedule_reminder
from staff.models import Course, Gender, TrainingRecord, User

from .models import ForceHealthCheck, ForceReview, Outcome, Reason, Technique, UseOfForce

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from restraints.models import Restraint

VIEW = "force.view_useofforce"
RECORD = "force.add_useofforce"
CHECK = "force.add_forcehealthcheck"
REVIEW = "force.review_force"
READ_REVIEW = "force.view_forcereview"

HEALTH_KIND = "force.health_check"
REVIEW_KIND = "force.review"
PERIOD_KIND = "force.protected_period"
RETALIATION_KIND = "force.after_report"
# Her protections a pregnancy, a birth or the weeks after it set (among other reasons, so a
# reader never learns which): force on her while any was on is force on a protected woman.
PROTECTING_FLAGS = ("no_restraint_obstetric", "restraint_health_approval", "no_segregation")


def _may(by: User, prisoner: Prisoner, perm: str) -> None:
    if not by.has_perm(perm):
        raise PermissionDenied(_("Your role can't do this with uses of force."))
    if not facilities_of(by).filter(pk=prisoner.facility_id).exists():
        raise PermissionDenied(_("You don't work in her facility."))


def _key(force: UseOfForce, what: str) -> str:
    return f"force:{force.uuid}:{what}"


def _past(at: datetime | None, *, field: str, now: datetime) -> datetime:
    at = at or now
    if at > now:
        raise ValidationError({field: _("This can't be in the future.")})
    return at


def staff_who_may_be_named(prisoner: Prisoner) -> QuerySet[User]:
    """The staff of her facility: those a use of force may name as involved."""
    return staff_of(prisoner.facility)


def _refuse_off_the_lists(techniques: list[str], reason: str) -> None:
    if reason not in Reason.values:
        raise RuleBroken(
            _(
                "Force may be used only in self-defence, against an attempted escape or "
                "physical resistance to a lawful order, or to prevent harm, injury or serious "
                "damage: never as a punishment."
            ),
            rule="M82",
            field="reason",
        )
    if not techniques or not set(techniques) <= set(Technique.values):
        raise ValidationError({"techniques": _("Choose the techniques used from the list.")})


def _refuse_without_deescalation(deescalation: str, no_deescalation_reason: str) -> None:
    if not deescalation and not no_deescalation_reason:
        raise RuleBroken(
            _(
                "Say what was tried before force was used, or why nothing could be tried: "
                "force is a last resort, no more than is strictly necessary."
            ),
            rule="M82",
            field="deescalation",
        )


def _check_restraint(
    prisoner: Prisoner,
    techniques: list[str],
    restraint: Restraint | None,
    started_at: datetime,
    duration_minutes: int,
) -> None:
    """Handcuffs and other instruments are a restraint, recorded (and refused where Rule 24
    forbids them) in restraints: force with them names the restraint that was on her then,
    never an earlier one that would lend its lawfulness to this."""
    if restraint is not None and restraint.prisoner_id != prisoner.pk:
        raise ValidationError({"restraint": _("That restraint is not hers.")})
    if Technique.MECHANICAL in techniques and restraint is None:
        raise RuleBroken(
            _(
                "Handcuffs and other instruments are recorded in restraints: record the "
                "restraint there, then choose it here."
            ),
            rule="24",
            field="restraint",
        )
    if restraint is None:
        return
    ended_at = started_at + timedelta(minutes=max(duration_minutes or 0, 0))
    if (
        restraint.applied_at is None
        or restraint.applied_at > ended_at
        or (restraint.removed_at is not None and restraint.removed_at < started_at)
    ):
        raise RuleBroken(
            _(
                "The restraint chosen was not on her while force was used: choose the one "
                "applied then, or record it in restraints first."
            ),
            rule="24",
            field="restraint",
        )


def staff_notes(force: UseOfForce) -> list[dict]:
    """Each member of staff involved, whether a man (Rule 31; Mandela 81) and whether she had
    a valid training in women's rights and gender-specific needs when it started (Rule 33.1;
    a training confirmed after the force doesn't count)."""
    trained = set(
        TrainingRecord.objects.lawful_for(force.started_at)
        .filter(course=Course.WOMENS_NEEDS, user__in=force.staff_involved.all())
        .values_list("user_id", flat=True)
    )
    return [
        {
            "user": user,
            # As recorded then and since: a correction made after the force counts.
            "man": Gender.MAN in late.genders_since(user, force.started_at),
            "trained": user.pk in trained,
        }
        for user in force.staff_involved.all()
    ]


def _check_staff(prisoner: Prisoner, staff: list[User]) -> list[User]:
    staff = list(dict.fromkeys(staff))
    if not staff:
        raise ValidationError({"staff_involved": _("Name every member of staff involved.")})
    allowed = set(staff_who_may_be_named(prisoner).values_list("pk", flat=True))
    if any(user.pk not in allowed for user in staff):
        raise ValidationError({"staff_involved": _("Name only staff who work in her facility.")})
    return staff


@transaction.atomic
def record_force(
    *,
    by: User,
    prisoner: Prisoner,
    techniques: list[str],
    reason: str,
    account: str,
    staff_involved: list[User],
    started_at: datetime,
    duration_minutes: int,
    injury_to_her: str,
    injury_to_staff: str,
    location: str,
    planned: bool = False,
    deescalation: str = "",
    no_deescalation_reason: str = "",
    camera_reference: str = "",
    no_footage_reason: str = "",
    restraint: Restraint | None = None,
    late_reason: str = "",
) -> UseOfForce:
    """Record a use of force on her (Mandela 82.1: reported at once). Refused without an
    allowed reason (M82: never a punishment) or without what was tried first or why nothing
    could be (M82: a last resort). A handcuff or other instrument is a restraint, recorded in
    restraints and linked here. One recorded more than LATE_RECORD_REASON_AFTER_HOURS after it
    started says why it is late.

    Her protections are read at `started_at` and as recorded since (`bangkok.late`): force on a
    woman under a protection a pregnancy or a birth sets is `protected` (shown as such, never
    why), and force under the "No restraints" protection is force in a protected period (Rule
    24), counted on oversight. Health staff are asked to check her within
    FORCE_HEALTH_CHECK_HOURS, the governor to review it within FORCE_REVIEW_HOURS; both tasks
    close only by their record. It keeps how many of the staff involved were men (Rule 31;
    Mandela 81) and how many had no valid training under Rule 33.1 then, for the review and
    oversight. Force is never held for review after her report, since it
    was immediate; if she is protected after a report, safeguarding staff are told, and no
    member of staff named in her complaints sees that task (Rules 7.3, 25.1)."""
    _may(by, prisoner, RECORD)
    now = timezone.now()
    started_at = _past(started_at, field="started_at", now=now)
    check_after_arrest(prisoner, started_at, "started_at")
    if duration_minutes < 1:
        raise ValidationError({"duration_minutes": _("At least one minute.")})
    late_reason = late.late_reason(started_at, late_reason, now=now)
    deescalation, no_deescalation_reason = deescalation.strip(), no_deescalation_reason.strip()
    camera_reference, no_footage_reason = camera_reference.strip(), no_footage_reason.strip()
    _refuse_off_the_lists(techniques, reason)
    _refuse_without_deescalation(deescalation, no_deescalation_reason)
    if not camera_reference and not no_footage_reason:
        raise ValidationError(
            {"camera_reference": _("Give the footage reference, or say why there is none.")}
        )
    _check_restraint(prisoner, techniques, restraint, started_at, duration_minutes)
    staff = _check_staff(prisoner, staff_involved)
    # Locking her flags orders this against a change of her protections.
    flags = ProtectionFlags.objects.select_for_update().get(prisoner=prisoner)
    force = UseOfForce(
        prisoner=prisoner,
        facility=prisoner.facility,
        techniques=sorted(set(techniques)),
        reason=reason,
        account=account.strip(),
        deescalation=deescalation,
        no_deescalation_reason=no_deescalation_reason,
        planned=planned,
        started_at=started_at,
        duration_minutes=duration_minutes,
        injury_to_her=injury_to_her,
        injury_to_staff=injury_to_staff,
        camera_reference=camera_reference,
        no_footage_reason=no_footage_reason,
        location=location.strip(),
        restraint=restraint,
        recorded_by=by,
        recorded_at=now,
        late_reason=late_reason,
        protected=any(late.flag_held_since(flags, f, started_at) for f in PROTECTING_FLAGS),
        in_protected_period=late.flag_held_since(flags, "no_restraint_obstetric", started_at),
        health_check_due_at=started_at + timedelta(hours=settings.FORCE_HEALTH_CHECK_HOURS),
        review_due_at=started_at + timedelta(hours=settings.FORCE_REVIEW_HOURS),
    )
    force.full_clean()
    force.save()
    force.staff_involved.set(staff)
    notes = staff_notes(force)
    force.men_involved = sum(note["man"] for note in notes)
    force.untrained_involved = sum(not note["trained"] for note in notes)
    force.save(update_fields=["men_involved", "untrained_involved"])
    _ask_for_health_check(force)
    _ask_for_review(force)
    if protected_against_retaliation(prisoner):
        _tell_safeguarding(force)
    audit.record(
        by=by,
        action="force.recorded",
        subject=force,
        facility=prisoner.facility,
        detail={"techniques": force.techniques, "reason": reason, "planned": planned},
    )
    return force


def _ask_for_health_check(force: UseOfForce) -> None:
    schedule_reminder(
        key=_key(force, "health"),
        kind=HEALTH_KIND,
        rule="M34",
        title=gettext_lazy("Check her health after a use of force"),
        facility=force.facility,
        assignee_role="health",
        prisoner=force.prisoner,
        due_at=force.health_check_due_at,
        escalate_at=force.health_check_due_at
        + timedelta(hours=settings.FORCE_HEALTH_CHECK_ESCALATION_HOURS),
        basis=Basis.CONFIG,
    )


def _ask_for_review(force: UseOfForce) -> None:
    schedule_reminder(
        key=_key(force, "review"),
        kind=REVIEW_KIND,
        rule="M82",
        title=gettext_lazy("Review a use of force"),
        facility=force.facility,
        assignee_role="governor",
        prisoner=force.prisoner,
        due_at=force.review_due_at,
        escalate_at=force.review_due_at + timedelta(hours=settings.FORCE_REVIEW_ESCALATION_HOURS),
        basis=Basis.CONFIG,
    )


def _tell_safeguarding(force: UseOfForce) -> None:
    """Force is never held (it was immediate), but on a woman protected after her report
    safeguarding staff look at it, in a task hidden from every member of staff named in her
    complaints (Rules 7.3, 25.1; Mandela 57.2)."""
    named = Complaint.named_staff.through.objects.filter(complaint__prisoner=force.prisoner)
    schedule_reminder(
        key=_key(force, "after-report"),
        kind=RETALIATION_KIND,
        rule="25.1",
        title=gettext_lazy(
            "Force was used on a woman protected after her report: check it was not retaliation"
        ),
        facility=force.facility,
        assignee_role="safeguarding",
        prisoner=force.prisoner,
        due_at=timezone.now(),
        hidden_from=User.objects.filter(pk__in=named.values("user_id")),
    )


def _locked(force: UseOfForce) -> UseOfForce:
    return UseOfForce.objects.select_for_update().select_related("prisoner").get(pk=force.pk)


@transaction.atomic
def record_health_check(
    *,
    by: User,
    force: UseOfForce,
    examined: bool,
    findings: str = "",
    treatment: str = "",
    seen_at: datetime | None = None,
    late_reason: str = "",
) -> ForceHealthCheck:
    """Health staff record that they checked her after the force (Mandela 34: signs of
    ill-treatment are documented). Its findings are clinical (Rule 8): the audit row and every
    other role learn only that it was done, and when. It closes the health task; one check a
    use of force. A check dated more than a few hours before it is recorded says why: else a
    check written up days later, dated in time, would hide that it was late (Mandela 34)."""
    _may(by, force.prisoner, CHECK)
    force = _locked(force)
    if ForceHealthCheck.objects.filter(force=force).exists():
        raise ValidationError(_("The health check after this use of force is recorded already."))
    now = timezone.now()
    seen_at = _past(seen_at, field="seen_at", now=now)
    if seen_at < force.started_at:
        raise ValidationError({"seen_at": _("The check comes after the force was used.")})
    late_reason = late.late_reason(seen_at, late_reason, now=now)
    findings, treatment = findings.strip(), treatment.strip()
    if examined and not findings:
        raise ValidationError({"findings": _("Say what you found, or 'no injury found'.")})
    check = ForceHealthCheck(
        force=force,
        seen_at=seen_at,
        seen_by=by,
        examined=examined,
        findings=findings,
        treatment=treatment,
        late_reason=late_reason,
    )
    check.full_clean()
    check.save()
    resolve_reminder(key=_key(force, "health"), by=by, outcome=_("Health check recorded."))
    audit.record(by=by, action="force.health_checked", subject=force, facility=force.facility)
    return check


@transaction.atomic
def review_force(
    *,
    by: User,
    force: UseOfForce,
    outcome: str,
    findings: str,
    lessons: str = "",
    referred_to: str = "",
) -> ForceReview:
    """The governor's review of a use of force (Mandela 82.1): justified, not justified, or
    referred for investigation (naming to whom). A governor who took part in it doesn't review
    it. It closes the review task; one review a use of force."""
    _may(by, force.prisoner, REVIEW)
    force = _locked(force)
    if ForceReview.objects.filter(force=force).exists():
        raise ValidationError(_("This use of force has been reviewed already."))
    if force.staff_involved.filter(pk=by.pk).exists():
        raise ValidationError(_("You took part in this use of force: another governor reviews it."))
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": _("Choose an outcome from the list.")})
    referred_to = referred_to.strip()
    if outcome == Outcome.REFERRED and not referred_to:
        raise ValidationError({"referred_to": _("Say to whom it is referred.")})
    review = ForceReview(
        force=force,
        reviewed_by=by,
        reviewed_at=timezone.now(),
        outcome=outcome,
        findings=findings.strip(),
        lessons=lessons.strip(),
        referred_to=referred_to if outcome == Outcome.REFERRED else "",
    )
    review.full_clean()
    review.save()
    resolve_reminder(key=_key(force, "review"), by=by, outcome=_("Reviewed."))
    audit.record(
        by=by,
        action="force.reviewed",
        subject=force,
        facility=force.facility,
        detail={"outcome": outcome},
    )
    return review


def on_protected_period(
    *, prisoner: Prisoner, start: datetime, end: datetime | None, by: User
) -> int:
    """Health staff recorded labour or a birth, perhaps after the fact: every use of force at
    any moment of the protected period (from `start` to `end`, or until now while she is in
    labour) was force in a protected period (Rule 24) and on a protected woman. It counts on
    oversight from now, and the governor is told in words that say nothing clinical. Returns
    how many were found."""
    now = timezone.now()
    found = 0
    for force in prisoner.uses_of_force.select_for_update().filter(
        started_at__lte=end or now, protected_period_alert_at=None
    ):
        if force.ended_at < start:
            continue
        found += 1
        force.protected_period_alert_at = now
        force.protected = True
        force.save(update_fields=["protected_period_alert_at", "protected"])
        schedule_reminder(
            key=_key(force, "protected-period"),
            kind=PERIOD_KIND,
            rule="24",
            title=gettext_lazy("A use of force fell in a protected period (Rule 24): find out how"),
            facility=force.facility,
            assignee_role="governor",
            prisoner=prisoner,
            due_at=now,
        )
        audit.record(
            by=by,
            action="force.protected_period_overlap",
            subject=force,
            facility=force.facility,
            detail={"rule": "24"},
        )
    return found
