"""Who reads and keeps what of equality and faith (Rules 54, 55; Mandela 2, 65, 66).

- Her characteristics are read and recorded, with her consent, by social workers, who provide
  for her programmes and her release (Rules 54, 55). Health staff read her disability answer
  and the adjustments she asks for, nothing else. No other role reads them: not custody (they
  are never used for security, Mandela 2), not the governor, not the inspector, who see
  outcomes by group only, counted and suppressed (`equality.outcomes`).
- Her faith needs and the visits of representatives of her faith are kept by social workers
  and read by the governor, who arranges the visits and keeps the facility's representatives
  (Mandela 65.1); the inspector reads the facility's provision, never a woman's faith.

A role without the right, and a woman outside the caller's facilities, are the 404 of a record
that doesn't exist.
"""

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

READ = "equality.view_characteristics"
RECORD = "equality.add_characteristics"
ADJUSTMENTS = "equality.read_adjustments"
VIEW_NEEDS = "equality.view_faithneed"
KEEP_NEEDS = "equality.add_faithneed"
VIEW_VISITS = "equality.view_faithvisit"
ASK_VISIT = "equality.add_faithvisit"
ARRANGE = "equality.change_faithvisit"
VIEW_PROVISION = "equality.view_representative"
KEEP_PROVISION = "equality.change_representative"
OVERSEE_OUTCOMES = "equality.oversee_outcomes"
MISSING = "No such record in your facilities."

# Whoever reads any part of her equality and faith record, and so sees her section.
HER_READERS = (READ, ADJUSTMENTS, VIEW_NEEDS, VIEW_VISITS)


def access_her(user: User | AnonymousUser, uuid: UUID | str, write: bool = False) -> Prisoner:
    """The woman whose equality and faith record the user reads (`write`: adds to), else 404."""
    perms = (RECORD, KEEP_NEEDS, ASK_VISIT) if write else HER_READERS
    return access_woman(user, uuid, *perms)


def access_facility(user: User | AnonymousUser, uuid: UUID | str, perm: str) -> Facility:
    """One of her facilities, if her role holds `perm`; else the 404 of a missing one."""
    return facility_in_reach(user, uuid, perm)


def reads_characteristics(user: User) -> bool:
    return user.has_perm(READ)


def reads_adjustments(user: User) -> bool:
    return user.has_perm(READ) or user.has_perm(ADJUSTMENTS)


def reads_faith(user: User) -> bool:
    return user.has_perm(VIEW_NEEDS) or user.has_perm(VIEW_VISITS)
