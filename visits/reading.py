"""Reading her visitor list, visits and contact, as each role may see them (Rule 44; Rule 3.2).

A role that sees approved visitors only never reads a refused or withdrawn one: the list is
filtered before anything leaves the database. Her children's names are shown only to roles
that may know them; every other role reads "Her child".
"""

from datetime import timedelta

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Contact, LinkStatus, Visit, Visitor, VisitorStatus, VisitStatus, VisitVisitor
from .permissions import VIEW_APPROVED, sees_all_visitors, sees_child_identity

RECENT_CONTACT_DAYS = 90


def visitors_for(viewer, prisoner) -> QuerySet[Visitor]:
    """Her visitors the viewer may see: all of them with their consultation, or the approved
    ones only; none for any other role."""
    visitors = Visitor.objects.filter(prisoner=prisoner).order_by("added_at", "id")
    if sees_all_visitors(viewer):
        return visitors.select_related("consulted_by")
    if viewer.has_perm(VIEW_APPROVED):
        return visitors.filter(status=VisitorStatus.APPROVED)
    return visitors.none()


def label(viewer, visitor: Visitor) -> str:
    """The visitor's name as this viewer may read it: "Her child" for her child unless the
    role may know her children; for custody, nobody's name once she has withdrawn them (a
    past visit keeps its visitors)."""
    if visitor.is_her_child and not sees_child_identity(viewer):
        return _("Her child")
    if visitor.status != VisitorStatus.APPROVED and not sees_all_visitors(viewer):
        return _("A visitor no longer on her list")
    return visitor.name


def labelled(viewer, visitors) -> list[Visitor]:
    """The visitors, each with `shown_name` for this viewer."""
    visitors = list(visitors)
    masked = [v for v in visitors if label(viewer, v) != v.name and v.is_her_child]
    for visitor in visitors:
        visitor.shown_name = label(viewer, visitor)
    if len(masked) > 1:  # her children told apart without naming them
        for n, visitor in enumerate(masked, start=1):
            visitor.shown_name = _("Her child (%(n)s)") % {"n": n}
    return visitors


def with_visitors(visits: QuerySet[Visit]) -> QuerySet[Visit]:
    """The visits, each with `links_on`: the links of the visitors still on it."""
    on = VisitVisitor.objects.filter(status=LinkStatus.ON).select_related("visitor")
    return visits.select_related("prisoner").prefetch_related(
        Prefetch(
            "visitor_links",
            on.order_by("visitor__added_at", "visitor__id"),
            to_attr="links_on",
        )
    )


def label_visits(viewer, visits) -> list[Visit]:
    """The visits, each with `shown_visitors` (names as this viewer may read them)."""
    visits = list(visits)
    for visit in visits:
        visit.shown_visitors = [label(viewer, link.visitor) for link in visit.links_on]
    return visits


def contact_label(viewer, contact: Contact) -> str:
    if contact.child_id is not None:
        return _("Her child")
    # Not with her child: with a visitor (contact constraint).
    return label(viewer, contact.visitor)  # type: ignore[arg-type]


def label_contacts(viewer, contacts) -> list[Contact]:
    contacts = list(contacts)
    for contact in contacts:
        contact.with_whom = contact_label(viewer, contact)
    return contacts


def contacts_of(prisoner) -> QuerySet[Contact]:
    return Contact.objects.filter(prisoner=prisoner).select_related("visitor")


def recent_contacts(prisoner) -> QuerySet[Contact]:
    since = timezone.now() - timedelta(days=RECENT_CONTACT_DAYS)
    return contacts_of(prisoner).filter(at__gte=since)


def upcoming_visits(prisoner) -> QuerySet[Visit]:
    start_of_today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    return with_visitors(
        Visit.objects.filter(
            prisoner=prisoner, status=VisitStatus.BOOKED, starts_at__gte=start_of_today
        ).order_by("starts_at", "id")
    )


def past_visits(prisoner) -> QuerySet[Visit]:
    return with_visitors(
        Visit.objects.filter(prisoner=prisoner).exclude(status=VisitStatus.BOOKED)
    ).order_by("-starts_at", "-id")
