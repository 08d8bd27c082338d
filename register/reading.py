"""Her children as a viewer may read them (Rule 3.2): their identities only for a role that
may know them, every such read audited with the ids of the children it disclosed, in the
caller's transaction (a read whose row can't be written fails with it); every other role
learns only how many children she has."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

import audit
from prisoners.models import CustodyStatus
from prisoners.permissions import prisoners_visible_to

from .models import BestInterestsDecision, Child, Custody, UnitApplication
from .permissions import (
    CHANGE_CHILD,
    READ_IDENTITY,
    can_read_child_identity,
    may_change_children_of,
)
from .services import open_plan, plan_missing, separation_decision

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from prisoners.models import Prisoner
    from staff.models import User


def children_count(mother: Prisoner) -> int:
    return mother.children.count()


def children_of(*, viewer: User, mother: Prisoner) -> list[Child]:
    """Her children's records, for a role that may know them; the read is audited (Rule 3.2)."""
    if not viewer.has_perm(READ_IDENTITY):
        raise PermissionDenied(_("Children's identities are confidential (Rule 3.2)."))
    children = list(mother.children.all())
    if children:
        audit.record(
            by=viewer,
            action="child.identity_read",
            subject=mother,
            facility=mother.facility,
            disclosed=[child.uuid for child in children],
        )
    return children


def child_read(*, viewer: User, child: Child) -> Child:
    """One child's record, opened to be corrected, for a role that may know it; the read is
    audited with the child's id (Rule 3.2)."""
    if not can_read_child_identity(viewer):
        raise PermissionDenied(_("Children's identities are confidential (Rule 3.2)."))
    audit.record(
        by=viewer,
        action="child.identity_read",
        subject=child.mother,
        facility=child.mother.facility,
        disclosed=[child.uuid],
    )
    return child


def children_section(*, viewer: User, mother: Prisoner) -> dict:
    """Her page's children section: identities for those who may know them, else a count."""
    if can_read_child_identity(viewer):
        children = children_of(viewer=viewer, mother=mother)
        return {
            "identity": True,
            "children": children,
            "count": len(children),
            "can_separate": viewer.has_perm(CHANGE_CHILD),
            "can_change": bool(children) and may_change_children_of(viewer, mother),
            "mother": mother,
            "today": timezone.localdate(),
        }
    return {"identity": False, "count": children_count(mother)}


# A child outside whose whereabouts or carer is not known (Rule 3.1), and a dependent child
# outside with neither an arrangement nor a reason why none could be made (Rule 2.2).
WHEREABOUTS_UNKNOWN = Q(lives_with_mother=False) & (
    Q(location_unknown=True) | Q(custody=Custody.UNKNOWN)
)
NO_ARRANGEMENT = Q(
    dependent=True, lives_with_mother=False, arrangements="", no_arrangements_reason=""
)


def children_to_follow_up(viewer: User) -> QuerySet[Child]:
    """The children of women in custody in her facilities whose whereabouts are unknown or
    who have no arrangement, for the social workers' queue; none for a role that may not
    know a child's identity (Rule 3.2)."""
    if not can_read_child_identity(viewer):
        return Child.objects.none()
    return Child.objects.filter(
        WHEREABOUTS_UNKNOWN | NO_ARRANGEMENT,
        mother__in=prisoners_visible_to(viewer),
        mother__custody_status=CustodyStatus.IN_CUSTODY,
    ).select_related("mother")


def children_listed(viewer: User, children: list[Child]) -> None:
    """A page of children was shown with their identities: audited with their ids (Rule 3.2)."""
    if children:
        audit.record(
            by=viewer, action="child.identity_read", disclosed=[child.uuid for child in children]
        )


def decisions_of(mother: Prisoner) -> list[BestInterestsDecision]:
    """Her best-interests decisions, newest first, for a page already audited as reading her
    children's identities (Rule 3.2)."""
    return list(mother.best_interests_decisions.select_related("child", "decided_by")[:50])


def separation_state(child: Child) -> dict:
    """Where a child living with her stands on the way to a separation (Rule 52): the decision
    it rests on, the open plan and what either still lacks, each with its rule."""
    plan = open_plan(child)
    decision = separation_decision(child)
    missing = [(refusal.rule, refusal.message) for refusal in plan_missing(plan, child.mother)]
    if decision is None:
        missing.insert(
            0,
            (
                "52.1",
                _("No best-interests decision that the child lives apart from her (Rule 52.1)."),
            ),
        )
    return {
        "child": child,
        "plan": plan,
        "decision": decision,
        "missing": missing,
        "foreign": child.mother.is_foreign_national,
    }


# A child living with her whose best-interests review is past due (Rules 49, 52.1), or
# falls due within the notice period.
def review_overdue(now) -> Q:
    return Q(lives_with_mother=True, review_due_on__lt=timezone.localdate(now))


def review_due_soon(now) -> Q:
    today = timezone.localdate(now)
    notice = today + timedelta(days=settings.CHILD_IN_PRISON_REVIEW_NOTICE_DAYS)
    return Q(lives_with_mother=True, review_due_on__gte=today, review_due_on__lte=notice)


def children_in_prison(viewer: User) -> QuerySet[Child]:
    """The children living with their mothers in her facilities, for the social workers'
    queue of reviews; none for a role that may not know a child's identity (Rule 3.2)."""
    if not can_read_child_identity(viewer):
        return Child.objects.none()
    return Child.objects.filter(
        lives_with_mother=True,
        mother__in=prisoners_visible_to(viewer),
        mother__custody_status=CustodyStatus.IN_CUSTODY,
    ).select_related("mother")


def unit_applications_of(*, viewer: User, mother: Prisoner) -> list[UnitApplication]:
    """Her applications for a place in the unit, for a role that may know her children; the
    read is audited (Rule 3.2)."""
    if not can_read_child_identity(viewer):
        raise PermissionDenied(_("Children's identities are confidential (Rule 3.2)."))
    applications = list(mother.unit_applications.select_related("child")[:50])
    if applications:
        audit.record(
            by=viewer,
            action="register.unit_applications_read",
            subject=mother,
            facility=mother.facility,
            disclosed=[application.uuid for application in applications],
        )
    return applications


def unit_application_read(*, viewer: User, application: UnitApplication) -> UnitApplication:
    if not can_read_child_identity(viewer):
        raise PermissionDenied(_("Children's identities are confidential (Rule 3.2)."))
    audit.record(
        by=viewer,
        action="register.unit_applications_read",
        subject=application.mother,
        facility=application.mother.facility,
        disclosed=[application.uuid],
    )
    return application


def activities_of(*, viewer: User, child: Child):
    """The days of a child's life in prison (Rules 42.2, 50, 51.2), newest first, for a role
    that may know the child; the read is audited with the child's id (Rule 3.2)."""
    child_read(viewer=viewer, child=child)
    return child.activities.select_related("recorded_by")
