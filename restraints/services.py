"""Restraint verbs (Bangkok Rule 24; Mandela Rules 43.2, 47-49, paraphrase): apply, review,
remove; health staff's approval of the least restrictive method; and what a change of her
protections means for a restraint that is on."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _lazy

import audit
from authority.registry import Authority
from authority.services import seek, sought, verbs_for
from bangkok import late
from bangkok.errors import RuleBroken
from bangkok.plausible import check_after_arrest
from complaints.models import AdverseKind
from complaints.services import hold_if_protected
from facilities.scope import facilities_of, staff_holding
from prisoners.models import Prisoner, ProtectionFlags
from reminders.models import Basis, Reminder
from reminders.services import resolve_reminder, schedule_reminder

from .models import Device, MethodApproval, Purpose, Restraint, RestraintReview

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from facilities.models import Facility
    from staff.models import User

VIEW = "restraints.view_restraint"
APPLY = "restraints.add_restraint"
CHANGE = "restraints.change_restraint"
AUTHORISE = "restraints.authorise_restraint"
APPROVE_METHOD = "restraints.approve_method"

REVIEW_KIND = "restraints.review"
OBSTETRIC_KIND = "restraints.obstetric_alert"
METHOD_KIND = "restraints.method_needed"
REMOVE_NOW_KIND = "restraints.remove_now"
LATE_KIND = "restraints.emergency_late"
PERIOD_KIND = "restraints.protected_period"
# These close only through the restraint: a review, its removal, or the governor's decision.
CLOSED_BY_THE_RECORD = {REVIEW_KIND, OBSTETRIC_KIND, METHOD_KIND, REMOVE_NOW_KIND, LATE_KIND}
# Mandela 47.2(b): what may be done before the governor can be asked.
EMERGENCY_PURPOSES = (
    Purpose.PREVENT_SELF_HARM,
    Purpose.PREVENT_INJURY_TO_OTHERS,
    Purpose.PREVENT_SERIOUS_DAMAGE,
)


def _may(by: User, prisoner: Prisoner, perm: str) -> None:
    if not by.has_perm(perm):
        raise PermissionDenied(_("Your role can't do this with restraints."))
    if not facilities_of(by).filter(pk=prisoner.facility_id).exists():
        raise PermissionDenied(_("You don't work in her facility."))


def _moment(at: datetime | None, *, field: str, now: datetime) -> datetime:
    at = at or now
    if at > now:
        raise ValidationError({field: _("This can't be in the future.")})
    return at


def _key(restraint: Restraint, what: str) -> str:
    return f"restraints:{restraint.uuid}:{what}"


# Who may authorise, and what the protections allow


def authorisers_of(facility: Facility) -> QuerySet[User]:
    """Active staff of the facility whose role authorises restraints (the governor)."""
    return staff_holding(AUTHORISE, facility)


def _refuse_in_obstetric_period(flags: ProtectionFlags, applied_at: datetime) -> None:
    """Rule 24, absolute: never during labour, birth or immediately after, judged on her
    protections at `applied_at` and as recorded since (`bangkok.late`). The message names
    the protection, not the reason for it (Rule 8)."""
    if late.flag_held_since(flags, "no_restraint_obstetric", applied_at):
        raise RuleBroken(
            _(
                "She is under the 'No restraints' protection (Rule 24): no instrument of "
                "restraint may be used on her, for any purpose. Nothing was recorded."
            ),
            rule="24",
        )


def _refuse_off_the_lists(device: str, purpose: str) -> None:
    if device not in Device.values:
        raise RuleBroken(
            _(
                "That device is not an approved instrument of restraint: chains, irons and "
                "other degrading or painful devices are prohibited."
            ),
            rule="M47",
            field="device",
        )
    if purpose not in Purpose.values:
        raise RuleBroken(
            _(
                "A restraint may be used only for escort, to prevent harm or serious damage, "
                "or on medical direction: never as a punishment."
            ),
            rule="M43",
            field="purpose",
        )


def approval_in_force(prisoner: Prisoner, at: datetime | None = None) -> MethodApproval | None:
    """The latest method approval health staff recorded for her that is current at `at`."""
    at = at or timezone.now()
    return (
        prisoner.restraint_approvals.filter(approved_at__lte=at, valid_until__gt=at)
        .select_related("approved_by")
        .first()
    )


def _covering_approval(
    flags: ProtectionFlags, prisoner: Prisoner, device: str, at: datetime
) -> MethodApproval:
    """Rule 24: a pregnant woman is restrained only by the method health staff approved."""
    approval = approval_in_force(prisoner, at)
    if approval is None or not approval.covers(device, at):
        raise RuleBroken(
            _(
                "She may be restrained only by a method health staff have approved for her "
                "(Rule 24), and no approval in force covers this device. Ask health staff, "
                "or choose a device they approved."
            ),
            rule="24",
            field="device",
        )
    return approval


# Apply, review, remove


@transaction.atomic
def apply_restraint(
    *,
    by: User,
    prisoner: Prisoner,
    device: str,
    purpose: str,
    necessity: str,
    emergency: bool,
    place: str,
    place_detail: str = "",
    applied_at: datetime | None = None,
    sought_from: User | None = None,
    late_reason: str = "",
) -> Restraint:
    """Record a restraint (Rule 24; Mandela 43.2, 47-48). Refused, with no override, while
    she is under the "No restraints" protection (labour, birth, just after) or was at any time
    since `applied_at`; under the health-approval protection, only a device health staff
    approved for her.

    The governor's authority is hers to give, with her own sign-in (`authority.services`).
    A planned restraint (an escort, a medical direction) waits for it and is not on until she
    confirms. In an emergency, to prevent harm, injury or serious damage (Mandela 47.2), it is
    on at once and she confirms it, or it comes off, within RESTRAINT_EMERGENCY_CONFIRM_MINUTES
    of `applied_at`. Reviews are due every RESTRAINT_REVIEW_MINUTES while it is on. One
    recorded late says why; her protections are read as they were then and as recorded
    since (the health-approval one included).

    A planned restraint asked for while she is protected after a report waits for both
    reviews before the governor can authorise it (Rules 7.3, 25.1); one to prevent harm in an
    emergency is never held (Mandela 47.2)."""
    _may(by, prisoner, APPLY)
    now = timezone.now()
    applied_at = _moment(applied_at, field="applied_at", now=now)
    check_after_arrest(prisoner, applied_at, "applied_at")
    if not emergency:
        applied_at = None
    late_reason = late.late_reason(applied_at or now, late_reason, now=now)
    # Locking her flags orders this against a change of her protections.
    flags = ProtectionFlags.objects.select_for_update().get(prisoner=prisoner)
    _refuse_in_obstetric_period(flags, applied_at or now)
    _refuse_off_the_lists(device, purpose)
    if emergency and purpose not in EMERGENCY_PURPOSES:
        raise RuleBroken(
            _(
                "Only a restraint to prevent harm, injury or serious damage may be applied "
                "before the governor confirms it (Mandela 47.2); an escort or a medical "
                "direction is planned: ask for her authority first."
            ),
            rule="M47",
            field="emergency",
        )
    approval = None
    if late.flag_held_since(flags, "restraint_health_approval", applied_at or now):
        approval = _covering_approval(flags, prisoner, device, applied_at or now)
    if prisoner.restraints.in_play().exists():
        raise ValidationError(
            _("A restraint is already on or awaiting authority: review or remove it first.")
        )
    restraint = Restraint(
        prisoner=prisoner,
        facility=prisoner.facility,
        device=device,
        purpose=purpose,
        necessity=necessity.strip(),
        place=place,
        place_detail=place_detail.strip(),
        emergency=emergency,
        applied_by=by,
        applied_at=applied_at,
        recorded_at=now,
        late_reason=late_reason,
        **_protections(flags, approval),
    )
    due = None
    if emergency:
        # Applied at once in an emergency: applied_at is set.
        due = applied_at + timedelta(minutes=settings.RESTRAINT_EMERGENCY_CONFIRM_MINUTES)  # type: ignore[operator]
    seek(AREA, restraint, by=by, sought_from=sought_from, due_at=due)  # type: ignore[arg-type]
    restraint.full_clean()
    restraint.save()
    if emergency:
        _schedule_review(restraint, number=1, after=applied_at)  # type: ignore[arg-type]
    sought(AREA, restraint, by=by)
    if not emergency:
        # Planned after her report, it awaits the governor's authority as for any woman, and
        # that authority waits for both reviews too (Rules 7.3, 25.1).
        hold_if_protected(
            by=by,
            prisoner=prisoner,
            kind=AdverseKind.RESTRAINT,
            summary=_lazy("%(device)s, %(purpose)s: planned"),
            summary_params={
                "device": Device(restraint.device).label,
                "purpose": Purpose(restraint.purpose).label,
            },
            params={"restraint": str(restraint.uuid)},
            record=restraint,
        )
    audit.record(
        by=by,
        action="restraints.applied" if emergency else "restraints.requested",
        subject=restraint,
        facility=prisoner.facility,
        detail={"device": device, "purpose": purpose, "place": place, "emergency": emergency},
    )
    return restraint


# The governor's authority (`authority.services` calls these)


def _check_at_confirmation(restraint: Restraint) -> None:
    """Rule 24 again when the governor confirms: her protections may have changed since."""
    flags = ProtectionFlags.objects.select_for_update().get(prisoner=restraint.prisoner)
    _refuse_in_obstetric_period(flags, restraint.applied_at or timezone.now())
    if flags.restraint_health_approval and restraint.approval_id is None:
        _covering_approval(flags, restraint.prisoner, restraint.device, timezone.now())


def _on_confirmed(restraint: Restraint, *, by: User) -> list[str]:
    """A planned restraint comes on now; an emergency one's alerts of lateness close."""
    resolve_reminder(key_prefix=_key(restraint, "late:"), by=by, outcome=_("Confirmed."))
    if restraint.applied_at is not None or restraint.removed_at is not None:
        return []
    now = restraint.authority_decided_at
    flags = ProtectionFlags.objects.get(prisoner=restraint.prisoner)
    approval = None
    if flags.restraint_health_approval:
        # Confirmed just now: authority_decided_at is set.
        approval = _covering_approval(flags, restraint.prisoner, restraint.device, now)  # type: ignore[arg-type]
    restraint.applied_at = now
    protections = _protections(flags, approval)
    for name, value in protections.items():
        setattr(restraint, name, value)
    _schedule_review(restraint, number=1, after=now)  # type: ignore[arg-type]
    audit.record(by=by, action="restraints.applied", subject=restraint, facility=restraint.facility)
    return ["applied_at", *protections]


