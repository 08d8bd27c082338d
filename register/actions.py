"""What staff do with the register of children (Rules 3 and 52), each declared once for the
API and, where staff do it on a page, for the page (`bangkok.actions`).

Children's identities are confidential (Rule 3.2): only reception and social workers reach
these actions, every other role is refused (the 404 of a missing record) before anything is
read; whoever adds or changes a child is answered with her identity, so must be allowed to
read it.
"""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from bangkok.actions import Action, Area, Page
from bangkok.security import of_this_site
from prisoners.permissions import access_prisoner

from . import api, reading, services
from .forms import (
    BestInterestsForm,
    ChildActivityForm,
    ChildEditForm,
    SeparationForm,
    SeparationPlanForm,
    UnitAppealForm,
    UnitAppealOutcomeForm,
    UnitApplicationForm,
    UnitDecisionForm,
)
from .models import Child, UnitApplication
from .permissions import ADD_CHILD, CHANGE_CHILD, can_read_child_identity, may_change_child
from .serializers import (
    BestInterestsSerializer,
    ChildActivitySerializer,
    ChildChangeSerializer,
    ChildSerializer,
    SeparationPlanSerializer,
    SeparationSerializer,
    UnitAppealInput,
    UnitAppealOutcomeInput,
    UnitApplicationSerializer,
    UnitDecisionInput,
)


def access_her_children(user, uuid, write: bool = True):
    """The mother, for a role that may know her children's identities (Rule 3.2); else 404."""
    if not can_read_child_identity(user):
        raise Http404("No such child in your facilities.")
    return access_prisoner(user, uuid)


def may_change(user, record) -> bool:
    """A child's record is changed only by whoever may change it now (social workers;
    reception while she is in reception): to anyone else it is the 404 of a missing one."""
    return not isinstance(record, Child) or may_change_child(user, record)


AREA = Area(
    tag="children", access=access_her_children, not_found=None, prefix="api", sees=may_change
)


def came_from(request) -> str | None:
    """The page of this site the form was opened from (her page, her admission), to go back
    to after saving."""
    return of_this_site(request, request.POST.get("next") or request.GET.get("next"))


def editing(request, child) -> dict:
    child = reading.child_read(viewer=request.user, child=child)
    return {"child": child, "next": came_from(request) or ""}


def child_saved(child) -> str:
    return _("%(name)s's record is saved.") % {"name": child.given_names}


def deciding(request, mother) -> dict:
    """Her children (their identities read and audited, Rule 3.2) and the decisions so far."""
    return {
        "children": reading.children_of(viewer=request.user, mother=mother),
        "decisions": reading.decisions_of(mother),
    }


def decided(decision) -> str:
    if decision.outcome == "apart":
        return _("The decision is recorded: the child lives apart from her mother.")
    return _("The decision is recorded. The next review is due on %(day)s.") % {
        "day": formats.date_format(decision.next_review_on, "DATE_FORMAT")
    }


def planning(request, child) -> dict:
    child = reading.child_read(viewer=request.user, child=child)
    return reading.separation_state(child)


def plan_initial(request, child) -> dict:
    plan = services.open_plan(child)
    if plan is None:
        return {"initial": {"contact_every_days": 14}}
    return {"initial": {name: getattr(plan, name) for name in services.PLAN_FIELDS}}


def separating(request, child) -> dict:
    child = reading.child_read(viewer=request.user, child=child)
    return reading.separation_state(child)


def applying(request, mother) -> dict:
    return {"applications": reading.unit_applications_of(viewer=request.user, mother=mother)}


def on_application(title):
    def context(request, application) -> dict:
        reading.unit_application_read(viewer=request.user, application=application)
        return {"application": application, "title": title}

    return context


def to_application(result, target) -> str:
    return reverse("register:unit-applications", args=[target.mother.uuid])


def separated(request, child):
    """Nothing to record once the child has left: she sees what is recorded, not a form the
    service would refuse."""
    if child.lives_with_mother:
        return None
    context = {"child": child, "woman": child.mother, "separation": child.separation}
    return render(request, "register/separated.html", context)


def living(request, child) -> dict:
    """The child's days in prison so far (the read audited, Rule 3.2)."""
    return {
        "child": child,
        "activities": list(reading.activities_of(viewer=request.user, child=child)[:30]),
    }


def activity_recorded(activity) -> str:
    return _("Recorded: %(what)s.") % {"what": activity.get_kind_display()}


