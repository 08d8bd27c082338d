"""Her way home: the release plan, its health part, the checks at release and her copy of her
records (Bangkok Rules 45-47, 55; Mandela Rules 9, 87-88).

Every verb is keyword-only and atomic, checks the role and her facility, writes its audit row
and schedules or closes its reminders. The checks at release plug into admissions' `release`
(`admissions.services.ReleaseCheck`, declared in `release.hooks`): whatever the door and
whatever time the release is dated, she doesn't leave with her health continuity incomplete
without a recorded reason (Rule 46), nor without her copy of her records handed to her or her
refusal of it recorded (Mandela 9).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import audit
from admissions.models import Admission, Stage
from bangkok.dates import MORNING, start_of
from bangkok.errors import RuleBroken
from prisoners.permissions import access_prisoner
from reminders.models import Basis
from reminders.services import cancel_reminder, resolve_reminder, schedule_reminder

from .models import (
    MAY_BE_NOT_NEEDED,
    CopyKind,
    Handed,
    HealthContinuity,
    Part,
    PartStatus,
    PlanPart,
    RecordsCopy,
    ReleasePlan,
)
from .permissions import CLEAR, KEEP, RECORD_DATE, RECORD_HEALTH, may_produce

if TYPE_CHECKING:
    from staff.models import User

START_KIND = "release.plan_start"
HEALTH_KIND = "release.health_handover"
COMPLETE_KIND = "release.plan_complete"


def _episode(by: User, admission: Admission, perm: str, refusal: str) -> Admission:
    """Her admission, locked, if `by` holds `perm` and she is in `by`'s facilities; refused
    once she is released (the plan and the copy belong to the time before she leaves)."""
    if not by.has_perm(perm):
        raise PermissionDenied(refusal)
    access_prisoner(by, admission.prisoner.uuid)
    admission = (
        Admission.objects.select_for_update().select_related("prisoner").get(pk=admission.pk)
    )
    if admission.stage == Stage.RELEASED:
        raise ValidationError(_("She has been released: this episode is closed."))
    return admission


def _plan_of(admission: Admission) -> ReleasePlan:
    """Her plan for this episode, made (not started) if there is none yet; locked."""
    plan, _made = ReleasePlan.objects.select_for_update().get_or_create(
        admission=admission,
        defaults={"prisoner": admission.prisoner, "facility": admission.facility},
    )
    return plan


def _days_before(day: date, days: int, now: datetime) -> datetime:
    """8:00 on the day `days` before `day`, or now if that moment has passed."""
    return max(start_of(day - timedelta(days=days), MORNING), now)


def _key(kind: str, plan: ReleasePlan) -> str:
    """One task of `kind` per episode and release date, naming the admission (its page)."""
    day = plan.earliest_release_on.isoformat() if plan.earliest_release_on else "-"
    return f"{kind}:{plan.admission.uuid}:{day}"


def _schedule_start(plan: ReleasePlan, now: datetime) -> None:
    """The social workers' task to start her plan, due `RELEASE_PLAN_START_DAYS` before her
    earliest release date (at once if that time has come): the sweep makes it due."""
    assert plan.earliest_release_on is not None
    due = _days_before(plan.earliest_release_on, settings.RELEASE_PLAN_START_DAYS, now)
    schedule_reminder(
        key=_key(START_KIND, plan),
        kind=START_KIND,
        rule="46",
        basis=Basis.CONFIG,
        title=gettext_lazy("Start her release plan: earliest release on %(day)s"),
        title_params={"day": plan.earliest_release_on},
        facility=plan.prisoner.facility,
        assignee_role="social",
        prisoner=plan.prisoner,
        due_at=due,
        escalate_at=due + timedelta(days=7),
    )


def _schedule_progress(plan: ReleasePlan, now: datetime) -> None:
    """Once the plan is started: health staff hand her health care over to community services
    `RELEASE_HEALTH_HANDOVER_DAYS` before the date (a clinical task: other roles see only that
    a health task is open), and social workers complete the plan by `RELEASE_PLAN_DUE_DAYS`."""
    assert plan.earliest_release_on is not None
    day = plan.earliest_release_on
    health_done = HealthContinuity.objects.filter(plan=plan, complete=True).exists()
    if not health_done:
        due = _days_before(day, settings.RELEASE_HEALTH_HANDOVER_DAYS, now)
        schedule_reminder(
            key=_key(HEALTH_KIND, plan),
            kind=HEALTH_KIND,
            rule="46",
            basis=Basis.CONFIG,
            title=gettext_lazy("Hand her health care over to community services before %(day)s"),
            title_params={"day": day},
            facility=plan.prisoner.facility,
            assignee_role="health",
            prisoner=plan.prisoner,
            due_at=due,
            escalate_at=max(start_of(day - timedelta(days=7), MORNING), due),
            confidential=True,
        )
    if not all_parts_done(plan):
        due = _days_before(day, settings.RELEASE_PLAN_DUE_DAYS, now)
        schedule_reminder(
            key=_key(COMPLETE_KIND, plan),
            kind=COMPLETE_KIND,
            rule="46",
            basis=Basis.CONFIG,
            title=gettext_lazy("Complete her release plan before %(day)s"),
            title_params={"day": day},
            facility=plan.prisoner.facility,
            assignee_role="social",
            prisoner=plan.prisoner,
            due_at=due,
            escalate_at=max(start_of(day - timedelta(days=3), MORNING), due),
        )


def _cancel_scheduled(plan: ReleasePlan, by: User) -> None:
    for kind in (START_KIND, HEALTH_KIND, COMPLETE_KIND):
        cancel_reminder(key=_key(kind, plan), by=by, reason="her earliest release date changed")


def all_parts_done(plan: ReleasePlan) -> bool:
    parts = list(plan.parts.values_list("status", flat=True))
    return len(parts) == len(Part.values) and all(
        status in (PartStatus.COMPLETE, PartStatus.NOT_NEEDED) for status in parts
    )


def health_complete(plan: ReleasePlan | None) -> bool:
    """Whether her health continuity is complete: all that a role without the clinical file
    is told of it (Rule 8)."""
    if plan is None:
        return False
    return HealthContinuity.objects.filter(plan=plan, complete=True).exists()


@transaction.atomic
def record_release_date(
    *, by: User, admission: Admission, earliest_release_on: date, source: str = ""
) -> ReleasePlan:
    """Record (or correct) her earliest release date. Her plan is opened and the social
    workers' task to start it is set for `RELEASE_PLAN_START_DAYS` before that date (Rule 46)."""
    admission = _episode(
        by, admission, RECORD_DATE, _("Your role can't record her earliest release date.")
    )
    now = timezone.now()
    if earliest_release_on < timezone.localdate():
        raise ValidationError({"earliest_release_on": _("Give a date from today on.")})
    plan = _plan_of(admission)
    if plan.earliest_release_on == earliest_release_on and plan.date_source == source.strip():
        return plan
    if plan.earliest_release_on is not None:
        _cancel_scheduled(plan, by)
    plan.earliest_release_on = earliest_release_on
    plan.date_source = source.strip()
    plan.date_recorded_at, plan.date_recorded_by = now, by
    plan.save()
    if plan.started_at is None:
        _schedule_start(plan, now)
    else:
        _schedule_progress(plan, now)
    audit.record(
        by=by,
        action="release.date_recorded",
        subject=plan,
        facility=plan.prisoner.facility,
        detail={"earliest_release_on": earliest_release_on.isoformat()},
    )
    return plan


