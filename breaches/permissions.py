"""Who records and who reads a breach. Any role that writes her case records may record one
(the inspector never writes); the governor, the inspector and health staff read them. The
account of a breach whose kind may carry clinical detail is for health staff alone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from prisoners.permissions import access_prisoner

if TYPE_CHECKING:
    from uuid import UUID

    from django.contrib.auth.models import AnonymousUser

    from breaches.models import Breach
    from prisoners.models import Prisoner
    from staff.models import User

RECORD = "breaches.add_breach"
VIEW = "breaches.view_breach"
HEALTH_ROLE = "health"


def access_to_record(user: User | AnonymousUser, uuid: UUID | str) -> Prisoner:
    """The woman, if the user may record a breach and she is in the user's facilities; else
    the 404 of a woman who doesn't exist."""
    return access_prisoner(user, uuid, perm=RECORD)


def access_to_read(user: User | AnonymousUser, uuid: UUID | str, write: bool = False) -> Prisoner:
    """The woman whose breaches the user reads (`write`: records), else 404."""
    return access_prisoner(user, uuid, perm=RECORD if write else VIEW)


def reads_account(user: User, breach: Breach) -> bool:
    """Whether `user` may read the account itself (not only its kind, rule and time)."""
    return not breach.is_clinical or user.role_code == HEALTH_ROLE
