"""What the prison asks to do to her family contact: cancel a booked visit, or withdraw a
person from her visitor list (Rules 23, 43, 44; Mandela 43.3).

Visits are encouraged and facilitated (Rule 43) and family contact is restricted only as
strictly required for security and order (Mandela 43.3): a custody officer or a social worker
asks, with the reason written down, and it takes effect only once a governor of her facility,
never whoever asked, confirms it (`authority.services`), checked again then. Every woman's
request goes through that step, so one asked for while she is protected after a report (Rules
7.3, 25.1) is recorded the same way and only the confirmation waits for both reviews: whoever
asked learns nothing more. Her own cancellation and her own withdrawal of a visitor are hers,
and take effect at once (`bookings.cancel_visit`, `visitors.withdraw_visitor`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from authority.models import AuthorityState
from authority.registry import Authority
from authority.services import end_undecided, seek, sought, verbs_for
from bangkok.errors import RuleBroken
from bangkok.formats import human_day
from complaints.models import AdverseKind
from complaints.services import hold_if_protected

from ..models import (
    CancelledBy,
    Visit,
    VisitCancellation,
    Visitor,
    VisitorStatus,
    VisitorWithdrawal,
    VisitStatus,
)
from ..permissions import CHANGE_VISITOR
from .bookings import booked_visit
from .common import log, require
from .visitors import KEEP

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from django.utils.functional import Promise

    from authority.models import AwaitsAuthority
    from complaints.models import HeldAction
    from staff.models import User

# The governor, who restricts her contact for security (Mandela 43.3), confirms.
CONFIRM = "discipline.add_contactrestriction"


def _ask(
    area: Authority,
    record: AwaitsAuthority,
    *,
    by: User,
    sought_from: User | None,
    kind: str,
    summary: Promise,
    summary_params: dict,
    held: HeldAction | None,
) -> None:
    """Save the request awaiting a governor's authority, remind her, and hold it for review
    while she is protected after a report (the answer is the same either way)."""
    seek(area, record, by=by, sought_from=sought_from)
    record.full_clean()
    record.save()
    sought(area, record, by=by)
    hold_if_protected(
        by=by,
        prisoner=record.prisoner,
        kind=kind,
        summary=summary,
        summary_params=summary_params,
        params={"record": str(record.uuid)},
        carrying_out=held,
        record=record,
    )


def _no_other_pending(requests: QuerySet) -> None:
    if requests.filter(authority=AuthorityState.PENDING).exists():
        raise ValidationError(_("This already awaits a governor's confirmation."))


@transaction.atomic
def ask_to_cancel_visit(
    *,
    by: User,
    visit: Visit,
    reason: str,
    sought_from: User | None = None,
    held: HeldAction | None = None,
) -> VisitCancellation:
    """The prison asks to cancel a booked visit, saying why (Rule 43): the visit stays booked
    until a governor confirms the cancellation."""
    visit = booked_visit(by, visit)
    reason = (reason or "").strip()
    if not reason:
        raise RuleBroken(
            _("Visits are encouraged and facilitated: say why the prison cancelled this one"),
            rule="43",
            field="reason",
        )
    _no_other_pending(visit.cancellations.all())
    record = VisitCancellation(
        visit=visit,
        prisoner=visit.prisoner,
        facility=visit.facility,
        reason=reason,
        asked_by=by,
    )
    _ask(
        CANCELLATIONS,
        record,
        by=by,
        sought_from=sought_from,
        kind=AdverseKind.VISIT_CANCELLATION,
        summary=gettext_lazy("A visit cancelled: %(reason)s"),
        summary_params={"reason": reason},
        held=held,
    )
    log(by, "visits.cancellation_asked", record, visit.prisoner)
    return record


def _check_cancellation(record: VisitCancellation) -> None:
    if record.visit.status != VisitStatus.BOOKED:
        raise ValidationError(_("This visit is already recorded as held or cancelled."))


def _on_cancellation_confirmed(record: VisitCancellation, *, by: User) -> list[str]:
    visit = Visit.objects.select_for_update().get(pk=record.visit_id)
    visit.status, visit.cancelled_by = VisitStatus.CANCELLED, CancelledBy.PRISON
    visit.cancel_reason = record.reason
    visit.closed_at, visit.closed_by = timezone.now(), by
    visit.full_clean()
    visit.save(update_fields=["status", "cancelled_by", "cancel_reason", "closed_at", "closed_by"])
    log(by, "visits.visit_cancelled", visit, visit.prisoner, cancelled_by=CancelledBy.PRISON)
    return []


CANCELLATIONS = Authority(
    key="visit-cancellations",
    model=VisitCancellation,
    perm=CONFIRM,
    title=gettext_lazy("a visit cancelled by the prison"),
    rule="43",
    describe=lambda record: (
        _("Visit of %(day)s: %(reason)s")
        % {
            "day": human_day(timezone.localtime(record.visit.starts_at).date()),
            "reason": record.reason,
        }
    ),
    url=lambda record: reverse("visits:visit", kwargs={"uuid": record.visit.uuid}),
    check=_check_cancellation,
    confirmed=_on_cancellation_confirmed,
    undecided={"visit__status": VisitStatus.BOOKED},
    related=("prisoner", "facility", "authority_requested_by", "visit"),
    order=340,
)
confirm_cancellation, refuse_cancellation = verbs_for(CANCELLATIONS.key)


def visit_closed(visit: Visit, *, by: User) -> None:
    """The visit was held or cancelled otherwise: a cancellation asked for it and still
    awaiting a governor ends with it and leaves her queue."""
    end_undecided(CANCELLATIONS, visit.cancellations.all(), by=by, reason="Visit no longer booked")


def _check_withdrawable(visitor: Visitor) -> None:
    """Never her child (Rule 23); never a person a court ordered may visit her; only a
    person still on her list."""
    if visitor.is_her_child:
        raise RuleBroken(
            _(
                "The prison can't withdraw her child from her visitor list: family contact, "
                "especially with her children, is never prohibited"
            ),
            rule="23",
        )
    if visitor.by_court_order:
        raise ValidationError(_("A court ordered these visits: only a court can change that."))
    if visitor.status not in (VisitorStatus.PROPOSED, VisitorStatus.APPROVED):
        raise ValidationError(_("This person is no longer on her visitor list."))


@transaction.atomic
def ask_to_withdraw_visitor(
    *,
    by: User,
    visitor: Visitor,
    reason: str,
    sought_from: User | None = None,
    held: HeldAction | None = None,
) -> VisitorWithdrawal:
    """The prison asks to withdraw a person from her visitor list, for security, saying why
    (Mandela 43.3): they stay on her list, and on the visits booked with them, until a
    governor confirms it. Never her child (Rule 23)."""
    require(by, visitor.prisoner, CHANGE_VISITOR, message=KEEP)
    visitor = Visitor.objects.select_for_update().select_related("prisoner").get(pk=visitor.pk)
    _check_withdrawable(visitor)
    reason = (reason or "").strip()
    if not reason:
        raise RuleBroken(
            _(
                "Family contact is restricted only as strictly required for security and "
                "order: say why the prison withdraws this person"
            ),
            rule="M43",
            field="reason",
        )
    _no_other_pending(visitor.withdrawals.all())
    record = VisitorWithdrawal(
        visitor=visitor,
        prisoner=visitor.prisoner,
        facility=visitor.prisoner.facility,
        reason=reason,
        asked_by=by,
    )
    _ask(
        WITHDRAWALS,
        record,
        by=by,
        sought_from=sought_from,
        kind=AdverseKind.VISITOR_WITHDRAWAL,
        summary=gettext_lazy("A visitor withdrawn: %(reason)s"),
        summary_params={"reason": reason},
        held=held,
    )
    log(by, "visits.withdrawal_asked", record, visitor.prisoner)
    return record


def _check_withdrawal(record: VisitorWithdrawal) -> None:
    _check_withdrawable(Visitor.objects.select_for_update().get(pk=record.visitor_id))


def _on_withdrawal_confirmed(record: VisitorWithdrawal, *, by: User) -> list[str]:
    from .visitors import take_off_booked_visits

    visitor = Visitor.objects.select_for_update().get(pk=record.visitor_id)
    visitor.status = VisitorStatus.REMOVED
    visitor.withdrawn_at, visitor.withdrawn_by = timezone.now(), by
    visitor.save(update_fields=["status", "withdrawn_at", "withdrawn_by"])
    take_off_booked_visits(
        visitor,
        by=by,
        cancelled_by=CancelledBy.PRISON,
        reason="The prison withdrew the visitor from her list.",
    )
    log(by, "visits.visitor_removed", visitor, visitor.prisoner)
    return []


WITHDRAWALS = Authority(
    key="visitor-withdrawals",
    model=VisitorWithdrawal,
    perm=CONFIRM,
    title=gettext_lazy("a visitor withdrawn by the prison"),
    rule="M43",
    describe=lambda record: f"{record.visitor.name}: {record.reason}",
    url=lambda record: reverse("visits:visitors", kwargs={"uuid": record.prisoner.uuid}),
    check=_check_withdrawal,
    confirmed=_on_withdrawal_confirmed,
    undecided={
        "visitor__status__in": [VisitorStatus.PROPOSED, VisitorStatus.APPROVED],
        "visitor__court_order_reference": "",
    },
    related=("prisoner", "facility", "authority_requested_by", "visitor"),
    order=341,
)
confirm_withdrawal, refuse_withdrawal = verbs_for(WITHDRAWALS.key)


def visitor_settled(visitor: Visitor, *, by: User) -> None:
    """She withdrew or refused the person, or a court ordered their visits: a withdrawal by
    the prison still awaiting a governor ends and leaves her queue."""
    end_undecided(WITHDRAWALS, visitor.withdrawals.all(), by=by, reason="Visitor list changed")