@transaction.atomic
def start_plan(*, by: User, admission: Admission) -> ReleasePlan:
    """A social worker starts her release plan (Rules 46, 47): its sections, each to be done,
    and the tasks that follow it to her release date."""
    admission = _episode(by, admission, KEEP, _("Your role can't start a release plan."))
    plan = _plan_of(admission)
    if plan.earliest_release_on is None:
        raise ValidationError(_("Record her earliest release date before starting her plan."))
    if plan.started_at is not None:
        raise ValidationError(_("Her release plan is started already."))
    now = timezone.now()
    plan.started_at, plan.started_by = now, by
    plan.save()
    PlanPart.objects.bulk_create([PlanPart(plan=plan, part=part) for part in Part.values])
    resolve_reminder(key=_key(START_KIND, plan), by=by, outcome="release plan started")
    _schedule_progress(plan, now)
    audit.record(
        by=by, action="release.plan_started", subject=plan, facility=plan.prisoner.facility
    )
    return plan


@transaction.atomic
def update_part(
    *, by: User, part: PlanPart, status: str, notes: str = "", services: str = ""
) -> PlanPart:
    """What is arranged for one section of her plan, and its status. Accommodation, income,
    referrals and the support she wants are every woman's (Rules 46, 47, 55): only her
    children, a safety plan and open conditions may be "not needed"."""
    plan = part.plan
    _episode(by, plan.admission, KEEP, _("Your role can't keep her release plan."))
    part = PlanPart.objects.select_for_update().get(pk=part.pk)
    notes, services = notes.strip(), services.strip()
    if status not in PartStatus.values:
        raise ValidationError({"status": _("Choose a status.")})
    if status == PartStatus.NOT_NEEDED and part.part not in MAY_BE_NOT_NEEDED:
        message = _(
            "%(part)s is part of every woman's release plan: it can't be marked not needed."
        ) % {"part": part.get_part_display()}
        if part.part == Part.REFERRALS:  # services appropriate and accessible to her
            raise RuleBroken(message, rule="55", field="status")
        if part.part == Part.SUPPORT:  # the support she wants after release
            raise RuleBroken(message, rule="47", field="status")
        raise RuleBroken(message, rule="46", field="status")
    if status == PartStatus.COMPLETE and not notes:
        raise ValidationError({"notes": _("Say what is arranged before marking it complete.")})
    part.status, part.notes, part.services = status, notes, services
    part.updated_at, part.updated_by = timezone.now(), by
    part.save()
    if all_parts_done(plan):
        resolve_reminder(key=_key(COMPLETE_KIND, plan), by=by, outcome="release plan complete")
    audit.record(
        by=by,
        action="release.part_updated",
        subject=part,
        facility=plan.prisoner.facility,
        detail={"part": part.part, "status": status},
    )
    return part


