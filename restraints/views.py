"""Restraint pages (Rule 24; Mandela 43.2, 47-49): her restraints, applying one (custody), a
restraint's page with its review and removal, and health staff's approval of the method
(what each role reads of them is `reading`'s). A refusal is shown beside the form, and
nothing is written."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from authority.services import may_decide
from bangkok.forms import attempt, carrying
from bangkok.pagination import paginate

from . import reading, services
from .forms import ApplyForm, ApprovalForm, RemoveForm, ReviewForm
from .permissions import access_her_restraints, access_restraint, require


@login_required
@require_GET
def her_restraints(request, uuid):
    woman = access_her_restraints(request.user, uuid)
    page = paginate(request, reading.her_restraints(woman), fields=("applied_at", "id"))
    return render(request, "restraints/list.html", {"woman": woman, **page})


def _posted(request):
    return request.POST if request.method == "POST" else None


def _submit(form, save, record=None) -> bool:
    """Validate and call the service; a refusal goes beside the form. True when saved. A form
    that changes an existing `record` carries its version (`bangkok.forms.attempt`)."""
    return attempt(form, save, record)[0]


@login_required
@require_http_methods(["GET", "POST"])
def apply(request, uuid):
    woman = access_her_restraints(request.user, uuid)
    require(request.user, services.APPLY)
    form = ApplyForm(_posted(request), facility=woman.facility)
    if request.method == "POST":
        saved = []

        def save(**data):
            saved.append(services.apply_restraint(by=request.user, prisoner=woman, **data))

        if _submit(form, save):
            if saved[0].is_applied:
                done = _(
                    "Restraint recorded. The governor confirms it or it comes off within the "
                    "set time; review it while it is on."
                )
            else:
                done = _("Restraint asked for: it comes on when the governor gives her authority.")
            messages.success(request, done)
            return redirect("restraints:detail", uuid=saved[0].uuid)
    context = {
        "woman": woman,
        "form": form,
        "approval": reading.approval_shown(request.user, woman),
    }
    return render(request, "restraints/apply.html", context, status=400 if form.errors else 200)


def _detail_page(request, restraint, *, review_form=None, remove_form=None):
    can_change = request.user.has_perm(services.CHANGE) and restraint.is_applied
    context = {
        "restraint": restraint,
        "woman": restraint.prisoner,
        "reviews": restraint.reviews.select_related("reviewed_by"),
        "review_due": services.next_review_due(restraint) if restraint.is_applied else None,
        "can_change": can_change,
        "can_decide": restraint.awaits_authority
        and may_decide(services.AREA, request.user, restraint),
        "review_form": review_form or carrying(ReviewForm(), restraint),
        "remove_form": remove_form or carrying(RemoveForm(), restraint),
    }
    failed = (review_form and review_form.errors) or (remove_form and remove_form.errors)
    return render(request, "restraints/detail.html", context, status=400 if failed else 200)


@login_required
@require_GET
def detail(request, uuid):
    return _detail_page(request, access_restraint(request.user, uuid))


@login_required
@require_POST
def review(request, uuid):
    restraint = access_restraint(request.user, uuid)
    require(request.user, services.CHANGE)
    form = ReviewForm(request.POST)

    def save(**data):
        services.review_restraint(by=request.user, restraint=restraint, **data)

    if _submit(form, save, restraint):
        messages.success(request, _("Review recorded."))
        return redirect("restraints:detail", uuid=restraint.uuid)
    return _detail_page(request, restraint, review_form=form)


@login_required
@require_POST
def remove(request, uuid):
    restraint = access_restraint(request.user, uuid)
    require(request.user, services.CHANGE)
    form = RemoveForm(request.POST)

    def save(**data):
        services.remove_restraint(by=request.user, restraint=restraint, **data)

    if _submit(form, save, restraint):
        messages.success(request, _("Recorded that the restraint was removed."))
        return redirect("restraints:detail", uuid=restraint.uuid)
    return _detail_page(request, restraint, remove_form=form)


@login_required
@require_http_methods(["GET", "POST"])
def approve_method(request, uuid):
    woman = access_her_restraints(request.user, uuid)
    require(request.user, services.APPROVE_METHOD)
    form = ApprovalForm(_posted(request))
    if request.method == "POST":

        def save(**data):
            services.approve_method(by=request.user, prisoner=woman, **data)

        if _submit(form, save):
            messages.success(request, _("Approved method recorded."))
            return redirect("prisoners:detail", uuid=woman.uuid)
    context = {
        "woman": woman,
        "form": form,
        "approval": reading.approval_shown(request.user, woman),
    }
    return render(request, "restraints/approve.html", context, status=400 if form.errors else 200)
