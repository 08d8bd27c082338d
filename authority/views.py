"""The governor's queue, "authorities waiting for you", and her confirmation or refusal of
each, with her own sign-in. A record she may not decide (another facility's, a role without the
authority) is the same 404 as one that doesn't exist; a refusal of her decision (she asked for
it herself, it was decided already, the Rules now forbid it) comes back on the queue, with
nothing written."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from bangkok.forms import attempt
from bangkok.pagination import paginate
from facilities.scope import facilities_of

from . import services
from .forms import ConfirmForm, RefuseForm
from .registry import area as area_of


def holds_any_authority(user) -> bool:
    return bool(services.areas_for(user))


def _queue(request, *, failed=None, status=200):
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
    return _queue(request)


def _record(request, key, uuid):
    area = area_of(key)
    if area is None or not request.user.has_perm(area.perm):
        raise Http404("No such record in your facilities.")
    record = area.model.objects.filter(uuid=uuid, facility__in=facilities_of(request.user)).first()
    if record is None:
        raise Http404("No such record in your facilities.")
    return area, record


@login_required
@require_POST
def confirm(request, key, uuid):
    area, record = _record(request, key, uuid)
    form = ConfirmForm(request.POST)
    saved, _result = attempt(
        form, lambda: services.confirm(area=area, by=request.user, record=record), record
    )
    if not saved:
        return _queue(request, failed={"uuid": record.uuid, "form": form}, status=400)
    messages.success(request, _("Your authority is recorded: %(what)s.") % {"what": area.title})
    return redirect("authority:queue")


@login_required
@require_POST
def refuse(request, key, uuid):
    area, record = _record(request, key, uuid)
    form = RefuseForm(request.POST)
    saved, _result = attempt(
        form,
        lambda **data: services.refuse(area=area, by=request.user, record=record, **data),
        record,
    )
    if saved:
        messages.success(request, _("Your refusal is recorded: %(what)s.") % {"what": area.title})
        return redirect("authority:queue")
    return _queue(request, failed={"uuid": record.uuid, "form": form}, status=400)