def _on_refused(restraint: Restraint, *, by: User) -> None:
    """Refused while on: custody are ordered to take it off at once; only the removal closes
    the order (Mandela 48.1)."""
    resolve_reminder(key_prefix=_key(restraint, "late:"), by=by, outcome=_("Refused."))
    if not restraint.is_applied:
        return
    now = timezone.now()
    schedule_reminder(
        key=_key(restraint, "remove-now"),
        kind=REMOVE_NOW_KIND,
        rule="M48",
        title=gettext_lazy("Remove her restraint now: the governor refused her authority"),
        facility=restraint.facility,
        assignee_role="custody",
        prisoner=restraint.prisoner,
        due_at=now,
        escalate_at=now,
    )


def _on_late(restraint: Restraint) -> None:
    """Past its limit, unconfirmed and still on: the governor and custody are alerted at once
    (escalated), until she confirms it or it comes off."""
    if not restraint.is_applied:
        return
    now = timezone.now()
    for role in ("governor", "custody"):
        schedule_reminder(
            key=_key(restraint, f"late:{role}"),
            kind=LATE_KIND,
            rule="M48",
            title=gettext_lazy(
                "An emergency restraint is past its limit unconfirmed: confirm or remove it"
            ),
            facility=restraint.facility,
            assignee_role=role,
            prisoner=restraint.prisoner,
            due_at=now,
            escalate_at=now,
        )


