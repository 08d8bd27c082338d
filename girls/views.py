"""The girls under 18 in her facilities (Rules 36-39): whether each one's parent or guardian
was told since she came, and whether she has a place in education. The form is an action
(`girls.actions`)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.http import require_GET

from bangkok.pagination import paginate

from . import reading
from .permissions import RECORD, VIEW


@login_required
@require_GET
def index(request):
    if not request.user.has_perm(VIEW):
        raise PermissionDenied
    girls = reading.girls_of(request.user)
    context = {**paginate(request, girls, fields=reading.GIRL_ORDER)}
    context["can_record"] = request.user.has_perm(RECORD)
    return render(request, "girls/index.html", context)
