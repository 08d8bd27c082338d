"""The annual statistics for the governor and the inspector (Rules 67-70): a page and its PDF,
per facility and across every facility she oversees, small cells suppressed."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from bangkok.signals import exported
from oversight.permissions import facilities_overseen

from . import annual, pdf
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


# The PDF's fonts (reportlab's own) write the Latin script only: in another language's
# interface the PDF is written in English (the page itself is in hers).
LATIN = {"en", "es", "fr"}


@login_required
@require_safe
def annual_pdf(request):
    language = translation.get_language() or "en"
    with translation.override(language if language.split("-")[0] in LATIN else "en"):
        return _annual_pdf(request)


def _annual_pdf(request):
    form, report, columns, title = _chosen(request)
    if report is None:
        return HttpResponse(
            _("Choose a year and a facility from the lists."), status=400, content_type="text/plain"
        )
    code = form.cleaned_data["facility"]
    body = pdf.render(report, columns, title)
    exported.send(
        sender=annual_pdf,
        by=request.user,
        table="annual-statistics",
        title=title,
        filters={"year": str(report["year"]), "facility": code},
        format="pdf",
        rows=sum(len(section["rows"]) for section in report["sections"]),
        facility=next((f for f in report["facilities"] if f.code == code), None),
    )
    response = HttpResponse(body, content_type="application/pdf")
    name = f"annual-statistics_{code or 'all-facilities'}_{report['year']}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response
