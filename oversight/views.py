"""The governor's and the inspector's view of a facility's records over a period: the counts
the Rules say must be zero, each case shown, and every area's list of records."""

from datetime import datetime

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from bangkok.exports import FORMATS, download
from bangkok.formats import human_day, human_moment, human_span
from bangkok.pagination import paginate
from reminders.services import timeliness as timeliness_of

from . import attempts as refused
from . import exports, registry
from . import reads as confidential
from .forms import PeriodForm, ReadsForm
from .permissions import facilities_overseen


def shown(row: registry.Row) -> dict:
    """A row with its moment written for the reader (date and hour, or the day)."""
    if isinstance(row.when, datetime):
        when = human_moment(row.when)
    else:
        when = human_day(row.when)
    return {"row": row, "when": when}


def period_of(request):
    """The period form and, when it is valid, (facilities, start, end)."""
    form = PeriodForm(request.GET, facilities=facilities_overseen(request.user))
    if not form.is_valid():
        return form, None
    data = form.cleaned_data
    return form, (data["facilities"], data["start"], data["end"])


@login_required
@require_safe
def overview(request):
    form, period = period_of(request)
    zeros, lists, timeliness, breakdowns = [], [], [], []
    if period is not None:
        zeros, lists = registry.overview(request.user, *period)
        breakdowns = registry.breakdowns(request.user, *period)
        for zero in zeros:
            zero["cases"] = [shown(row) for row in zero["cases"]]
        timeliness = [
            {
                **row,
                "late_by": row["late_by"] and human_span(row["late_by"]),
                "longest": row["longest"] and human_span(row["longest"]),
            }
            for row in timeliness_of(*period, viewer=request.user)
        ]
    context = {
        "form": form,
        "zeros": zeros,
        "lists": lists,
        "timeliness": timeliness,
        "breakdowns": breakdowns,
    }
    return render(
        request,
        "oversight/overview.html",
        {**context, "query": request.GET.urlencode()},
        status=200 if period is not None else 400,
    )


def _rows_page(request, item, queryset, *, title, rule, export_url):
    page = paginate(request, queryset, fields=item.keyset)
    rows = [shown(item.row(record)) for record in page["page"].items]
    context = {
        "title": title,
        "rule": rule,
        "rows": rows,
        "query": _period_query(request),
        "export_url": export_url,
    }
    return render(request, "oversight/rows.html", {**context, **page})


def _period_query(request) -> str:
    params = request.GET.copy()
    params.pop("cursor", None)
    return params.urlencode()


@login_required
@require_safe
def records(request, key):
    form, period = period_of(request)
    item = registry.list_for(request.user, key)
    if item is None or period is None:
        raise Http404("No such list.")
    records = registry.for_viewer(item, item.records(*period), request.user)
    return _rows_page(
        request,
        item,
        records,
        title=item.title,
        rule=item.rules,
        export_url=reverse("oversight:export-key", args=["list", key]),
    )


@login_required
@require_safe
def cases(request, key):
    form, period = period_of(request)
    item = registry.zero_for(request.user, key)
    if item is None or period is None:
        raise Http404("No such count.")
    cases = registry.for_viewer(item, item.cases(*period), request.user)
    return _rows_page(
        request,
        item,
        cases,
        title=item.label,
        rule=item.rule,
        export_url=reverse("oversight:export-key", args=["cases", key]),
    )


@login_required
@require_safe
def attempts(request, key):
    """The acts refused under the rule of a count that must be zero (Rules 25.3, 67)."""
    form, period = period_of(request)
    found = None if period is None else refused.under(request.user, key, period)
    if found is None:
        raise Http404("No such count.")
    item, events = found
    page = paginate(request, events, fields=registry.REFUSED_KEYSET)
    rows = [
        {"attempt": attempt, "when": human_moment(attempt.at)}
        for attempt in refused.shown(page["page"].items)
    ]
    context = {"item": item, "rows": rows, "query": _period_query(request)}
    return render(request, "oversight/attempts.html", {**context, **page})


@login_required
@require_safe
def reads(request):
    """Who read which kind of confidential record in her facilities, and when (Rules 8, 3.2,
    25.3): the inspector checks the confidentiality itself."""
    if not request.user.has_perm(confidential.READ_AUDIT):
        raise Http404("No such page.")
    form = ReadsForm(
        request.GET, facilities=facilities_overseen(request.user), areas=confidential.areas()
    )
    context = {"form": form, "rows": []}
    if form.is_valid():
        data = form.cleaned_data
        found = confidential.reads(
            request.user, data["facilities"], data["start"], data["end"], data["area"]
        )
        page = paginate(request, found, fields=confidential.READS_KEYSET)
        rows = [
            {"read": read, "when": human_moment(read.at)}
            for read in confidential.shown(page["page"].items)
        ]
        context.update(page, rows=rows, export_query=_period_query(request))
    status = 200 if form.is_valid() else 400
    return render(request, "oversight/reads.html", context, status=status)


def export_form(request, name, data):
    """The period form of the table `name` (the reads' has its kind of record too)."""
    facilities = facilities_overseen(request.user)
    if name == "reads":
        return ReadsForm(data, facilities=facilities, areas=confidential.areas())
    return PeriodForm(data, facilities=facilities)


@login_required
@require_safe
def export(request, name, key=""):
    """A table of oversight as a file (`format`: csv, ods or xlsx), exactly as the page shows it
    to her, audited (Rules 67-70)."""
    fmt = request.GET.get("format", "csv")
    form = export_form(request, name, request.GET)
    if fmt not in FORMATS:
        return HttpResponseBadRequest(_("Choose a format: csv, ods or xlsx."))
    if not form.is_valid():
        return HttpResponseBadRequest(
            " ".join(form.errors.get("__all__", [])) or _("Check the period.")
        )
    data = form.cleaned_data
    period = (data["facilities"], data["start"], data["end"])
    table = exports.table(request.user, name, key, period, data)
    if table is None:
        raise Http404("No such table.")
    facilities = list(data["facilities"])
    return download(
        table, fmt, by=request.user, facility=facilities[0] if len(facilities) == 1 else None
    )
