"""What a viewer may read of her leave, parole and protective custody (Rules 45, 59, 63,
64), for her page, the area's pages and the API alike. Each part is absent for a role that
doesn't read it; the caretaking section of a parole review, and whom she will see on leave and
where, which may name her children, are read only by roles that read children's identities
(and the leave by the governor who decides it), and each read of them is audited (Rule
3.2). No clinical fact is kept in this area (a review of non-custodial options never says
what prompted it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import audit
from reminders.models import Reminder

from . import services
from .models import LeaveRequest, LeaveStatus, ParoleReview

if TYPE_CHECKING:
    from prisoners.models import Prisoner
    from staff.models import User

SHOWN = 5


def her_leave(prisoner: Prisoner):
    return prisoner.leave_requests.select_related("requested_by", "decided_by", "outcome_by")


def her_parole_reviews(prisoner: Prisoner):
    return prisoner.parole_reviews.select_related("prepared_by", "submitted_by")


def her_protective_custody(prisoner: Prisoner):
    return prisoner.protective_custody.select_related("recorded_by", "ended_by").prefetch_related(
        "reviews__reviewed_by"
    )


def her_home_transfers(prisoner: Prisoner):
    return prisoner.home_transfers.select_related("recorded_by", "decided_by")


def next_due(prisoner: Prisoner, kind: str):
    return (
        Reminder.objects.open()
        .filter(prisoner=prisoner, kind=kind)
        .order_by("due_at")
        .values_list("due_at", flat=True)
        .first()
    )


def shows_caretaking(viewer: User) -> bool:
    return viewer.has_perm(services.READ_CARETAKING)


def disclosed(*, viewer: User, records) -> None:
    """Audit a read that showed what may name her children (Rule 3.2): whom she will see on
    leave and where, a parole review's caretaking section. Nothing is recorded for a reader
    who was shown neither, nor for records that hold none of it."""
    shown = [
        record
        for record in records
        if (isinstance(record, ParoleReview) and record.caretaking and shows_caretaking(viewer))
        or (isinstance(record, LeaveRequest) and services.reads_leave_details(viewer))
    ]
    if shown:
        prisoner = shown[0].prisoner
        audit.record(
            by=viewer,
            action="parole.children_details_read",
            subject=prisoner,
            facility=prisoner.facility,
            disclosed=[record.uuid for record in shown],
        )


def reads_of(viewer: User, prisoner: Prisoner) -> dict[str, bool]:
    """Which parts of the area a viewer reads about her (her row and permissions only)."""
    reads = {
        "leave": viewer.has_perm(services.VIEW_LEAVE),
        "parole": viewer.has_perm(services.VIEW_PAROLE),
        "custody": viewer.has_perm(services.VIEW_CUSTODY),
        "transfer": viewer.has_perm(services.VIEW_TRANSFER),
    }
    # Her transfer home is for a foreign national (Rule 53.1): nothing to read for others.
    reads["transfer"] = reads["transfer"] and prisoner.is_foreign_national
    return reads


def reads_any(request, prisoner) -> bool:
    """Whether her page shows the area's section to this viewer."""
    return any(reads_of(request.user, prisoner).values())


def her_parole(*, viewer: User, prisoner: Prisoner) -> dict | None:
    """Everything of the area a viewer may read about her, part by part (None: nothing)."""
    reads = reads_of(viewer, prisoner)
    if not any(reads.values()):
        return None
    parts: dict = {"woman": prisoner, "reads": reads}
    if reads["leave"]:
        parts["leave"] = list(her_leave(prisoner)[:SHOWN])
        parts["eligibility"] = prisoner.leave_eligibility.select_related("reviewed_by").first()
        parts["eligibility_due"] = next_due(prisoner, services.ELIGIBILITY_KIND)
        parts["leave_counts"] = {
            status: prisoner.leave_requests.filter(status=status).count()
            for status in LeaveStatus.values
        }
    if reads["parole"]:
        parts["parole_reviews"] = list(her_parole_reviews(prisoner)[:SHOWN])
        parts["noncustodial"] = list(
            prisoner.noncustodial_reviews.select_related("reviewed_by")[:SHOWN]
        )
        parts["noncustodial_due"] = next_due(prisoner, services.NONCUSTODIAL_KIND)
        parts["caretaking_shown"] = shows_caretaking(viewer)
    if reads["custody"]:
        parts["custody"] = list(her_protective_custody(prisoner)[:SHOWN])
        parts["custody_review_due"] = next_due(prisoner, services.CUSTODY_REVIEW_KIND)
    if reads["transfer"]:
        parts["transfers"] = list(her_home_transfers(prisoner)[:SHOWN])
        parts["transfer_due"] = next_due(prisoner, services.TRANSFER_KIND)
    parts["can"] = {
        name: viewer.has_perm(perm)
        for name, perm in (
            ("request_leave", services.REQUEST_LEAVE),
            ("review_eligibility", services.REVIEW_ELIGIBILITY),
            ("prepare_parole", services.PREPARE_PAROLE),
            ("review_noncustodial", services.REVIEW_NONCUSTODIAL),
            ("start_custody", services.START_CUSTODY),
            ("consider_transfer", services.CONSIDER_TRANSFER),
        )
    }
    parts["in_protective_custody"] = any(c.is_current for c in parts.get("custody", []))
    return parts
