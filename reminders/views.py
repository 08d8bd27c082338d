from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from bangkok.forms import StyledForm, attempt
from bangkok.pagination import paginate

from . import services
from .models import Status

TASK_ORDER = ("due_at", "id")


@login_required
@require_safe
def task_list(request):
    """My tasks: the open reminders for my role in my facilities, soonest first."""
    if not request.user.has_perm("reminders.view_reminder"):
        raise PermissionDenied
    tasks = services.tasks_for(request.user).select_related("prisoner", "facility")
    show = request.GET.get("show", "")
    if show == "overdue":
        tasks = tasks.filter(status__in=[Status.DUE, Status.ESCALATED])
    return render(
        request,
        "reminders/tasks.html",
        {"show": show, **paginate(request, tasks, fields=TASK_ORDER)},
    )


@require_POST
@login_required
def complete_task(request, uuid):
    reminder = services.tasks_for(request.user).filter(uuid=uuid).first()
    if reminder is None:
        raise Http404
    form = StyledForm(request.POST)
    saved, _result = attempt(
        form,
        lambda: services.complete_reminder(
            reminder=reminder, by=request.user, outcome=request.POST.get("outcome", "")
        ),
        reminder,
    )
    if not saved:
        messages.error(request, " ".join(form.non_field_errors()))
    else:
        messages.success(request, _("Marked as done: %(title)s") % {"title": reminder.title})
    return redirect(request.POST.get("next") or "reminders:tasks")