@transaction.atomic
def record_health_continuity(
    *,
    by: User,
    admission: Admission,
    medication: str = "",
    hiv_treatment: str = "",
    substitution_treatment: str = "",
    screening_recalls: str = "",
    community_provider: str = "",
    handed_over_on: date | None = None,
    complete: bool = False,
) -> HealthContinuity:
    """Health staff record her health continuity at release (Rules 46, 47): medication, HIV
    and substitution treatment, screening recalls, and the community service that takes her
    on. Complete once it is handed over to that service. Other roles are told only whether it
    is complete (Rule 8)."""
    admission = _episode(
        by, admission, RECORD_HEALTH, _("Only health staff record her health continuity.")
    )
    plan = _plan_of(admission)
    community_provider = community_provider.strip()
    errors = {}
    if handed_over_on is not None and handed_over_on > timezone.localdate():
        errors["handed_over_on"] = _("The handover is recorded once it has happened.")
    if complete and not community_provider:
        errors["community_provider"] = _("Name the community health service taking her on.")
    if complete and handed_over_on is None:
        errors["handed_over_on"] = _("Give the day her care was handed over to them.")
    if errors:
        raise ValidationError(errors)
    fields = {
        "medication": medication.strip(),
        "hiv_treatment": hiv_treatment.strip(),
        "substitution_treatment": substitution_treatment.strip(),
        "screening_recalls": screening_recalls.strip(),
        "community_provider": community_provider,
        "handed_over_on": handed_over_on,
        "complete": complete,
        "recorded_at": timezone.now(),
        "recorded_by": by,
    }
    record = HealthContinuity.objects.select_for_update().filter(plan=plan).first()
    if record is None:
        record = HealthContinuity.objects.create(plan=plan, **fields)
    else:
        for name, value in fields.items():
            setattr(record, name, value)
        record.save()
    if complete:
        resolve_reminder(
            key=_key(HEALTH_KIND, plan), by=by, outcome="health continuity handed over"
        )
    audit.record(
        by=by,
        action="release.health_recorded",
        subject=plan,
        facility=plan.prisoner.facility,
        detail={"complete": complete},
    )
    return record


