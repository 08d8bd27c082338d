"""Who may know a child's identity (Rule 3.2).

Reception enters children at admission and social workers keep the register; both read it,
in their own facilities. Every other role learns only whether she has children and how
many, never a name, a date of birth or a place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404

from prisoners.permissions import prisoners_visible_to

from .models import Child

if TYPE_CHECKING:
    from uuid import UUID

    from django.contrib.auth.models import AnonymousUser

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
