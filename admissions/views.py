from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from bangkok.errors import RuleBroken
from prisoners.permissions import access_prisoner, facilities_of
from register.permissions import ADD_CHILD, can_read_child_identity
from register.services import children_of, record_child

from . import services
from .forms import (
    AllocationForm,
    ChildForm,
    CommitmentForm,
    FamilyMemberForm,
    FindForm,
    IdentityForm,
    RightsOfferForm,
)
from .models import RightsItem
from .permissions import ADMIT, access_admission


def _require_admit(user):
    if not user.has_perm(ADMIT):
        raise PermissionDenied


def _refusal_into(form, error) -> None:
    """Show a service's refusal beside the form, naming the rule or the field."""
    if isinstance(error, RuleBroken):
        form.add_error(error.field if error.field in form.fields else None, str(error))
    elif hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


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
                _refusal_into(form, error)
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


def _detail(request, admission, **forms):
    user = request.user
    context = {
        "admission": admission,
        "woman": admission.prisoner,
        **services.admission_section(viewer=user, prisoner=admission.prisoner),
        "can_admit": user.has_perm(ADMIT),
        "can_add_child": user.has_perm(ADD_CHILD),
        "child_form": forms.get("child_form") or ChildForm(),
        "rights_form": forms.get("rights_form"),
        "complete_error": forms.get("complete_error"),
        "can_allocate": user.has_perm("admissions.decide_allocation"),
        "allocation_form": forms.get("allocation_form") or AllocationForm(),
        "distances": services.distances_from_home(admission.prisoner),
        **(services.allocation_section(viewer=user, prisoner=admission.prisoner) or {}),
        "can_keep_family": user.has_perm(services.FAMILY),
        "family_form": forms.get("family_form") or FamilyMemberForm(),
        **(services.family_section(viewer=user, prisoner=admission.prisoner) or {}),
    }
    if admission.stage == "reception" and context["can_admit"]:
        context["offer_forms"] = [
            (
                label,
                offer,
                forms.get("rights_form")
                if forms.get("rights_item") == item
                else RightsOfferForm(
                    prefix=item,
                    initial={
                        "item": item,
                        "language": (admission.prisoner.languages or [""])[0],
                        "outcome": offer.outcome if offer else None,
                    },
                ),
                item,
            )
            for item, label, offer in services.checklist(admission)
        ]
    if can_read_child_identity(user):
        context["children"] = children_of(viewer=user, mother=admission.prisoner)
    return render(
        request, "admissions/detail.html", context, status=400 if any(forms.values()) else 200
    )


@login_required
@require_safe
def admission_detail(request, uuid):
    return _detail(request, access_admission(request.user, uuid))


def _submit(request, admission, form, save, *, form_key: str, done: str = "", **extra):
    """Validate the form and call the service. On success, back to the admission page; on a
    refusal, the page again with the refusal beside the form (naming the rule or field)."""
    if form.is_valid():
        try:
            save(**form.cleaned_data)
        except (RuleBroken, ValidationError) as error:
            _refusal_into(form, error)
        else:
            if done:
                messages.success(request, done)
            return redirect("admissions:detail", uuid=admission.uuid)
    return _detail(request, admission, **{form_key: form}, **extra)


@login_required
@require_POST
def offer_right(request, uuid):
    admission = access_admission(request.user, uuid, perm=ADMIT)
    # Each right has its own form on the page, prefixed with the right's name.
    item = request.POST.get("item", "")
    form = RightsOfferForm(request.POST, prefix=item if item in RightsItem.values else None)

    def save(**data):
        services.record_rights_offer(by=request.user, admission=admission, **data)

    return _submit(request, admission, form, save, form_key="rights_form", rights_item=item)


@login_required
@require_POST
def add_child(request, uuid):
    admission = access_admission(request.user, uuid, perm=ADD_CHILD)

    def save(**data):
        record_child(by=request.user, mother=admission.prisoner, **data)

    return _submit(
        request,
        admission,
        ChildForm(request.POST),
        save,
        form_key="child_form",
        done=_("Child added to the register."),
    )


@login_required
@require_POST
def add_family_member(request, uuid):
    admission = access_admission(request.user, uuid, perm=services.FAMILY)

    def save(**data):
        services.record_family_member(by=request.user, prisoner=admission.prisoner, **data)

    return _submit(
        request,
        admission,
        FamilyMemberForm(request.POST),
        save,
        form_key="family_form",
        done=_("Family member recorded."),
    )


@login_required
@require_POST
def allocate(request, uuid):
    admission = access_admission(request.user, uuid, perm="admissions.decide_allocation")

    def save(**data):
        services.allocate(by=request.user, admission=admission, **data)

    return _submit(
        request,
        admission,
        AllocationForm(request.POST),
        save,
        form_key="allocation_form",
        done=_("Allocation recorded."),
    )


@login_required
@require_POST
def complete(request, uuid):
    admission = access_admission(request.user, uuid, perm=ADMIT)
    try:
        services.complete_admission(by=request.user, admission=admission)
    except (RuleBroken, ValidationError) as error:
        return _detail(
            request,
            admission,
            complete_error=str(error)
            if isinstance(error, RuleBroken)
            else " ".join(error.messages),
        )
    messages.success(request, _("Admission complete."))
    return redirect("prisoners:detail", uuid=admission.prisoner.uuid)


@login_required
@require_safe
def information_sheet(request, uuid):
    """The printable information sheet of Rule 2.1, in the language she understands.

    `?language=` picks one of the interface's languages (default: her first language if the
    sheet exists in it, else the viewer's). The language given is recorded on the checklist
    when reception records the "information" item.
    """
    admission = access_admission(request.user, uuid, perm=ADMIT)
    available = {code for code, _name in settings.LANGUAGES}
    wanted = request.GET.get("language") or next(
        (code for code in admission.prisoner.languages if code in available),
        translation.get_language(),
    )
    if wanted not in available:
        raise Http404("The sheet is not available in that language.")
    with translation.override(wanted):
        return render(
            request,
            "admissions/information_sheet.html",
            {
                "admission": admission,
                "woman": admission.prisoner,
                "today": timezone.localdate(),
            },
        )
