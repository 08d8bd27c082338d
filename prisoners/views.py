from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from bangkok.forms import govuk_styled
from bangkok.pagination import BadCursor, keyset_page, page_size_from, url_with

from .filters import PrisonerFilter
from .models import CustodyStatus
from .permissions import access_prisoner, prisoners_visible_to
from .sections import sections_for

LIST_ORDER = ("family_name", "given_names", "id")


@login_required
@require_safe
def prisoner_list(request):
    """Find a woman: search by name or number, filter, keyset pages (constant queries)."""
    if not request.user.has_perm("prisoners.view_prisoner"):
        raise PermissionDenied
    base = prisoners_visible_to(request.user)
    params = request.GET.copy()
    params.setdefault("custody_status", CustodyStatus.IN_CUSTODY)
    filterset = PrisonerFilter(params, queryset=base, request=request)
    qs = filterset.qs if filterset.is_valid() else base.none()
    try:
        page = keyset_page(
            qs.select_related("facility", "unit", "flags"),
            fields=LIST_ORDER,
            cursor=request.GET.get("cursor"),
            size=page_size_from(request.GET),
        )
    except BadCursor as exc:
        raise Http404(str(exc)) from exc
    return render(
        request,
        "prisoners/list.html",
        {
            "filter": filterset,
            "form": govuk_styled(filterset.form),
            "page": page,
            "searched": any(request.GET.get(k) for k in ("q", "facility", "unit", "legal_status")),
            "next_url": page.next_cursor and url_with(request.GET, cursor=page.next_cursor),
            "previous_url": page.previous_cursor
            and url_with(request.GET, cursor=page.previous_cursor),
        },
    )


@login_required
@require_safe
def prisoner_detail(request, uuid):
    """Her page: the core record, her protection flags, then one section per rule area."""
    prisoner = access_prisoner(request.user, uuid)
    return render(
        request,
        "prisoners/detail.html",
        {
            "prisoner": prisoner,
            "flags": prisoner.flags,
            "sections": sections_for(request, prisoner),
        },
    )
