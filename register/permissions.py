"""Who may know a child's identity (Rule 3.2).

Reception enters children at admission and social workers keep the register; both read it,
in their own facilities. Every other role learns only whether she has children and how
many, never a name, a date of birth or a place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.http import Http404

from bangkok.hooks import takes
from prisoners.permissions import prisoners_visible_to

from .models import Child

if TYPE_CHECKING:
    from collections.abc import Callable
    from uuid import UUID

    from django.contrib.auth.models import AnonymousUser

    from prisoners.models import Prisoner
    from staff.models import User

READ_IDENTITY = "register.view_child"
ADD_CHILD = "register.add_child"
CHANGE_CHILD = "register.change_child"


def can_read_child_identity(user: User | AnonymousUser) -> bool:
    return user.is_authenticated and user.has_perm(READ_IDENTITY)


def access_child(user: User | AnonymousUser, uuid: UUID | str, perm: str = READ_IDENTITY) -> Child:
    """One child in the register, if her mother is in the user's scope and the role holds
    `perm` and may know children's identities (Rule 3.2); else 404."""
    if not can_read_child_identity(user) or not user.has_perm(perm):
        raise Http404("No such child in your facilities.")
    child = (
        Child.objects.filter(uuid=uuid, mother__in=prisoners_visible_to(user))
        .select_related("mother", "mother__facility")
        .first()
    )
    if child is None:
        raise Http404("No such child in your facilities.")
    return child


@dataclass(frozen=True)
class StillEntering:
    """While `entering(mother)` holds, a role that enters children (reception) may also
    correct what was entered: declared by the area where she is received (her admission
    still in reception). After that, social workers keep the register."""

    entering: Callable[[Prisoner], bool]


_ENTERING: list[Callable] = []


def _still_entering(declared: StillEntering) -> None:
    if declared.entering not in _ENTERING:
        _ENTERING.append(declared.entering)


takes(StillEntering, _still_entering)


def may_change_children_of(user: User | AnonymousUser, mother: Prisoner) -> bool:
    """Whether `user` may change her children's records: social workers (Rule 3), and
    reception while her children are still being entered (her admission, Rule 2.2)."""
    if not can_read_child_identity(user):
        return False
    if user.has_perm(CHANGE_CHILD):
        return True
    return user.has_perm(ADD_CHILD) and any(entering(mother) for entering in _ENTERING)


def may_change_child(user: User | AnonymousUser, child: Child) -> bool:
    return may_change_children_of(user, child.mother)
