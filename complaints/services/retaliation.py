"""Protection against retaliation (Rules 7.3, 25.1; Mandela 57.2).

While she is protected after a report, an adverse action against her (a charge, a sanction,
segregation, a transfer, a move to another unit, a restriction of her contact) does not take
effect when it is asked for: the area's service calls `hold_if_protected`, which records a
`HeldAction` and returns it instead. Safeguarding staff and the governor each review it; if
either finds it retaliatory it is stopped, and once both find it is not, it is carried out as
asked (the area registered how with `register_adverse_action`). Inspectors see every one.
"""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

import audit
from bangkok.errors import RuleBroken
from prisoners.permissions import facilities_of
from reminders.services import resolve_reminder, schedule_reminder

from ..models import Complaint, HeldAction, HeldStatus
from .safeguarding import protected_against_retaliation

REVIEW = "complaints.review_held_action"
REVIEWERS = ("safeguarding", "governor")

# kind -> execute(by=, prisoner=, held=, **params): carries out a released action.
_EXECUTORS: dict[str, Callable] = {}


def register_adverse_action(kind: str, execute: Callable) -> None:
    """An area says how to carry out one kind of adverse action once it is released."""
    _EXECUTORS[kind] = execute


def hold_if_protected(*, by, prisoner, kind: str, summary: str, params: dict, carrying_out=None):
    """Hold the action for review if she is protected now, returning the `HeldAction`;
    None when she isn't, or when the caller is `carrying_out` an action both reviews
    released, and goes ahead. `params` must be JSON: what the area needs to carry the
    action out later."""
    if carrying_out is not None or not protected_against_retaliation(prisoner):
        return None
    held = HeldAction(
        prisoner=prisoner,
        facility=prisoner.facility,
        kind=kind,
        summary=summary[:300],
        params=params,
        requested_by=by,
    )
    held.full_clean()
    held.save()
    for role in REVIEWERS:
        schedule_reminder(
            key=f"complaints.held:{held.uuid}:{role}",
            kind="complaints.held_action",
            rule="25.1",
            title=_("Review an action held after her report"),
            facility=held.facility,
            assignee_role=role,
            prisoner=prisoner,
            due_at=timezone.now(),
            hidden_from=_named_in_her_complaints(prisoner),
        )
    audit.record(
        by=by,
        action="complaints.action_held",
        subject=held,
        facility=held.facility,
        detail={"kind": kind},
    )
    return held


def _named_in_her_complaints(prisoner) -> list:
    from staff.models import User

    return list(User.objects.filter(pk__in=_named_ids(prisoner)))


def _named_ids(prisoner):
    return Complaint.named_staff.through.objects.filter(complaint__prisoner=prisoner).values(
        "user_id"
    )


@transaction.atomic
def review_held_action(*, by, held: HeldAction, retaliatory: bool, note: str = "") -> HeldAction:
    """Her reviewer's finding, as safeguarding or as the governor (Rules 7.3, 25.1). Found
    retaliatory by either: it is stopped. Found not retaliatory by both: it is carried out."""
    held = HeldAction.objects.select_for_update().get(pk=held.pk)
    role = _reviewer_role(by, held)
    if not held.is_held:
        raise ValidationError(_("This action has been decided already."))
    if getattr(held, f"{role}_by_id") is not None:
        raise ValidationError(_("Your review of it is recorded already."))
    now = timezone.now()
    setattr(held, f"{role}_by", by)
    setattr(held, f"{role}_at", now)
    setattr(held, f"{role}_finds_retaliation", retaliatory)
    if note.strip():
        held.review_note = f"{held.review_note}\n{note}".strip()
    if retaliatory:
        held.status, held.decided_at = HeldStatus.STOPPED, now
    elif held.safeguarding_at and held.governor_at:
        held.status, held.decided_at = HeldStatus.RELEASED, now
    held.save()
    resolve_reminder(key=f"complaints.held:{held.uuid}:{role}", by=by, outcome="reviewed")
    if held.status == HeldStatus.STOPPED:
        resolve_reminder(key_prefix=f"complaints.held:{held.uuid}:", by=by, outcome="stopped")
    audit.record(
        by=by,
        action="complaints.held_action_reviewed",
        subject=held,
        facility=held.facility,
        detail={"role": role, "retaliatory": retaliatory, "status": held.status},
    )
    if held.status == HeldStatus.RELEASED:
        _carry_out(held)
    return held


def _reviewer_role(by, held) -> str:
    if not by.has_perm(REVIEW) or by.role_code not in REVIEWERS:
        raise PermissionDenied(_("Only safeguarding staff and the governor review it."))
    if not facilities_of(by).filter(pk=held.facility_id).exists():
        raise PermissionDenied(_("You don't work in her facility."))
    if by.pk == held.requested_by_id or _named_ids(held.prisoner).filter(user_id=by.pk).exists():
        raise RuleBroken(
            _("You asked for this action or are named in her complaint: another must review it."),
            rule="M71",
        )
    return by.role_code


def _carry_out(held: HeldAction) -> None:
    execute = _EXECUTORS.get(held.kind)
    if execute is None:
        raise ValidationError(_("This kind of action can't be carried out here."))
    execute(by=held.requested_by, prisoner=held.prisoner, held=held, **held.params)
