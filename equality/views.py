"""Equality and faith pages (Rules 54, 55; Mandela 2, 65, 66): her record as the viewer may
read it (`reading`), and each facility's provision for the faiths (its representatives, its
worship activities). Every write is an action (`equality.actions`)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from facilities.scope import facilities_of
from regime.models import Kind

from .permissions import (
    ARRANGE,
    ASK_VISIT,
    KEEP_NEEDS,
    KEEP_PROVISION,
    MISSING,
    RECORD,
    VIEW_PROVISION,
    access_facility,
    access_her,
)
from .reading import her_record


def may(user) -> dict:
    return {
        "can_record": user.has_perm(RECORD),
        "can_keep_needs": user.has_perm(KEEP_NEEDS),
        "can_ask": user.has_perm(ASK_VISIT),
        "can_arrange": user.has_perm(ARRANGE),
    }


@login_required
@require_GET
def her(request, uuid):
    woman = access_her(request.user, uuid)
    context = {"woman": woman, "shown": her_record(request.user, woman), **may(request.user)}
    return render(request, "equality/her.html", context)


@login_required
@require_GET
def index(request):
    if not request.user.has_perm(VIEW_PROVISION):
        raise Http404(MISSING)
    facilities = list(facilities_of(request.user).order_by("code"))
    if len(facilities) == 1:
        return redirect("equality:facility", uuid=facilities[0].uuid)
    return render(request, "equality/index.html", {"facilities": facilities})


@login_required
@require_GET
def facility(request, uuid):
    place = access_facility(request.user, uuid, VIEW_PROVISION)
    context = {
        "facility": place,
        "representatives": place.faith_representatives.order_by("-in_post", "faith", "name"),
        "worship": place.activities.filter(kind=Kind.RELIGIOUS, active=True).order_by("name"),
        "can_keep": request.user.has_perm(KEEP_PROVISION),
    }
    return render(request, "equality/facility.html", context)
