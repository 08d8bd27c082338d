"""Her complaints on her page: their subject for those who read complaints (the read is
audited), only their status for the governor, and nothing that names the viewer: to a member
of staff named in one, her page is what it would be without it."""

import audit

from .models import HeldStatus
from .permissions import READ, STATUS, complaints_visible_to, held_actions_visible_to
from .services.complaints import LODGE
from .services.safeguarding import protection_shown_to

SHOWN = 20


def complaints_section(*, viewer, prisoner) -> dict | None:
    reads, status_only = viewer.has_perm(READ), viewer.has_perm(STATUS)
    may_lodge = viewer.has_perm(LODGE)
    if not (reads or status_only or may_lodge):
        return None
    context = {"woman": prisoner, "reads": reads, "status_only": status_only}
    context["may_lodge"] = may_lodge
    if reads or status_only:
        complaints = list(
            complaints_visible_to(viewer, READ if reads else STATUS).filter(prisoner=prisoner)[
                :SHOWN
            ]
        )
        if reads and complaints:
            audit.record(
                by=viewer,
                action="complaints.listed",
                subject=prisoner,
                facility=prisoner.facility,
                disclosed=[str(c.uuid) for c in complaints],
            )
        context["complaints"] = complaints
        # Nothing here tells a member of staff named in her complaints that one exists.
        context["protected"] = protection_shown_to(viewer, prisoner)
        held = held_actions_visible_to(viewer).filter(prisoner=prisoner, status=HeldStatus.HELD)
        context["held_count"] = held.count()
    return context
