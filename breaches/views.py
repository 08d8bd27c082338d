"""Breach pages: recording one (any role that writes her case records) and her breaches (the
governor, the inspector and health staff; a clinical account for health staff alone)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from bangkok.forms import refusal_into

from . import services
from .forms import BreachForm
from .permissions import RECORD, access_to_read, access_to_record


@login_required
@require_http_methods(["GET", "POST"])
def record(request, uuid):
    woman = access_to_record(request.user, uuid)
    form = BreachForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_breach(by=request.user, prisoner=woman, **form.cleaned_data)
        except ValidationError as error:
            refusal_into(form, error)
        else:
            messages.success(
                request, _("Breach recorded. The governor and the inspector are told of it.")
            )
            return redirect("prisoners:detail", uuid=woman.uuid)
    return render(
        request,
        "breaches/record.html",
        {"woman": woman, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_GET
def her_breaches(request, uuid):
    woman = access_to_read(request.user, uuid)
    breaches = [services.shown_to(request.user, b) for b in services.her_breaches(woman)]
    context = {"woman": woman, "breaches": breaches, "can_record": request.user.has_perm(RECORD)}
    return render(request, "breaches/list.html", context)
