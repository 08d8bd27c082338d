"""What a viewer may read of break-glass (Rule 8; RULES-SPEC 1, T4).

The list of accesses (who opened whose file, when, why, until when, and its review) is read by
the reviewers and the inspector, and by whoever broke the glass for her own; it holds nothing
clinical. The emergency part of her file is read only by whoever opened it, while it is open,
each read audited as a confidential read naming the access ("breakglass.read")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404

import audit
from health.reading import emergency_part

from .models import Access
from .permissions import BREAK, accesses_in_scope

if TYPE_CHECKING:
    from uuid import UUID

    from prisoners.models import Prisoner
    from staff.models import User

ORDER = ("-opened_at", "-id")


def accesses_of(user: User, *, unreviewed: bool = False):
    """The accesses she may list, newest first, with who opened them and their review."""
    found = accesses_in_scope(user).select_related(
        "prisoner", "facility", "opened_by", "review", "review__reviewed_by"
    )
    return found.filter(review__isnull=True) if unreviewed else found


def open_to(user: User, prisoner: Prisoner) -> Access | None:
    """Her access to `prisoner`'s file still open, if any."""
    if not user.is_authenticated or not user.has_perm(BREAK):
        return None
    return Access.objects.open_to(user).filter(prisoner=prisoner).first()


def opened_part(user: User, uuid: UUID | str) -> dict:
    """The emergency part of her file opened to `user` by the access `uuid`, with the access;
    one audit row of the confidential read, with the ids shown and the access named. An access
    that isn't hers, or no longer open, is the 404 of one that doesn't exist."""
    access = (
        accesses_in_scope(user)
        .open_to(user)
        .filter(uuid=uuid)
        .select_related("prisoner__facility", "facility")
        .first()
    )
    if access is None:
        raise Http404("No such record in your facilities.")
    data, disclosed = emergency_part(access.prisoner)
    audit.record(
        by=user,
        action="breakglass.read",
        subject=access.prisoner,
        facility=access.facility,
        disclosed=disclosed,
        detail={"access": str(access.uuid), "reason": access.reason},
    )
    return {"access": access, "woman": access.prisoner, **data}
