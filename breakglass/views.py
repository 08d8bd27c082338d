"""The break-glass reads of her facilities' clinical files, and the emergency part of one file
opened to the viewer. The forms are actions (`breakglass.actions`)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.http import require_GET

from bangkok.pagination import paginate

from . import reading
from .permissions import REVIEW, VIEW, lists_accesses


@login_required
@require_GET
def index(request):
    """Every break-glass read of her facilities, with its review (health staff, the governor,
    the inspector), or her own (whoever breaks the glass); nothing clinical."""
    if not lists_accesses(request.user):
        raise PermissionDenied
    unreviewed = request.GET.get("unreviewed") == "true"
    accesses = reading.accesses_of(request.user, unreviewed=unreviewed)
    context = {**paginate(request, accesses, fields=reading.ORDER), "unreviewed": unreviewed}
    context["all_of_them"] = request.user.has_perm(VIEW)
    context["can_review"] = request.user.has_perm(REVIEW)
    return render(request, "breakglass/index.html", context)


@login_required
@require_GET
def read(request, uuid):
    """The emergency part of her file, opened to the viewer, each read audited; else 404."""
    return render(request, "breakglass/read.html", reading.opened_part(request.user, uuid))
