"""What staff do with safeguarding records (Rules 8, 25.1, 31, 42.4; Mandela 1, 5.2), each
declared once for the API and the page (`bangkok.actions`). A woman or record outside the
caller's facilities, or a role that doesn't see safeguarding records or may not do the verb,
is the 404 of one that doesn't exist; a refusal under a Rule is a 409 (beside the form on a
page) naming it, nothing written."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse

from bangkok.actions import Action, Area, Page, to
from bangkok.schema import ERROR

from . import api, reading, services
from . import serializers as io
from .forms import (
    ChangePlanForm,
    ConcernForm,
    IncidentForm,
    InjuriesForm,
    NeedForm,
    NeedReviewForm,
    PlanForm,
    PlanReviewForm,
    TriageForm,
)
from .models import CareNeed, FamilyConcern, Incident, Injuries, Plan, PlanReview
from .permissions import access_her_records, find_incident

TAG = api.TAG
NOT_FOUND = OpenApiResponse(
    ERROR,
    description=(
        "No such record in your facilities, or your role doesn't see safeguarding records "
        "(the same answer either way)."
    ),
)
PREFIX = "api-safeguarding"
AREA = Area(tag=TAG, access=access_her_records, not_found=NOT_FOUND, prefix=PREFIX)
INCIDENTS = Area(tag=TAG, access=None, not_found=NOT_FOUND, prefix=PREFIX, find=find_incident)


def _woman(request, target) -> dict:
    return {"woman": target if not hasattr(target, "prisoner") else target.prisoner}


def _plan_page(request, plan) -> dict:
    return reading.plan_page(request.user, plan)


def _incident_page(request, incident) -> dict:
    return reading.incident_page(request.user, incident)


def _concern_page(request, concern) -> dict:
    return reading.concern_page(request.user, concern)


def _need_page(request, need) -> dict:
    return reading.need_page(request.user, need)


def _plan_of(result) -> Plan:
    return result.plan if isinstance(result, PlanReview) else result


def _plan_answer(request, result):
    return io.SafeguardingPlanSerializer(reading.plan_data(request.user, _plan_of(result))).data


def _to_plan(result, target) -> str:
    return reverse("safeguarding:plan", kwargs={"uuid": _plan_of(result).uuid})


def _incident_answer(request, result):
    incident = result.incident if isinstance(result, Injuries) else result
    return io.IncidentBetweenWomenSerializer(
        reading.incident_page(request.user, incident)["shown"]
    ).data


def _concern_answer(request, result):
    return io.FamilyConcernSerializer(reading.concern_data(request.user, result)).data


def _need_answer(request, result):
    need = result if isinstance(result, CareNeed) else result.need
    return io.CareNeedSerializer(reading.need_data(request.user, need)).data


def _to_need(result, target) -> str:
    need = result if isinstance(result, CareNeed) else result.need
    return reverse("safeguarding:need-detail", kwargs={"uuid": need.uuid})


def _plan_as_it_is(request, plan) -> dict:
    return {
        "initial": {
            "measures": plan.measures,
            "her_views": plan.her_views,
            "at_her_request": plan.at_her_request,
            "notes": plan.notes,
        }
    }


def _only_when(allowed, message, page: str):
    """GET of a form with nothing left to do: back to the record's page, saying so."""

    def instead(request, record):
        if allowed(record):
            return None
        messages.info(request, message)
        return redirect(reverse(page, kwargs={"uuid": record.uuid}))

    return instead


def _to_make(plan) -> bool:
    return plan.made_at is None


def _made(plan) -> bool:
    return plan.made_at is not None and plan.closed_at is None


PLAN_RULES = (
    "Refused (409, Rule 25.1) when a victim's measure moves, holds apart or restricts her "
    "without her own request in her words, or when her support plan doesn't record that "
    "support and counselling were offered."
)

