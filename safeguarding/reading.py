"""Safeguarding records as a viewer may read them (Rules 8, 25.1, 31; Mandela 1, 5.2), for her
page, the record pages, the list, the queues and the API alike.

- Staff of her facility (`READ`: reception, custody, health, social workers, safeguarding, the
  governor) read an incident whole: what happened, where, and the women involved with their
  parts. That read names other women, so it is audited with the ids it disclosed.
- The inspector (`VIEW` only) sees that an incident exists, its kind, time and unit, how many
  women were involved and in which parts, and whether each plan was made in time; never what
  happened nor who else was involved (de-identified, as on oversight).
- A plan's measures are read by staff of her facility (they keep them); her views and the
  notes of a plan and its reviews by those who make plans (`PLAN`).
- The injuries of an incident are health staff's alone (Rule 8), that read audited.
- What her family said, and what they were told, is read by those who read concerns
  (`READ_CONCERN`); others see that a concern exists, how it came and whether it is triaged.
- A social-care need and its adjustments are read by staff of her facility (they make them);
  the inspector sees its kind and dates.

What a viewer may not read is absent from the answer, not blank.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Prefetch, Q
from django.utils import timezone

import audit
from facilities.scope import facilities_of
from prisoners.models import Prisoner
from prisoners.withheld import shown, withheld_flag, without_withheld

from .models import CareNeed, FamilyConcern, Incident, Injuries, Involvement, Part, Plan
from .services import (
    CONCERN,
    INJURIES,
    NEED,
    PLAN,
    READ,
    READ_CONCERN,
    RECORD,
    REVIEW_NEED,
    TRIAGE,
    VIEW,
)

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from staff.models import User

CLINICAL = "health.read_clinical"
SECTION_SHOWN = 5


def _name(user) -> str:
    return user.get_full_name() or user.username


def _injuries(incident: Incident) -> Injuries | None:
    try:
        return incident.injuries
    except Injuries.DoesNotExist:
        return None


def with_involved(incidents: QuerySet[Incident]) -> QuerySet[Incident]:
    return incidents.select_related(
        "unit", "recorded_by", "injuries__recorded_by"
    ).prefetch_related(
        Prefetch(
            "involved",
            # A woman withheld (a girl's sealed records, Havana r. 19) is left unnamed.
            queryset=Involvement.objects.select_related("prisoner", "plan")
            .annotate(withheld=withheld_flag())
            .order_by("id"),
        )
    )


def _plan_state(plan: Plan | None) -> dict | None:
    if plan is None:
        return None
    return {
        "uuid": plan.uuid,
        "due_at": plan.due_at,
        "made_at": plan.made_at,
        "late": plan_late(plan),
        "closed_at": plan.closed_at,
    }


def plan_late(plan: Plan) -> bool:
    made = plan.made_at or timezone.now()
    return made > plan.due_at


def _involvement(involvement: Involvement, *, named: bool) -> dict:
    plan = (
        getattr(involvement, "plan", None)
        if involvement.part in (Part.VICTIM, Part.PERPETRATOR)
        else None
    )
    shown: dict = {
        "part": involvement.part,
        "part_label": involvement.get_part_display(),
        "plan": _plan_state(plan),
    }
    if named and not getattr(involvement, "withheld", False):
        woman = involvement.prisoner
        shown.update(woman=woman.uuid, name=woman.full_name, prison_number=woman.prison_number)
    return shown


def incident_data(viewer: User, incident: Incident, *, injuries: bool = False) -> dict:
    """One incident as `viewer` may read it (see the module's docstring); the caller audits
    the read (`read_incidents`)."""
    full = viewer.has_perm(READ)
    shown: dict = {
        "uuid": incident.uuid,
        "kind": incident.kind,
        "kind_label": incident.get_kind_display(),
        "occurred_at": incident.occurred_at,
        "unit": incident.unit.name if incident.unit else "",
        "injured": incident.injured,
        "reported_by": incident.reported_by,
        "reported_by_label": incident.get_reported_by_display(),
        "injuries_recorded": _injuries(incident) is not None,
        "involved": [_involvement(i, named=full) for i in incident.involved.all()],
        "full": full,
        "version": incident.version,
    }
    if full:
        shown.update(
            place=incident.place,
            account=incident.account,
            recorded_by=_name(incident.recorded_by),
            recorded_at=incident.recorded_at,
            late_reason=incident.late_reason,
        )
    part = _injuries(incident)
    if injuries and part is not None:
        shown["injuries"] = {
            "injuries": part.injuries,
            "treatment": part.treatment,
            "recorded_by": _name(part.recorded_by),
            "recorded_at": part.recorded_at,
        }
    return shown


def reads_injuries(viewer: User) -> bool:
    return viewer.has_perm(CLINICAL)


def read_incidents(viewer: User, incidents: list[Incident]) -> list[dict]:
    """The incidents as `viewer` may read them, with one audit row for the read when it named
    other women or showed injuries (the ids disclosed)."""
    injuries = reads_injuries(viewer)
    shown = [incident_data(viewer, incident, injuries=injuries) for incident in incidents]
    disclosed = []
    if viewer.has_perm(READ):
        disclosed = [str(i.uuid) for incident in incidents for i in incident.involved.all()]
    if injuries:
        disclosed += [str(p.uuid) for incident in incidents if (p := _injuries(incident))]
    if disclosed:
        audit.record(
            by=viewer,
            action="safeguarding.incident_read",
            subject=incidents[0],
            facility=incidents[0].facility,
            disclosed=disclosed,
        )
    return shown


def incident_page(viewer: User, incident: Incident) -> dict:
    incident = with_involved(Incident.objects.filter(pk=incident.pk)).get()
    [shown] = read_incidents(viewer, [incident])
    return {
        "incident": incident,
        "shown": shown,
        "can_record_injuries": viewer.has_perm(INJURIES)
        and incident.injured
        and not shown["injuries_recorded"],
        "can_plan": viewer.has_perm(PLAN),
    }


def her_incidents(prisoner: Prisoner) -> QuerySet[Incident]:
    return with_involved(Incident.objects.filter(involved__prisoner=prisoner).distinct())


def facility_incidents(viewer: User, *, q: str = "", kind: str = "") -> QuerySet[Incident]:
    """The incidents of the viewer's facilities, newest first; searched by a woman's name or
    prison number only by staff who may read who was involved."""
    found = Incident.objects.filter(facility__in=facilities_of(viewer))
    if not viewer.has_perm(VIEW):
        return found.none()
    if kind:
        found = found.filter(kind=kind)
    q = q.strip()
    if q and viewer.has_perm(READ):
        words = Q()
        for word in q.split():
            words &= (
                Q(involved__prisoner__prison_number__iexact=word)
                | Q(involved__prisoner__given_names__icontains=word)
                | Q(involved__prisoner__family_name__icontains=word)
            )
        # Never found by the name or number of a woman withheld (Havana r. 19).
        words &= Q(involved__prisoner__in=shown(Prisoner.objects.all()))
        found = found.filter(pk__in=Incident.objects.filter(words).values("pk"))
    return with_involved(found)


# Plans ---------------------------------------------------------------------------------------


def _reviews(reviews, *fields: str) -> list[dict]:
    """A record's reviews (prefetched with who held them: `reviews__held_by`): when, by whom,
    her views and what was found, and `fields`."""
    return [
        {
            "held_at": review.held_at,
            "held_by": _name(review.held_by),
            "her_views": review.her_views,
            "notes": review.notes,
            **{field: getattr(review, field) for field in fields},
        }
        for review in reviews.all()
    ]


def plan_data(viewer: User, plan: Plan) -> dict:
    """A support plan or management as `viewer` may read it."""
    shown: dict = {
        "uuid": plan.uuid,
        "woman": plan.prisoner.uuid,
        "incident": plan.involvement.incident.uuid,
        "part": plan.part,
        "part_label": plan.get_part_display(),
        "opened_at": plan.opened_at,
        "due_at": plan.due_at,
        "made_at": plan.made_at,
        "late": plan_late(plan),
        "next_review_at": plan.next_review_at,
        "closed_at": plan.closed_at,
        "version": plan.version,
    }
    if viewer.has_perm(READ):
        shown.update(
            measures=list(plan.measures),
            measure_labels=plan.measure_labels,
            at_her_request=plan.at_her_request,
            support_offered=plan.support_offered,
            made_by=_name(plan.made_by) if plan.made_by else "",
        )
    if viewer.has_perm(PLAN):
        shown.update(
            her_views=plan.her_views,
            notes=plan.notes,
            reviews=_reviews(plan.reviews, "next_review_at", "closes"),
        )
    return shown


def plan_page(viewer: User, plan: Plan) -> dict:
    plan = (
        Plan.objects.select_related("prisoner", "involvement__incident", "made_by")
        .prefetch_related("reviews__held_by")
        .get(pk=plan.pk)
    )
    may = viewer.has_perm(PLAN)
    return {
        "plan": plan,
        "woman": plan.prisoner,
        "shown": plan_data(viewer, plan),
        "can_make": may and plan.made_at is None,
        "can_review": may and plan.made_at is not None and plan.closed_at is None,
    }


# Her family's concerns -----------------------------------------------------------------------


def concern_data(viewer: User, concern: FamilyConcern) -> dict:
    shown: dict = {
        "uuid": concern.uuid,
        "woman": concern.prisoner.uuid,
        "way": concern.way,
        "way_label": concern.get_way_display(),
        "received_at": concern.received_at,
        "triage": concern.triage,
        "triage_label": concern.get_triage_display() if concern.triage else "",
        "triaged_at": concern.triaged_at,
        "incident": concern.incident.uuid if concern.incident else None,
        "need": concern.need.uuid if concern.need else None,
        "version": concern.version,
    }
    if viewer.has_perm(READ_CONCERN):
        shown.update(
            raised_by=concern.raised_by,
            concern=concern.concern,
            received_by=_name(concern.received_by),
            late_reason=concern.late_reason,
            reason=concern.reason,
            family_told=concern.family_told,
        )
    return shown


def concern_page(viewer: User, concern: FamilyConcern) -> dict:
    concern = FamilyConcern.objects.select_related(
        "prisoner", "received_by", "incident", "need"
    ).get(pk=concern.pk)
    shown = concern_data(viewer, concern)
    if "concern" in shown:
        audit.record(
            by=viewer,
            action="safeguarding.concern_read",
            subject=concern,
            facility=concern.facility,
            disclosed=[str(concern.uuid)],
        )
    return {
        "concern": concern,
        "woman": concern.prisoner,
        "shown": shown,
        "can_triage": viewer.has_perm(TRIAGE) and concern.awaiting,
    }


def awaiting_concerns(viewer: User) -> QuerySet[FamilyConcern]:
    """Concerns awaiting triage in the viewer's facilities, for those who triage them."""
    if not viewer.has_perm(TRIAGE):
        return FamilyConcern.objects.none()
    return without_withheld(
        FamilyConcern.objects.filter(facility__in=facilities_of(viewer))
    ).select_related("prisoner")


# Social-care needs ---------------------------------------------------------------------------


def need_data(viewer: User, need: CareNeed) -> dict:
    shown: dict = {
        "uuid": need.uuid,
        "woman": need.prisoner.uuid,
        "kind": need.kind,
        "kind_label": need.get_kind_display(),
        "recorded_at": need.recorded_at,
        "next_review_at": need.next_review_at,
        "closed_at": need.closed_at,
        "ended": need.ended,
        "version": need.version,
    }
    if viewer.has_perm(READ):
        shown.update(
            description=need.description,
            adjustments=need.adjustments,
            her_views=need.her_views,
            recorded_by=_name(need.recorded_by),
            reviews=_reviews(need.reviews, "in_place", "ended"),
        )
    return shown


def need_page(viewer: User, need: CareNeed) -> dict:
    need = (
        CareNeed.objects.select_related("prisoner", "recorded_by")
        .prefetch_related("reviews__held_by")
        .get(pk=need.pk)
    )
    return {
        "need": need,
        "woman": need.prisoner,
        "shown": need_data(viewer, need),
        "can_review": viewer.has_perm(REVIEW_NEED) and need.is_open,
    }


# Her section and the queues ------------------------------------------------------------------


def section(*, viewer: User, prisoner: Prisoner) -> dict | None:
    """Her page's section, for roles that see safeguarding records (absent for the others):
    her latest incidents, her open plans, her social-care needs and her family's concerns, as
    the viewer may read them."""
    if not viewer.has_perm(VIEW):
        return None
    incidents = list(her_incidents(prisoner)[:SECTION_SHOWN])
    plans = (
        prisoner.safeguarding_plans.filter(closed_at__isnull=True)
        .select_related("prisoner", "involvement__incident", "made_by")
        .prefetch_related("reviews__held_by")
    )
    needs = (
        prisoner.care_needs.filter(closed_at__isnull=True)
        .select_related("prisoner", "recorded_by")
        .prefetch_related("reviews__held_by")
    )
    concerns = prisoner.family_concerns.select_related("prisoner", "incident", "need")[
        :SECTION_SHOWN
    ]
    return {
        "woman": prisoner,
        "incidents": read_incidents(viewer, incidents) if incidents else [],
        "plans": [plan_data(viewer, plan) for plan in plans],
        "needs": [need_data(viewer, need) for need in needs],
        "concerns": [concern_data(viewer, c) for c in concerns] if viewer.has_perm(READ) else [],
        "can_record_incident": viewer.has_perm(RECORD),
        "can_record_concern": viewer.has_perm(CONCERN),
        "can_record_need": viewer.has_perm(NEED),
    }


def plans_worked(viewer: User) -> QuerySet[Plan]:
    """The plans safeguarding staff work: to make, or made and not ended, in her facilities."""
    if not viewer.has_perm(PLAN):
        return Plan.objects.none()
    return without_withheld(
        Plan.objects.filter(facility__in=facilities_of(viewer), closed_at__isnull=True)
    ).select_related("prisoner")
