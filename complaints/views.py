"""Pages for complaints and reports of abuse, and the list of actions held after a report.
Lodging, each step of dealing with a complaint and the review of a held action are declared
with their actions (`complaints.actions`)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_POST, require_safe

from bangkok.actions import page_form
from bangkok.pagination import paginate

from . import reading
from .models import ProtectionPlan
from .permissions import access_complaint
from .services import complaints as services


def complaint_page(request, complaint, failed=None):
    """The complaint with its account (the read is audited) and, for safeguarding staff, the
    forms to deal with it (one of them refused, if given, by its step; a button's refusal as
    `_message`)."""
    from .actions import STEPS

    reading.read(viewer=request.user, complaint=complaint)
    dealing = request.user.has_perm(services.DEAL)
    step_forms = {}
    if dealing:
        for step, action in STEPS.items():
            if action.page.form.base_fields:  # a button alone has no form to show
                step_forms[step] = (failed or {}).get(step) or page_form(action, request, complaint)
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
    return render(request, "complaints/detail.html", context)


@login_required
@require_safe
def detail(request, uuid):
    return complaint_page(request, access_complaint(request.user, uuid))


@login_required
@require_POST
def no_such_step(request, uuid, step):
    """A step the complaint's page doesn't offer (each one it does is its action's page)."""
    access_complaint(request.user, uuid)
    raise Http404


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
