"""Search pages: one search, and the staff training records. The forms that record a search or
ask authority for one are declared with their actions (`searches.actions`)."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from bangkok.pagination import paginate

from . import services
from .models import Part
from .permissions import (
    access_search,
    can_read_training,
)
from .services.training import TRAINING_ORDER


@login_required
@require_safe
def search_detail(request, uuid):
    search = access_search(request.user, uuid)
    people = list(search.staff.all())
    return render(
        request,
        "searches/detail.html",
        {
            "search": search,
            "searchers": [p for p in people if p.part == Part.SEARCHER],
            "witnesses": [p for p in people if p.part == Part.WITNESS],
        },
    )


@login_required
@require_safe
def training_records(request):
    """Who in her facilities is trained for what and until when (RULES-SPEC 2.16)."""
    if not can_read_training(request.user):
        raise PermissionDenied
    records = services.training_records_visible_to(request.user)
    page = paginate(request, records, fields=TRAINING_ORDER)
    today = timezone.localdate()
    rows = [(record, services.training_status(record, today)) for record in page["page"].items]
    capacity = services.staff_capacity(request.user, today)
    days = settings.NEW_STARTER_TRAINING_DAYS
    context = {**page, "rows": rows, "capacity": capacity, "new_starter_days": days}
    return render(request, "searches/training.html", context)
