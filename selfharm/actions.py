"""What staff do with self-harm cases and incidents (Rules 8, 12, 16, 35), each declared once
for the API and the page (`bangkok.actions`). A woman outside the caller's facilities, or a
role that doesn't see self-harm cases or may not do the verb, is the 404 of a woman who doesn't
exist; a refusal under a Rule is a 409 (beside the form on a page) naming it, nothing written."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse

from bangkok.actions import Action, Area, Page, to
from bangkok.schema import ERROR

from . import api, reading, services
from . import serializers as io
from .forms import AssessForm, CheckForm, ClinicalForm, IncidentForm, OpenForm, ReviewForm
from .models import Case, SelfHarmIncident
from .permissions import access_her_cases

TAG = api.TAG
NOT_FOUND = OpenApiResponse(
    ERROR,
    description=(
        "No such record in your facilities, or your role doesn't see self-harm cases (the "
        "same answer either way)."
    ),
)
AREA = Area(tag=TAG, access=access_her_cases, not_found=NOT_FOUND, prefix="api-selfharm")


def _case_page(request, case) -> dict:
    return reading.case_page(request.user, case)


def _incident_page(request, incident) -> dict:
    return reading.incident_page(request.user, incident)


def _case_of(result):
    return result if isinstance(result, Case) else result.case


def _case_answer(request, result):
    case = _case_of(result)
    case = reading.her_cases(case.prisoner).get(pk=case.pk)
    return io.CaseSerializer(reading.case_data(request.user, case)).data


def _incident_answer(request, result):
    incident = result if isinstance(result, SelfHarmIncident) else result.incident
    return io.IncidentSerializer(reading.incident_page(request.user, incident)["shown"]).data


def _to_case(result, target) -> str:
    return reverse("selfharm:case", kwargs={"uuid": _case_of(result).uuid})


def _done_already(allowed, message):
    """GET of a form with nothing left to do on this case: back to the case, saying so."""

    def instead(request, record):
        if allowed(record):
            return None
        messages.info(request, message)
        case = record if isinstance(record, Case) else record.case
        return redirect(reverse("selfharm:case", kwargs={"uuid": case.uuid}))

    return instead


def _assessed(case) -> bool:
    return hasattr(case, "assessment")


def _woman(request, target) -> dict:
    return {"woman": target.prisoner}


ACTIONS = [
    Action(
        "open",
        "prisoners/<uuid:uuid>/self-harm-cases/",
        "Open a self-harm case for her (Rules 12, 13, 16)",
        services.open_case,
        io.CaseSerializer,
        io.OpenInput,
        created=True,
        perm=services.OPEN,
        reads=api.HerCases,
        answer=_case_answer,
        description=(
            "Any member of staff of her facility who is concerned. One case is open at a time "
            "(400 otherwise). Health staff are asked to assess her within a set time and to "
            "decide her observation level."
        ),
        page=Page(
            "women/<uuid:uuid>/open/",
            OpenForm,
            template="selfharm/open.html",
            done=_("Case opened. Health staff are asked to assess her and decide her observation."),
            then=to("selfharm:case"),
        ),
    ),
    Action(
        "assess",
        "self-harm-cases/<uuid:uuid>/assessment/",
        "Assess her self-harm risk and write her care plan (Rules 12, 16, 35)",
        services.assess,
        io.CaseSerializer,
        io.AssessInput,
        model=Case,
        arg="case",
        created=True,
        rules=("35", "16"),
        perm=services.ASSESS,
        answer=_case_answer,
        description=(
            "Refused (409, Rule 35) unless the assessor holds a valid training in mental "
            "health, suicide and self-harm then; (409, Rule 16) without why she didn't take "
            "part, or with a first review later than her risk allows. A late assessment says "
            "why (`late_reason`)."
        ),
        page=Page(
            "<uuid:uuid>/assess/",
            AssessForm,
            template="selfharm/assess.html",
            context=_case_page,
            instead=_done_already(
                lambda case: case.is_open and not _assessed(case), _("There is nothing to assess.")
            ),
            done=_("Assessment and care plan recorded."),
            then=_to_case,
        ),
    ),
    Action(
        "review",
        "self-harm-cases/<uuid:uuid>/reviews/",
        "Review her self-harm case, or close it (Rule 16)",
        services.review_case,
        io.CaseSerializer,
        io.SelfHarmReviewInput,
        model=Case,
        arg="case",
        created=True,
        rules=("16",),
        perm=services.REVIEW,
        answer=_case_answer,
        description=(
            "Refused (409, Rule 16) without a member of staff of another team than the "
            "chair's, without why she didn't take part, with a next review later than her "
            "risk allows, or closing while her risk is not low."
        ),
        page=Page(
            "<uuid:uuid>/review/",
            ReviewForm,
            template="selfharm/review.html",
            context=_case_page,
            form_kwargs=_woman,
            instead=_done_already(
                lambda case: case.is_open and _assessed(case), _("There is nothing to review.")
            ),
            done=_("Review recorded."),
            then=_to_case,
        ),
    ),
    Action(
        "check",
        "self-harm-cases/<uuid:uuid>/check/",
        "Record the check on her after her case closed (Rule 16)",
        services.check_after_closure,
        io.CaseSerializer,
        io.CheckInput,
        model=Case,
        arg="case",
        created=True,
        changes=False,
        perm=services.CHECK,
        answer=_case_answer,
        description="A concern again opens a new case that follows this one. 400 once checked.",
        page=Page(
            "<uuid:uuid>/check/",
            CheckForm,
            template="selfharm/check.html",
            context=_case_page,
            instead=_done_already(
                lambda case: not case.is_open and not hasattr(case, "closure_check"),
                _("There is nothing to check."),
            ),
            done=_("Check recorded."),
            then=_to_case,
        ),
    ),
    Action(
        "incident",
        "prisoners/<uuid:uuid>/self-harm-incidents/",
        "Record a self-harm incident (Rules 12, 16)",
        services.record_incident,
        io.IncidentSerializer,
        io.IncidentInput,
        created=True,
        perm=services.INCIDENT,
        reads=api.HerIncidents,
        answer=_incident_answer,
        description=(
            "Custody and health staff: when, where, what was done at once; nothing clinical. "
            "With no case open it opens one. A late record says why."
        ),
        page=Page(
            "women/<uuid:uuid>/incident/",
            IncidentForm,
            template="selfharm/incident.html",
            done=_("Incident recorded. Health staff are asked to record its clinical part."),
            then=to("selfharm:incident-detail"),
        ),
    ),
    Action(
        "clinical",
        "self-harm-incidents/<uuid:uuid>/clinical/",
        "Record the clinical part of a self-harm incident (health staff; Rule 8)",
        services.record_clinical,
        io.IncidentSerializer,
        io.ClinicalInput,
        model=SelfHarmIncident,
        arg="incident",
        created=True,
        changes=False,
        perm=services.CLINICAL,
        answer=_incident_answer,
        description="Health staff of her facility; theirs alone to read. 400 once recorded.",
        page=Page(
            "incidents/<uuid:uuid>/clinical/",
            ClinicalForm,
            template="selfharm/clinical.html",
            context=_incident_page,
            done=_("Clinical part recorded."),
            then=to("selfharm:incident-detail", of="target"),
        ),
    ),
]
