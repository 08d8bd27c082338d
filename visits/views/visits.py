"""Visit pages (Rules 26-28, 43): book a visit, the visit itself with its outcome (held or
cancelled), her visits page by page, and the facility's visits today for custody."""

from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from authority.services import may_decide
from bangkok.forms import carrying
from bangkok.pagination import paginate
from facilities.scope import facilities_of
from prisoners.permissions import access_record, access_woman

from ..forms import BookingForm, CancelForm, HeldForm
from ..models import Visit, VisitStatus
from ..permissions import ADD_VISIT, CHANGE_VISIT, VIEW_VISIT
from ..reading import label_visits, with_visitors
from ..services import bookings as services
from ..services.prison import CANCELLATIONS
from .common import approved_visitors, form_page, submit


def _visit_url(visit) -> str:
    return reverse("visits:visit", kwargs={"uuid": visit.uuid})


@login_required
@require_safe
def visit_list(request, uuid):
    woman = access_woman(request.user, uuid, VIEW_VISIT)
    visits = with_visitors(Visit.objects.filter(prisoner=woman))
    paged = paginate(request, visits, fields=("-starts_at", "-id"))
    paged["page"].items = label_visits(request.user, paged["page"].items)
    can_book = request.user.has_perm(ADD_VISIT)
    return render(request, "visits/visits.html", {"woman": woman, "can_book": can_book, **paged})


@login_required
@require_http_methods(["GET", "POST"])
def book(request, uuid):
    woman = access_woman(request.user, uuid, ADD_VISIT)
    approved = approved_visitors(request.user, woman)

    def again(form, status=200):
        return form_page(
            request,
            woman=woman,
            form=form,
            title=_("Book a visit"),
            intro=_(
                "Only visitors she agreed to can visit (Rule 44). A visit with a child is open "
                "contact in a child-friendly room unless you write why not (Rule 28)."
            ),
            button=_("Book the visit"),
            testid="booking-form",
            status=status,
        )

    if request.method == "GET":
        return again(BookingForm(approved=approved))
    return submit(
        request,
        BookingForm(request.POST, approved=approved),
        lambda **data: services.book_visit(by=request.user, prisoner=woman, **data),
        done=_("Visit booked."),
        then=_visit_url,
        again=again,
    )


def _visit_page(request, visit, *, held=None, cancel=None, status=200):
    visit = label_visits(request.user, [visit])[0]
    can_change = request.user.has_perm(CHANGE_VISIT) and visit.status == VisitStatus.BOOKED
    context = {
        "woman": visit.prisoner,
        "visit": visit,
        "cancellations": [
            (asked, asked.awaits_authority and may_decide(CANCELLATIONS, request.user, asked))
            for asked in visit.cancellations.select_related(
                "asked_by", "authorised_by", "authority_refused_by", "authority_sought_from"
            )
        ],
        "can_change": can_change,
        "held_form": held or carrying(HeldForm(prefix="held"), visit),
        "cancel_form": cancel or carrying(CancelForm(prefix="cancel"), visit),
    }
    return render(request, "visits/visit.html", context, status=status)


def _visit(request, uuid, *perms):
    visit = access_record(request.user, Visit, uuid, *perms)
    woman = visit.prisoner
    visit = with_visitors(Visit.objects.filter(pk=visit.pk)).get()
    visit.prisoner = woman
    return visit


@login_required
@require_safe
def visit_detail(request, uuid):
    return _visit_page(request, _visit(request, uuid, VIEW_VISIT))


def _outcome(form_class, prefix: str, verb, done: str):
    @login_required
    @require_POST
    def view(request, uuid):
        visit = _visit(request, uuid, CHANGE_VISIT)
        return submit(
            request,
            form_class(request.POST, prefix=prefix),
            lambda **data: verb(by=request.user, visit=visit, **data),
            record=visit,
            done=done,
            then=_visit_url,
            again=lambda form, status: _visit_page(request, visit, status=status, **{prefix: form}),
        )

    return view


record_held = _outcome(HeldForm, "held", services.record_visit_held, _("Visit recorded as held."))
cancel = _outcome(
    CancelForm,
    "cancel",
    services.cancel_visit,
    lambda visit: (
        _("Visit recorded as cancelled.")
        if visit.status == VisitStatus.CANCELLED
        else _("Recorded: the prison's cancellation takes effect when a governor confirms it.")
    ),
)


@login_required
@require_safe
def today(request):
    """Visits booked for today in her facilities, for custody officers at the visits desk."""
    if not request.user.has_perm(VIEW_VISIT):
        raise PermissionDenied
    now = timezone.localtime()
    start = now.replace(hour=0, minute=0, second=0, microsecond=0)
    visits = with_visitors(
        Visit.objects.filter(
            facility__in=facilities_of(request.user),
            status=VisitStatus.BOOKED,
            starts_at__gte=start,
            starts_at__lt=start + timedelta(days=1),
        )
    )
    paged = paginate(request, visits, fields=("starts_at", "id"))
    paged["page"].items = label_visits(request.user, paged["page"].items)
    return render(request, "visits/today.html", {"day": start.date(), **paged})
