"""Who oversees which facilities (Rules 25.3, 67-70): the governor and the inspector, only
the facilities they are assigned to; everyone else is refused the oversight pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from facilities.models import Facility
from facilities.scope import facilities_of

from .registry import OVERSEE

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from staff.models import User


def facilities_overseen(user: User | AnonymousUser) -> QuerySet[Facility]:
    if not user.is_authenticated or not user.has_perm(OVERSEE):
        raise PermissionDenied
    return facilities_of(user)
