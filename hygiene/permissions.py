"""Who keeps the hygiene records (Rule 5; RULES-SPEC 2.4): custody officers issue items,
count the stock and record water interruptions; the governor also keeps the catalogue and
its prices; health staff grant the entitlements that rest on clinical grounds (pregnancy,
breastfeeding, menstrual needs), which other roles see only as "approved by health" (Rule 8);
the inspector reads. A facility outside the caller's, or a role without the right, is the
404 of a record that doesn't exist."""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilities.scope import facility_in_reach
from prisoners.permissions import access_woman

if TYPE_CHECKING:
    from uuid import UUID

    from django.contrib.auth.models import AnonymousUser

    from facilities.models import Facility
    from prisoners.models import Prisoner
    from staff.models import User

    from .models import Entitlement

VIEW = "hygiene.view_item"
KEEP_CATALOGUE = "hygiene.change_item"
ISSUE = "hygiene.add_issue"
CHECK_STOCK = "hygiene.add_stockcheck"
RECORD_WATER = "hygiene.add_waterinterruption"
GRANT = "hygiene.add_entitlement"
GRANT_CLINICAL = "hygiene.grant_clinical_entitlement"
VIEW_ENTITLEMENTS = "hygiene.view_entitlement"
MISSING = "No such facility in your facilities."


def access_facility(user: User | AnonymousUser, uuid: UUID | str, perm: str = VIEW) -> Facility:
    """One of her facilities, if her role holds `perm`; else the 404 of a missing one."""
    return facility_in_reach(user, uuid, perm)


def access_her(user: User | AnonymousUser, uuid: UUID | str, write: bool = False) -> Prisoner:
    """The woman whose hygiene record the user reads (`write`: adds to), else 404."""
    perms = (ISSUE, GRANT) if write else (VIEW_ENTITLEMENTS,)
    return access_woman(user, uuid, *perms)


def reads_basis(user: User, entitlement: Entitlement) -> bool:
    """Whether `user` may read why she has it: a clinical basis is for health staff alone."""
    return not entitlement.is_clinical or user.has_perm(GRANT_CLINICAL)