@transaction.atomic
def record_health_reason(*, by: User, admission: Admission, reason: str) -> ReleasePlan:
    """The release officer records why she leaves with her health continuity incomplete (a
    release ordered at short notice, her refusal of a referral): without it she is not
    released (Rule 46). The reason is an administrative one and says nothing clinical."""
    admission = _episode(
        by, admission, CLEAR, _("Your role can't record why she leaves without it.")
    )
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Say why she leaves with it incomplete.")})
    plan = _plan_of(admission)
    if health_complete(plan):
        raise ValidationError(_("Her health continuity is complete: no reason is needed."))
    plan.health_reason, plan.health_reason_at, plan.health_reason_by = reason, timezone.now(), by
    plan.save()
    audit.record(
        by=by,
        action="release.health_reason_recorded",
        subject=plan,
        facility=plan.prisoner.facility,
    )
    return plan


@transaction.atomic
def hand_over_copy(
    *,
    by: User,
    admission: Admission,
    outcome: str,
    language: str,
    kind: str = CopyKind.GENERAL,
    note: str = "",
) -> RecordsCopy:
    """Log the hand-over of her official copy of her records (Mandela 9): handed to her and
    signed for, or refused by her. Her records are produced by the release officers; her
    clinical copy by health staff alone, never mixed into the other (Rule 8)."""
    if kind not in CopyKind.values:
        raise ValidationError({"kind": _("Choose which copy.")})
    if not may_produce(by, kind):
        raise PermissionDenied(_("Your role can't hand over this copy of her records."))
    admission = _episode(by, admission, "admissions.view_admission", _("You can't reach her."))
    if outcome not in Handed.values:
        raise ValidationError({"outcome": _("Say whether she took it or refused it.")})
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("Choose the language the copy is in.")})
    if RecordsCopy.objects.filter(admission=admission, kind=kind).exists():
        raise ValidationError(_("This copy's hand-over is recorded already."))
    try:
        with transaction.atomic():
            copy = RecordsCopy.objects.create(
                admission=admission,
                prisoner=admission.prisoner,
                facility=admission.facility,
                kind=kind,
                language=language,
                outcome=outcome,
                note=note.strip(),
                handed_by=by,
            )
    except IntegrityError as exc:  # the same copy recorded at the same moment by another
        raise ValidationError(_("This copy's hand-over is recorded already.")) from exc
    audit.record(
        by=by,
        action="release.copy_handed_over",
        subject=copy,
        facility=copy.facility,
        detail={"kind": kind, "outcome": outcome, "language": language},
    )
    return copy


# The checks at release (`admissions.services.ReleaseCheck`) -----------------------------


def health_continuity_check(*, admission: Admission, released_at: datetime) -> None:
    """Rule 46: she leaves with her health continuity handed over, or with the reason why not
    recorded by the release officer."""
    plan = ReleasePlan.objects.filter(admission=admission).first()
    if health_complete(plan) or (plan is not None and plan.health_reason):
        return
    raise RuleBroken(
        _(
            "Her health continuity on release is not complete (medication, treatment and "
            "screening handed over to community health services): record why she leaves "
            "without it on her release page before releasing her."
        ),
        rule="46",
    )


def records_copy_check(*, admission: Admission, released_at: datetime) -> None:
    """Mandela 9: she leaves with her official copy of her records, or her refusal of it is
    recorded."""
    if RecordsCopy.objects.filter(admission=admission, kind=CopyKind.GENERAL).exists():
        return
    raise RuleBroken(
        _(
            "She is given an official copy of her records on release: record that it was "
            "handed to her, or that she refused it, before releasing her."
        ),
        rule="M9",
    )
