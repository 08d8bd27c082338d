"""What the inspector and the governor do with inspections (Rule 25.3), each declared once for
the API and the page (`bangkok.actions`). A visit or record of a facility outside the caller's,
or a role that doesn't see inspections or may not do the verb, is the 404 of one that doesn't
exist; a change to what a finished visit found is a 409 naming Rule 25.3, nothing written."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse

from bangkok.actions import Action, Area, Page, titled, to
from bangkok.schema import ERROR
from facilities.models import Facility
from facilities.scope import postings_in
from staff.models import User

from . import api, services
from . import serializers as io
from .forms import (
    ActionPlanForm,
    ChangeRecommendationForm,
    FindingForm,
    FinishForm,
    FollowUpForm,
    MemberForm,
    NoteForm,
    RecommendationForm,
    SampleForm,
    StartForm,
    VisitForm,
)
from .models import ActionPlan, Finding, Recommendation, SampledWoman, Visit
from .permissions import find, find_facility

NOT_FOUND = OpenApiResponse(
    ERROR,
    description=(
        "No such inspection record in your facilities, or your role doesn't do this (the same "
        "answer either way)."
    ),
)
PREFIX = "api-inspections"
FACILITY = Area(tag=api.TAG, access=None, not_found=NOT_FOUND, prefix=PREFIX, find=find_facility)
VISIT = Area(tag=api.TAG, access=None, not_found=NOT_FOUND, prefix=PREFIX, find=find(Visit, ""))
FINDING = Area(
    tag=api.TAG, access=None, not_found=NOT_FOUND, prefix=PREFIX, find=find(Finding, "visit")
)
RECOMMENDATION = Area(
    tag=api.TAG,
    access=None,
    not_found=NOT_FOUND,
    prefix=PREFIX,
    find=find(Recommendation, "visit"),
)
PLAN = Area(
    tag=api.TAG,
    access=None,
    not_found=NOT_FOUND,
    prefix=PREFIX,
    find=find(ActionPlan, "recommendation__visit"),
)
SAMPLED = Area(
    tag=api.TAG,
    access=None,
    not_found=NOT_FOUND,
    prefix=PREFIX,
    find=find(SampledWoman, "sample__visit"),
)

LOCKED_RULE = ("25.3",)
LOCKED_DOC = "Refused (409, Rule 25.3) once the visit has ended: what it found is kept as it is."


def _visit_of(record) -> Visit:
    for path in ("visit", "sample", "recommendation"):
        if hasattr(record, path) and not isinstance(record, Visit):
            inner = getattr(record, path)
            return inner if isinstance(inner, Visit) else _visit_of(inner)
    return record


def _to_visit(result, target) -> str:
    return reverse("inspections:visit", kwargs={"uuid": _visit_of(target).uuid})


def _to_result_visit(result, target) -> str:
    return reverse("inspections:visit", kwargs={"uuid": _visit_of(result).uuid})


def _with_visit(heading, intro=""):
    context = titled(heading, intro)

    def page(request, target) -> dict:
        return {**context(request, target), "visit": _visit_of(target)}

    return page


def _as_it_is(*names):
    def initial(request, target) -> dict:
        return {"initial": {name: getattr(target, name) for name in names}}

    return initial


def _recommendation_choices(request, target) -> dict:
    visit = _visit_of(target)
    posted = postings_in(Facility.objects.filter(pk=visit.facility_id)).values("user_id")
    governors = User.objects.filter(groups__name="governor", is_active=True, pk__in=posted)
    kwargs: dict = {"governors": governors, "findings": visit.findings.all()}
    if isinstance(target, Recommendation):
        kwargs["initial"] = {
            "text": target.text,
            "rule": target.rule,
            "priority": target.priority,
            "owner_role": target.owner_role,
            "owner": target.owner,
            "deadline": target.deadline,
        }
    return kwargs


def _sample_answer(request, result):
    return io.InspectionSampleSerializer(result, context={"request": request}).data


def _visit_answer(request, result):
    return io.InspectionVisitSerializer(result).data


def _warned(visit: Visit):
    if not visit.team.filter(woman=True).exists():
        return (
            30,  # messages.WARNING
            _(
                "Saved. The team has no woman member yet: Rule 25.3 asks that monitoring "
                "bodies include women members, and the visit counts against it until one joins."
            ),
        )
    return _("The team member is added.")


VISIT_ACTIONS = [
    Action(
        "plan",
        "inspections/facilities/<uuid:uuid>/visits/",
        "Plan an inspection or monitoring visit to the facility (Rule 25.3)",
        services.plan_visit,
        io.InspectionVisitSerializer,
        io.InspectionVisitInput,
        arg="facility",
        created=True,
        perm=services.PLAN,
        page=Page(
            "facilities/<uuid:uuid>/new/",
            VisitForm,
            template="inspections/form.html",
            context=titled(
                _("Plan a visit"),
                _("Add the team next: Rule 25.3 asks that monitoring bodies include women."),
            ),
            done=_("The visit is planned. Add its team."),
            then=to("inspections:visit"),
        ),
    ),
]

ON_VISIT = [
    Action(
        "change",
        "inspections/visits/<uuid:uuid>/",
        "Change what was planned of a visit that hasn't ended",
        services.change_visit,
        io.InspectionVisitSerializer,
        io.InspectionVisitChange,
        model=Visit,
        arg="visit",
        method="patch",
        rules=LOCKED_RULE,
        description=LOCKED_DOC,
        perm=services.CHANGE,
        reads=api.VisitView,
        page=Page(
            "visits/<uuid:uuid>/change/",
            VisitForm,
            template="inspections/form.html",
            form_kwargs=_as_it_is(
                "body", "body_kind", "announced", "planned_start", "planned_end", "purpose"
            ),
            context=_with_visit(_("Change the visit")),
            done=_("The visit is changed."),
            then=_to_visit,
        ),
    ),
    Action(
        "add-member",
        "inspections/visits/<uuid:uuid>/team/",
        "Add a member to the visiting team, saying whether she is a woman (Rule 25.3)",
        services.add_member,
        io.InspectionMemberSerializer,
        io.InspectionMemberInput,
        model=Visit,
        arg="visit",
        created=True,
        changes=False,
        rules=LOCKED_RULE,
        description=LOCKED_DOC,
        perm=services.CHANGE,
        page=Page(
            "visits/<uuid:uuid>/team/new/",
            MemberForm,
            template="inspections/form.html",
            context=_with_visit(
                _("Add a team member"),
                _("Rule 25.3: inspectorates and monitoring bodies include women members."),
            ),
            done=lambda member: _warned(member.visit),
            then=_to_visit,
        ),
    ),
    Action(
        "start",
        "inspections/visits/<uuid:uuid>/start/",
        "Start the visit: the facility's oversight figures for the period before are frozen on it",
        services.start_visit,
        io.InspectionVisitSerializer,
        io.InspectionStartInput,
        model=Visit,
        arg="visit",
        rules=LOCKED_RULE,
        description=LOCKED_DOC,
        perm=services.CHANGE,
        page=Page(
            "visits/<uuid:uuid>/start/",
            StartForm,
            template="inspections/form.html",
            context=_with_visit(_("Start the visit")),
            done=_("The visit has started; the facility's figures are kept with it."),
            then=_to_visit,
        ),
    ),
    Action(
        "finish",
        "inspections/visits/<uuid:uuid>/finish/",
        "End the visit: what it found is kept as it is from then on (Rule 25.3)",
        services.finish_visit,
        io.InspectionVisitSerializer,
        io.InspectionFinishInput,
        model=Visit,
        arg="visit",
        rules=LOCKED_RULE,
        description=LOCKED_DOC,
        perm=services.CHANGE,
        page=Page(
            "visits/<uuid:uuid>/finish/",
            FinishForm,
            template="inspections/form.html",
            context=_with_visit(
                _("End the visit"),
                _("Its team, findings and recommendations can't be changed after."),
            ),
            done=_("The visit has ended."),
            then=_to_visit,
        ),
    ),
    Action(
        "draw-sample",
        "inspections/visits/<uuid:uuid>/sample/",
        "Draw the women whose cases are reviewed, at random within strata, with a recorded seed",
        services.draw_sample,
        io.InspectionSampleSerializer,
        io.InspectionSampleInput,
        model=Visit,
        arg="visit",
        created=True,
        changes=False,
        rules=LOCKED_RULE,
        description=LOCKED_DOC,
        perm=services.DRAW,
        answer=_sample_answer,
        page=Page(
            "visits/<uuid:uuid>/sample/",
            SampleForm,
            template="inspections/form.html",
            context=_with_visit(
                _("Draw the sample of women"),
                _(
                    "Drawn at random among the women in custody at the facility, group by "
                    "group. The seed, the groups and their sizes are kept, so anyone can draw it "
                    "again."
                ),
            ),
            done=_("The sample is drawn."),
            then=_to_result_visit,
        ),
    ),
    Action(
        "finding",
        "inspections/visits/<uuid:uuid>/findings/",
        "Record a finding of the visit",
        services.record_finding,
        io.InspectionFindingSerializer,
        io.InspectionFindingInput,
        model=Visit,
        arg="visit",
        created=True,
        changes=False,
        rules=LOCKED_RULE,
        description=LOCKED_DOC,
        perm=services.FIND,
        page=Page(
            "visits/<uuid:uuid>/findings/new/",
            FindingForm,
            template="inspections/form.html",
            context=_with_visit(_("Record a finding")),
            done=_("The finding is recorded."),
            then=_to_visit,
        ),
    ),
    Action(
        "recommend",
        "inspections/visits/<uuid:uuid>/recommendations/",
        "Make a recommendation to the facility, with its owner and deadline",
        services.recommend,
        io.InspectionRecommendationSerializer,
        io.InspectionRecommendationInput,
        model=Visit,
        arg="visit",
        created=True,
        changes=False,
        rules=LOCKED_RULE,
        description=LOCKED_DOC,
        perm=services.RECOMMEND,
        page=Page(
            "visits/<uuid:uuid>/recommendations/new/",
            RecommendationForm,
            template="inspections/form.html",
            form_kwargs=_recommendation_choices,
            context=_with_visit(_("Make a recommendation")),
            done=_("The recommendation is recorded; the governor is asked to answer it."),
            then=_to_visit,
        ),
    ),
]

ON_FINDING = [
    Action(
        "change-finding",
        "inspections/findings/<uuid:uuid>/",
        "Change a finding while its visit is under way (each version kept)",
        services.change_finding,
        io.InspectionFindingSerializer,
        io.InspectionFindingChange,
        model=Finding,
        arg="finding",
        method="patch",
        rules=LOCKED_RULE,
        description=LOCKED_DOC,
        perm=services.CHANGE_FINDING,
        page=Page(
            "findings/<uuid:uuid>/change/",
            FindingForm,
            template="inspections/form.html",
            form_kwargs=_as_it_is("area", "rule", "found", "evidence"),
            context=_with_visit(_("Change the finding")),
            done=_("The finding is changed."),
            then=_to_visit,
        ),
    ),
]

ON_RECOMMENDATION = [
    Action(
        "change-recommendation",
        "inspections/recommendations/<uuid:uuid>/",
        "Change a recommendation while its visit is under way",
        services.change_recommendation,
        io.InspectionRecommendationSerializer,
        io.InspectionRecommendationChange,
        model=Recommendation,
        arg="recommendation",
        method="patch",
        rules=LOCKED_RULE,
        description=LOCKED_DOC,
        perm=services.CHANGE_RECOMMENDATION,
        page=Page(
            "recommendations/<uuid:uuid>/change/",
            ChangeRecommendationForm,
            template="inspections/form.html",
            form_kwargs=_recommendation_choices,
            context=_with_visit(_("Change the recommendation")),
            done=_("The recommendation is changed."),
            then=_to_visit,
        ),
    ),
    Action(
        "action-plan",
        "inspections/recommendations/<uuid:uuid>/plan/",
        "The governor's action plan for a recommendation: what, who, by when",
        services.plan_action,
        io.InspectionActionPlanSerializer,
        io.InspectionActionPlanInput,
        model=Recommendation,
        arg="recommendation",
        created=True,
        changes=False,
        perm=services.ACTION_PLAN,
        page=Page(
            "recommendations/<uuid:uuid>/plan/",
            ActionPlanForm,
            template="inspections/form.html",
            context=_with_visit(_("Action plan")),
            done=_("The action plan is recorded."),
            then=_to_visit,
        ),
    ),
    Action(
        "follow-up",
        "inspections/recommendations/<uuid:uuid>/follow-ups/",
        "Where a recommendation stands: accepted, in progress, done or not accepted",
        services.follow_up,
        io.InspectionFollowUpSerializer,
        io.InspectionFollowUpInput,
        model=Recommendation,
        arg="recommendation",
        created=True,
        changes=False,
        perm=services.FOLLOW_UP,
        page=Page(
            "recommendations/<uuid:uuid>/follow-up/",
            FollowUpForm,
            template="inspections/form.html",
            context=_with_visit(_("Follow-up of the recommendation")),
            done=_("The follow-up is recorded."),
            then=_to_visit,
        ),
    ),
]

ON_PLAN = [
    Action(
        "change-action-plan",
        "inspections/action-plans/<uuid:uuid>/",
        "Change the governor's action plan",
        services.change_action_plan,
        io.InspectionActionPlanSerializer,
        io.InspectionActionPlanChange,
        model=ActionPlan,
        arg="plan",
        method="patch",
        perm=services.CHANGE_ACTION_PLAN,
        page=Page(
            "action-plans/<uuid:uuid>/change/",
            ActionPlanForm,
            template="inspections/form.html",
            form_kwargs=_as_it_is("action", "owner", "target_date"),
            context=_with_visit(_("Change the action plan")),
            done=_("The action plan is changed."),
            then=_to_visit,
        ),
    ),
]

ON_SAMPLED = [
    Action(
        "note",
        "inspections/sampled/<uuid:uuid>/",
        "The case-review note on a woman of the sample",
        services.note_case,
        io.InspectionSampledWomanSerializer,
        io.InspectionNoteInput,
        model=SampledWoman,
        arg="sampled",
        method="patch",
        rules=LOCKED_RULE,
        description=LOCKED_DOC,
        perm=services.NOTE,
        page=Page(
            "sampled/<uuid:uuid>/note/",
            NoteForm,
            template="inspections/form.html",
            form_kwargs=_as_it_is("note"),
            context=_with_visit(_("Case-review note")),
            done=_("The note is saved."),
            then=_to_visit,
        ),
    ),
]

GROUPS = (
    (VISIT_ACTIONS, FACILITY),
    (ON_VISIT, VISIT),
    (ON_FINDING, FINDING),
    (ON_RECOMMENDATION, RECOMMENDATION),
    (ON_PLAN, PLAN),
    (ON_SAMPLED, SAMPLED),
)
