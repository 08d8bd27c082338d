"""The dashboard: what needs doing today, for her role, in her facilities."""

from datetime import datetime, time, timedelta

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from facilities.scope import facilities_of
from prisoners.models import CustodyStatus, juvenile_q
from prisoners.permissions import prisoners_visible_to
from reminders.models import Status
from reminders.services import tasks_for


def end_of_today() -> datetime:
    today = timezone.localdate()
    return timezone.make_aware(datetime.combine(today + timedelta(days=1), time.min))


@login_required
@require_safe
def dashboard(request):
    """What needs doing today, for her role, in her facilities."""
    user = request.user
    role = user.role
    context = {"role": role, "facilities": list(facilities_of(user))}
    if role is not None and role.case_data:
        context["counts"] = prisoners_visible_to(user).aggregate(
            in_custody=Count("id", filter=Q(custody_status=CustodyStatus.IN_CUSTODY)),
            juveniles=Count(
                "id",
                filter=Q(custody_status=CustodyStatus.IN_CUSTODY) & juvenile_q(),
            ),
        )
        tasks = tasks_for(user)
        context["task_counts"] = tasks.aggregate(
            today=Count("id", filter=Q(due_at__lt=end_of_today())),
            overdue=Count("id", filter=Q(status__in=[Status.DUE, Status.ESCALATED])),
            escalated=Count("id", filter=Q(status=Status.ESCALATED)),
        )
        context["today"] = list(
            tasks.filter(due_at__lt=end_of_today())
            .select_related("prisoner", "facility")
            .order_by("due_at", "id")[:10]
        )
    return render(request, "dashboard.html", context)
