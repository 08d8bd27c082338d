"""Visit pages (Rules 26-28, 43): the visit itself with the forms of its outcome (held or
cancelled), her visits page by page, and the facility's visits today for custody. Booking a
visit and recording its outcome are actions (`visits.actions`)."""

from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from authority.services import each_decidable
from bangkok.forms import carrying
from bangkok.pagination import paginate
from facilities.scope import facilities_of
from prisoners.permissions import access_record, access_woman
from prisoners.withheld import without_withheld

from ..forms import CancelForm, HeldForm
from ..models import Visit, VisitStatus
from ..permissions import ADD_VISIT, CHANGE_VISIT, VIEW_VISIT
from ..reading import label_visits, with_visitors
from ..services.prison import CANCELLATIONS


@login_required
@require_safe
def visit_list(request, uuid):
    woman = access_woman(request.user, uuid, VIEW_VISIT)
    visits = with_visitors(Visit.objects.filter(prisoner=woman))
    paged = paginate(request, visits, fields=("-starts_at", "-id"))
    paged["page"].items = label_visits(request.user, paged["page"].items)
    can_book = request.user.has_perm(ADD_VISIT)
    return render(request, "visits/visits.html", {"woman": woman, "can_book": can_book, **paged})


def visit_page(request, visit, *, held=None, cancel=None, status=200):
    visit = label_visits(request.user, [visit])[0]
    can_change = request.user.has_perm(CHANGE_VISIT) and visit.status == VisitStatus.BOOKED
    context = {
        "woman": visit.prisoner,
        "visit": visit,
        "cancellations": each_decidable(
            CANCELLATIONS,
            request.user,
            visit.cancellations.select_related(
                "asked_by",
                "authorised_by",
                "authority_refused_by",
                "authority_sought_from",
                "authority_requested_by",
            ),
        ),
        "can_change": can_change,
        "held_form": held or carrying(HeldForm(prefix="held"), visit),
        "cancel_form": cancel or carrying(CancelForm(prefix="cancel"), visit),
    }
    return render(request, "visits/visit.html", context, status=status)


def with_its_visitors(visit):
    """The visit again, with `links_on` (its woman as she was reached)."""
    woman = visit.prisoner
    visit = with_visitors(Visit.objects.filter(pk=visit.pk)).get()
    visit.prisoner = woman
    return visit


def _visit(request, uuid, *perms):
    return with_its_visitors(access_record(request.user, Visit, uuid, *perms))


@login_required
@require_safe
def visit_detail(request, uuid):
    return visit_page(request, _visit(request, uuid, VIEW_VISIT))


@login_required
@require_safe
def today(request):
    """Visits booked for today in her facilities, for custody officers at the visits desk."""
    if not request.user.has_perm(VIEW_VISIT):
        raise PermissionDenied
    now = timezone.localtime()
    start = now.replace(hour=0, minute=0, second=0, microsecond=0)
    visits = with_visitors(
        without_withheld(Visit.objects).filter(
            facility__in=facilities_of(request.user),
            status=VisitStatus.BOOKED,
            starts_at__gte=start,
            starts_at__lt=start + timedelta(days=1),
        )
    )
    paged = paginate(request, visits, fields=("starts_at", "id"))
    paged["page"].items = label_visits(request.user, paged["page"].items)
    return render(request, "visits/today.html", {"day": start.date(), **paged})
