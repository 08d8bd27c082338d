"""Pages of the parole area (Rules 45, 59, 63, 64): her page (leave, her eligibility,
parole reviews, non-custodial reviews, protective custody, each part for the roles that
read it), and the page of a leave request, a parole review and a protective custody, with
the forms that act on each. The writes are declared with their actions (`parole.actions`)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from bangkok.actions import page_form
from bangkok.pagination import paginate

from . import reading, services
from .models import HomeTransfer, LeaveRequest, ParoleReview, ProtectiveCustody, TransferStatus
from .permissions import access_her_parole, access_her_record

# Which forms each record's page carries: its action's name, and the permission and state
# that offer it.
FORMS = {
    LeaveRequest: (
        ("decide-leave", services.DECIDE_LEAVE, lambda leave: leave.is_open),
        (
            "record-return",
            services.RECORD_RETURN,
            lambda leave: leave.status == "granted" and not leave.outcome,
        ),
    ),
    ParoleReview: (("submit-parole-review", services.SUBMIT_PAROLE, lambda r: r.is_draft),),
    ProtectiveCustody: (
        ("withdraw-protective-custody", services.END_CUSTODY, lambda c: c.is_current),
        ("review-protective-custody", services.REVIEW_CUSTODY, lambda c: c.is_current),
    ),
    HomeTransfer: (
        (
            "decide-home-transfer",
            services.DECIDE_TRANSFER,
            lambda t: t.status == TransferStatus.APPLIED,
        ),
        ("withdraw-home-transfer", services.WITHDRAW_TRANSFER, lambda t: t.is_pursued),
    ),
}
TEMPLATES = {
    LeaveRequest: "parole/leave.html",
    ParoleReview: "parole/parole_review.html",
    ProtectiveCustody: "parole/custody.html",
    HomeTransfer: "parole/transfer.html",
}


def record_page(request, record, *, failed: str = "", form=None):
    """A record's page, with the forms the viewer may use on it now (the one named `failed`
    as it was posted, with its refusal)."""
    from .actions import BY_NAME

    forms = {}
    for name, perm, offered in FORMS[type(record)]:
        if request.user.has_perm(perm) and offered(record):
            shown = form if name == failed else page_form(BY_NAME[name], request, record)
            forms[name.replace("-", "_")] = shown
    context = {
        "record": record,
        "woman": record.prisoner,
        "forms": forms,
        "caretaking_shown": reading.shows_caretaking(request.user),
        "details_shown": services.reads_leave_details(request.user),
        "failed": form if failed else None,
    }
    reading.disclosed(viewer=request.user, records=[record])
    return render(request, TEMPLATES[type(record)], context)


def again(name: str):
    """`Page.again`: the record's page, with the refused form."""
    return lambda request, record, form: record_page(request, record, failed=name, form=form)


@login_required
@require_safe
def her_page(request, uuid):
    woman = access_her_parole(request.user, uuid)
    parts = reading.her_parole(viewer=request.user, prisoner=woman)
    return render(request, "parole/her.html", parts)


@login_required
@require_safe
def her_leave(request, uuid):
    woman = access_her_parole(request.user, uuid)
    if not request.user.has_perm(services.VIEW_LEAVE):
        raise Http404("No such woman in your facilities.")
    page = paginate(request, reading.her_leave(woman), fields=("-starts_at", "-id"))
    return render(request, "parole/leave_list.html", {"woman": woman, **page})


def _detail(model):
    @login_required
    @require_safe
    def view(request, uuid):
        return record_page(request, access_her_record(request.user, model, uuid))

    view.__name__ = f"{model.__name__.lower()}_detail"
    return view


leave_detail = _detail(LeaveRequest)
parole_review_detail = _detail(ParoleReview)
custody_detail = _detail(ProtectiveCustody)
home_transfer_detail = _detail(HomeTransfer)
