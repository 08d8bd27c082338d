"""Use-of-force pages (Rules 8, 24, 31; Mandela 82): her uses of force and one use of force's
page, with its health check and review as the viewer may read them. The forms are declared
with their actions (`force.actions`)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from bangkok.pagination import paginate

from . import reading
from .permissions import access_force, access_her_force


@login_required
@require_GET
def her_force(request, uuid):
    woman = access_her_force(request.user, uuid)
    page = paginate(request, reading.her_force(woman), fields=("started_at", "id"))
    return render(request, "force/list.html", {"woman": woman, **page})


@login_required
@require_GET
def detail(request, uuid):
    force = access_force(request.user, uuid)
    return render(request, "force/detail.html", reading.force_shown(request.user, force))
