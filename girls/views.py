"""The girls under 18 in her facilities (Rules 36-39): whether each one's parent or guardian
was told since she came, and whether she has a place in education. The form is an action
(`girls.actions`)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.http import require_GET

from bangkok.pagination import paginate

from . import reading
from .permissions import OPEN, READ_SEALED, RECORD, VIEW, access_sealed


@login_required
@require_GET
def index(request):
    if not request.user.has_perm(VIEW):
        raise PermissionDenied
    girls = reading.girls_of(request.user)
    context = {**paginate(request, girls, fields=reading.GIRL_ORDER)}
    context["can_record"] = request.user.has_perm(RECORD)
    context["sees_sealed"] = request.user.has_perm(READ_SEALED)
    return render(request, "girls/index.html", context)


@login_required
@require_GET
def sealed(request):
    """The sealed records of her facilities (Havana r. 19), naming nobody; the prison number an
    order gives finds its record."""
    if not request.user.has_perm(READ_SEALED):
        raise PermissionDenied
    number = request.GET.get("number", "")[:40]
    records = reading.sealed_of(request.user, number)
    context = {**paginate(request, records, fields=reading.SEALED_ORDER), "number": number}
    context["can_open"] = request.user.has_perm(OPEN)
    return render(request, "girls/sealed.html", context)


@login_required
@require_GET
def sealed_record(request, uuid):
    """A sealed record opened to her on a legal basis, each read audited; else 404."""
    found = access_sealed(request.user, uuid)
    return render(request, "girls/sealed_record.html", reading.opened_record(request.user, found))
