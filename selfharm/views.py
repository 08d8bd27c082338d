"""Self-harm pages (Rules 8, 12, 16, 35): a case's page and an incident's page, as the viewer
may read them. The forms are declared with their actions (`selfharm.actions`)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from . import reading
from .permissions import access_case, access_incident


@login_required
@require_GET
def case(request, uuid):
    found = access_case(request.user, uuid)
    return render(request, "selfharm/case.html", reading.case_page(request.user, found))


@login_required
@require_GET
def incident(request, uuid):
    found = access_incident(request.user, uuid)
    return render(
        request, "selfharm/incident_detail.html", reading.incident_page(request.user, found)
    )
