"""Who may see or touch her visitor list, visits and contact (Rules 26-28, 43, 44).

Social workers keep her visitor list with her (reception may start it at admission); custody
officers book and record visits and see only the visitors she approved, never the ones she
refused or withdrew (a refusal may reveal domestic violence, Rule 44); the governor and the
inspector read. Missing, outside her facilities, and forbidden are the same 404.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from prisoners.permissions import access_woman

if TYPE_CHECKING:
    from collections.abc import Callable
    from uuid import UUID

    from django.contrib.auth.models import AnonymousUser

    from prisoners.models import Prisoner
    from staff.models import User
    from visits.models import Visitor

VIEW_VISITOR = "visits.view_visitor"
VIEW_APPROVED = "visits.view_approved_visitors"
ADD_VISITOR = "visits.add_visitor"
CHANGE_VISITOR = "visits.change_visitor"
VIEW_VISIT = "visits.view_visit"
ADD_VISIT = "visits.add_visit"
CHANGE_VISIT = "visits.change_visit"
VIEW_CONTACT = "visits.view_contact"
ADD_CONTACT = "visits.add_contact"
READ_CHILD_IDENTITY = "register.view_child"

ANY_VISITOR_VIEW = (VIEW_VISITOR, VIEW_APPROVED)
ANY_VIEW = (*ANY_VISITOR_VIEW, VIEW_VISIT, VIEW_CONTACT)


def on_her_list(user: User | AnonymousUser, visitor: Visitor) -> bool:
    """Whether the visitor is there for her: a visitor she refused or withdrew is not, for a
    role that sees approved visitors only (Rule 44)."""
    from .models import VisitorStatus

    return sees_all_visitors(user) or visitor.status == VisitorStatus.APPROVED


def access_with(*perms: str) -> Callable[..., Prisoner]:
    """An access function for `bangkok.actions.Area`: (user, uuid, write=) -> woman."""

    def access(user: User | AnonymousUser, uuid: UUID | str, write: bool = True) -> Prisoner:
        return access_woman(user, uuid, *perms)

    return access


def sees_all_visitors(user: User | AnonymousUser) -> bool:
    return user.has_perm(VIEW_VISITOR)


def sees_child_identity(user: User | AnonymousUser) -> bool:
    return user.has_perm(READ_CHILD_IDENTITY)
