"""Admission pages: the admission's page with its forms, the steps of the guided admission,
her home and the printable information sheet. What the pages' forms do, admitting her
included, is declared with their actions (`admissions.actions`); this module gives them what
they show."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from bangkok.forms import carrying
from bangkok.names import country_name
from facilities.scope import facilities_of
from prisoners.permissions import access_prisoner, access_woman
from register.permissions import ADD_CHILD, can_read_child_identity, may_change_children_of
from register.reading import children_of

from . import reading, services, sheet, steps
from .forms import (
    AllocationForm,
    ChildForm,
    CourtOutcomeForm,
    FamilyMemberForm,
    FindForm,
    HomeForm,
    PlaceForm,
    PropertyForm,
    ReleaseForm,
    RightsOfferForm,
    SuspensionDecisionForm,
    SuspensionRequestForm,
    TransferForm,
)
from .models import RightsItem, Stage
from .permissions import ADMIT, access_admission


def admitting(request, target) -> dict:
    """The admission form's arguments: the woman returning, if the officer confirmed her record
    (`returning`), the facilities she may receive her into, and the names typed in the search
    carried into "She is new"."""
    carried = {name: request.GET[name] for name in CARRIED if request.GET.get(name)}
    return {
        "returning": returning(request),
        "facilities": facilities_of(request.user),
        "initial": carried,
    }


def returning(request):
    """The woman whose record the officer confirmed is hers (`returning`), or None."""
    chosen = request.GET.get("returning") or request.POST.get("returning")
    return access_prisoner(request.user, chosen) if chosen else None


# What the search for a returning woman carries into "She is new".
CARRIED = ("given_names", "family_name", "date_of_birth")


def admission_search(request, target) -> dict:
    """Before the form: the search for a woman who has been held before (Mandela Rule 7), and
    the link to "She is new" carrying what was typed."""
    find = FindForm(request.GET if "find" in request.GET else None)
    matches, typed = None, {}
    if find.is_bound and find.is_valid():
        matches = services.find_returning_woman(by=request.user, **find.cleaned_data)
        typed = {name: find.cleaned_data[name] for name in CARRIED if find.cleaned_data[name]}
    return {
        "find": find,
        "matches": matches,
        "returning": returning(request),
        "new": bool(request.GET.get("new") or request.POST.get("new")),
        "new_query": urlencode({"new": 1, **typed}),
        "posted": request.method == "POST",
    }


def detail_page(request, admission, **forms):
    """The admission's page, or the step of the guided admission the form was posted from (its
    `next`), with its forms (one of them refused, if given). The forms post to their actions
    (`admissions.actions`)."""
    step = steps.posted_from(request)
    context = _context(request, admission, forms)
    failed = any(value for key, value in forms.items() if key != "decision_for")
    if step is not None:
        context.update(steps.context(request, admission, step, context))
        return render(request, "admissions/step.html", context, status=400 if failed else 200)
    return render(request, "admissions/detail.html", context, status=400 if failed else 200)


def _context(request, admission, forms) -> dict:
    user = request.user
    context = {
        "admission": admission,
        # A save on this page comes back to it (a step of the guided admission, to the step).
        "stay_at": reverse("admissions:detail", args=[admission.uuid]),
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
        "court_form": forms.get("court_form") or CourtOutcomeForm(),
        "court_outcomes": admission.court_outcomes.all(),
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
        # A refused offer of no item on the list (posted without its item): said above them.
        if forms.get("rights_form") and forms.get("rights_item") not in RightsItem.values:
            context["stray_rights_form"] = forms["rights_form"]
    if can_read_child_identity(user):
        context["children"] = children_of(viewer=user, mother=admission.prisoner)
        context["can_change_children"] = may_change_children_of(user, admission.prisoner)
    context.update(home_context(request, admission.prisoner, forms))
    return context


def home_context(request, woman, forms) -> dict:
    """Her home and the picker: the places found for the name typed (`place_q`), and the form
    to add a place the gazetteer doesn't know."""
    typed = request.GET.get("place_q", "")
    return {
        "can_record_home": request.user.has_perm(services.HOME),
        "home_country": country_name(woman.home_country) if woman.home_country else "",
        "place_q": typed,
        "places": reading.find_places(request.user, typed) if typed else None,
        "places_limit": reading.PLACES_SHOWN,
        # Each changes her record: it carries the version of it she opened.
        "home_form": forms.get("home_form") or carrying(HomeForm(), woman),
        "place_form": forms.get("place_form") or carrying(PlaceForm(), woman),
    }


@login_required
@require_safe
def home_page(request, uuid):
    """Her home (Rule 4), recorded or changed after her admission."""
    woman = access_woman(request.user, uuid, services.HOME)
    return render(request, "admissions/home.html", home_page_context(request, woman, {}))


def home_page_context(request, woman, forms) -> dict:
    return {
        "woman": woman,
        "stay_at": reverse("admissions:home", args=[woman.uuid]) + "#home",
        **home_context(request, woman, forms),
    }


def home_refused(key: str):
    """A refused home or place: the step it was posted from, else her home's page."""

    def again(request, woman, form):
        admission = woman.admissions.first()
        if steps.posted_from(request) is not None and admission is not None:
            return detail_page(request, admission, **{key: form})
        return render(
            request, "admissions/home.html", home_page_context(request, woman, {key: form})
        )

    return again


@login_required
@require_safe
def admission_step(request, uuid, step):
    """One step of the guided admission, with its progress."""
    if step not in steps.NAMES:
        raise Http404("No such step.")
    admission = access_admission(request.user, uuid)
    context = _context(request, admission, {})
    context.update(steps.context(request, admission, step, context))
    return render(request, "admissions/step.html", context)


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
