"""What staff do on her way home (Rules 45-47, 55; Mandela 9), each declared once for the page
and the API (`bangkok.actions`): her earliest release date, starting her plan, each of its
sections, her health continuity (health staff), the reason she leaves with it incomplete (the
release officer) and the hand-over of her copy of her records.

A woman outside the caller's facilities, or a role that may not do the action, is the same
404 as a record that doesn't exist, before anything is read. A refusal under a Rule is a 409
naming it, with nothing written.
"""

from django.utils.translation import gettext_lazy as _

from admissions.models import Admission
from bangkok.actions import Action, Area, Page, to
from prisoners.permissions import access_prisoner

from . import services, views
from .forms import (
    HandOverForm,
    HealthForm,
    HealthReasonForm,
    PartForm,
    ReleaseDateForm,
    StartPlanForm,
)
from .models import CopyKind, PlanPart
from .permissions import CLEAR, KEEP, RECORD_DATE, RECORD_HEALTH, may_produce
from .serializers import (
    CopySerializer,
    HandOverInput,
    HealthInput,
    HealthReasonInput,
    PartInput,
    PlanPartSerializer,
    PlanSerializer,
    ReleaseDateInput,
)


def access_her(user, uuid, write: bool = True):
    """The woman, in the caller's facilities; else 404 (the action's permission is asked
    first)."""
    return access_prisoner(user, uuid)


AREA = Area(tag="release", access=access_her, not_found=None, prefix="api-release")
# Her copies: a role that produces none of them gets the 404 of a missing record.
COPIES = Area(
    tag="release",
    access=access_her,
    not_found=None,
    prefix="api-release",
    sees=lambda user, admission: any(may_produce(user, kind) for kind in CopyKind.values),
)


def on_the_plan(key: str):
    """A refused form is shown again on her release page, with its refusal."""
    return lambda request, target, form: views.plan_page(request, target, **{key: form})


def on_the_plan_of_part(request, part, form):
    return views.plan_page(request, part.plan.admission, part_forms={part.pk: form})


def _answer(request, result):
    return views.plan_answer_for(request, result)


PLAN = to("release:plan", of="target")


def plan_of_part(result, target) -> str:
    return views.plan_url(target.plan.admission)


ACTIONS = [
    Action(
        "date",
        "admissions/<uuid:uuid>/release-plan/date/",
        "Record her earliest release date: her plan is opened (Rule 46)",
        services.record_release_date,
        PlanSerializer,
        ReleaseDateInput,
        model=Admission,
        arg="admission",
        changes=False,
        perm=RECORD_DATE,
        answer=_answer,
        description=(
            "The social workers' task to start her plan is set for `RELEASE_PLAN_START_DAYS` "
            "before that date (at once if that time has come). A date before today is a 400; "
            "so is her episode once she is released."
        ),
        page=Page(
            "<uuid:uuid>/date/",
            ReleaseDateForm,
            again=on_the_plan("date_form"),
            done=_("Her earliest release date is recorded."),
            then=PLAN,
        ),
    ),
    Action(
        "start",
        "admissions/<uuid:uuid>/release-plan/start/",
        "Start her release plan (Rules 46, 47)",
        services.start_plan,
        PlanSerializer,
        model=Admission,
        arg="admission",
        changes=False,
        created=True,
        perm=KEEP,
        answer=_answer,
        description=(
            "Its sections are made, each not started; health staff are given the task of "
            "handing her health care over to community services `RELEASE_HEALTH_HANDOVER_DAYS` "
            "before the date, social workers that of completing the plan. 400 without her "
            "earliest release date, or when it is started already."
        ),
        page=Page(
            "<uuid:uuid>/start/",
            StartPlanForm,
            again=on_the_plan("start_form"),
            done=_("Her release plan is started."),
            then=PLAN,
        ),
    ),
    Action(
        "part",
        "release-plan-parts/<uuid:uuid>/",
        "Record what is arranged for one section of her release plan (Rules 45-47, 55)",
        services.update_part,
        PlanPartSerializer,
        PartInput,
        model=PlanPart,
        woman="plan__prisoner",
        arg="part",
        perm=KEEP,
        rules=("45", "46", "47", "55"),
        description=(
            "Accommodation, income, referrals and the support she wants are every woman's: "
            "marking one of them not needed is refused (409, naming its rule). Complete needs "
            "what is arranged (400 naming `notes`)."
        ),
        page=Page(
            "parts/<uuid:uuid>/",
            PartForm,
            form_kwargs=lambda request, part: {"part": part},
            again=on_the_plan_of_part,
            done=_("The section is saved."),
            then=plan_of_part,
        ),
    ),
    Action(
        "health",
        "admissions/<uuid:uuid>/release-plan/health/",
        "Record her health continuity at release: health staff only (Rules 46, 47; Rule 8)",
        services.record_health_continuity,
        PlanSerializer,
        HealthInput,
        model=Admission,
        arg="admission",
        changes=False,
        perm=RECORD_HEALTH,
        answer=_answer,
        description=(
            "Medication, HIV and substitution treatment, screening recalls and the community "
            "service taking her on; `complete` needs that service and the day of the handover. "
            "Other roles are told only whether it is complete."
        ),
        page=Page(
            "<uuid:uuid>/health/",
            HealthForm,
            again=on_the_plan("health_form"),
            done=_("Her health continuity is recorded."),
            then=PLAN,
        ),
    ),
    Action(
        "health-reason",
        "admissions/<uuid:uuid>/release-plan/health-reason/",
        "Record why she leaves with her health continuity incomplete (Rule 46)",
        services.record_health_reason,
        PlanSerializer,
        HealthReasonInput,
        model=Admission,
        arg="admission",
        changes=False,
        perm=CLEAR,
        answer=_answer,
        description=(
            "Without it, or her health continuity complete, her release is refused (409, "
            "Rule 46). 400 when her health continuity is complete."
        ),
        page=Page(
            "<uuid:uuid>/health-reason/",
            HealthReasonForm,
            again=on_the_plan("reason_form"),
            done=_("The reason is recorded: she may be released with it."),
            then=PLAN,
        ),
    ),
]

# Her copy of her records, reached through `COPIES`.
COPY_ACTIONS = [
    Action(
        "copy",
        "admissions/<uuid:uuid>/records-copy/",
        "Log the hand-over of her copy of her records, or her refusal of it (Mandela 9)",
        services.hand_over_copy,
        CopySerializer,
        HandOverInput,
        model=Admission,
        arg="admission",
        changes=False,
        created=True,
        description=(
            "`kind`: `general` (her records, by reception or the governor), `clinical` (health "
            "staff), `complaints` (safeguarding staff); a role that may not produce that copy "
            "gets the 404 of a missing record. Without the `general` copy handed over or "
            "refused, her release is refused (409, Mandela 9). 400 when it is logged already."
        ),
        page=Page(
            "<uuid:uuid>/copy/",
            HandOverForm,
            again=on_the_plan("copy_form"),
            done=_("The hand-over of her copy is logged."),
            then=PLAN,
        ),
    ),
]
