"""Search pages: record a search of her (or of a child with her or visiting her), record a
cell search, one search, and the staff training records. A refusal under a Rule comes back
beside the form, with nothing written."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from bangkok.forms import attempt
from bangkok.pagination import paginate
from facilities.scope import facilities_of, staff_of

from . import services
from .forms import CellSearchForm, SearchAuthorityForm, SearchForm
from .models import Part
from .permissions import (
    RECORD,
    access_for_search,
    access_search,
    authorisers_of,
    can_read_training,
    given_authorities,
)
from .services.training import TRAINING_ORDER


def _save(form, verb):
    """Call `verb(**cleaned_data)` if the form is valid; the search, or None with the
    refusal in the form."""
    saved, search = attempt(form, verb)
    return search if saved else None


@login_required
@require_http_methods(["GET", "POST"])
def record_search(request, uuid):
    """Record a personal search (Rules 19-21; Mandela Rules 51-52)."""
    woman = access_for_search(request.user, uuid)
    here = woman.facility
    form = SearchForm(
        request.POST if request.method == "POST" else None,
        woman=woman,
        staff=staff_of(facilities_of(request.user).filter(pk=here.pk)),
        authorities=given_authorities(woman),
    )
    if request.method == "POST":
        search = _save(
            form,
            lambda **data: services.record_search(by=request.user, prisoner=woman, **data),
        )
        if search is not None:
            messages.success(request, _("Search recorded."))
            return redirect("searches:detail", uuid=search.uuid)
    return render(
        request,
        "searches/new.html",
        {"woman": woman, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def ask_authority(request, uuid):
    """Ask the governor for her authority for a strip or body cavity search (Mandela 51)."""
    woman = access_for_search(request.user, uuid)
    form = SearchAuthorityForm(
        request.POST if request.method == "POST" else None,
        governors=authorisers_of(woman.facility),
    )
    if request.method == "POST":
        asked = _save(
            form,
            lambda **data: services.request_search_authority(
                by=request.user, prisoner=woman, **data
            ),
        )
        if asked is not None:
            messages.success(
                request,
                _("Authority asked for. The search may be carried out once the governor gives it."),
            )
            return redirect("prisoners:detail", uuid=woman.uuid)
    return render(
        request,
        "searches/ask_authority.html",
        {"woman": woman, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def record_cell_search(request):
    """Record the search of a cell in one of her facilities."""
    if not request.user.has_perm(RECORD):
        raise PermissionDenied
    facilities = facilities_of(request.user)
    form = CellSearchForm(
        request.POST if request.method == "POST" else None,
        facilities=facilities,
        staff=staff_of(facilities),
    )
    if request.method == "POST":
        search = _save(
            form,
            lambda **data: services.record_cell_search(by=request.user, **data),
        )
        if search is not None:
            messages.success(request, _("Cell search recorded."))
            return redirect("searches:detail", uuid=search.uuid)
    return render(
        request, "searches/new_cell.html", {"form": form}, status=400 if form.errors else 200
    )


@login_required
@require_safe
def search_detail(request, uuid):
    search = access_search(request.user, uuid)
    people = list(search.staff.all())
    return render(
        request,
        "searches/detail.html",
        {
            "search": search,
            "searchers": [p for p in people if p.part == Part.SEARCHER],
            "witnesses": [p for p in people if p.part == Part.WITNESS],
        },
    )


@login_required
@require_safe
def training_records(request):
    """Who in her facilities is trained for what and until when (RULES-SPEC 2.16)."""
    if not can_read_training(request.user):
        raise PermissionDenied
    records = services.training_records_visible_to(request.user)
    page = paginate(request, records, fields=TRAINING_ORDER)
    today = timezone.localdate()
    rows = [(record, services.training_status(record, today)) for record in page["page"].items]
    return render(request, "searches/training.html", {**page, "rows": rows})
