"""Who oversees which facilities (Rules 25.3, 67-70): the governor and the inspector, only
the facilities they are assigned to; everyone else is refused the oversight pages."""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from facilities.models import Facility
from facilities.scope import facilities_of

from .registry import OVERSEE


def facilities_overseen(user) -> QuerySet[Facility]:
    if not user.is_authenticated or not user.has_perm(OVERSEE):
        raise PermissionDenied
    return facilities_of(user)
