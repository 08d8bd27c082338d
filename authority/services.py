"""Authority given by the person who holds it (QUALITY S13; Bangkok Rules 19, 22, 24;
Mandela Rules 43-45, 47-49, 51).

An area asks (`seek`, then `sought` once the record is saved); the governor of the facility,
and never whoever asked, confirms or refuses with her own sign-in (`confirm`, `refuse`): the
record is locked, so of two governors deciding at once exactly one wins. What the Rules call
for is checked again at confirmation (her protections may have changed). A record taken at
once in an emergency carries `authority_due_at`; `sweep_late` (beat) escalates it once when the
limit passes unconfirmed, and oversight counts it (`late_or_refused`).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import BooleanField, DateTimeField, ExpressionWrapper, F, Q, QuerySet, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import audit
from bangkok.errors import RuleBroken
from facilities.scope import facilities_of, staff_holding
from prisoners.withheld import without_withheld
from reminders.services import cancel_reminder, resolve_reminder, schedule_reminder

from .models import AuthorityState
from .registry import Authority, areas, holds

if TYPE_CHECKING:
    from collections.abc import Callable

    from authority.models import AwaitsAuthority
    from facilities.models import Facility
    from staff.models import User

WAITING_KIND = "authority.awaited"
QUEUE_LIMIT = 50
# The queue's order, with no empty value so that it can be paged (`bangkok.pagination`): a
# record with no limit or no time asked sorts as if it had the last one.
QUEUE_ORDER = ("queue_due", "queue_asked", "id")
QUEUE_LAST = datetime(9000, 1, 1, tzinfo=UTC)


def _key(area: Authority, record: AwaitsAuthority) -> str:
    return f"authority:{area.key}:{record.uuid}"


def deciders_of(area: Authority, facility: Facility) -> QuerySet[User]:
    """Active staff of the facility who hold this authority (the governors)."""
    return staff_holding(area.perm, facility)


def seek[R: AwaitsAuthority](
    area: Authority,
    record: R,
    *,
    by: User,
    sought_from: User | None = None,
    due_at: datetime | None = None,
) -> R:
    """Mark the unsaved `record` as awaiting the authority of `sought_from` (one of the
    facility's governors, never `by`) or, if no one is named, of any governor of the facility.
    The caller saves it, then calls `sought`."""
    if sought_from is not None and (
        sought_from.pk == by.pk
        or not deciders_of(area, record.facility).filter(pk=sought_from.pk).exists()
    ):
        raise ValidationError(
            {"sought_from": _("Name a governor of her facility, other than yourself.")}
        )
    record.authority = AuthorityState.PENDING
    record.authority_sought_from = sought_from
    record.authority_requested_by = by
    record.authority_requested_at = timezone.now()
    record.authority_due_at = due_at
    record.authorised_by = None
    return record


def await_confirmation[R: AwaitsAuthority](area: Authority, record: R) -> R:
    """Mark the unsaved `record`, decided by a governor herself, as awaiting confirmation: it
    takes effect when she (or another governor of the facility) confirms it, the same step
    for every woman. The caller saves it, then calls `sought`."""
    record.authority = AuthorityState.PENDING
    record.authority_sought_from = record.authority_requested_by = None
    record.authority_requested_at = timezone.now()
    record.authority_due_at = record.authorised_by = None
    return record


def sought(area: Authority, record: AwaitsAuthority, *, by: User) -> None:
    """The saved record awaits authority: the governor is reminded (a task only her decision
    closes), escalated at `authority_due_at` when there is one; one audit row."""
    due = record.authority_due_at or record.authority_requested_at
    schedule_reminder(
        key=_key(area, record),
        kind=WAITING_KIND,
        rule=area.rule,
        title=gettext_lazy("Your authority is awaited: %(what)s"),
        title_params={"what": area.title},
        facility=record.facility,
        assignee_role=area.role,
        prisoner=record.prisoner,
        # seek and await_confirmation set authority_requested_at.
        due_at=due,  # type: ignore[arg-type]
        escalate_at=record.authority_due_at,
    )
    audit.record(
        by=by,
        action="authority.sought",
        subject=record,
        facility=record.facility,
        detail={
            "area": area.key,
            "sought_from": record.authority_sought_from_id,
            "emergency": record.authority_due_at is not None,
        },
    )


def given_at_once(record: AwaitsAuthority, *, by: User) -> None:
    """The person who holds the authority acts herself: it is given by her act."""
    record.authority = AuthorityState.CONFIRMED
    record.authorised_by = by
    record.authority_decided_at = timezone.now()


STILL_AWAITED = "authority_still_awaited"


def with_awaiting(area: Authority, records: QuerySet) -> QuerySet:
    """`records` each read with whether its cause still holds (`area.undecided`), so a list
    that says which still await a decision asks no query a record (`awaits_decision`)."""
    if not area.undecided:
        return records
    return records.annotate(
        **{STILL_AWAITED: ExpressionWrapper(Q(**area.undecided), output_field=BooleanField())}
    )


def awaits_decision(area: Authority, record: AwaitsAuthority) -> bool:
    """Whether `record` still awaits her decision: pending, and not ended before it (as read
    with it by `with_awaiting`, else asked now)."""
    if record.authority != AuthorityState.PENDING:
        return False
    if not area.undecided:
        return True
    known = getattr(record, STILL_AWAITED, None)
    if known is not None:
        return bool(known)
    return area.model.objects.filter(pk=record.pk, **area.undecided).exists()


def may_decide(area: Authority, user: User, record: AwaitsAuthority) -> bool:
    return awaits_decision(area, record) and _refusal(area, user, record) is None


def each_decidable(area: Authority, user: User, records: QuerySet) -> list[tuple]:
    """(record, whether she may decide it) for each of `records` (a list on a record's page:
    the extensions of a segregation, the cancellations asked of a visit), in as many queries
    for many as for one."""
    read = list(with_awaiting(area, records))
    if not any(record.authority == AuthorityState.PENDING for record in read):
        return [(record, False) for record in read]
    mine = set(facilities_of(user).values_list("pk", flat=True))
    return [
        (
            record,
            awaits_decision(area, record) and _refusal(area, user, record, mine) is None,
        )
        for record in read
    ]


def end_undecided(area: Authority, records: QuerySet, *, by: User | None, reason: str) -> None:
    """Those of `records` of `area`, pending, whose cause ended before anyone decided them
    (their `undecided` no longer holds: an extension of a segregation ended since, the
    cancellation of a visit no longer booked, the withdrawal of a visitor she withdrew or
    refused herself): the governor's task closes as no longer needed, and they leave her
    queue, as a transfer proposed for a woman released since does. Each stays pending, and
    neither confirming nor refusing it changes it."""
    ended = records.filter(authority=AuthorityState.PENDING).exclude(**(area.undecided or {}))
    for record in ended:
        cancel_reminder(key=_key(area, record), by=by, reason=reason)
        for declared in holds():
            if declared.lapse is not None:
                declared.lapse(record, by=by, reason=reason)


def _refusal(
    area: Authority, user: User, record: AwaitsAuthority, facilities: set | None = None
) -> Exception | None:
    """Why she may not decide `record`, or None; `facilities`, the ids of hers if known."""
    if (
        user is None
        or not user.is_authenticated
        or not user.is_active
        or not user.has_perm(area.perm)
        or not (
            record.facility_id in facilities
            if facilities is not None
            else facilities_of(user).filter(pk=record.facility_id).exists()
        )
    ):
        return PermissionDenied(_("Only a governor of her facility gives this authority."))
    if record.authority_requested_by_id == user.pk:
        return RuleBroken(
            _(
                "Authority is given by the person who holds it, never by whoever asked for it "
                "(%(what)s)."
            )
            % {"what": area.title},
            rule=area.rule,
        )
    if record.authority_sought_from_id not in (None, user.pk):
        return RuleBroken(
            _("This authority was sought from another governor: only she decides."),
            rule=area.rule,
        )
    return None


@transaction.atomic
def decide[R: AwaitsAuthority](
    *, area: Authority, by: User, record: R, confirm: bool, reason: str = ""
) -> R:
    """Confirm or refuse, as `by` (her own sign-in). Refused, nothing written, unless she is a
    governor of the facility other than whoever asked (and the one named, if one was), the
    record still awaits authority, and (to confirm) the Rules' checks hold again now."""
    locked = (
        area.model.objects.select_for_update(of=("self",))
        .select_related(*area.related)
        .get(pk=record.pk)
    )
    refusal = _refusal(area, by, locked)
    if refusal is not None:
        raise refusal
    if not awaits_decision(area, locked):
        raise ValidationError(_("This was decided already; nothing was changed."))
    reason = reason.strip()
    if not confirm and not reason:
        raise ValidationError({"reason": _("Say why you refuse your authority.")})
    if confirm:
        _check_not_held(locked)
        if area.check is not None:
            area.check(locked)
    locked.authority_decided_at = timezone.now()
    if confirm:
        locked.authority = AuthorityState.CONFIRMED
        locked.authorised_by = by
    else:
        locked.authority = AuthorityState.REFUSED
        locked.authority_refused_by = by
        locked.authority_refusal = reason
    hook = area.confirmed if confirm else area.refused
    changed = (hook(locked, by=by) or []) if hook is not None else []
    locked.full_clean(validate_unique=False)
    locked.save(
        update_fields=[
            "authority",
            "authorised_by",
            "authority_refused_by",
            "authority_refusal",
            "authority_decided_at",
            *changed,
        ]
    )
    resolve_reminder(
        key=_key(area, locked),
        by=by,
        outcome=_("Authority given.") if confirm else _("Authority refused."),
    )
    audit.record(
        by=by,
        action="authority.confirmed" if confirm else "authority.refused",
        subject=locked,
        facility=locked.facility,
        detail={"area": area.key, "late": locked.authority_late},
    )
    return locked


def _check_not_held(record: AwaitsAuthority) -> None:
    """An act asked for after her report waits for both reviews before anyone authorises it
    (Rules 7.3, 25.1; the complaints area declares the `Hold`); the refusal names nothing,
    since whoever confirms may be named in it."""
    for declared in holds():
        declared.refuse(record)


def refuse_after_review(area: Authority, record: AwaitsAuthority, *, by: User) -> None:
    """A review found the act asked for after her report retaliatory (Rules 7.3, 25.1): its
    authority is refused, by the reviewer, as for any refused one, and the governor's task
    closes. Nothing changes once it was decided."""
    locked = area.model.objects.select_for_update(of=("self",)).get(pk=record.pk)
    if not awaits_decision(area, locked):
        return
    locked.authority = AuthorityState.REFUSED
    locked.authority_refused_by = by
    locked.authority_refusal = _("Not authorised.")
    locked.authority_decided_at = timezone.now()
    # Only the governor it was sought from decides an ordinary refusal; this one is the review's.
    locked.authority_sought_from = None
    changed = (area.refused(locked, by=by) or []) if area.refused is not None else []
    locked.save(
        update_fields=[
            "authority",
            "authority_refused_by",
            "authority_refusal",
            "authority_decided_at",
            "authority_sought_from",
            *changed,
        ]
    )
    resolve_reminder(key=_key(area, locked), by=by, outcome=_("Authority refused."))
    audit.record(
        by=by,
        action="authority.refused",
        subject=locked,
        facility=locked.facility,
        detail={"area": area.key, "late": locked.authority_late},
    )


def confirm[R: AwaitsAuthority](*, area: Authority, by: User, record: R) -> R:
    return decide(area=area, by=by, record=record, confirm=True)


def refuse[R: AwaitsAuthority](*, area: Authority, by: User, record: R, reason: str) -> R:
    return decide(area=area, by=by, record=record, confirm=False, reason=reason)


# The governor's queue


def areas_for(user: User) -> list[Authority]:
    """The areas whose authority she holds."""
    if not user.is_authenticated:
        return []
    return [area for area in areas() if user.has_perm(area.perm)]


def awaiting(user: User, area: Authority) -> QuerySet:
    """The records of one area waiting for her authority, in no order (as her dashboard counts
    them): pending records of her facilities that she may decide (not those she asked for,
    nor those sought from another governor) whose cause still holds (`area.undecided`)."""
    # A girl's sealed records (Havana r. 19) wait in no queue.
    return without_withheld(
        area.model.objects.filter(
            Q(authority_sought_from__isnull=True) | Q(authority_sought_from=user),
            ~Q(authority_requested_by=user),
            authority=AuthorityState.PENDING,
            facility__in=facilities_of(user),
            **(area.undecided or {}),
        )
    )


def pending_for(user: User, area: Authority) -> QuerySet:
    """The records of one area waiting for her authority (`awaiting`), in `QUEUE_ORDER`: a
    record taken at once first (soonest limit first), then by when it was asked."""
    last = Value(QUEUE_LAST, output_field=DateTimeField())
    return (
        awaiting(user, area)
        .select_related(*area.related)
        .annotate(
            queue_due=Coalesce("authority_due_at", last),
            queue_asked=Coalesce("authority_requested_at", last),
        )
        .order_by(*QUEUE_ORDER)
    )


def described(area: Authority, records: list) -> list:
    """`records` with what each is and where it is, as the queue shows them."""
    for record in records:
        record.authority_what = area.describe(record)
        record.authority_url = area.url(record)
    return records


def waiting_for(user: User) -> list[dict]:
    """What awaits her authority, area by area: pending records of her facilities that she
    may decide (not those she asked for, nor those sought from another governor); the first
    QUEUE_LIMIT of each, and how many in all."""
    queue = []
    for area in areas_for(user):
        records = pending_for(user, area)
        shown = described(area, list(records[:QUEUE_LIMIT]))
        queue.append({"area": area, "records": shown, "count": records.count()})
    return queue


# The clock


def sweep_late(*, now: datetime | None = None) -> int:
    """Each record taken at once, still in effect and unconfirmed at its limit is escalated
    once: its area's `late` (alerts to the governor and custody) and one audit row. Running
    it again changes nothing; two workers at once skip each other's rows."""
    now = now or timezone.now()
    count = 0
    for area in areas():
        if area.late is None:
            continue
        due = area.model.objects.filter(
            authority=AuthorityState.PENDING,
            authority_due_at__lte=now,
            authority_escalated_at__isnull=True,
            **(area.in_effect or {}),
        )
        for pk in due.values_list("pk", flat=True):
            with transaction.atomic():
                record = (
                    due.filter(pk=pk)
                    .select_for_update(skip_locked=True, of=("self",))
                    .select_related(*area.related)
                    .first()
                )
                if record is None:
                    continue
                record.authority_escalated_at = now
                record.save(update_fields=["authority_escalated_at"])
                area.late(record)
                audit.record(
                    by=None,
                    action="authority.late",
                    subject=record,
                    facility=record.facility,
                    detail={"area": area.key},
                )
                count += 1
    return count


# Oversight


def late_or_refused(
    queryset: QuerySet, *, ended: str = "", now: datetime | None = None
) -> QuerySet:
    """Records whose authority was refused, or confirmed after its limit, or is still awaited
    past it; a record `ended` (the name of its end's timestamp) by its limit was in time."""
    now = now or timezone.now()
    late = Q(authority_due_at__isnull=False) & (
        Q(authority_decided_at__gt=F("authority_due_at"))
        | Q(authority=AuthorityState.PENDING, authority_due_at__lt=now)
    )
    if ended:
        late &= Q(**{f"{ended}__isnull": True}) | Q(**{f"{ended}__gt": F("authority_due_at")})
    return queryset.filter(late | Q(authority=AuthorityState.REFUSED))


# Verbs for an area's API table (`bangkok.actions.Operation`)


def verbs_for(key: str) -> tuple[Callable, Callable]:
    """(confirm, refuse) for the area registered as `key`: `confirm(by=, record=)` and
    `refuse(by=, record=, reason=)`."""
    from .registry import area

    # Verbs are made only for a registered area's key.
    def confirm_verb(*, by: User, record: AwaitsAuthority) -> AwaitsAuthority:
        return confirm(area=area(key), by=by, record=record)  # type: ignore[arg-type]

    def refuse_verb(*, by: User, record: AwaitsAuthority, reason: str) -> AwaitsAuthority:
        return refuse(area=area(key), by=by, record=record, reason=reason)  # type: ignore[arg-type]

    return confirm_verb, refuse_verb
