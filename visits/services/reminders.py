"""Reminders to social workers that keep her family contact going (Rules 26, 28, 43; RULES-SPEC
2.15, which cites 52.3 for the child visit).

A daily sweep (`schedule_contact_reminders`) finds the women in custody with no family
contact (a visit held, other than a legal one, or a contact recorded) for
FAMILY_CONTACT_GAP_DAYS, and the mothers separated from a child under 18 with no visit
involving a child for CHILD_VISIT_GAP_DAYS. Each reminder's key carries the date the gap began,
so running the sweep again adds nothing, and recording the contact or the visit closes it.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.db.models import DateTimeField, Exists, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from prisoners.models import CustodyStatus, Prisoner, juvenile_q
from reminders.models import Basis
from reminders.services import schedule_reminder

if TYPE_CHECKING:
    from register.models import Separation, SeparationPlan
    from staff.models import User


def family_contact_prefix(prisoner: Prisoner) -> str:
    return f"visits.family-contact:{prisoner.uuid}:"


def child_visit_prefix(prisoner: Prisoner) -> str:
    return f"visits.child-visit:{prisoner.uuid}:"


def _latest(queryset: QuerySet, field: str) -> Subquery:
    return Subquery(
        queryset.filter(prisoner=OuterRef("pk")).order_by(f"-{field}").values(field)[:1],
        output_field=DateTimeField(),
    )


def _since(*latest: Subquery) -> Coalesce:
    """The last of these moments (PostgreSQL's GREATEST skips the missing ones), else the
    day she was admitted."""
    from admissions.models import Admission

    admitted = _latest(Admission.objects.all(), "admitted_at")
    return Coalesce(Greatest(*latest, admitted), "created_at", output_field=DateTimeField())


def without_family_contact(now: datetime) -> QuerySet:
    """Women in custody with no family contact since FAMILY_CONTACT_GAP_DAYS ago (`since`:
    when the gap began)."""
    from ..models import Contact, Visit, VisitKind, VisitStatus

    held = Visit.objects.filter(status=VisitStatus.HELD).exclude(kind=VisitKind.LEGAL)
    since = _since(_latest(held, "starts_at"), _latest(Contact.objects.all(), "at"))
    cutoff = now - timedelta(days=settings.FAMILY_CONTACT_GAP_DAYS)
    return (
        Prisoner.objects.filter(custody_status=CustodyStatus.IN_CUSTODY)
        .annotate(since=since)
        .filter(since__lte=cutoff)
        .select_related("facility")
    )


def separated_without_child_visit(now: datetime) -> QuerySet:
    """Mothers separated from a child under 18 (on the register, not living with her) with no
    visit involving a child since CHILD_VISIT_GAP_DAYS ago."""
    from register.models import Child

    from ..models import Visit, VisitStatus

    separated = Child.objects.filter(
        juvenile_q(timezone.localdate()), mother=OuterRef("pk"), lives_with_mother=False
    )
    held = Visit.objects.filter(status=VisitStatus.HELD, involves_child=True)
    cutoff = now - timedelta(days=settings.CHILD_VISIT_GAP_DAYS)
    return (
        Prisoner.objects.filter(Exists(separated), custody_status=CustodyStatus.IN_CUSTODY)
        .annotate(since=_since(_latest(held, "starts_at")))
        .filter(since__lte=cutoff)
        .select_related("facility")
    )


def schedule_contact_reminders(*, now: datetime | None = None) -> int:
    """The daily sweep: one reminder per woman and gap, to social workers. Returns how many
    women it found (a reminder already open for the same gap is left as it is)."""
    now = now or timezone.now()
    found = 0
    for woman in without_family_contact(now):
        _remind(
            woman,
            key=f"{family_contact_prefix(woman)}{woman.since.date().isoformat()}",
            kind="visits.family_contact",
            rule="26",
            title=gettext_lazy(
                "No family contact recorded for %(days)s days: help her keep in touch"
            ),
            title_params={"days": settings.FAMILY_CONTACT_GAP_DAYS},
            now=now,
        )
        found += 1
    for woman in separated_without_child_visit(now):
        _remind(
            woman,
            key=f"{child_visit_prefix(woman)}{woman.since.date().isoformat()}",
            kind="visits.child_visit",
            rule="28",
            title=gettext_lazy(
                "Separated from a child, no visit with children for %(days)s days: review"
            ),
            title_params={"days": settings.CHILD_VISIT_GAP_DAYS},
            now=now,
        )
        found += 1
    return found


def _remind(
    woman: Prisoner,
    *,
    key: str,
    kind: str,
    rule: str,
    title: str | Promise,
    title_params: dict,
    now: datetime,
) -> None:
    schedule_reminder(
        key=key,
        kind=kind,
        rule=rule,
        basis=Basis.CONFIG,
        title=title,
        title_params=title_params,
        facility=woman.facility,
        assignee_role="social",
        prisoner=woman,
        due_at=now,
    )


def child_left_her(*, separation: Separation, plan: SeparationPlan, by: User | None = None) -> None:
    """Her child has left prison on a plan (Rule 52.3): the visiting plan starts at once, and
    social workers are reminded if no visit with children is held within the plan's interval
    (`contact_every_days`); the visit held closes it."""
    woman = separation.child.mother
    day = separation.separated_on
    schedule_reminder(
        key=f"{child_visit_prefix(woman)}{day.isoformat()}",
        kind="visits.child_visit",
        rule="52.3",
        basis=Basis.CONFIG,
        title=gettext_lazy("Her child has left prison: the first visit with her child is due"),
        facility=woman.facility,
        assignee_role="social",
        prisoner=woman,
        due_at=timezone.make_aware(
            datetime.combine(day + timedelta(days=plan.contact_every_days), time(8, 0))
        ),
    )
