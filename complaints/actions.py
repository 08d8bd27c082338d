"""What staff do with complaints and reports of abuse (Rules 7, 25), each declared once for the
API and the page (`bangkok.actions`): lodge one for her, in confidence; deal with it
(safeguarding staff); review an action held after her report. A complaint that names the
caller doesn't exist for her: 404, like one that doesn't exist; so is a woman outside her
facilities."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse

from bangkok.actions import Action, Area, Page, to
from bangkok.forms import StyledForm
from bangkok.schema import ERROR
from prisoners.permissions import access_prisoner

from . import api, forms, views
from . import serializers as io
from .models import Complaint, HeldAction
from .permissions import complaints_visible_to, held_actions_visible_to
from .services import complaints as services
from .services.retaliation import review_held_action

TAG = api.TAG
NOT_FOUND = api.NOT_FOUND


def access_for_dealing(user, uuid, write=True):
    """The woman a complaint action acts on: in the caller's scope, or 404."""
    return access_prisoner(user, uuid)


def sees(user, record) -> bool:
    """A complaint she reads (never one naming her), or a held action she may see."""
    if isinstance(record, HeldAction):
        return held_actions_visible_to(user).filter(pk=record.pk).exists()
    return complaints_visible_to(user).filter(pk=record.pk).exists()


AREA = Area(
    tag=TAG, access=access_for_dealing, not_found=NOT_FOUND, prefix="api-complaints", sees=sees
)
# Lodging for her, at the route her complaints are listed at: `api-prisoner-complaints`.
HERS = Area(tag=TAG, access=access_for_dealing, not_found=NOT_FOUND, prefix="api-prisoner")


def on_its_page(step: str):
    """A refused step is shown on the complaint's page: a form beside its fields, a button's
    refusal above the complaint."""

    def again(request, complaint, form):
        if not form.base_fields:
            message = " ".join(form.non_field_errors())
            return views.complaint_page(request, complaint, failed={"_message": message})
        return views.complaint_page(request, complaint, failed={step: form})

    return again


def _step(name, step, summary, verb, out, body=None, form=StyledForm, rules=(), created=False):
    """A step in dealing with a complaint: POST `complaints/<uuid>/<name>/` in the API, and
    `<uuid>/<step>/` from the complaint's page (`complaints:act`, each step its own route)."""
    return Action(
        name,
        f"complaints/<uuid:uuid>/{name}/",
        summary,
        verb,
        out,
        body,
        model=Complaint,
        arg="complaint",
        rules=rules,
        created=created,
        page=Page(
            f"<uuid:uuid>/{step}/",
            form,
            name="act",
            form_kwargs=(
                (lambda request, complaint: {"complaint": complaint})
                if form is forms.AssignForm
                else (lambda request, complaint: {})
            ),
            again=on_its_page(step),
            done=_("Recorded."),
            then=to("complaints:detail", of="target"),
        ),
    )


S = services
LODGING = [
    Action(
        "complaints",
        "prisoners/<uuid:uuid>/complaints/",
        "Lodge a complaint or a report of abuse for her, in confidence (Rules 7, 25)",
        S.lodge_complaint,
        io.LodgedSerializer,
        io.LodgeInput,
        created=True,
        perm=S.LODGE,
        reads=api.HerComplaints,
        description=api.LISTED,
        answers={403: OpenApiResponse(ERROR), 409: OpenApiResponse(ERROR)},
        page=Page(
            "women/<uuid:uuid>/lodge/",
            forms.LodgeForm,
            name="lodge",
            template="complaints/lodge.html",
            form_kwargs=lambda request, woman: {"prisoner": woman},
            done=_("Lodged in confidence. Safeguarding staff will deal with it."),
            then=to("prisoners:detail", of="target", section="complaints"),
        ),
    ),
]
ACTIONS = [
    _step(
        "acknowledge",
        "acknowledge",
        "Record that it was acknowledged (Mandela 57)",
        S.acknowledge_complaint,
        io.ComplaintSerializer,
    ),
    _step(
        "assign",
        "assign",
        "Give it to a safeguarding officer it doesn't name (Mandela 71.3)",
        S.assign_complaint,
        io.ComplaintSerializer,
        io.AssignInput,
        form=forms.AssignForm,
        rules=("M71",),
    ),
    _step(
        "protection-plan",
        "plan",
        "Her protection plan, the same day (Rule 25.1)",
        S.record_protection_plan,
        io.ProtectionPlanSerializer,
        io.PlanInput,
        form=forms.PlanForm,
        rules=("25.1",),
        created=True,
    ),
    _step(
        "referral",
        "refer",
        "Refer her report to an independent authority (Rule 7.1)",
        S.refer_complaint,
        io.ComplaintSerializer,
        io.ReferInput,
        form=forms.ReferForm,
    ),
    _step(
        "psychological-support",
        "support",
        "Record that psychological support was offered (Rule 7.2)",
        S.offer_psychological_support,
        io.ComplaintSerializer,
    ),
    _step(
        "answer",
        "answer",
        "Record the answer she was given (Mandela 57)",
        S.answer_complaint,
        io.ComplaintSerializer,
        io.AnswerInput,
        form=forms.AnswerForm,
    ),
    _step(
        "close",
        "close",
        "Close it (a report of abuse needs its plan and the offer of support)",
        S.close_complaint,
        io.ComplaintSerializer,
        rules=("25.1", "7.2"),
    ),
    Action(
        "review",
        "held-actions/<uuid:uuid>/review/",
        "Review an action held after her report: retaliation or not (Rules 7.3, 25.1)",
        review_held_action,
        io.HeldActionSerializer,
        io.HeldReviewInput,
        model=HeldAction,
        arg="held",
        rules=("M71",),
        page=Page(
            "held/<uuid:uuid>/",
            forms.ReviewForm,
            name="held",
            template="complaints/held_detail.html",
            context=lambda request, held: {"held": held},
            offered=lambda request, held: (
                request.user.has_perm("complaints.review_held_action") and held.is_held
            ),
            done=_("Your review is recorded."),
            then=to("complaints:held", of="target"),
        ),
    ),
]
# The steps on the complaint's page, by the name its forms post to (`complaints:act`).
STEPS = {
    a.page.path.removeprefix("<uuid:uuid>/").strip("/"): a
    for a in ACTIONS
    if a.page is not None and a.model is Complaint
}