def _describe(restraint: Restraint) -> str:
    what = _("%(device)s, %(purpose)s") % {
        "device": restraint.get_device_display(),
        "purpose": restraint.get_purpose_display(),
    }
    if restraint.emergency:
        return _("%(what)s: applied at once in an emergency") % {"what": what}
    return _("%(what)s: planned") % {"what": what}


AREA = Authority(
    key="restraints",
    model=Restraint,
    perm=AUTHORISE,
    title=_lazy("a restraint"),
    rule="M47",
    describe=_describe,
    url=lambda restraint: reverse("restraints:detail", kwargs={"uuid": restraint.uuid}),
    check=_check_at_confirmation,
    confirmed=_on_confirmed,
    refused=_on_refused,
    late=_on_late,
    in_effect={"removed_at__isnull": True},
    order=340,
)
confirm_restraint, refuse_restraint = verbs_for(AREA.key)


def _protections(flags: ProtectionFlags, approval: MethodApproval | None) -> dict:
    """Which protections were in force when it was applied: the flags, never their reasons."""
    return {
        "obstetric_protection_when_applied": flags.no_restraint_obstetric,
        "under_health_approval": flags.restraint_health_approval or approval is not None,
        "approval": approval,
    }


def _schedule_review(restraint: Restraint, *, number: int, after: datetime) -> None:
    due = after + timedelta(minutes=settings.RESTRAINT_REVIEW_MINUTES)
    schedule_reminder(
        key=_key(restraint, f"review:{number}"),
        kind=REVIEW_KIND,
        rule="M48",
        title=gettext_lazy("Review her restraint: is it still needed?"),
        facility=restraint.facility,
        assignee_role="custody",
        prisoner=restraint.prisoner,
        due_at=due,
        escalate_at=due + timedelta(minutes=settings.RESTRAINT_REVIEW_ESCALATION_MINUTES),
        basis=Basis.CONFIG,
    )


