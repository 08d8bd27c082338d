"""The annual statistics for the governor and the inspector (Rules 67-70): a page and its PDF,
per facility and across every facility she oversees, small cells suppressed."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from bangkok import printing
from bangkok.signals import exported
from oversight.permissions import facilities_overseen

from . import annual
from .forms import YearForm


def _chosen(request):
    facilities = facilities_overseen(request.user)  # a role that oversees nothing: 403
    form = YearForm(request.GET, facilities=facilities)
    if not form.is_valid():
        return form, None, [], ""
    year, code = form.cleaned_data["year"], form.cleaned_data["facility"]
    report = annual.report(request.user, year)
    columns = annual.columns_of(report, code)
    if code:
        title = _("Annual statistics %(year)s: %(facility)s") % {
            "year": year,
            "facility": columns[0]["title"],
        }
    else:
        title = _("Annual statistics %(year)s: all your facilities") % {"year": year}
    return form, report, columns, title


@login_required
@require_safe
def annual_report(request):
    form, report, columns, title = _chosen(request)
    context = {
        "form": form,
        "report": report,
        "columns": columns,
        "heading": title,
        "query": request.GET.urlencode(),
    }
    return render(
        request, "research/annual.html", context, status=200 if report is not None else 400
    )


@login_required
@require_safe
def annual_print(request):
    """The report as a document to print, or with `?format=pdf` as a PDF (WeasyPrint, the
    app's own fonts: every script the interface is written in); a PDF's download is audited."""
    form, report, columns, title = _chosen(request)
    if report is None:
        return HttpResponse(
            _("Choose a year and a facility from the lists."), status=400, content_type="text/plain"
        )
    code = form.cleaned_data["facility"]
    as_pdf = printing.wants_pdf(request)
    query = request.GET.copy()
    query.pop("format", None)
    context = {
        "report": report,
        "columns": columns,
        "heading": title,
        "pdf": as_pdf,
        "query": query.urlencode(),
    }
    html = render_to_string("research/annual_print.html", context, request=request)
    if as_pdf:
        exported.send(
            sender=annual_print,
            by=request.user,
            table="annual-statistics",
            title=title,
            filters={"year": str(report["year"]), "facility": code},
            format="pdf",
            rows=sum(len(section["rows"]) for section in report["sections"]),
            facility=next((f for f in report["facilities"] if f.code == code), None),
        )
    response = printing.answer(
        request, html, filename=f"annual-statistics_{code or 'all-facilities'}_{report['year']}.pdf"
    )
    if as_pdf:
        response["Content-Disposition"] = response["Content-Disposition"].replace(
            "inline", "attachment"
        )
        response["Cache-Control"] = "no-store"
    return response
