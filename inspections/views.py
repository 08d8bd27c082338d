"""Inspections pages (Rule 25.3): the visits of the viewer's facilities, a visit's page (its
preparation: the earlier visits' open and overdue recommendations and the figures they froze
beside today's; its team, sample, findings, recommendations and the governor's answers), and
a sampled woman's case review. The forms are declared with their actions."""

from datetime import timedelta
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from bangkok.pagination import paginate
from facilities.scope import facilities_of
from prisoners.models import ProtectionFlags

from . import reading, services
from .models import FollowUp, Recommendation
from .permissions import access_sampled, access_visit

STATES = ("planned", "under_way", "finished")
READ_AUDIT = "audit.view_auditevent"


@login_required
@require_GET
def index(request):
    user = request.user
    if not user.has_perm(reading.VIEW):
        raise Http404("No such page.")
    q, state = request.GET.get("q", "")[:100].strip(), request.GET.get("state", "")
    state = state if state in STATES else ""
    found = reading.visits(user, q=q, state=state)
    page = paginate(request, found, fields=reading.ORDER)
    return render(
        request,
        "inspections/index.html",
        {
            **page,
            "rows": page["page"].items,
            "q": q,
            "state": state,
            "searched": bool(q or state),
            "plans": user.has_perm(services.PLAN),
            "facilities": list(facilities_of(user)) if user.has_perm(services.PLAN) else [],
        },
    )


def _reads_link(visit) -> str:
    start, end = visit.period
    query = urlencode(
        {"facility": visit.facility.code, "start": start.isoformat(), "end": end.isoformat()}
    )
    return f"{reverse('oversight:reads')}?{query}"


@login_required
@require_GET
def visit(request, uuid):
    user = request.user
    visit = access_visit(user, uuid)
    team = list(visit.team.all())
    recommendations = list(
        Recommendation.objects.filter(visit=visit)
        .select_related("finding", "owner", "plan")
        .prefetch_related(Prefetch("follow_ups", FollowUp.objects.order_by("-recorded_at", "-id")))
        .order_by("deadline", "id")
    )
    context = {
        "visit": visit,
        "team": team,
        "women_on_team": any(m.woman for m in team),
        "findings": list(visit.findings.order_by("id")),
        "recommendations": recommendations,
        # Who was drawn is the monitoring body's to know, not the facility's.
        "sampled": reading.sample_rows(visit) if user.has_perm(services.NOTE) else [],
        "strata": reading.strata_table(visit),
        "sample": getattr(visit, "sample", None),
        "inspects": user.has_perm(services.CHANGE) and not visit.finished,
        "answers": user.has_perm(services.FOLLOW_UP),
        "reads_link": _reads_link(visit) if user.has_perm(READ_AUDIT) else "",
        "today": timezone.localdate(),
    }
    if not visit.finished:
        context["still_open"] = reading.still_open(visit)
        last = reading.last_figures(visit)
        if user.has_perm("facilities.oversee_facility"):
            end = timezone.localdate()
            days = (last.figures_to - last.figures_from).days if last else 89
            facilities = facilities_of(user).filter(pk=visit.facility_id)
            now = reading.figures(user, facilities, end - timedelta(days=days), end)
            context["compared"] = reading.compared(last.figures if last else None, now)
            context["last"] = last
    elif visit.figures:
        context["frozen"] = reading.compared(visit.figures, {})
    for row in context["sampled"]:
        row.shown_stratum = reading.shown_stratum(row.stratum)
    return render(request, "inspections/visit.html", context)


@login_required
@require_GET
def case(request, uuid):
    """A sampled woman's case review: who she is, the protections her role sees, her record's
    page (read there within what the inspector's role may read, its confidential parts audited
    as everywhere) and the note. Only the inspector opens it; the opening is audited."""
    user = request.user
    if not user.has_perm(services.NOTE):
        raise Http404("No such page.")
    sampled = access_sampled(user, uuid)
    reading.open_case(user, sampled)
    sampled.refresh_from_db()
    woman = sampled.prisoner
    flags = ProtectionFlags.objects.filter(prisoner=woman).first()
    return render(
        request,
        "inspections/case.html",
        {
            "sampled": sampled,
            "visit": sampled.sample.visit,
            "woman": woman,
            "stratum": reading.shown_stratum(sampled.stratum),
            "flags": flags.labels_for(user) if flags else [],
        },
    )
