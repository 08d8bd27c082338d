"""Lodging and dealing with a complaint or a report of abuse (Rules 7, 25; Mandela 57, 71).

Her account is restricted: safeguarding staff deal with it, inspectors read it, the governor
sees that it exists and its status. A member of staff it names never deals with it, is never
given a task about it, and never sees it (Mandela 71.3).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import audit
from bangkok.errors import RuleBroken
from facilities.scope import facilities_of
from reminders.services import resolve_reminder, schedule_reminder

from ..models import Complaint, ComplaintStatus, Kind, Measure, ProtectionPlan, Source
from .retaliation import hide_held_tasks_from
from .safeguarding import open_safeguarding_record

if TYPE_CHECKING:
    from collections.abc import Iterable

    from prisoners.models import Prisoner
    from staff.models import User

LODGE = "complaints.add_complaint"
DEAL = "complaints.change_complaint"


def end_of_today() -> datetime:
    """'The same day' (Rule 25.1 'immediate'): the end of today, local time."""
    today = timezone.localdate()
    return timezone.make_aware(datetime.combine(today, time(23, 59)))


def _task(
    complaint: Complaint,
    name: str,
    *,
    rule: str,
    title: str | Promise,
    due_at: datetime,
    role: str = "safeguarding",
    confidential: bool = False,
) -> None:
    schedule_reminder(
        key=f"complaints.{name}:{complaint.uuid}",
        kind=f"complaints.{name}",
        rule=rule,
        title=title,
        facility=complaint.facility,
        assignee_role=role,
        prisoner=complaint.prisoner,
        due_at=due_at,
        confidential=confidential,
        hidden_from=list(complaint.named_staff.all()),
    )


def _close_task(complaint: Complaint, name: str, *, by: User, outcome: str) -> None:
    resolve_reminder(key=f"complaints.{name}:{complaint.uuid}", by=by, outcome=outcome)


@transaction.atomic
def lodge_complaint(
    *,
    by: User,
    prisoner: Prisoner,
    kind: str,
    channel: str,
    subject: str,
    narrative: str,
    named_staff: Iterable[User] = (),
    lodged_by_her: bool = True,
    lodged_for_her_by: str = "",
    received_at: datetime | None = None,
    timing: str = "",
    perpetrator: str = "",
    sexual: bool = False,
    wishes_legal_action: bool = False,
) -> Complaint:
    """Record a complaint or a report of abuse, by her or for her, in confidence (Rule 25.1).

    She is protected against retaliation from now on (Rules 7.3, 25.1). Safeguarding staff
    are asked to acknowledge and answer it by the deadlines; a report of abuse also asks for
    her protection plan the same day, the offer of psychological support (Rule 7.2), a
    referral at once if she wants legal action (Rule 7.1) and, after sexual abuse, medical
    advice and care from health staff (Rule 25.2).
    """
    if not by.has_perm(LODGE):
        raise PermissionDenied(_("Your role can't lodge a complaint."))
    if not facilities_of(by).filter(pk=prisoner.facility_id).exists():
        raise PermissionDenied(_("You don't work in her facility."))
    named = list(named_staff)
    if by in named:
        raise RuleBroken(
            _("You are named in it: another member of staff must take it."),
            rule="M71",
            field="named_staff",
        )
    now = timezone.now()
    received_at = received_at or now
    complaint = Complaint(
        prisoner=prisoner,
        facility=prisoner.facility,
        kind=kind,
        channel=channel,
        subject=subject,
        narrative=narrative,
        lodged_by_her=lodged_by_her,
        lodged_for_her_by=lodged_for_her_by,
        received_at=received_at,
        received_by=by,
        acknowledge_by=received_at + timedelta(hours=settings.COMPLAINT_ACKNOWLEDGE_HOURS),
        reply_by=received_at + timedelta(days=settings.COMPLAINT_REPLY_DAYS),
        timing=timing if kind == Kind.ABUSE_REPORT else "",
        perpetrator=perpetrator if kind == Kind.ABUSE_REPORT else "",
        sexual=sexual and kind == Kind.ABUSE_REPORT,
        wishes_legal_action=wishes_legal_action and kind == Kind.ABUSE_REPORT,
    )
    source = Source.ABUSE_REPORT if kind == Kind.ABUSE_REPORT else Source.COMPLAINT
    complaint.safeguarding_record = open_safeguarding_record(
        by=by, prisoner=prisoner, source=source, remind=False
    )
    complaint.full_clean()
    complaint.save()
    complaint.named_staff.set(named)
    _schedule_tasks(complaint)
    hide_held_tasks_from(prisoner, named)
    audit.record(
        by=by,
        action="complaints.lodged",
        subject=complaint,
        facility=complaint.facility,
        detail={"kind": kind, "channel": channel},
    )
    return complaint


def _schedule_tasks(complaint: Complaint) -> None:
    _task(
        complaint,
        "acknowledge",
        rule="M57",
        title=gettext_lazy("Acknowledge a complaint"),
        due_at=complaint.acknowledge_by,
    )
    _task(
        complaint,
        "reply",
        rule="M57",
        title=gettext_lazy("Answer a complaint"),
        due_at=complaint.reply_by,
    )
    if not complaint.is_abuse_report:
        return
    today = end_of_today()
    _task(
        complaint, "plan", rule="25.1", title=gettext_lazy("Make her protection plan"), due_at=today
    )
    _task(
        complaint,
        "support",
        rule="7.2",
        title=gettext_lazy("Offer her psychological support"),
        due_at=today,
    )
    if complaint.wishes_legal_action:
        _task(
            complaint,
            "referral",
            rule="7.1",
            title=gettext_lazy("Refer her report to the competent authority"),
            due_at=timezone.now(),
        )
    if complaint.sexual:
        _task(
            complaint,
            "medical",
            rule="25.2",
            title=gettext_lazy("Medical advice and care after a report"),
            due_at=today,
            role="health",
            confidential=True,
        )


def _dealing(by: User, complaint: Complaint) -> None:
    if not by.has_perm(DEAL):
        raise PermissionDenied(_("Only safeguarding staff deal with complaints."))
    if complaint.named_staff.filter(pk=by.pk).exists():
        raise Http404("No such complaint.")  # to staff it names, it doesn't exist


@transaction.atomic
def acknowledge_complaint(*, by: User, complaint: Complaint) -> Complaint:
    """Tell her it was received (Mandela 57: promptly)."""
    _dealing(by, complaint)
    if complaint.acknowledged_at is not None:
        raise ValidationError(_("It was acknowledged already."))
    complaint.acknowledged_at = timezone.now()
    if complaint.status == ComplaintStatus.RECEIVED:
        complaint.status = ComplaintStatus.ACKNOWLEDGED
    complaint.save(update_fields=["acknowledged_at", "status"])
    _close_task(complaint, "acknowledge", by=by, outcome="acknowledged")
    audit.record(by=by, action="complaints.acknowledged", subject=complaint)
    return complaint


@transaction.atomic
def assign_complaint(*, by: User, complaint: Complaint, to: User) -> Complaint:
    """Give it to a safeguarding officer of her facility, never to someone it names
    (Mandela 71.3: implicated staff have no part in the investigation)."""
    _dealing(by, complaint)
    if complaint.named_staff.filter(pk=to.pk).exists():
        raise RuleBroken(
            _("This member of staff is named in it and can't deal with it."),
            rule="M71",
            field="to",
        )
    if not to.has_perm(DEAL) or not facilities_of(to).filter(pk=complaint.facility_id).exists():
        raise ValidationError({"to": _("Choose a safeguarding officer of her facility.")})
    complaint.assigned_to = to
    complaint.save(update_fields=["assigned_to"])
    audit.record(by=by, action="complaints.assigned", subject=complaint)
    return complaint


def _abuse_report(complaint: Complaint) -> None:
    if not complaint.is_abuse_report:
        raise ValidationError(_("This is a complaint, not a report of abuse."))


@transaction.atomic
def record_protection_plan(
    *,
    by: User,
    complaint: Complaint,
    measures: list[str],
    support_offered: bool,
    moving_her_reason: str = "",
) -> ProtectionPlan:
    """Her immediate protection (Rule 25.1): by default the alleged perpetrator is moved, not
    her; moving her needs a reason."""
    _dealing(by, complaint)
    _abuse_report(complaint)
    if ProtectionPlan.objects.filter(complaint=complaint).exists():
        raise ValidationError(_("Her protection plan is recorded already."))
    if Measure.SHE_IS_MOVED in measures and not moving_her_reason.strip():
        raise RuleBroken(
            _("The alleged perpetrator is moved, not her, unless you say why she must be."),
            rule="25.1",
            field="moving_her_reason",
        )
    plan = ProtectionPlan(
        complaint=complaint,
        measures=list(measures),
        moving_her_reason=moving_her_reason,
        support_offered=support_offered,
        made_by=by,
    )
    plan.full_clean()
    plan.save()
    _close_task(complaint, "plan", by=by, outcome="protection plan made")
    audit.record(by=by, action="complaints.protection_plan", subject=complaint)
    return plan


@transaction.atomic
def refer_complaint(*, by: User, complaint: Complaint, authority: str) -> Complaint:
    """Refer her report to a competent, independent authority (Rule 7.1; Mandela 71)."""
    _dealing(by, complaint)
    _abuse_report(complaint)
    if not authority.strip():
        raise ValidationError({"authority": _("Name the authority.")})
    complaint.referred_at = timezone.now()
    complaint.referred_to = authority
    complaint.save(update_fields=["referred_at", "referred_to"])
    _close_task(complaint, "referral", by=by, outcome="referred")
    audit.record(by=by, action="complaints.referred", subject=complaint)
    return complaint


@transaction.atomic
def offer_psychological_support(*, by: User, complaint: Complaint) -> Complaint:
    """Psychological support or counselling offered, whether or not she takes legal action
    (Rule 7.2)."""
    _dealing(by, complaint)
    _abuse_report(complaint)
    if complaint.psychological_support_offered_at is None:
        complaint.psychological_support_offered_at = timezone.now()
        complaint.save(update_fields=["psychological_support_offered_at"])
        _close_task(complaint, "support", by=by, outcome="support offered")
        audit.record(by=by, action="complaints.support_offered", subject=complaint)
    return complaint


@transaction.atomic
def answer_complaint(*, by: User, complaint: Complaint, reply: str) -> Complaint:
    """The answer she is given (Mandela 57: without undue delay)."""
    _dealing(by, complaint)
    if not reply.strip():
        raise ValidationError({"reply": _("Write the answer she is given.")})
    if complaint.status in (ComplaintStatus.ANSWERED, ComplaintStatus.CLOSED):
        raise ValidationError(_("It was answered already."))
    now = timezone.now()
    complaint.reply, complaint.replied_at = reply, now
    complaint.acknowledged_at = complaint.acknowledged_at or now
    complaint.status = ComplaintStatus.ANSWERED
    complaint.save(update_fields=["reply", "replied_at", "acknowledged_at", "status"])
    for name in ("acknowledge", "reply"):
        _close_task(complaint, name, by=by, outcome="answered")
    audit.record(by=by, action="complaints.answered", subject=complaint)
    return complaint


@transaction.atomic
def close_complaint(*, by: User, complaint: Complaint) -> Complaint:
    """Close it once answered; a report of abuse only with her protection plan and the offer
    of psychological support on record (Rules 7.2, 25.1)."""
    _dealing(by, complaint)
    if complaint.status != ComplaintStatus.ANSWERED:
        raise ValidationError(_("Answer it before closing it."))
    if complaint.is_abuse_report:
        if not ProtectionPlan.objects.filter(complaint=complaint).exists():
            raise RuleBroken(
                _("A report of abuse can't close without her protection plan."), rule="25.1"
            )
        if complaint.psychological_support_offered_at is None:
            raise RuleBroken(
                _("A report of abuse can't close until psychological support was offered."),
                rule="7.2",
            )
    complaint.status = ComplaintStatus.CLOSED
    complaint.closed_at = timezone.now()
    complaint.save(update_fields=["status", "closed_at"])
    audit.record(by=by, action="complaints.closed", subject=complaint)
    return complaint
