"""What staff do with restraints (Rule 24; Mandela 43.2, 47-49), each declared once for the API
and, where staff do it on a page, for the page (`bangkok.actions`). A woman outside the
caller's facilities, or a role that doesn't read restraints or may not do the verb, is the
404 of a woman who doesn't exist; a refusal under a Rule is a 409 (beside the form on a page)
naming it, with nothing written."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse

from authority.serializers import RefuseInput
from bangkok.actions import Action, Area, Page, to
from bangkok.schema import ERROR

from . import reading, services, views
from . import serializers as io
from .forms import ApplyForm, ApprovalForm, RemoveForm, ReviewForm
from .models import Restraint
from .permissions import access_her_restraints

TAG = "restraints"
NOT_FOUND = OpenApiResponse(
    ERROR,
    description=(
        "No such record in your facilities, or your role doesn't read restraints (the same "
        "answer either way)."
    ),
)
AREA = Area(tag=TAG, access=access_her_restraints, not_found=NOT_FOUND, prefix="api-restraints")


def applied(restraint) -> str:
    if restraint.is_applied:
        return _(
            "Restraint recorded. The governor confirms it or it comes off within the "
            "set time; review it while it is on."
        )
    return _("Restraint asked for: it comes on when the governor gives her authority.")


def with_approval(request, woman) -> dict:
    return {"approval": reading.approval_shown(request.user, woman)}


def on_its_page(key: str):
    """A refused form on the restraint's page is shown there again, with its refusal."""
    return lambda request, restraint, form: views.detail_page(request, restraint, **{key: form})


ACTIONS = [
    Action(
        "apply",
        "prisoners/<uuid:uuid>/restraints/apply/",
        "Record a restraint applied to her (Rule 24; Mandela 43.2, 47, 48)",
        services.apply_restraint,
        io.RestraintSerializer,
        io.RestraintApplyInput,
        created=True,
        rules=("24", "M47"),
        perm=services.APPLY,
        description=(
            "Custody staff. Refused (409, Rule 24, no override) while she is under the 'No "
            "restraints' protection, or was at any time since `applied_at`; under the "
            "health-approval protection, refused unless a method approval in force covers "
            "the device. Only approved devices and purposes exist (400 otherwise). "
            "`emergency: true` (only to prevent harm, injury or damage, else 409 M47): on at "
            "once, to be confirmed by the governor or removed by `authority_due_at`. "
            "`emergency: false`: awaits the governor's authority and is not on until then."
        ),
        page=Page(
            "women/<uuid:uuid>/apply/",
            ApplyForm,
            template="restraints/apply.html",
            form_kwargs=lambda request, woman: {
                "facility": woman.facility,
                "devices": reading.devices_offered(woman),
            },
            context=with_approval,
            done=applied,
            then=to("restraints:detail"),
        ),
    ),
    Action(
        "confirm",
        "restraints/<uuid:uuid>/confirm/",
        "Give your authority for a restraint (the governor, with her own sign-in)",
        services.confirm_restraint,
        io.RestraintSerializer,
        model=Restraint,
        arg="record",
        rules=("24", "M47"),
        description=(
            "A governor of her facility, never whoever asked. Rule 24 is checked again now "
            "(409). A planned restraint comes on now. 400 once decided (of two governors at "
            "once, one wins)."
        ),
    ),
    Action(
        "refuse",
        "restraints/<uuid:uuid>/refuse/",
        "Refuse your authority for a restraint, with a reason",
        services.refuse_restraint,
        io.RestraintSerializer,
        RefuseInput,
        model=Restraint,
        arg="record",
        rules=("M47",),
        description="One on now must come off at once: custody are ordered to remove it.",
    ),
    Action(
        "review",
        "restraints/<uuid:uuid>/review/",
        "Review a restraint that is on: is it still needed? (Mandela 48.1)",
        services.review_restraint,
        io.RestraintReviewSerializer,
        io.RestraintReviewInput,
        model=Restraint,
        arg="restraint",
        created=True,
        perm=services.CHANGE,
        description="`still_needed: false` takes it off now. 400 once it is removed.",
        page=Page(
            "<uuid:uuid>/review/",
            ReviewForm,
            again=on_its_page("review_form"),
            done=_("Review recorded."),
            then=to("restraints:detail", of="target"),
        ),
    ),
    Action(
        "remove",
        "restraints/<uuid:uuid>/remove/",
        "Record that a restraint was removed (Mandela 48.1)",
        services.remove_restraint,
        io.RestraintSerializer,
        io.RestraintRemoveInput,
        model=Restraint,
        arg="restraint",
        perm=services.CHANGE,
        description="Closes its review reminders and any alert. 400 once it is removed.",
        page=Page(
            "<uuid:uuid>/remove/",
            RemoveForm,
            again=on_its_page("remove_form"),
            done=_("Recorded that the restraint was removed."),
            then=to("restraints:detail", of="target"),
        ),
    ),
    Action(
        "approve-method",
        "prisoners/<uuid:uuid>/restraint-method-approvals/",
        "Approve the least restrictive method of restraint for her (Rule 24)",
        services.approve_method,
        io.MethodApprovalSerializer,
        io.MethodApprovalInput,
        created=True,
        perm=services.APPROVE_METHOD,
        description="Health staff of her facility.",
        page=Page(
            "women/<uuid:uuid>/method-approval/",
            ApprovalForm,
            template="restraints/approve.html",
            context=with_approval,
            done=_("Approved method recorded."),
            then=to("prisoners:detail", of="target", section="restraints"),
        ),
    ),
]
