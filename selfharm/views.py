"""Self-harm pages (Rules 8, 12, 16, 35): a case's page and an incident's page, as the viewer
may read them. The forms are declared with their actions (`selfharm.actions`)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from facilities.scope import facilities_of

from . import reading
from .oversight import incidents_by_month
from .permissions import access_case, access_incident
from .services import VIEW

OVERSEE = "facilities.oversee_facility"


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


@login_required
@require_GET
def trend(request):
    """Self-harm incidents in each of the last 12 months in her facilities, for the governor
    and the inspector (Rules 12, 16): how many, never whose."""
    if not (request.user.has_perm(VIEW) and request.user.has_perm(OVERSEE)):
        raise Http404("No such page.")
    months = incidents_by_month(facilities_of(request.user))
    rows = [{"month": month, "count": count} for month, count in months]
    return render(request, "selfharm/trend.html", {"months": rows})