ACTIONS = [
    Action(
        "prisoner-children",
        "prisoners/<uuid:uuid>/children/",
        "Add one of her children to the register (Rule 3.1)",
        services.record_child,
        ChildSerializer,
        ChildSerializer,
        arg="mother",
        created=True,
        rules=("49",),
        perm=ADD_CHILD,
        reads=api.ChildrenList,
        description=(
            "A child not living with her needs where she lives (or `location_unknown`) and who "
            'has custody; "not known" is allowed and asks social workers to find out.'
        ),
    ),
    Action(
        "child-detail",
        "children/<uuid:uuid>/",
        "Keep a child's record current (Rules 2.2 and 3)",
        services.update_child,
        ChildSerializer,
        ChildChangeSerializer,
        model=Child,
        woman="mother",
        arg="child",
        method="patch",
        perm=ADD_CHILD,
        rules=("52",),
        description=(
            "Social workers keep the register; reception corrects a child while her admission "
            "is in reception (else the 404 of a missing child). A child living with her is "
            "never moved out by an edit: `lives_with_mother: false` on such a child is a 409 "
            "naming Rule 52; record the separation instead."
        ),
        page=Page(
            "children/<uuid:uuid>/edit/",
            ChildEditForm,
            name="child-edit",
            template="register/child_edit.html",
            form_kwargs=lambda request, child: {"instance": child},
            context=editing,
            done=child_saved,
            then=lambda child, target: reverse("prisoners:detail", args=[target.mother.uuid]),
            back=True,
        ),
    ),
    Action(
        "best-interests",
        "prisoners/<uuid:uuid>/best-interests/",
        "A best-interests decision: whether a child lives with her in prison (Rules 49, 52.1)",
        services.decide_best_interests,
        BestInterestsSerializer,
        BestInterestsSerializer,
        arg="mother",
        created=True,
        perm=CHANGE_CHILD,
        rules=("52.1",),
        description=(
            "Social workers record it before a child comes to live with her (`child` empty for "
            "a child not yet on the register), at every review and before the national maximum "
            "age of stay: who took part, her views, the child's needs, the decision and its "
            "reasons. A decision that the child stays past the maximum age is a 409 naming "
            "Rule 52.1."
        ),
        page=Page(
            "women/<uuid:uuid>/best-interests/",
            BestInterestsForm,
            name="best-interests",
            template="register/best_interests.html",
            form_kwargs=lambda request, mother: {"mother": mother},
            context=deciding,
            done=decided,
            then=lambda decision, mother: reverse("prisoners:detail", args=[mother.uuid]),
        ),
    ),
    Action(
        "separation-plan",
        "children/<uuid:uuid>/separation-plan/",
        "The plan for a child living with her to leave prison (social workers, Rule 52)",
        services.plan_separation,
        SeparationPlanSerializer,
        SeparationPlanSerializer,
        model=Child,
        woman="mother",
        arg="child",
        changes=False,
        perm=CHANGE_CHILD,
        description=(
            "Records or updates the child's open plan: the alternative care and the day the "
            "carer confirmed it, the gradual transition, her consultation, consular "
            "consultation for a foreign national (52.2), how she and the child meet after "
            "(52.3), the planned day."
        ),
        page=Page(
            "children/<uuid:uuid>/separation-plan/",
            SeparationPlanForm,
            name="separation-plan",
            template="register/separation_plan.html",
            form_kwargs=plan_initial,
            context=planning,
            instead=separated,
            done=_("The separation plan is saved."),
            then=lambda plan, child: reverse("register:separate", args=[child.uuid]),
        ),
    ),
    Action(
        "child-separation",
        "children/<uuid:uuid>/separation/",
        "A child living with her leaves prison, carrying out the plan (social workers, Rule 52)",
        services.separate_child,
        SeparationSerializer,
        SeparationSerializer,
        model=Child,
        woman="mother",
        arg="child",
        created=True,
        perm=CHANGE_CHILD,
        rules=("52.1", "52.2", "52.3"),
        description=(
            "Only on a best-interests decision that the child lives apart (52.1), with her "
            "consulted, the alternative care confirmed and, for a foreign national, consular "
            "officials consulted (52.2), and a plan for contact after (52.3): else a 409 naming "
            "the rule. Only this step lifts the protections the child gave her; it raises a "
            "health check for her (Rule 13) and a social work follow-up."
        ),
        page=Page(
            "children/<uuid:uuid>/separation/",
            SeparationForm,
            name="separate",
            template="register/separate.html",
            context=separating,
            instead=separated,
            done=_("The separation is recorded."),
            then=lambda separation, child: reverse("prisoners:detail", args=[child.mother.uuid]),
        ),
    ),
    Action(
        "unit-applications",
        "prisoners/<uuid:uuid>/unit-applications/",
        "An application for a place in the mother and baby unit (Rules 49-51)",
        services.apply_for_unit,
        UnitApplicationSerializer,
        UnitApplicationSerializer,
        arg="mother",
        created=True,
        perm=CHANGE_CHILD,
        description=(
            "Who applies, when, and the expected date of delivery she gives (or the child): "
            "the board decides UNIT_DECISION_DAYS_BEFORE_BIRTH before it."
        ),
        page=Page(
            "women/<uuid:uuid>/unit-applications/",
            UnitApplicationForm,
            name="unit-applications",
            template="register/unit_applications.html",
            form_kwargs=lambda request, mother: {"mother": mother},
            context=applying,
            done=_("The application is recorded."),
            then=lambda application, mother: reverse(
                "register:unit-applications", args=[mother.uuid]
            ),
        ),
    ),
    Action(
        "unit-decision",
        "unit-applications/<uuid:uuid>/decision/",
        "The board's decision on a place in the unit, with reasons (Rule 49)",
        services.decide_unit_application,
        UnitApplicationSerializer,
        UnitDecisionInput,
        model=UnitApplication,
        woman="mother",
        arg="application",
        perm=CHANGE_CHILD,
        rules=("49",),
        description=(
            "A place is granted only on a best-interests decision that the child lives with "
            "her (409 naming Rule 49 without one)."
        ),
        page=Page(
            "unit-applications/<uuid:uuid>/decision/",
            UnitDecisionForm,
            name="unit-decision",
            template="register/unit_step.html",
            context=on_application(_("The board's decision")),
            done=_("The board's decision is recorded."),
            then=to_application,
        ),
    ),
    Action(
        "unit-appeal",
        "unit-applications/<uuid:uuid>/appeal/",
        "She appeals the board's refusal of a place in the unit",
        services.appeal_unit_decision,
        UnitApplicationSerializer,
        UnitAppealInput,
        model=UnitApplication,
        woman="mother",
        arg="application",
        perm=CHANGE_CHILD,
        page=Page(
            "unit-applications/<uuid:uuid>/appeal/",
            UnitAppealForm,
            name="unit-appeal",
            template="register/unit_step.html",
            context=on_application(_("Her appeal")),
            done=_("Her appeal is recorded."),
            then=to_application,
        ),
    ),
    Action(
        "unit-appeal-decision",
        "unit-applications/<uuid:uuid>/appeal-decision/",
        "The outcome of her appeal, with reasons (Rule 49)",
        services.decide_unit_appeal,
        UnitApplicationSerializer,
        UnitAppealOutcomeInput,
        model=UnitApplication,
        woman="mother",
        arg="application",
        perm=CHANGE_CHILD,
        rules=("49",),
        description="Upheld grants a place, only on a best-interests decision (409, Rule 49).",
        page=Page(
            "unit-applications/<uuid:uuid>/appeal-decision/",
            UnitAppealOutcomeForm,
            name="unit-appeal-decision",
            template="register/unit_step.html",
            context=on_application(_("The appeal's outcome")),
            done=_("The appeal's outcome is recorded."),
            then=to_application,
        ),
    ),
    Action(
        "child-activities",
        "children/<uuid:uuid>/activities/",
        "A day of a child's life in prison: childcare, an outing, nursery, time together "
        "(Rules 42.2, 50, 51.2)",
        services.record_child_activity,
        ChildActivitySerializer,
        ChildActivitySerializer,
        model=Child,
        woman="mother",
        arg="child",
        created=True,
        changes=False,
        perm=CHANGE_CHILD,
        reads=api.ChildActivities,
        description=(
            "Social workers, for a child living with her. Childcare says who cared for the "
            "child and what she took part in (Rule 42.2); an outing who went and where; nursery "
            "where (Rule 51.2): else 400 naming the field. An outing or nursery answers the task "
            "asking for one and asks for the next. A day of the last 30, not in the future."
        ),
        page=Page(
            "children/<uuid:uuid>/life/",
            ChildActivityForm,
            name="child-life",
            template="register/child_life.html",
            form_kwargs=lambda request, child: {
                "initial": {"on": timezone.localdate(), "kind": "childcare"}
            },
            context=living,
            instead=separated,
            done=activity_recorded,
            then=lambda activity, child: reverse("register:child-life", args=[child.uuid]),
        ),
    ),
]
