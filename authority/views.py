"""The governor's queue, "authorities waiting for you". Her confirmation or refusal of each,
with her own sign-in, is declared in `actions.py`: a record she may not decide (another
facility's, a role without the authority) is the same 404 as one that doesn't exist; a refusal
of her decision (she asked for it herself, it was decided already, the Rules now forbid it)
comes back on this queue, with nothing written."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from bangkok.pagination import paginate

from . import services


def holds_any_authority(user) -> bool:
    return bool(services.areas_for(user))


def queue_page(request, *, failed=None, status=200):
    """Area by area, a page of what waits for her (each area paged on its own)."""
    if not holds_any_authority(request.user):
        raise Http404("No such page.")
    queue = []
    for area in services.areas_for(request.user):
        pending = services.pending_for(request.user, area)
        paged = paginate(request, pending, fields=services.QUEUE_ORDER, param=f"{area.key}-cursor")
        records = services.described(area, paged["page"].items)
        queue.append({**paged, "area": area, "records": records, "count": pending.count()})
    context = {"queue": queue, "failed": failed}
    return render(request, "authority/queue.html", context, status=status)


@login_required
@require_GET
def queue(request):
    return queue_page(request)
