"""Her release page (the social worker's plan, health's part, the release officer's checks and
copies), the list of releases to come, and her copy of her records as a print view and a PDF.
What the page's forms do is declared in `release.actions`."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from bangkok import printing
from bangkok.forms import carrying
from bangkok.pagination import paginate
from facilities.scope import facilities_of
from prisoners.withheld import without_withheld

from . import reading
from .forms import HandOverForm, HealthForm, HealthReasonForm, PartForm, ReleaseDateForm
from .models import CopyKind, HealthContinuity, ReleasePlan
from .permissions import VIEW, access_episode, may_produce
from .serializers import plan_answer

UPCOMING_ORDER = ("earliest_release_on", "id")


def plan_url(admission) -> str:
    return reverse("release:plan", args=[admission.uuid])


def plan_answer_for(request, result) -> dict:
    """The API's answer after an action: her release as the caller now reads it."""
    plan = result.plan if isinstance(result, HealthContinuity) else result
    return plan_answer(reading.plan_page(viewer=request.user, admission=plan.admission))


def _health_initial(health) -> dict:
    if health is None:
        return {}
    return {
        name: getattr(health, name)
        for name in (
            "medication",
            "hiv_treatment",
            "substitution_treatment",
            "screening_recalls",
            "community_provider",
            "handed_over_on",
            "complete",
        )
    }


def plan_page(request, admission, *, part_forms=None, **forms):
    """Her release page, with any refused form shown again with its refusal."""
    shown = reading.plan_page(viewer=request.user, admission=admission)
    part_forms = part_forms or {}
    for row in shown["parts"]:
        part = row["part"]
        row["form"] = part_forms.get(part.pk) or carrying(PartForm(part=part), part)
    plan = shown["plan"]
    initial_date = {"earliest_release_on": plan.earliest_release_on} if plan else {}
    kinds = shown["pending_kinds"]
    forms = {
        "date_form": forms.get("date_form") or ReleaseDateForm(initial=initial_date),
        "health_form": forms.get("health_form")
        or HealthForm(initial=_health_initial(shown["health"])),
        "reason_form": forms.get("reason_form") or HealthReasonForm(),
        "copy_form": forms.get("copy_form")
        or HandOverForm(initial={"kind": kinds[0] if kinds else CopyKind.GENERAL}),
        "start_form": forms.get("start_form"),
    }
    errors = [f for f in [*forms.values(), *part_forms.values()] if f is not None and f.errors]
    context = {
        **shown,
        **forms,
        "form": errors[0] if errors else None,  # the error summary's form
        "copy_language": reading.copy_language(admission.prisoner, None)[1],
    }
    return render(request, "release/plan.html", context)


@login_required
@require_safe
def plan(request, uuid):
    return plan_page(request, access_episode(request.user, uuid))


@login_required
@require_safe
def upcoming(request):
    """Releases to come in her facilities, the nearest first, with the state of each plan."""
    if not request.user.has_perm(VIEW):
        raise Http404
    plans = (
        without_withheld(ReleasePlan.objects)
        .filter(
            # Where she is held now: a transfer moves her, not the episode's first facility.
            prisoner__facility__in=facilities_of(request.user),
            admission__stage__in=["reception", "admitted"],
            earliest_release_on__isnull=False,
        )
        .select_related("prisoner", "admission")
        .prefetch_related("parts")
    )
    page = paginate(request, plans, fields=UPCOMING_ORDER)
    today = timezone.localdate()
    rows = [
        {
            "plan": p,
            "days": (p.earliest_release_on - today).days,
            "done": sum(part.is_done for part in p.parts.all()),
            "parts": len(p.parts.all()),
        }
        for p in page["page"].items
    ]
    return render(request, "release/upcoming.html", {**page, "rows": rows})


@login_required
@require_safe
def records_copy(request, uuid, kind):
    """Her copy of her records (Mandela 9) in her language where the catalogue has it, else the
    nearest, saying so; `?format=pdf` as a PDF. A role that may not produce this copy gets the
    404 of a missing one; every read is audited (`reading.records_copy`)."""
    if kind not in CopyKind.values or not may_produce(request.user, kind):
        raise Http404
    admission = access_episode(request.user, uuid, perm="admissions.view_admission")
    wanted, given = reading.copy_language(admission.prisoner, printing.language_asked(request))
    missing = reading.missing_language(wanted, given)
    note = (
        _("Her records are not written in %(wanted)s. This copy is in the nearest: %(given)s.")
        % missing
        if missing
        else ""
    )
    pdf = printing.wants_pdf(request)
    context = reading.records_copy(viewer=request.user, admission=admission, kind=kind)
    with translation.override(given):
        html = render_to_string(
            "release/records_copy.html",
            {
                **context,
                "missing": note,
                "pdf": pdf,
                "language": given,
                "today": timezone.localdate(),
            },
            request=request,
        )
    name = f"records-{kind}-{admission.prisoner.prison_number}-{given}.pdf"
    return printing.answer(request, html, filename=name)
