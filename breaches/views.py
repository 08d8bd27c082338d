"""Her breaches (the governor, the inspector and health staff; a clinical account for health
staff alone). Recording one is an action (`breaches.actions`)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from . import services
from .permissions import RECORD, access_to_read


@login_required
@require_GET
def her_breaches(request, uuid):
    woman = access_to_read(request.user, uuid)
    breaches = [services.shown_to(request.user, b) for b in services.her_breaches(woman)]
    context = {"woman": woman, "breaches": breaches, "can_record": request.user.has_perm(RECORD)}
    return render(request, "breaches/list.html", context)
