"""The governor's and the inspector's view of a facility's records over a period: the counts
the Rules say must be zero, each case shown, and every area's list of records."""

from datetime import datetime

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from bangkok.exports import FORMATS, download
from bangkok.formats import human_day, human_moment, human_span
from bangkok.pagination import paginate

from . import attempts as refused
from . import counted, exports, figures, registry
from . import indicators as shown_indicator
from . import reads as confidential
from .forms import PeriodForm, ReadsForm
from .permissions import facilities_overseen, unnamed, unnamed_cases


def shown(row: registry.Row) -> dict:
    """A row with its moment written for the reader (date and hour, or the day)."""
    if isinstance(row.when, datetime):
        when = human_moment(row.when)
    else:
        when = human_day(row.when)
    return {"row": row, "when": when}


def period_of(request):
    """The period form and, when it is valid, (facilities, start, end); a period the beat
    doesn't count for its own sake is noted (`figures.asked`)."""
    form = PeriodForm(request.GET, facilities=facilities_overseen(request.user))
    if not form.is_valid():
        return form, None
    data = form.cleaned_data
    figures.asked(data["start"], data["end"])
    return form, (data["facilities"], data["start"], data["end"])


@login_required
@require_safe
def overview(request):
    form, period = period_of(request)
    zeros, lists, timeliness, breakdowns, seen = [], [], [], [], {}
    if period is not None:
        # Each count's first cases are loaded apart, after the page (`first_cases`).
        zeros, lists = registry.overview(request.user, *period, seen=seen, cases=False)
        breakdowns = registry.breakdowns(request.user, *period, seen=seen)
        timeliness = [
            {
                **row,
                "late_by": row["late_by"] and human_span(row["late_by"]),
                "longest": row["longest"] and human_span(row["longest"]),
            }
            for row in counted.timeliness(*period, viewer=request.user, seen=seen)
        ]
    cases = request.GET.copy()
    cases.setlist("key", [zero["item"].key for zero in zeros if zero["count"]])
    context = {
        "form": form,
        "zeros": zeros,
        "cases_query": cases.urlencode() if cases.getlist("key") else "",
        "lists": lists,
        "timeliness": timeliness,
        "breakdowns": breakdowns,
        **_counted(seen),
    }
    return render(
        request,
        "oversight/overview.html",
        {**context, "query": request.GET.urlencode()},
        status=200 if period is not None else 400,
    )


def _rows_page(request, item, queryset, *, title, rule, export_url):
    page = paginate(request, queryset, fields=item.keyset)
    rows = [shown(row) for row in unnamed([item.row(record) for record in page["page"].items])]
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
def first_cases(request):
    """The first cases of the counts that must be zero named by `key` (one or more), as a
    part of the overview's page: read in one request once the counts are shown, each list
    put in its count's place (a link to all of a count's cases is there before, and without
    it)."""
    form, period = period_of(request)
    if period is None:
        return HttpResponseBadRequest()
    found = registry.first_cases(request.user, request.GET.getlist("key"), *period)
    counts = unnamed_cases([{"key": key, "cases": rows} for key, rows in found.items()])
    cases = [{"key": c["key"], "rows": [shown(row) for row in c["cases"]]} for c in counts]
    return render(request, "oversight/_first_cases.html", {"cases": cases})


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


def _links(request, row) -> dict:
    """The counts that must be zero and the list behind an indicator, as far as the viewer
    may open them."""
    user = request.user
    zeros = [z for z in (registry.zero_for(user, key) for key in row["cases"]) if z is not None]
    listed = registry.list_for(user, row["records"]) if row["records"] else None
    return {"zeros": zeros, "list": listed}


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


@login_required
@require_safe
def indicators(request):
    """Every indicator she oversees for her facilities and the period, beside the period of
    the same length before it (RULES-SPEC 3; Rules 25.3, 67-70)."""
    form, period = period_of(request)
    rows, before, seen = [], None, {}
    if period is not None:
        rows = [
            {**shown_indicator.with_texts(row), "links": _links(request, row)}
            for row in registry.compared(request.user, *period, seen=seen)
        ]
        before = registry.previous_period(period[1], period[2])
    context = {
        "form": form,
        "rows": rows,
        "before": before,
        "k": registry.small_cell(),
        **_counted(seen),
    }
    return render(
        request,
        "oversight/indicators.html",
        {**context, "query": request.GET.urlencode()},
        status=200 if period is not None else 400,
    )


def _counted(seen: dict) -> dict:
    """What a page of indicators says of when its figures were counted: ahead, by the beat,
    at `counted_at` (with how often it counts), or now (nothing said)."""
    return {
        "counted_at": seen.get("counted_at"),
        "counted_every": settings.OVERSIGHT_FIGURES_SECONDS // 60,
    }


@login_required
@require_safe
def indicator_facilities(request):
    """The indicators side by side for each of her facilities and in total: the national view
    of an inspector who oversees several or all of them."""
    form, period = period_of(request)
    places, rows, seen = [], [], {}
    if period is not None:
        places, found = registry.by_facility(request.user, *period, seen=seen)
        rows = [
            {
                **row,
                "cells": [
                    shown_indicator.text(figure, row["unit"], row["measure"])
                    for figure in row["facilities"]
                ],
                "total_text": shown_indicator.text(row["total"], row["unit"], row["measure"]),
            }
            for row in found
        ]
    context = {
        "form": form,
        "places": places,
        "rows": rows,
        "k": registry.small_cell(),
        **_counted(seen),
    }
    return render(
        request,
        "oversight/indicator_facilities.html",
        {**context, "query": request.GET.urlencode()},
        status=200 if period is not None else 400,
    )


@login_required
@require_safe
def indicator(request, key):
    """One indicator: the period against the one before, month by month for the 12 months to
    the period's end, and each of her facilities beside the others (one query)."""
    form, period = period_of(request)
    item = registry.indicator_for(request.user, key)
    if item is None or period is None:
        raise Http404("No such indicator.")
    seen: dict = {}
    now, months, places, side = registry.one(request.user, *period, key, seen=seen)
    unit, measure = now["unit"], now["measure"]
    context = {
        "item": item,
        "now": shown_indicator.with_texts(now),
        "links": _links(request, now),
        "months": [
            {
                **month,
                "label": date_format(month["start"], "F Y"),
                "text": shown_indicator.text(month, unit, measure),
            }
            for month in months["months"]
        ],
        "trend_chart": shown_indicator.trend_chart(months),
        "places": [
            {"facility": place, "text": shown_indicator.text(figure, unit, measure)}
            for place, figure in zip(places, side["facilities"], strict=True)
        ],
        "total_text": shown_indicator.text(side["total"], unit, measure),
        "facilities_chart": shown_indicator.facilities_chart(places, side),
        "form": form,
        "query": _period_query(request),
        "k": registry.small_cell(),
        **_counted(seen),
    }
    return render(request, "oversight/indicator.html", context)
