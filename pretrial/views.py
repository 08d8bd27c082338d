"""The pretrial pages: the court dates awaiting their result in her facilities, and one
hearing's page. The forms are actions (`pretrial.actions`)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import render
from django.views.decorators.http import require_safe

from bangkok.pagination import paginate

from . import reading, services
from .permissions import (
    ENTER_HEARING,
    RECORD_RESULT,
    SEND_CARETAKING,
    VIEW,
    access_hearing,
)


@login_required
@require_safe
def index(request):
    if not request.user.has_perm(VIEW):
        raise PermissionDenied
    hearings = reading.hearings_of(request.user)
    query = request.GET.get("q", "").strip()[:100]
    if query:
        hearings = hearings.filter(
            Q(prisoner__family_name__icontains=query)
            | Q(prisoner__given_names__icontains=query)
            | Q(prisoner__prison_number__icontains=query)
            | Q(court__icontains=query)
        )
    context = paginate(request, hearings, fields=reading.HEARING_ORDER)
    context.update(query=query, can_enter=request.user.has_perm(ENTER_HEARING))
    return render(request, "pretrial/index.html", context)


@login_required
@require_safe
def hearing(request, uuid):
    found = access_hearing(request.user, uuid)
    context = reading.hearing_read(viewer=request.user, hearing=found)
    user = request.user
    context.update(
        woman=found.prisoner,
        can_result=user.has_perm(RECORD_RESULT) and not found.result,
        can_send=user.has_perm(SEND_CARETAKING),
        girl=services.is_girl_on(found.prisoner, found.at),
    )
    return render(request, "pretrial/hearing.html", context)
