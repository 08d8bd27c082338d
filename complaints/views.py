"""Pages for complaints and reports of abuse, and for actions held after a report."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from bangkok.forms import StyledForm, attempt, carrying
from bangkok.pagination import paginate
from prisoners.permissions import access_prisoner

from . import forms, reading
from .models import ProtectionPlan
from .permissions import (
    access_complaint,
    access_held_action,
)
from .services import complaints as services
from .services.retaliation import review_held_action

STEPS = {
    "acknowledge": (None, services.acknowledge_complaint),
    "assign": (forms.AssignForm, services.assign_complaint),
    "plan": (forms.PlanForm, services.record_protection_plan),
    "refer": (forms.ReferForm, services.refer_complaint),
    "support": (None, services.offer_psychological_support),
    "answer": (forms.AnswerForm, services.answer_complaint),
    "close": (None, services.close_complaint),
}


@login_required
@require_http_methods(["GET", "POST"])
def lodge(request, uuid):
    """Lodge a complaint or a report of abuse for her, in confidence (Rules 7, 25)."""
    if not request.user.has_perm(services.LODGE):
        raise PermissionDenied
    woman = access_prisoner(request.user, uuid)
    form = forms.LodgeForm(request.POST or None, prisoner=woman)
    status = 200
    if request.method == "POST":
        saved, _result = attempt(
            form, lambda **data: services.lodge_complaint(by=request.user, prisoner=woman, **data)
        )
        if saved:
            messages.success(
                request, _("Lodged in confidence. Safeguarding staff will deal with it.")
            )
            return redirect("prisoners:detail", woman.uuid)
        status = 400
    return render(request, "complaints/lodge.html", {"woman": woman, "form": form}, status=status)


def _page(request, complaint, failed=None, status=200):
    """The complaint with its account (the read is audited) and, for safeguarding staff, the
    forms to deal with it."""
    reading.read(viewer=request.user, complaint=complaint)
    dealing = request.user.has_perm(services.DEAL)
    step_forms = {}
    if dealing:
        for name, (form_class, _verb) in STEPS.items():
            if form_class is None:
                continue
            kwargs = {"complaint": complaint} if form_class is forms.AssignForm else {}
            step_forms[name] = (failed or {}).get(name) or carrying(form_class(**kwargs), complaint)
    plan = ProtectionPlan.objects.filter(complaint=complaint).first()
    context = {
        "complaint": complaint,
        "woman": complaint.prisoner,
        "named": list(complaint.named_staff.all()),
        "plan": plan,
        "dealing": dealing,
        "forms": step_forms,
        "errors": (failed or {}).get("_message"),
    }
    return render(request, "complaints/detail.html", context, status=status)


@login_required
@require_safe
def detail(request, uuid):
    return _page(request, access_complaint(request.user, uuid))


@login_required
@require_POST
def act(request, uuid, step):
    complaint = access_complaint(request.user, uuid)
    if step not in STEPS:
        raise Http404
    form_class, verb = STEPS[step]
    if form_class is None:
        # A step that is a button alone: its refusal is said above the complaint.
        form = StyledForm(request.POST)
    else:
        kwargs = {"complaint": complaint} if form_class is forms.AssignForm else {}
        form = form_class(request.POST, **kwargs)
    saved, _result = attempt(
        form, lambda **data: verb(by=request.user, complaint=complaint, **data), complaint
    )
    if saved:
        messages.success(request, _("Recorded."))
        return redirect("complaints:detail", complaint.uuid)
    if form_class is None:
        message = " ".join(form.non_field_errors())
        return _page(request, complaint, failed={"_message": message}, status=400)
    return _page(request, complaint, failed={step: form}, status=400)


@login_required
@require_safe
def held_list(request):
    """Actions held after a report, in her facilities: held ones first (Rules 7.3, 25.1)."""
    held = reading.held_actions(request.user)
    status = request.GET.get("status", "held")
    if status in ("held", "released", "stopped"):
        held = held.filter(status=status)
    page = paginate(request, held, fields=("-requested_at", "-id"))
    return render(request, "complaints/held_list.html", {"status": status, **page})


@login_required
@require_http_methods(["GET", "POST"])
def held_detail(request, uuid):
    held = access_held_action(request.user, uuid)
    may_review = request.user.has_perm("complaints.review_held_action") and held.is_held
    form = carrying(forms.ReviewForm(request.POST or None), held) if may_review else None
    status = 200
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        saved, _result = attempt(
            form, lambda **data: review_held_action(by=request.user, held=held, **data), held
        )
        if saved:
            messages.success(request, _("Your review is recorded."))
            return redirect("complaints:held", held.uuid)
        status = 400
    return render(
        request, "complaints/held_detail.html", {"held": held, "form": form}, status=status
    )
