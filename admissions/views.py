"""Admission pages: admitting a woman, the admission's page with its forms, and the printable
information sheet. What the page's forms do is declared with their actions
(`admissions.actions`)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from bangkok.errors import RuleBroken
from bangkok.forms import carrying, refusal_into
from facilities.scope import facilities_of
from prisoners.permissions import access_prisoner
from register.permissions import ADD_CHILD, can_read_child_identity
from register.reading import children_of

from . import reading, services, sheet
from .forms import (
    AllocationForm,
    ChildForm,
    CommitmentForm,
    FamilyMemberForm,
    FindForm,
    IdentityForm,
    PropertyForm,
    ReleaseForm,
    RightsOfferForm,
    SuspensionDecisionForm,
    SuspensionRequestForm,
    TransferForm,
)
from .models import Stage
from .permissions import ADMIT, access_admission


def _require_admit(user):
    if not user.has_perm(ADMIT):
        raise PermissionDenied


@login_required
@require_http_methods(["GET", "POST"])
def new_admission(request):
    """Admit a woman: find her if she has been here before, else record who she is; then the
    commitment order (Mandela Rule 7)."""
    _require_admit(request.user)
    returning = None
    if request.GET.get("returning") or request.POST.get("returning"):
        returning = access_prisoner(
            request.user, request.GET.get("returning") or request.POST.get("returning")
        )
    new = request.GET.get("new") or request.POST.get("new")
    find = FindForm(request.GET if "find" in request.GET else None)
    matches = None
    if find.is_bound and find.is_valid():
        matches = services.find_returning_woman(by=request.user, **find.cleaned_data)
    form = None
    if returning or new:
        form_class = CommitmentForm if returning else IdentityForm
        form = form_class(request.POST or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            identity = {k: data[k] for k in IdentityForm.IDENTITY_FIELDS} if not returning else None
            commitment = {k: data[k] for k in services.COMMITMENT_FIELDS}
            try:
                facility = _facility_for(request)
                admission = services.admit_woman(
                    by=request.user,
                    facility=facility,
                    commitment=commitment,
                    identity=identity,
                    returning=returning,
                    received_from=data["received_from"],
                    interpreter_needed=data["interpreter_needed"],
                    injuries_noted=data["injuries_noted"],
                )
            except (RuleBroken, ValidationError) as error:
                refusal_into(form, error)
            else:
                messages.success(request, _("Admission opened. Now offer her rights (Rule 2.1)."))
                return redirect("admissions:detail", uuid=admission.uuid)
    return render(
        request,
        "admissions/new.html",
        {
            "find": find,
            "matches": matches,
            "form": form,
            "returning": returning,
            "new": new,
            "facilities": list(facilities_of(request.user)),
        },
        status=400 if form is not None and form.errors else 200,
    )


def _facility_for(request):
    facilities = list(facilities_of(request.user))
    chosen = request.POST.get("facility")
    for facility in facilities:
        if facility.code == chosen or (not chosen and len(facilities) == 1):
            return facility
    raise ValidationError(_("Choose the facility she is received into."))


def detail_page(request, admission, **forms):
    """The admission's page, with its forms (one of them refused, if given). The forms post to
    their actions (`admissions.actions`)."""
    user = request.user
    context = {
        "admission": admission,
        "woman": admission.prisoner,
        **reading.admission_section(viewer=user, prisoner=admission.prisoner),
        "can_admit": user.has_perm(ADMIT),
        "sheet_languages": sheet.sheet_languages(),
        "can_add_child": user.has_perm(ADD_CHILD),
        "child_form": forms.get("child_form") or ChildForm(),
        "rights_form": forms.get("rights_form"),
        "complete_error": forms.get("complete_error"),
        "can_allocate": user.has_perm("admissions.decide_allocation"),
        "allocation_form": forms.get("allocation_form") or carrying(AllocationForm(), admission),
        "distances": services.distances_from_home(admission.prisoner),
        **(reading.allocation_section(viewer=user, prisoner=admission.prisoner) or {}),
        "can_keep_family": user.has_perm(services.FAMILY),
        "family_form": forms.get("family_form") or FamilyMemberForm(),
        **(reading.family_section(viewer=user, prisoner=admission.prisoner) or {}),
        **(reading.suspension_section(viewer=user, prisoner=admission.prisoner) or {}),
        "open": admission.stage != Stage.RELEASED,
        "can_keep_property": user.has_perm(services.KEEP_PROPERTY),
        "property_form": forms.get("property_form") or PropertyForm(),
        "can_request_suspension": user.has_perm(services.REQUEST_SUSPENSION),
        "suspension_form": forms.get("suspension_form") or SuspensionRequestForm(),
        "decision_form": forms.get("decision_form"),
        "blank_decision_form": SuspensionDecisionForm(),
        "decision_for": forms.get("decision_for"),
        "can_transfer": user.has_perm(services.TRANSFER) and admission.stage == Stage.ADMITTED,
        "transfer_form": forms.get("transfer_form") or carrying(TransferForm(), admission),
        "can_release": user.has_perm(services.CHANGE_ADMISSION),
        "release_form": forms.get("release_form") or carrying(ReleaseForm(), admission),
    }
    if admission.stage == "reception" and context["can_admit"]:
        context["offer_forms"] = [
            (
                label,
                offer,
                forms.get("rights_form")
                if forms.get("rights_item") == item
                else carrying(
                    RightsOfferForm(
                        prefix=item,
                        initial={
                            "item": item,
                            "language": (admission.prisoner.languages or [""])[0],
                            "outcome": offer.outcome if offer else None,
                        },
                    ),
                    admission,
                ),
                item,
            )
            for item, label, offer in services.checklist(admission)
        ]
    if can_read_child_identity(user):
        context["children"] = children_of(viewer=user, mother=admission.prisoner)
    failed = any(value for key, value in forms.items() if key != "decision_for")
    return render(request, "admissions/detail.html", context, status=400 if failed else 200)


@login_required
@require_safe
def admission_detail(request, uuid):
    return detail_page(request, access_admission(request.user, uuid))


@login_required
@require_safe
def information_sheet(request, uuid):
    """The printable information sheet of Rule 2.1, in the language she understands.

    `?language=` picks a language (default: the first of hers the sheet is written in, else
    the nearest to her first, else the viewer's). For a language the sheet is not written in,
    the page says so, in the viewer's language, and gives the nearest (`admissions.sheet`).
    `?format=pdf` answers the same sheet as a PDF, with the app's fonts embedded. The language
    given is recorded on the checklist when reception records the "information" item.
    """
    admission = access_admission(request.user, uuid, perm=ADMIT)
    theirs = admission.prisoner.languages
    wanted = request.GET.get("language") or next(
        (code for code in theirs if code in sheet.sheet_languages()),
        theirs[0] if theirs else translation.get_language(),
    )
    if not sheet.is_language(wanted):
        raise Http404("The sheet is not available in that language.")
    given = sheet.nearest(wanted)
    missing = (
        _("There is no information sheet in %(wanted)s. This is the nearest: %(given)s.")
        % {"wanted": sheet.language_name(wanted), "given": sheet.language_name(given)}
        if given != wanted
        else ""
    )
    pdf = request.GET.get("format") == "pdf"
    with translation.override(given):
        html = render_to_string(
            "admissions/information_sheet.html",
            {
                "admission": admission,
                "woman": admission.prisoner,
                "today": timezone.localdate(),
                "missing": missing,
                "pdf": pdf,
                "language": given,
            },
            request=request,
        )
    if not pdf:
        return HttpResponse(html)
    response = HttpResponse(
        sheet.pdf(html, base_url=request.build_absolute_uri("/")), content_type="application/pdf"
    )
    name = f"information-sheet-{admission.prisoner.prison_number}-{given}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response