def _applied(restraint: Restraint) -> Restraint:
    locked = Restraint.objects.select_for_update().select_related("prisoner").get(pk=restraint.pk)
    if locked.removed_at is not None:
        raise ValidationError(_("This restraint was removed already."))
    if locked.applied_at is None:
        raise ValidationError(_("This restraint is not on: it was planned and never came on."))
    return locked


@transaction.atomic
def review_restraint(
    *,
    by: User,
    restraint: Restraint,
    still_needed: bool,
    note: str = "",
    reviewed_at: datetime | None = None,
) -> RestraintReview:
    """Record a review of a restraint that is on (Mandela 48.1: no longer than necessary).
    Still needed: the next review is due in RESTRAINT_REVIEW_MINUTES. Not needed: it comes
    off now."""
    _may(by, restraint.prisoner, CHANGE)
    restraint = _applied(restraint)
    reviewed_at = _moment(reviewed_at, field="reviewed_at", now=timezone.now())
    # `_applied`: applied_at is set.
    if reviewed_at < restraint.applied_at:  # type: ignore[operator]
        raise ValidationError({"reviewed_at": _("A review comes after the restraint was applied.")})
    review = RestraintReview(
        restraint=restraint,
        reviewed_at=reviewed_at,
        reviewed_by=by,
        still_needed=still_needed,
        note=note.strip(),
    )
    review.full_clean()
    review.save()
    resolve_reminder(key_prefix=_key(restraint, "review:"), by=by, outcome=_("Reviewed."))
    audit.record(
        by=by,
        action="restraints.reviewed",
        subject=restraint,
        facility=restraint.facility,
        detail={"still_needed": still_needed},
    )
    if still_needed:
        _schedule_review(restraint, number=restraint.reviews.count() + 1, after=reviewed_at)
    else:
        _take_off(restraint, by=by, at=reviewed_at)
    return review


@transaction.atomic
def remove_restraint(
    *, by: User, restraint: Restraint, removed_at: datetime | None = None
) -> Restraint:
    """Record that the restraint came off (Mandela 48.1: as soon as possible). Its open
    reviews and alerts close with it."""
    _may(by, restraint.prisoner, CHANGE)
    restraint = _applied(restraint)
    removed_at = _moment(removed_at, field="removed_at", now=timezone.now())
    # `_applied`: applied_at is set.
    if removed_at < restraint.applied_at:  # type: ignore[operator]
        raise ValidationError({"removed_at": _("It can't come off before it was applied.")})
    return _take_off(restraint, by=by, at=removed_at)


def _take_off(restraint: Restraint, *, by: User, at: datetime) -> Restraint:
    restraint.removed_at = at
    restraint.removed_by = by
    restraint.full_clean()
    restraint.save(update_fields=["removed_at", "removed_by"])
    resolve_reminder(key_prefix=_key(restraint, ""), by=by, outcome=_("The restraint was removed."))
    audit.record(by=by, action="restraints.removed", subject=restraint, facility=restraint.facility)
    return restraint


# Health staff's approval of the method


@transaction.atomic
def approve_method(
    *, by: User, prisoner: Prisoner, devices: list[str], valid_until: datetime, conditions: str = ""
) -> MethodApproval:
    """Health staff approve the least restrictive method of restraint for her (Rule 24): the
    devices that may be used, under what conditions, until when. The audit row names the
    devices only; the conditions stay with health staff."""
    _may(by, prisoner, APPROVE_METHOD)
    devices = sorted(set(devices))
    if not devices or not set(devices) <= set(Device.values):
        raise ValidationError({"devices": _("Choose at least one device from the list.")})
    now = timezone.now()
    if valid_until <= now:
        raise ValidationError({"valid_until": _("An approval must run into the future.")})
    approval = MethodApproval(
        prisoner=prisoner,
        facility=prisoner.facility,
        devices=devices,
        conditions=conditions.strip(),
        approved_by=by,
        approved_at=now,
        valid_until=valid_until,
    )
    approval.full_clean()
    approval.save()
    audit.record(
        by=by,
        action="restraints.method_approved",
        subject=approval,
        facility=prisoner.facility,
        detail={"devices": devices},
    )
    return approval