ACTIONS = [
    Action(
        "incident",
        "prisoners/<uuid:uuid>/safeguarding-incidents/",
        "Record an incident between women (Rules 25.1, 31; Mandela 1)",
        services.record_incident,
        io.IncidentBetweenWomenSerializer,
        io.IncidentBetweenWomenInput,
        created=True,
        perm=services.RECORD,
        reads=api.HerIncidents,
        answer=_incident_answer,
        description=(
            "Any member of staff of her facility: what kind, when, where, what happened, "
            "whether anyone was hurt, who reported it, her part and the other women's "
            "(`others`, by prison number). Each victim's support plan and each perpetrator's "
            "management is opened and asked of safeguarding staff. A late record says why."
        ),
        page=Page(
            "women/<uuid:uuid>/incident/",
            IncidentForm,
            template="safeguarding/incident_form.html",
            form_kwargs=_woman,
            done=_("Incident recorded. Safeguarding staff are asked for each woman's plan."),
            then=to("safeguarding:incident-detail"),
        ),
    ),
    Action(
        "make-plan",
        "safeguarding-plans/<uuid:uuid>/make/",
        "Make a victim's support plan or a perpetrator's management (Rules 25.1, 42.4)",
        services.make_plan,
        io.SafeguardingPlanSerializer,
        io.SafeguardingPlanInput,
        model=Plan,
        arg="plan",
        rules=("25.1",),
        perm=services.PLAN,
        answer=_plan_answer,
        description=PLAN_RULES,
        page=Page(
            "plans/<uuid:uuid>/make/",
            PlanForm,
            template="safeguarding/plan_form.html",
            context=_plan_page,
            instead=_only_when(_to_make, _("This plan is made already."), "safeguarding:plan"),
            done=_("Plan made."),
            then=_to_plan,
        ),
    ),
    Action(
        "change-plan",
        "safeguarding-plans/<uuid:uuid>/",
        "Change a made plan's measures or her views (Rule 25.1)",
        services.change_plan,
        io.SafeguardingPlanSerializer,
        io.SafeguardingPlanChange,
        model=Plan,
        arg="plan",
        rules=("25.1",),
        perm=services.PLAN,
        method="patch",
        reads=api.PlanDetail,
        answer=_plan_answer,
        description="Only the fields given change. " + PLAN_RULES,
        page=Page(
            "plans/<uuid:uuid>/change/",
            ChangePlanForm,
            template="safeguarding/plan_form.html",
            context=_plan_page,
            form_kwargs=_plan_as_it_is,
            instead=_only_when(_made, _("There is no plan to change."), "safeguarding:plan"),
            done=_("Plan changed."),
            then=_to_plan,
        ),
    ),
    Action(
        "review-plan",
        "safeguarding-plans/<uuid:uuid>/reviews/",
        "Review a support plan or management, or end it (Rule 25.1)",
        services.review_plan,
        io.SafeguardingPlanSerializer,
        io.SafeguardingPlanReviewInput,
        model=Plan,
        arg="plan",
        created=True,
        perm=services.PLAN,
        answer=_plan_answer,
        description="The next review within the days allowed, or the end of the plan.",
        page=Page(
            "plans/<uuid:uuid>/review/",
            PlanReviewForm,
            template="safeguarding/plan_form.html",
            context=_plan_page,
            instead=_only_when(_made, _("There is no plan to review."), "safeguarding:plan"),
            done=_("Review recorded."),
            then=_to_plan,
        ),
    ),
    Action(
        "concern",
        "prisoners/<uuid:uuid>/family-concerns/",
        "Record a concern her family raised about her safety (Rule 25.1; Mandela 1)",
        services.record_concern,
        io.FamilyConcernSerializer,
        io.FamilyConcernInput,
        created=True,
        perm=services.CONCERN,
        reads=api.HerConcerns,
        answer=_concern_answer,
        description=(
            "Any member of staff who received it; safeguarding staff are asked to triage it."
        ),
        page=Page(
            "women/<uuid:uuid>/concern/",
            ConcernForm,
            template="safeguarding/concern_form.html",
            done=_("Concern recorded. Safeguarding staff are asked to triage it."),
            then=to("safeguarding:concern-detail"),
        ),
    ),
    Action(
        "triage",
        "family-concerns/<uuid:uuid>/triage/",
        "Triage a concern her family raised (Rule 25.1)",
        services.triage_concern,
        io.FamilyConcernSerializer,
        io.FamilyConcernTriageInput,
        model=FamilyConcern,
        arg="concern",
        rules=("25.1",),
        perm=services.TRIAGE,
        answer=_concern_answer,
        description=(
            "Linked to an incident she was involved in or a need of hers, or closed with a "
            "reason. Refused (409, Rule 25.1) when what her family is told names a woman "
            "recorded as harming her."
        ),
        page=Page(
            "concerns/<uuid:uuid>/triage/",
            TriageForm,
            template="safeguarding/concern_form.html",
            context=_concern_page,
            form_kwargs=_woman,
            instead=_only_when(
                lambda concern: concern.awaiting,
                _("This concern is triaged already."),
                "safeguarding:concern-detail",
            ),
            done=_("Concern triaged."),
            then=to("safeguarding:concern-detail", of="target"),
        ),
    ),
    Action(
        "need",
        "prisoners/<uuid:uuid>/care-needs/",
        "Record a social-care need with its reasonable adjustments (Mandela 5.2)",
        services.record_need,
        io.CareNeedSerializer,
        io.CareNeedInput,
        created=True,
        rules=("M5.2",),
        perm=services.NEED,
        reads=api.HerNeeds,
        answer=_need_answer,
        description="Refused (409, Mandela 5.2) without its reasonable adjustments.",
        page=Page(
            "women/<uuid:uuid>/need/",
            NeedForm,
            template="safeguarding/need_form.html",
            done=_("Need and its plan recorded."),
            then=_to_need,
        ),
    ),
    Action(
        "review-need",
        "care-needs/<uuid:uuid>/reviews/",
        "Review a social-care plan, or end the need (Mandela 5.2)",
        services.review_need,
        io.CareNeedSerializer,
        io.CareNeedReviewInput,
        model=CareNeed,
        arg="need",
        created=True,
        rules=("M5.2",),
        perm=services.REVIEW_NEED,
        answer=_need_answer,
        description=(
            "Refused (409, Mandela 5.2) when it ends the need as met while the adjustments "
            "are not in place."
        ),
        page=Page(
            "needs/<uuid:uuid>/review/",
            NeedReviewForm,
            template="safeguarding/need_form.html",
            context=_need_page,
            instead=_only_when(
                lambda need: need.is_open, _("This need has ended."), "safeguarding:need-detail"
            ),
            done=_("Review recorded."),
            then=_to_need,
        ),
    ),
]

INCIDENT_ACTIONS = [
    Action(
        "injuries",
        "safeguarding-incidents/<uuid:uuid>/injuries/",
        "Record the injuries of an incident between women (health staff; Rule 8)",
        services.record_injuries,
        io.IncidentBetweenWomenSerializer,
        io.IncidentInjuriesInput,
        model=Incident,
        arg="incident",
        created=True,
        changes=False,
        perm=services.INJURIES,
        answer=_incident_answer,
        description="Health staff of her facility; theirs alone to read. 400 once recorded.",
        page=Page(
            "incidents/<uuid:uuid>/injuries/",
            InjuriesForm,
            template="safeguarding/injuries_form.html",
            context=_incident_page,
            done=_("Injuries recorded."),
            then=to("safeguarding:incident-detail", of="target"),
        ),
    ),
]
