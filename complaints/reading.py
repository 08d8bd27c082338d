"""Her complaints as a viewer may read them (Rules 7, 25; Mandela 57.2, 71.3), and the audit
of every read of their content, written here once for her page, the complaint's page and
the API, in the caller's transaction (a read whose row can't be written fails with it).

Safeguarding staff and inspectors read them whole, the governor their status only; a
complaint that names the viewer is absent from all of it (`permissions`), and nothing on her
page tells a member of staff named in one that it exists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied

import audit

from .models import Complaint, ComplaintStatus, HeldStatus
from .permissions import HELD, READ, STATUS, complaints_visible_to, held_actions_visible_to
from .services.complaints import DEAL, LODGE
from .services.safeguarding import protection_shown_to

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from facilities.models import Facility
    from prisoners.models import Prisoner
    from staff.models import User

    from .models import HeldAction

SHOWN = 20


def reads_content(viewer: User) -> bool:
    return viewer.has_perm(READ)


def her_complaints(viewer: User, woman: Prisoner) -> QuerySet[Complaint]:
    """Her complaints the viewer may know of: whole for those who read them, status only for
    the governor; none for anyone else."""
    perm = READ if reads_content(viewer) else STATUS
    return complaints_visible_to(viewer, perm).filter(prisoner=woman)


def listed(
    *, viewer: User, woman: Prisoner, facility: Facility, complaints: list[Complaint]
) -> None:
    """A list of her complaints was shown whole: audited with their ids (Rule 25)."""
    if reads_content(viewer) and complaints:
        audit.record(
            by=viewer,
            action="complaints.listed",
            subject=woman,
            facility=facility,
            disclosed=[str(c.uuid) for c in complaints],
        )


def read(*, viewer: User, complaint: Complaint) -> Complaint:
    """Every read of a complaint's content is audited (Rule 25; ARCHITECTURE 3)."""
    audit.record(
        by=viewer,
        action="complaints.read",
        subject=complaint,
        facility=complaint.facility,
        disclosed=[str(complaint.uuid)],
    )
    return complaint


def held_actions(viewer: User) -> QuerySet[HeldAction]:
    """Actions held after a report that the viewer may see, with the woman and who asked, for
    a list (Rules 7.3, 25.1); refused to a role that sees none."""
    if not viewer.has_perm(HELD):
        raise PermissionDenied
    return held_actions_visible_to(viewer).select_related("prisoner", "requested_by")


def complaints_section(*, viewer: User, prisoner: Prisoner) -> dict | None:
    """Her page's section: her latest complaints (their subject, the read audited) or their
    status, whether she is protected against retaliation and how many actions are held."""
    reads, status_only = reads_content(viewer), viewer.has_perm(STATUS)
    may_lodge = viewer.has_perm(LODGE)
    if not (reads or status_only or may_lodge):
        return None
    context = {"woman": prisoner, "reads": reads, "status_only": status_only}
    context["may_lodge"] = may_lodge
    if reads or status_only:
        complaints = list(her_complaints(viewer, prisoner)[:SHOWN])
        listed(viewer=viewer, woman=prisoner, facility=prisoner.facility, complaints=complaints)
        context["complaints"] = complaints
        # Nothing here tells a member of staff named in her complaints that one exists.
        context["protected"] = protection_shown_to(viewer, prisoner)
        held = held_actions_visible_to(viewer).filter(prisoner=prisoner, status=HeldStatus.HELD)
        context["held_count"] = held.count()
    return context


def caseload(viewer: User) -> QuerySet[Complaint]:
    """The open complaints of her facilities that safeguarding staff deal with, none naming
    her, with the woman for a list (Rule 25; Mandela 57); none for a role that doesn't deal
    with them."""
    if not viewer.has_perm(DEAL):
        return Complaint.objects.none()
    return (
        complaints_visible_to(viewer)
        .exclude(status=ComplaintStatus.CLOSED)
        .select_related("prisoner", "facility")
    )


def caseload_listed(viewer: User, complaints: list[Complaint]) -> None:
    """A page of the caseload was shown (what each is about): audited with their ids."""
    if complaints:
        audit.record(
            by=viewer,
            action="complaints.caseload_listed",
            disclosed=[str(c.uuid) for c in complaints],
        )


def held_for_review(viewer: User) -> QuerySet[HeldAction]:
    """The actions still held after a report, for the reviewers' queue (Rules 7.3, 25.1)."""
    if not viewer.has_perm(HELD):
        return held_actions_visible_to(viewer)
    return held_actions(viewer).filter(status=HeldStatus.HELD)
