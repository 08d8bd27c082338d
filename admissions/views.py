from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from bangkok.errors import RuleBroken
from bangkok.forms import StyledForm, attempt, carrying, refusal_into
from facilities.scope import facilities_of
from prisoners.permissions import access_prisoner
from register.permissions import ADD_CHILD, can_read_child_identity
from register.reading import children_of
from register.services import record_child

from . import reading, services
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
from .models import RightsItem, Stage, SuspensionRequest
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


def _detail(request, admission, **forms):
    user = request.user
    context = {
        "admission": admission,
        "woman": admission.prisoner,
        **reading.admission_section(viewer=user, prisoner=admission.prisoner),
        "can_admit": user.has_perm(ADMIT),
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
    return _detail(request, access_admission(request.user, uuid))


def _submit(
    request, admission, form, save, *, form_key: str, done="", then=None, record=None, **extra
):
    """Validate the form and call the service. On success, back to the admission page (or to
    `then`); on a refusal, the page again with the refusal beside the form (naming the rule
    or the field). A form that changes an existing `record` (the admission, a request on it)
    carries its version (`bangkok.forms.attempt`)."""
    saved, result = attempt(form, save, record)
    if saved:
        if done:
            messages.success(request, done)
        return redirect(then) if then else redirect("admissions:detail", uuid=admission.uuid)
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

    return _submit(
        request, admission, form, save, form_key="rights_form", rights_item=item, record=admission
    )


def _form_action(*, perm, form_class, form_key, act, done="", then="", changes=False):
    """A POST view for one of the admission page's forms: `act(by, admission, **data)` calls
    the service; the page comes back with the refusal beside the form when it refuses. A form
    that `changes` the admission carries its version; one that adds a new record (a child, a
    property item) to it does not."""

    @login_required
    @require_POST
    def view(request, uuid):
        admission = access_admission(request.user, uuid, perm=perm)

        def save(**data):
            return act(request.user, admission, **data)

        return _submit(
            request,
            admission,
            form_class(request.POST),
            save,
            form_key=form_key,
            done=str(done),
            then=reverse(then) if then else None,
            record=admission if changes else None,
        )

    return view


add_child = _form_action(
    perm=ADD_CHILD,
    form_class=ChildForm,
    form_key="child_form",
    act=lambda by, admission, **data: record_child(by=by, mother=admission.prisoner, **data),
    done=gettext_lazy("Child added to the register."),
)
add_family_member = _form_action(
    perm=services.FAMILY,
    form_class=FamilyMemberForm,
    form_key="family_form",
    act=lambda by, admission, **data: services.record_family_member(
        by=by, prisoner=admission.prisoner, **data
    ),
    done=gettext_lazy("Family member recorded."),
)
allocate = _form_action(
    perm="admissions.decide_allocation",
    form_class=AllocationForm,
    form_key="allocation_form",
    act=lambda by, admission, **data: services.allocate(by=by, admission=admission, **data),
    done=gettext_lazy("Allocation recorded."),
    changes=True,
)
add_property = _form_action(
    perm=services.KEEP_PROPERTY,
    form_class=PropertyForm,
    form_key="property_form",
    act=lambda by, admission, **data: services.record_property(by=by, admission=admission, **data),
    done=gettext_lazy("Added to her property. She signs the inventory again."),
)
request_suspension = _form_action(
    perm=services.REQUEST_SUSPENSION,
    form_class=SuspensionRequestForm,
    form_key="suspension_form",
    act=lambda by, admission, **data: services.request_suspension(
        by=by, admission=admission, **data
    ),
    done=gettext_lazy("Request recorded. Social workers will follow it up."),
)
# Proposed, it awaits a governor's confirmation (the governor's queue at /authority/).
transfer = _form_action(
    perm=services.TRANSFER,
    form_class=TransferForm,
    form_key="transfer_form",
    act=lambda by, admission, facility, **data: services.propose_transfer(
        by=by, admission=admission, to_facility=facility, **data
    ),
    done=gettext_lazy("The transfer is proposed: she moves when a governor confirms it."),
    changes=True,
)
release = _form_action(
    perm=services.CHANGE_ADMISSION,
    form_class=ReleaseForm,
    form_key="release_form",
    act=lambda by, admission, **data: services.release(by=by, admission=admission, **data),
    done=gettext_lazy("She is released; the episode is closed."),
    changes=True,
)


@login_required
@require_POST
def sign_property(request, uuid):
    admission = access_admission(request.user, uuid, perm=services.KEEP_PROPERTY)
    form = StyledForm(request.POST)
    saved, _result = attempt(
        form,
        lambda: services.sign_property_inventory(by=request.user, admission=admission),
        admission,
    )
    if saved:
        messages.success(request, _("Her signature on the inventory is recorded."))
    else:
        messages.error(request, " ".join(form.non_field_errors()))
    return redirect("admissions:detail", uuid=admission.uuid)


@login_required
@require_POST
def decide_suspension(request, uuid, request_uuid):
    admission = access_admission(request.user, uuid, perm=services.DECIDE_SUSPENSION)
    suspension = SuspensionRequest.objects.filter(uuid=request_uuid, admission=admission).first()
    if suspension is None:
        raise Http404("No such request on this admission.")

    def save(**data):
        services.decide_suspension(by=request.user, request=suspension, **data)

    return _submit(
        request,
        admission,
        SuspensionDecisionForm(request.POST),
        save,
        form_key="decision_form",
        done=_("Outcome recorded."),
        decision_for=suspension.uuid,
        record=suspension,
    )


@login_required
@require_POST
def complete(request, uuid):
    admission = access_admission(request.user, uuid, perm=ADMIT)
    form = StyledForm(request.POST)
    saved, _result = attempt(
        form, lambda: services.complete_admission(by=request.user, admission=admission), admission
    )
    if not saved:
        return _detail(request, admission, complete_error=" ".join(form.non_field_errors()))
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
