"""Protection against retaliation (Rules 7.3, 25.1; Mandela 57.2, 71.3).

While she is protected after a report, an act that can harm her does not take effect when it
is asked for: the area's service calls `hold_if_protected`, which records a `HeldAction`.
Safeguarding staff and the governor each review it; if either finds it retaliatory it is
stopped, and once both find it is not, it goes ahead. Inspectors see every one. The kinds are
`AdverseKind`, and each area declares its own in its `hooks.py` (an `AdverseAction`, naming
the service that holds it): that registry is the one list of what is held.

The member of staff who asked learns nothing of the hold: the act is recorded at once in the
waiting state it has for every woman, and the `HeldAction` points at it (`record=`). A charge
awaits its hearing; a sanction, a contact restriction and a segregation await a governor's
confirmation; a strip or body cavity search and a planned restraint await the governor's
authority (`authority.services`, which refuses to confirm a held record), and a transfer a
governor's confirmation. Only that next step waits (`refuse_while_held`, a message naming
nothing), and a stopped one ends in an ordinary state (a charge dismissed, an authority
refused: `stop_by_refusal`). The answer, the record and its lists are the same as for any
woman. `execute` remains for a held action from before, recorded with nothing: released, it
is asked for again, now in its waiting state.

A member of staff named in any of her complaints never learns that one exists (Rule 25;
Mandela 57.2, 71.3): held actions against her are absent for her from every list, page, count
and task, she is never a reviewer, and when every governor of the facility is named (or asked
for the action) a safeguarding officer other than the one who gave the safeguarding review
takes the governor's review.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import audit
from bangkok import texts
from bangkok.errors import RuleBroken
from bangkok.hooks import takes
from facilities.scope import facilities_of, staff_holding
from reminders.models import Reminder
from reminders.services import cancel_reminder, resolve_reminder, schedule_reminder

from ..models import AdverseKind, Complaint, HeldAction, HeldStatus
from .safeguarding import protected_against_retaliation

if TYPE_CHECKING:
    from collections.abc import Iterable

    from django.db.models import QuerySet

    from authority.registry import Authority
    from prisoners.models import Prisoner
    from staff.models import User

REVIEW = "complaints.review_held_action"
REVIEWERS = ("safeguarding", "governor")
HELD_TASK = "complaints.held_action"

# The one answer to a next step asked of a record whose action is held: it names no complaint,
# report or rule, since whoever asks may be named in her complaint.
NOT_YET = _("This can't go ahead yet: the checks before it are not complete.")


class AdverseAction:
    """One kind of adverse act, as its area declares it: `held_by`, the service that holds it
    while she is protected; for an act carried out only once both reviews release it,
    `execute(by=, prisoner=, held=, **params)`; for one recorded at once in its ordinary
    waiting state, `stop(by=, held=)`, how its record ends when a review stops it."""

    def __init__(
        self,
        kind: str,
        execute: Callable | None = None,
        *,
        held_by: Callable,
        stop: Callable | None = None,
    ):
        self.kind, self.held_by, self.execute, self.stop = kind, held_by, execute, stop

    def __repr__(self) -> str:
        return f"AdverseAction({self.kind!r})"

    @property
    def label(self) -> str:
        return str(AdverseKind(self.kind).label)


_ACTIONS: dict[str, AdverseAction] = {}


def _take(action: AdverseAction) -> None:
    """An area's declared kind of act; the declared kinds are the one list of what is held
    (`adverse_actions`)."""
    if action.kind not in AdverseKind.values:
        raise ImproperlyConfigured(f"{action.kind!r} is not a kind of adverse action")
    _ACTIONS[action.kind] = action


takes(AdverseAction, _take)


def adverse_actions() -> list[AdverseAction]:
    """Every act held while she is protected after a report, as the areas declared them."""
    return [_ACTIONS[kind] for kind in AdverseKind.values if kind in _ACTIONS]


def stop_by_refusal(area: Authority) -> Callable:
    """`stop` for an act recorded as awaiting someone's authority (`authority.services`): a
    review that stops it refuses the authority, as for any refused one."""

    def stop(*, by: User, held: HeldAction) -> None:
        from authority.services import refuse_after_review

        record = area.model.objects.get(uuid=held.record_uuid)
        refuse_after_review(area, record, by=by)

    return stop


def hold_if_protected(
    *,
    by: User,
    prisoner: Prisoner,
    kind: str,
    summary: str | Promise,
    params: dict,
    summary_params: dict | None = None,
    carrying_out: HeldAction | None = None,
    record: Any | None = None,
) -> HeldAction | None:
    """Hold the action for review if she is protected now, returning the `HeldAction`;
    None when she isn't, or when the caller is `carrying_out` an action both reviews
    released, and goes ahead. `params` must be JSON: what the area needs to carry the
    action out later. `summary`, what was asked, is a lazy text with its `summary_params`
    (`bangkok.texts`): each reader reads it in her language. With `record`, the area has
    recorded the action in its waiting state and answers with that record as for any woman;
    only its next step waits."""
    if carrying_out is not None or not protected_against_retaliation(prisoner):
        return None
    held = HeldAction(
        prisoner=prisoner,
        facility=prisoner.facility,
        kind=kind,
        summary=texts.in_source(summary, summary_params)[:300],
        params=params,
        requested_by=by,
    )
    held.summary_key, held.summary_params = texts.keep(summary, summary_params)
    if record is not None:
        held.record_model, held.record_uuid = record._meta.label_lower, record.uuid
    held.full_clean()
    held.save()
    _ask_for_reviews(held)
    audit.record(
        by=by,
        action="complaints.action_held",
        subject=held,
        facility=held.facility,
        detail={"kind": kind},
    )
    return held


def _ask_for_reviews(held: HeldAction) -> None:
    """A task for each review, hidden from every member of staff named in her complaints;
    the governor's goes to safeguarding staff when no governor may take it."""
    hidden = _named_in_her_complaints(held.prisoner)
    for role in REVIEWERS:
        title = gettext_lazy("Review an action held after her report")
        assignee = role
        if role == "governor" and not eligible_governors(held).exists():
            assignee = "safeguarding"
            title = gettext_lazy("Review an action held after her report, in the governor's place")
        schedule_reminder(
            key=f"complaints.held:{held.uuid}:{role}",
            kind=HELD_TASK,
            rule="25.1",
            title=title,
            facility=held.facility,
            assignee_role=assignee,
            prisoner=held.prisoner,
            due_at=timezone.now(),
            hidden_from=hidden,
        )


