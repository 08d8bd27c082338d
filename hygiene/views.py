"""Hygiene pages (Rule 5): the facilities of the viewer, each facility's catalogue with its
last counts and its water interruptions, and her own hygiene record. Every write is an
action (`hygiene.actions`)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from bangkok.pagination import paginate
from facilities.scope import facilities_of

from . import services
from .models import WaterInterruption
from .permissions import (
    CHECK_STOCK,
    GRANT,
    ISSUE,
    KEEP_CATALOGUE,
    MISSING,
    RECORD_WATER,
    VIEW,
    access_facility,
    access_her,
)

WATER_ORDER = ("-started_at", "-id")
ISSUE_ORDER = ("-issued_at", "-id")


@login_required
@require_GET
def index(request):
    if not request.user.has_perm(VIEW):
        raise Http404(MISSING)
    facilities = list(facilities_of(request.user).order_by("code"))
    if len(facilities) == 1:
        return redirect("hygiene:facility", uuid=facilities[0].uuid)
    return render(request, "hygiene/index.html", {"facilities": facilities})


@login_required
@require_GET
def facility(request, uuid):
    place = access_facility(request.user, uuid, VIEW)
    user = request.user
    water = WaterInterruption.objects.filter(facility=place).select_related("unit")
    context = {
        "facility": place,
        "items": services.latest_counts(place),
        "open_water": water.filter(ended_at__isnull=True),
        **paginate(request, water, fields=WATER_ORDER),
        "can_keep": user.has_perm(KEEP_CATALOGUE),
        "can_count": user.has_perm(CHECK_STOCK),
        "can_record_water": user.has_perm(RECORD_WATER),
    }
    return render(request, "hygiene/facility.html", context)


@login_required
@require_GET
def her(request, uuid):
    woman = access_her(request.user, uuid)
    user = request.user
    entitlements = services.shown_all(user, services.her_entitlements(woman))
    context = {
        "woman": woman,
        "entitlements": entitlements,
        **paginate(request, services.her_issues(woman), fields=ISSUE_ORDER),
        "can_issue": user.has_perm(ISSUE),
        "can_grant": user.has_perm(GRANT),
    }
    return render(request, "hygiene/her.html", context)
