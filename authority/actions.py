"""The governor's confirmation or refusal of a record waiting for her authority, from her
queue: the address names the area (its key) and the record, the area's own verb decides it,
and a refusal of her decision comes back on the queue with nothing written."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _

from bangkok.actions import MISSING, Action, Area, Page
from facilities.scope import facilities_of
from prisoners.withheld import without_withheld

from . import services
from .forms import ConfirmForm, RefuseForm
from .models import AwaitsAuthority
from .registry import area as area_of
from .registry import areas
from .views import queue_page


def decidable(user, address):
    """The record of the area the address names, in her facilities, if she holds its
    authority; else 404 (a missing record, an unknown area and another's alike)."""
    area = area_of(address["key"])
    if area is None or not user.has_perm(area.perm):
        raise Http404(MISSING)
    record = without_withheld(
        area.model.objects.filter(uuid=address["uuid"], facility__in=facilities_of(user))
    )
    if (found := record.first()) is None:
        raise Http404(MISSING)
    return found, None


def its_area(record):
    return next(area for area in areas() if isinstance(record, area.model))


def confirm(*, by, record, **data):
    return services.confirm(area=its_area(record), by=by, record=record, **data)


def refuse(*, by, record, **data):
    return services.refuse(area=its_area(record), by=by, record=record, **data)


def on_the_queue(request, record, form):
    return queue_page(request, failed={"uuid": record.uuid, "form": form}, status=400)


def recorded(message):
    return lambda record: message % {"what": its_area(record).title}


AREA = Area(tag="authority", access=None, not_found=None, prefix="api-authority", find=decidable)

ACTIONS = [
    Action(
        name,
        "",
        summary,
        verb,
        model=AwaitsAuthority,
        arg="record",
        page=Page(
            f"<slug:key>/<uuid:uuid>/{name}/",
            form,
            done=recorded(done),
            then=lambda result, target: "authority:queue",
            again=on_the_queue,
        ),
    )
    for name, summary, verb, form, done in (
        (
            "confirm",
            "Confirm a record awaiting her authority",
            confirm,
            ConfirmForm,
            _("Your authority is recorded: %(what)s."),
        ),
        (
            "refuse",
            "Refuse a record awaiting her authority",
            refuse,
            RefuseForm,
            _("Your refusal is recorded: %(what)s."),
        ),
    )
]
