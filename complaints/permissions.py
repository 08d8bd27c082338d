"""The access funnel for complaints (Rules 7, 25; Mandela 57.2, 71.3).

Safeguarding staff and inspectors read complaints of their facilities, except any that names
them: to a member of staff it names, a complaint doesn't exist (404, absent from every list
and count). The governor reads that one exists and its status only. Actions held after her
report are absent, in the same way, for every member of staff named in any of her complaints
(Rule 25; Mandela 57.2, 71.3).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.http import Http404

from facilities.scope import facilities_of
from prisoners.withheld import without_withheld

from .models import Complaint, HeldAction

if TYPE_CHECKING:
    from uuid import UUID

    from django.contrib.auth.models import AnonymousUser

    from staff.models import User

READ = "complaints.view_complaint"
STATUS = "complaints.view_complaint_status"
HELD = "complaints.view_heldaction"


def complaints_visible_to(user: User | AnonymousUser, perm: str = READ) -> QuerySet[Complaint]:
    if not user.is_authenticated or not user.has_perm(perm):
        return Complaint.objects.none()
    # A girl's sealed records (Havana r. 19) are in no list, search or page of complaints.
    return without_withheld(Complaint.objects.filter(facility__in=facilities_of(user))).not_naming(
        user
    )


def access_complaint(user: User | AnonymousUser, uuid: UUID | str) -> Complaint:
    """One complaint with its content, or 404 (missing, forbidden, or naming her alike)."""
    complaint = (
        complaints_visible_to(user)
        .select_related("prisoner", "facility", "received_by", "assigned_to")
        .filter(uuid=uuid)
        .first()
    )
    if complaint is None:
        raise Http404("No such complaint in your facilities.")
    return complaint


def held_actions_visible_to(user: User | AnonymousUser) -> QuerySet[HeldAction]:
    if not user.is_authenticated or not user.has_perm(HELD):
        return HeldAction.objects.none()
    held = without_withheld(HeldAction.objects.filter(facility__in=facilities_of(user)))
    return not_named_in_hers(held, user)


def not_named_in_hers(held: QuerySet[HeldAction], user: User) -> QuerySet[HeldAction]:
    """Held actions against women none of whose complaints names `user`."""
    return held.exclude(prisoner__complaints__named_staff=user)


def named_in_hers(user: User) -> QuerySet[HeldAction]:
    """What `not_named_in_hers` leaves out: the held actions against a woman a complaint of
    whose names `user`."""
    return HeldAction.objects.filter(prisoner__complaints__named_staff=user)


def access_held_action(user: User | AnonymousUser, uuid: UUID | str) -> HeldAction:
    held = (
        held_actions_visible_to(user)
        .select_related("prisoner", "requested_by", "safeguarding_by", "governor_by")
        .filter(uuid=uuid)
        .first()
    )
    if held is None:
        raise Http404("No such held action in your facilities.")
    return held
