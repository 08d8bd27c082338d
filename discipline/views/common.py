"""Her discipline section on the woman's page."""

from ..permissions import ANY_VIEW
from ..reading import record_of, segregation_bar
from ..services.common import ADJUDICATE, LAY_CHARGE, RESTRICT, SEGREGATE


def section_context(request, prisoner):
    """Her discipline section, for a role that reads any of it; absent for the others."""
    user = request.user
    if not any(user.has_perm(perm) for perm in ANY_VIEW):
        return None
    can_segregate = user.has_perm(SEGREGATE) or user.has_perm(ADJUDICATE)
    return {
        "woman": prisoner,
        **record_of(user, prisoner),
        "can_lay_charge": user.has_perm(LAY_CHARGE),
        "can_segregate": can_segregate,
        "segregation_bar": segregation_bar(user, prisoner) if can_segregate else None,
        "can_restrict": user.has_perm(RESTRICT),
    }