# A change of her protections while a restraint is on


def on_flags_changed(*, prisoner: Prisoner, changed: dict, by: User) -> None:
    """Runs with every change of her protections, in its transaction. The "No restraints"
    protection appearing while she is restrained: custody and the governor are told at once
    to remove it (Rule 24). The health-approval protection appearing: custody are told the
    method needs health staff's approval."""
    applied = list(prisoner.restraints.applied().select_for_update())
    if not applied:
        return
    if changed.get("no_restraint_obstetric"):
        for restraint in applied:
            _alert_obstetric(restraint, by=by)
    if changed.get("restraint_health_approval"):
        for restraint in applied:
            _ask_for_method_approval(restraint, by=by)


def on_protected_period(
    *, prisoner: Prisoner, start: datetime, end: datetime | None, by: User
) -> int:
    """Health staff recorded labour or a birth, perhaps after the fact: every restraint that
    was on at any moment of the protected period (from `start` to `end`, or until now while
    she is in labour) breaks Rule 24, even if it was lawful on what was known when it was
    applied. It counts on oversight from now (`obstetric_alert_at`), and the governor is
    told, in words that say nothing clinical. Returns how many were found."""
    now = timezone.now()
    overlapping = (
        prisoner.restraints.select_for_update()
        .filter(applied_at__isnull=False, applied_at__lte=end or now, obstetric_alert_at=None)
        .exclude(removed_at__lt=start)
    )
    found = 0
    for restraint in overlapping:
        found += 1
        restraint.obstetric_alert_at = now
        restraint.save(update_fields=["obstetric_alert_at"])
        schedule_reminder(
            key=_key(restraint, "protected-period"),
            kind=PERIOD_KIND,
            rule="24",
            title=gettext_lazy("A restraint overlapped a protected period (Rule 24): find out how"),
            facility=restraint.facility,
            assignee_role="governor",
            prisoner=prisoner,
            due_at=now,
        )
        audit.record(
            by=by,
            action="restraints.protected_period_overlap",
            subject=restraint,
            facility=restraint.facility,
            detail={"rule": "24"},
        )
    return found


def _alert_obstetric(restraint: Restraint, *, by: User) -> None:
    now = timezone.now()
    if restraint.obstetric_alert_at is None:
        restraint.obstetric_alert_at = now
        restraint.save(update_fields=["obstetric_alert_at"])
    for role in ("custody", "governor"):
        schedule_reminder(
            key=_key(restraint, f"obstetric:{role}"),
            kind=OBSTETRIC_KIND,
            rule="24",
            title=gettext_lazy(
                "Remove her restraints now: she is under the 'No restraints' protection"
            ),
            facility=restraint.facility,
            assignee_role=role,
            prisoner=restraint.prisoner,
            due_at=now,
            escalate_at=now,
        )
    audit.record(
        by=by,
        action="restraints.obstetric_alert",
        subject=restraint,
        facility=restraint.facility,
        detail={"rule": "24"},
    )


def _ask_for_method_approval(restraint: Restraint, *, by: User) -> None:
    if not restraint.under_health_approval:
        restraint.under_health_approval = True
        restraint.save(update_fields=["under_health_approval"])
    if restraint.approval_id is not None:
        return
    now = timezone.now()
    schedule_reminder(
        key=_key(restraint, "method"),
        kind=METHOD_KIND,
        rule="24",
        title=gettext_lazy("Her restraint needs a method health staff approve, or removal"),
        facility=restraint.facility,
        assignee_role="custody",
        prisoner=restraint.prisoner,
        due_at=now,
    )
    audit.record(
        by=by,
        action="restraints.method_needed",
        subject=restraint,
        facility=restraint.facility,
        detail={"rule": "24"},
    )


# Reads


def next_review_due(restraint: Restraint) -> datetime | None:
    """When the open review of a restraint that is on falls due."""
    return (
        Reminder.objects.open()
        .filter(key__startswith=_key(restraint, "review:"))
        .values_list("due_at", flat=True)
        .first()
    )
