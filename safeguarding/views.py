"""Safeguarding pages (Rules 8, 25.1, 31; Mandela 1, 5.2): the incidents of the viewer's
facilities, an incident's page, a plan's, a family concern's and a social-care need's, as the
viewer may read them. The forms are declared with their actions (`safeguarding.actions`)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from bangkok.pagination import paginate
from facilities.scope import facilities_of

from . import reading
from .models import Kind
from .oversight import incidents_by_kind
from .permissions import access_concern, access_incident, access_need, access_plan
from .services import READ, VIEW


@login_required
@require_GET
def incidents(request):
    """The incidents of her facilities, newest first, by kind, and searched by a woman's
    name or prison number for staff who may read who was involved."""
    if not request.user.has_perm(VIEW):
        raise Http404("No such page.")
    q, kind = request.GET.get("q", "")[:100], request.GET.get("kind", "")
    kind = kind if kind in Kind.values else ""
    found = reading.facility_incidents(request.user, q=q, kind=kind)
    page = paginate(request, found, fields=("-occurred_at", "-id"))
    items = page["page"].items
    return render(
        request,
        "safeguarding/list.html",
        {
            **page,
            "rows": reading.read_incidents(request.user, items) if items else [],
            "q": q,
            "kind": kind,
            "kinds": Kind.choices,
            "searches": request.user.has_perm(READ),
            "searched": bool(q or kind),
            "counts": incidents_by_kind(facilities_of(request.user)),
        },
    )


def _detail(access, page, template: str):
    """A record's page: the record as the viewer may read it (`reading`), or 404."""

    @login_required
    @require_GET
    def view(request, uuid):
        return render(request, template, page(request.user, access(request.user, uuid)))

    return view


incident = _detail(access_incident, reading.incident_page, "safeguarding/incident.html")
plan = _detail(access_plan, reading.plan_page, "safeguarding/plan.html")
concern = _detail(access_concern, reading.concern_page, "safeguarding/concern.html")
need = _detail(access_need, reading.need_page, "safeguarding/need.html")
