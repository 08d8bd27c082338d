"""Pages for segregation (Rule 22; Mandela 43-46): segregate her (the governor, or custody
asking for the governor's authority, which she gives on the segregation page or her queue),
the segregation page with its daily health visits, and the governor's extension and end."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from authority.services import may_decide
from bangkok.forms import carrying
from prisoners.permissions import access_record, access_woman

from ..forms import EndForm, ExtendForm, SegregateForm, VisitForm
from ..models import Segregation
from ..reading import segregations_of
from ..services import segregation as services
from ..services.common import ADJUDICATE, SEGREGATE, VIEW_SEGREGATION, VISIT
from .common import submit


def _segregate_form(request, woman, data=None):
    governors = None
    if not request.user.has_perm(ADJUDICATE):
        governors = services.governors_of(woman.facility)
    return SegregateForm(data, governors=governors)


@login_required
@require_http_methods(["GET", "POST"])
def segregate(request, uuid):
    woman = access_woman(request.user, uuid, SEGREGATE, ADJUDICATE)

    def page(form):
        return render(request, "discipline/segregate.html", {"woman": woman, "form": form})

    if request.method == "GET":
        return page(_segregate_form(request, woman))
    return submit(
        request,
        _segregate_form(request, woman, request.POST),
        lambda **data: services.segregate(by=request.user, prisoner=woman, **data),
        done=_("Segregation recorded. It starts when the governor confirms it."),
        then=lambda seg: reverse("discipline:segregation", kwargs={"uuid": seg.uuid}),
        again=page,
    )


def _segregation(request, uuid, *perms):
    found = access_record(request.user, Segregation, uuid, *perms)
    segregation = segregations_of(found.prisoner).get(pk=found.pk)
    segregation.prisoner = found.prisoner
    return segregation


def segregation_page(request, segregation, failed: dict | None = None):
    failed = failed or {}
    user = request.user
    context = {
        "woman": segregation.prisoner,
        "segregation": segregation,
        "can_decide": segregation.awaits_authority and may_decide(services.AREA, user, segregation),
        "extensions": [
            (
                extension,
                extension.awaits_authority and may_decide(services.EXTENSIONS, user, extension),
            )
            for extension in segregation.extensions.select_related(
                "asked_by", "authorised_by", "authority_refused_by"
            )
        ],
    }
    if segregation.is_open and user.has_perm(VISIT):
        context["visit_form"] = failed.get("visit") or carrying(
            VisitForm(prefix="visit"), segregation
        )
    if segregation.is_open and user.has_perm(ADJUDICATE):
        context["extend_form"] = failed.get("extend") or carrying(
            ExtendForm(prefix="extend"), segregation
        )
        context["end_form"] = failed.get("end") or carrying(EndForm(prefix="end"), segregation)
    return render(request, "discipline/segregation.html", context)


@login_required
@require_GET
def segregation_detail(request, uuid):
    return segregation_page(request, _segregation(request, uuid, VIEW_SEGREGATION))


def _on_segregation(request, uuid, perm, form_class, key, verb, done):
    segregation = _segregation(request, uuid, perm)
    return submit(
        request,
        form_class(request.POST, prefix=key),
        lambda **data: verb(by=request.user, segregation=segregation, **data),
        record=segregation,
        done=done,
        then=lambda _result: reverse("discipline:segregation", kwargs={"uuid": uuid}),
        again=lambda bound: segregation_page(request, segregation, {key: bound}),
    )


@login_required
@require_POST
def record_visit(request, uuid):
    return _on_segregation(
        request,
        uuid,
        VISIT,
        VisitForm,
        "visit",
        services.record_segregation_visit,
        _("Health visit recorded."),
    )


@login_required
@require_POST
def extend(request, uuid):
    return _on_segregation(
        request,
        uuid,
        ADJUDICATE,
        ExtendForm,
        "extend",
        services.extend_segregation,
        _("Extension recorded. The planned end moves when a governor confirms it."),
    )


@login_required
@require_POST
def end(request, uuid):
    return _on_segregation(
        request, uuid, ADJUDICATE, EndForm, "end", services.end_segregation, _("Segregation ended.")
    )
