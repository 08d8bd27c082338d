"""What staff do with uses of force (Rules 24, 31; Mandela 82), each declared once for the API
and the page (`bangkok.actions`). A woman outside the caller's facilities, or a role that
doesn't read uses of force or may not do the verb, is the 404 of a woman who doesn't exist; a
refusal under a Rule is a 409 (beside the form on a page) naming it, with nothing written."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse

from bangkok.actions import Action, Area, Page, to
from bangkok.schema import ERROR

from . import api, reading, services
from . import serializers as io
from .forms import HealthCheckForm, RecordForm, ReviewForm
from .models import UseOfForce
from .permissions import access_her_force

TAG = api.TAG
NOT_FOUND = OpenApiResponse(
    ERROR,
    description=(
        "No such record in your facilities, or your role doesn't read uses of force (the same "
        "answer either way)."
    ),
)
AREA = Area(tag=TAG, access=access_her_force, not_found=NOT_FOUND, prefix="api-force")


def _shown(request, force) -> dict:
    return reading.force_shown(request.user, force)


def _done_already(what: str, message):
    """GET of a form whose record exists already: back to the use of force, saying so."""

    def instead(request, force):
        if getattr(force, what, None) is None:
            return None
        messages.info(request, message)
        return redirect(reverse("force:detail", kwargs={"uuid": force.uuid}))

    return instead


def _answer(io_class):
    return lambda request, result: io_class(result, context={"request": request}).data


ACTIONS = [
    Action(
        "record",
        "prisoners/<uuid:uuid>/uses-of-force/",
        "Record a use of force on her (Rules 24, 31; Mandela 82)",
        services.record_force,
        io.UseOfForceSerializer,
        io.RecordInput,
        created=True,
        rules=("M82",),
        perm=services.RECORD,
        reads=api.HerForce,
        answer=_answer(io.UseOfForceSerializer),
        description=(
            "Custody staff. Refused (409, M82) without what was tried first or why nothing "
            "could be. Only the allowed reasons exist (400 otherwise). A handcuff or other "
            "instrument is a restraint: `restraint` names it. Health staff are asked to check "
            "her and the governor to review it, each within a set time. `protected` says "
            "whether she was under a protection a pregnancy or a birth sets, never why."
        ),
        page=Page(
            "women/<uuid:uuid>/record/",
            RecordForm,
            template="force/record.html",
            form_kwargs=lambda request, woman: {"woman": woman},
            done=_(
                "Use of force recorded. Health staff are asked to check her, and the governor "
                "to review it."
            ),
            then=to("force:detail"),
        ),
    ),
    Action(
        "health-check",
        "uses-of-force/<uuid:uuid>/health-check/",
        "Record the health check after a use of force (health staff; Mandela 34, Rule 8)",
        services.record_health_check,
        io.HealthCheckSerializer,
        io.HealthCheckInput,
        model=UseOfForce,
        arg="force",
        created=True,
        changes=False,
        perm=services.CHECK,
        description="Health staff of her facility. Closes the health task. 400 once recorded.",
        page=Page(
            "<uuid:uuid>/health-check/",
            HealthCheckForm,
            template="force/health_check.html",
            context=_shown,
            instead=_done_already(
                "health_check", _("The health check after this use of force is recorded.")
            ),
            done=_("Health check recorded."),
            then=to("force:detail", of="target"),
        ),
    ),
    Action(
        "review",
        "uses-of-force/<uuid:uuid>/review/",
        "Review a use of force (the governor; Mandela 82)",
        services.review_force,
        io.ReviewSerializer,
        io.ReviewInput,
        model=UseOfForce,
        arg="force",
        created=True,
        changes=False,
        perm=services.REVIEW,
        description=(
            "A governor of her facility who took no part in it. `referred` names to whom. "
            "Closes the review task. 400 once reviewed."
        ),
        page=Page(
            "<uuid:uuid>/review/",
            ReviewForm,
            template="force/review.html",
            context=_shown,
            instead=_done_already("review", _("This use of force has been reviewed.")),
            done=_("Review recorded."),
            then=to("force:detail", of="target"),
        ),
    ),
]
