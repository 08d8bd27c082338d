"""What staff do in the parole area (Rules 45, 59, 63, 64), each declared once for the API
and the page (`bangkok.actions`). A woman or record outside the caller's facilities, or a
role that may not do the verb, is the 404 of one that doesn't exist; a refusal under a Rule
is a 409 (beside the form on a page) naming it, with nothing written."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse

from bangkok.actions import Action, Area, Page, to
from bangkok.schema import ERROR

from . import api, reading, services, views
from . import serializers as io
from .forms import (
    CustodyReviewForm,
    DecideLeaveForm,
    EligibilityForm,
    HomeTransferDecisionForm,
    HomeTransferForm,
    LeaveRequestForm,
    NonCustodialForm,
    ParoleReviewForm,
    ProtectiveCustodyForm,
    ReturnForm,
    SubmitParoleForm,
    WithdrawForm,
)
from .models import HomeTransfer, LeaveRequest, ParoleReview, ProtectiveCustody
from .permissions import access_her_parole, sees

TAG = api.TAG
NOT_FOUND = OpenApiResponse(
    ERROR,
    description=(
        "No such record in your facilities, or your role doesn't read this part of her "
        "record (the same answer either way)."
    ),
)
AREA = Area(tag=TAG, access=access_her_parole, not_found=NOT_FOUND, prefix="api-parole", sees=sees)


def decided(leave) -> str:
    if leave.status == "granted":
        return _("Leave granted. Custody are reminded when she is due back.")
    return _("Leave refused, with your reasons.")


def submit_form_kwargs(request, review) -> dict:
    shown = reading.shows_caretaking(request.user)
    initial = {
        "reintegration": review.reintegration,
        "recommendation": review.recommendation,
        "notes": review.notes,
    }
    if shown:
        initial["caretaking"] = review.caretaking
    return {"caretaking_shown": shown, "initial": initial}


def ended_or_reviewed(review) -> str:
    if review.custody.ended_at is not None:
        return _("Review recorded. Her protective custody has ended.")
    return _("Review recorded. The next review is due at the set time.")


ACTIONS = [
    Action(
        "request-leave",
        "prisoners/<uuid:uuid>/leave-requests/",
        "Record her request for home leave or temporary release (Rule 45)",
        services.request_leave,
        io.LeaveRequestSerializer,
        io.LeaveRequestInput,
        answer=io.leave_answer,
        created=True,
        rules=("45",),
        perm=services.REQUEST_LEAVE,
        reads=api.HerLeave,
        description=(
            "Social workers and custody, for her request or for her (`her_request: false`). "
            "It waits for the governor's decision."
        ),
        page=Page(
            "women/<uuid:uuid>/leave/new/",
            LeaveRequestForm,
            template="parole/leave_new.html",
            done=_("Her request for leave is recorded. The governor decides it."),
            then=to("parole:leave"),
        ),
    ),
    Action(
        "decide-leave",
        "leave-requests/<uuid:uuid>/decide/",
        "Grant or refuse leave, with reasons (the governor; Rules 23, 45)",
        services.decide_leave,
        io.LeaveRequestSerializer,
        io.LeaveDecisionInput,
        answer=io.leave_answer,
        model=LeaveRequest,
        arg="leave",
        rules=("23", "45"),
        perm=services.DECIDE_LEAVE,
        description=(
            "A refusal names a ground and says why (409, Rule 45, without reasons); her "
            "conduct or a disciplinary matter is never a ground (409, Rule 23). 400 once "
            "decided."
        ),
        page=Page(
            "leave/<uuid:uuid>/decide/",
            DecideLeaveForm,
            again=views.again("decide-leave"),
            done=decided,
            then=to("parole:leave", of="target"),
        ),
    ),
    Action(
        "record-return",
        "leave-requests/<uuid:uuid>/return/",
        "Record whether she returned from leave, and when (Rule 45)",
        services.record_return,
        io.LeaveRequestSerializer,
        io.LeaveReturnInput,
        answer=io.leave_answer,
        model=LeaveRequest,
        arg="leave",
        perm=services.RECORD_RETURN,
        description="Only of granted leave, once. 400 otherwise.",
        page=Page(
            "leave/<uuid:uuid>/return/",
            ReturnForm,
            again=views.again("record-return"),
            done=_("Her return is recorded."),
            then=to("parole:leave", of="target"),
        ),
    ),
    Action(
        "review-eligibility",
        "prisoners/<uuid:uuid>/leave-eligibility-reviews/",
        "Review her eligibility for home leave and temporary release (Rule 45)",
        services.review_leave_eligibility,
        io.EligibilityReviewSerializer,
        io.EligibilityInput,
        created=True,
        perm=services.REVIEW_ELIGIBILITY,
        description="Closes the task of this review and sets the next, at the set interval.",
        page=Page(
            "women/<uuid:uuid>/leave-eligibility/",
            EligibilityForm,
            template="parole/eligibility.html",
            done=_("Her eligibility is reviewed. The next review is due at the set interval."),
            then=to("parole:her", of="target"),
        ),
    ),
    Action(
        "prepare-parole-review",
        "prisoners/<uuid:uuid>/parole-reviews/",
        "Start her parole review (Rule 63)",
        services.prepare_parole_review,
        io.ParoleReviewSerializer,
        io.ParoleReviewInput,
        created=True,
        perm=services.PREPARE_PAROLE,
        reads=api.HerParoleReviews,
        answer=io.parole_answer,
        description=(
            "A draft: the social worker is reminded to submit it before her eligibility date."
        ),
        page=Page(
            "women/<uuid:uuid>/parole-review/new/",
            ParoleReviewForm,
            template="parole/parole_new.html",
            done=_("Her parole review is started. Submit it with both sections."),
            then=to("parole:parole-review"),
        ),
    ),
    Action(
        "submit-parole-review",
        "parole-reviews/<uuid:uuid>/submit/",
        "Submit her parole review to the board (Rule 63)",
        services.submit_parole_review,
        io.ParoleReviewSerializer,
        io.ParoleSubmitInput,
        model=ParoleReview,
        arg="review",
        rules=("63",),
        perm=services.SUBMIT_PAROLE,
        answer=io.parole_answer,
        description=(
            "Refused (409, Rule 63) unless both her caretaking responsibilities and her "
            "reintegration needs are written. 400 once submitted."
        ),
        page=Page(
            "parole-review/<uuid:uuid>/submit/",
            SubmitParoleForm,
            form_kwargs=submit_form_kwargs,
            again=views.again("submit-parole-review"),
            done=_("Her parole review is submitted to the board."),
            then=to("parole:parole-review", of="target"),
        ),
    ),
    Action(
        "review-noncustodial",
        "prisoners/<uuid:uuid>/noncustodial-reviews/",
        "Review non-custodial options for her (Rule 64)",
        services.review_noncustodial_options,
        io.NonCustodialReviewSerializer,
        io.NonCustodialInput,
        created=True,
        perm=services.REVIEW_NONCUSTODIAL,
        description="Closes the task a pregnancy or a new dependent child set.",
        page=Page(
            "women/<uuid:uuid>/noncustodial-review/",
            NonCustodialForm,
            template="parole/noncustodial.html",
            done=_("The review of non-custodial options is recorded."),
            then=to("parole:her", of="target"),
        ),
    ),
    Action(
        "start-protective-custody",
        "prisoners/<uuid:uuid>/protective-custody/",
        "Record protective custody at her express request (Rule 59)",
        services.start_protective_custody,
        io.ProtectiveCustodySerializer,
        io.ProtectiveCustodyInput,
        created=True,
        rules=("59",),
        perm=services.START_CUSTODY,
        reads=api.HerProtectiveCustody,
        description=(
            "Refused (409, Rule 59) without her express request in her words, signed or "
            "marked, or without a supervising authority: it is never imposed."
        ),
        page=Page(
            "women/<uuid:uuid>/protective-custody/new/",
            ProtectiveCustodyForm,
            template="parole/custody_new.html",
            done=_("Her protective custody is recorded, at her request."),
            then=to("parole:custody"),
        ),
    ),
    Action(
        "withdraw-protective-custody",
        "protective-custody/<uuid:uuid>/withdraw/",
        "She withdraws her request: her protective custody ends now (Rule 59)",
        services.withdraw_protective_custody,
        io.ProtectiveCustodySerializer,
        io.CustodyWithdrawInput,
        model=ProtectiveCustody,
        arg="custody",
        perm=services.END_CUSTODY,
        description="By her word alone, no one's approval. 400 once ended.",
        page=Page(
            "protective-custody/<uuid:uuid>/withdraw/",
            WithdrawForm,
            again=views.again("withdraw-protective-custody"),
            done=_("She withdrew her request: her protective custody has ended."),
            then=to("parole:custody", of="target"),
        ),
    ),
    Action(
        "review-protective-custody",
        "protective-custody/<uuid:uuid>/review/",
        "Record a review of her protective custody (Rule 59)",
        services.review_protective_custody,
        io.CustodyReviewSerializer,
        io.CustodyReviewInput,
        model=ProtectiveCustody,
        arg="custody",
        created=True,
        perm=services.REVIEW_CUSTODY,
        description="If she no longer asks for it, it ends now. 400 once ended.",
        page=Page(
            "protective-custody/<uuid:uuid>/review/",
            CustodyReviewForm,
            again=views.again("review-protective-custody"),
            done=ended_or_reviewed,
            then=to("parole:custody", of="target"),
        ),
    ),
]

ACTIONS += [
    Action(
        "consider-home-transfer",
        "prisoners/<uuid:uuid>/home-transfers/",
        "Record her transfer home, considered with her (Rule 53.1)",
        services.consider_home_transfer,
        io.HomeTransferSerializer,
        io.HomeTransferInput,
        created=True,
        rules=("53.1",),
        perm=services.CONSIDER_TRANSFER,
        reads=api.HerHomeTransfers,
        description=(
            "Social workers. Not pursued: say why. Pursued: refused (409, Rule 53.1) without "
            "the agreement it rests on, her application or consent in her words and its day, "
            "and for a proposal who explained it and in which language. 400 for a country "
            "that is not one of her nationalities, or while another is pursued."
        ),
        page=Page(
            "women/<uuid:uuid>/home-transfer/new/",
            HomeTransferForm,
            template="parole/transfer_new.html",
            form_kwargs=lambda request, woman: {"woman": woman},
            done=_("Her transfer home is recorded as considered with her."),
            then=to("parole:home-transfer"),
        ),
    ),
    Action(
        "decide-home-transfer",
        "home-transfers/<uuid:uuid>/decision/",
        "Record the decision on her transfer home (the governor; Rule 53.1)",
        services.decide_home_transfer,
        io.HomeTransferSerializer,
        io.HomeTransferDecisionInput,
        model=HomeTransfer,
        arg="transfer",
        rules=("53.1",),
        perm=services.DECIDE_TRANSFER,
        description=(
            "The competent authority's decision, with its reasons. Refused (409, Rule 53.1) "
            "once she has withdrawn; 400 once decided."
        ),
        page=Page(
            "home-transfers/<uuid:uuid>/decision/",
            HomeTransferDecisionForm,
            again=views.again("decide-home-transfer"),
            done=_("The decision on her transfer home is recorded."),
            then=to("parole:home-transfer", of="target"),
        ),
    ),
    Action(
        "withdraw-home-transfer",
        "home-transfers/<uuid:uuid>/withdraw/",
        "She withdraws her application or consent: her transfer home ends now (Rule 53.1)",
        services.withdraw_home_transfer,
        io.HomeTransferSerializer,
        io.CustodyWithdrawInput,
        model=HomeTransfer,
        arg="transfer",
        rules=("53.1",),
        perm=services.WITHDRAW_TRANSFER,
        description="By her word alone. 400 when it is not being pursued.",
        page=Page(
            "home-transfers/<uuid:uuid>/withdraw/",
            WithdrawForm,
            again=views.again("withdraw-home-transfer"),
            done=_("She withdrew: her transfer home has ended."),
            then=to("parole:home-transfer", of="target"),
        ),
    ),
]
BY_NAME = {action.name: action for action in ACTIONS}
