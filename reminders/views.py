from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.http import require_safe

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
    tasks = services.listed(services.tasks_for(request.user))
    show = request.GET.get("show", "")
    if show == "overdue":
        tasks = tasks.filter(status__in=[Status.DUE, Status.ESCALATED])
    return render(
        request,
        "reminders/tasks.html",
        {"show": show, **paginate(request, tasks, fields=TASK_ORDER)},
    )
