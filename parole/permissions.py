"""The access funnel of the parole area (Rules 45, 59, 63, 64): a woman, or one of her
records, is reached only by a role that reads that part (leave, parole, protective custody)
in her facility; anything else is the 404 of a record that doesn't exist."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404

from prisoners.permissions import access_woman

from .models import HomeTransfer, LeaveRequest, ParoleReview, ProtectiveCustody
from .services import VIEW_CUSTODY, VIEW_LEAVE, VIEW_PAROLE, VIEW_TRANSFER

if TYPE_CHECKING:
    from uuid import UUID

    from prisoners.models import Prisoner

READS = (VIEW_LEAVE, VIEW_PAROLE, VIEW_CUSTODY, VIEW_TRANSFER)
PERM_OF = {
    LeaveRequest: VIEW_LEAVE,
    ParoleReview: VIEW_PAROLE,
    ProtectiveCustody: VIEW_CUSTODY,
    HomeTransfer: VIEW_TRANSFER,
}


def access_her_parole(user, uuid: UUID | str, write: bool = False) -> Prisoner:
    """The woman, if the viewer reads any part of this area in her facility; else 404."""
    return access_woman(user, uuid, *READS)


def sees(user, record) -> bool:
    """Whether the viewer reads this kind of record (her woman is reached already)."""
    return user.has_perm(PERM_OF[type(record)])


def access_her_record(user, model, uuid: UUID | str):
    """One leave request, parole review or protective custody, if the viewer reads its kind
    in its woman's facility; else 404."""
    record = model.objects.filter(uuid=uuid).select_related("prisoner").first()
    if record is None or not sees(user, record):
        raise Http404("No such record in your facilities.")
    access_her_parole(user, record.prisoner.uuid)
    return record