def eligible_governors(held: HeldAction) -> QuerySet[User]:
    """Governors of her facility who may review it: not named in her complaints and not the
    one who asked for it (Mandela 71.3)."""
    return (
        staff_holding(REVIEW, held.facility)
        .filter(groups__name="governor")
        .exclude(pk__in=_named_ids(held.prisoner))
        .exclude(pk=held.requested_by_id)
    )


def _named_in_her_complaints(prisoner: Prisoner) -> list:
    from staff.models import User

    return list(User.objects.filter(pk__in=_named_ids(prisoner)))


def _named_ids(prisoner: Prisoner) -> QuerySet:
    return Complaint.named_staff.through.objects.filter(complaint__prisoner=prisoner).values(
        "user_id"
    )


def named_in_her_complaints(user: User, prisoner: Prisoner) -> bool:
    """Whether any complaint of hers names `user`: then, for `user`, it doesn't exist."""
    return _named_ids(prisoner).filter(user_id=user.pk).exists()


def hide_held_tasks_from(prisoner: Prisoner, named: Iterable[User]) -> None:
    """A complaint that names staff hides her open review tasks from them at once."""
    if not named:
        return
    for reminder in Reminder.objects.open().filter(prisoner=prisoner, kind=HELD_TASK):
        reminder.hidden_from.add(*named)


def held_for(record: Any) -> HeldAction | None:
    """The held action waiting for its reviews that `record` was recorded for, if any."""
    return HeldAction.objects.filter(
        record_model=record._meta.label_lower, record_uuid=record.uuid, status=HeldStatus.HELD
    ).first()


def refuse_while_held(record: Any) -> None:
    """The next step of a record whose action is held waits for both reviews (Rules 7.3,
    25.1). The refusal names nothing: whoever asks may be named in her complaint."""
    if held_for(record) is not None:
        raise ValidationError(NOT_YET)


def lapse_held(record: Any, *, by: User | None, reason: str) -> None:
    """`record`'s cause ended before anyone decided it (the segregation ended before its
    extension was decided, the visit is no longer booked): an action held on it has nothing
    left to review, so it lapses and both review tasks close, rather than waiting for ever
    (Rules 7.3, 25.1)."""
    held = (
        HeldAction.objects.select_for_update()
        .filter(
            record_model=record._meta.label_lower,
            record_uuid=record.uuid,
            status=HeldStatus.HELD,
        )
        .first()
    )
    if held is None:
        return
    held.status, held.decided_at = HeldStatus.LAPSED, timezone.now()
    held.save(update_fields=["status", "decided_at"])
    for role in REVIEWERS:
        cancel_reminder(key=f"complaints.held:{held.uuid}:{role}", by=by, reason=reason)
    audit.record(
        by=by,
        action="complaints.held_action_lapsed",
        subject=held,
        facility=held.facility,
        detail={"kind": held.kind, "reason": reason},
    )


@transaction.atomic
def review_held_action(
    *, by: User, held: HeldAction, retaliatory: bool, note: str = ""
) -> HeldAction:
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
    elif held.status == HeldStatus.STOPPED:
        _stop(held, by)
    return held


def _reviewer_role(by: User, held: HeldAction) -> str:
    """Which review `by` gives. To a member of staff named in her complaints the held
    action doesn't exist (404, as for one that doesn't). The governor's review falls to
    safeguarding staff when no governor may take it; one person never gives both."""
    if not by.has_perm(REVIEW) or by.role_code not in REVIEWERS:
        raise PermissionDenied(_("Only safeguarding staff and the governor review it."))
    if not facilities_of(by).filter(pk=held.facility_id).exists():
        raise PermissionDenied(_("You don't work in her facility."))
    if named_in_her_complaints(by, held.prisoner):
        raise Http404("No such held action in your facilities.")
    if by.pk == held.requested_by_id:
        raise RuleBroken(_("You asked for this action: another must review it."), rule="M71")
    role = by.role_code
    if (
        role == "safeguarding"
        and held.safeguarding_by_id is not None
        and held.governor_by_id is None
        and not eligible_governors(held).exists()
    ):
        if held.safeguarding_by_id == by.pk:
            raise ValidationError(_("Your review of it is recorded already."))
        return "governor"
    return role


def _carry_out(held: HeldAction) -> None:
    action = _ACTIONS.get(held.kind)
    if held.record_uuid is not None:
        return  # recorded at once; its next step may now go ahead
    if action is None or action.execute is None:
        raise ValidationError(_("This kind of action can't be carried out here."))
    action.execute(by=held.requested_by, prisoner=held.prisoner, held=held, **held.params)


def _stop(held: HeldAction, by: User) -> None:
    if held.record_uuid is None:
        return  # nothing was recorded
    action = _ACTIONS.get(held.kind)
    if action is None or action.stop is None:
        raise ValidationError(_("This kind of action can't be stopped here."))
    action.stop(by=by, held=held)
