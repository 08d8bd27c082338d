"""The care part of the clinical file: her choice of a woman clinician and encounters (Rules
10-11), mental health, times of distress and observation (Rules 12, 13, 16)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from facilities.scope import staff_of

from .. import reading
from ..forms.care import (
    AssessmentForm,
    DistressForm,
    EmptyForm,
    EncounterForm,
    ObservationForm,
    RestraintRestrictionForm,
    SegregationClearanceForm,
)
from ..models import RestraintRestriction
from ..permissions import RECORD, access_clinical_file
from ..services import care as services
from .common import act, form_for, her_form, record_form


def _encounter_form(woman, data=None, **kwargs):
    return EncounterForm(
        data,
        staff=staff_of(woman.facility),
        clinicians=services.clinicians_of(woman.facility),
        prefix="encounter",
        **kwargs,
    )


@login_required
@require_POST
def record_encounter(request, uuid):
    woman = access_clinical_file(request.user, uuid, write=True)

    def save(**data):
        encounter = services.record_encounter(by=request.user, prisoner=woman, **data)
        if encounter.man_present_warning:
            messages.warning(
                request,
                _(
                    "Recorded, with a warning: non-medical staff present at an examination "
                    "should be women (Rule 11.2)."
                ),
            )
        else:
            messages.success(request, _("Encounter recorded."))

    return act(request, woman, _encounter_form(woman, request.POST), save, key="encounter")


request_woman_clinician = her_form(
    EmptyForm,
    services.request_woman_clinician,
    key="woman-clinician",
    done=gettext_lazy("Recorded: a woman physician or nurse is to see her (Rule 10.2)."),
)
withdraw_woman_clinician = her_form(
    EmptyForm, services.withdraw_woman_clinician_request, key="woman-clinician"
)
record_assessment = her_form(
    AssessmentForm,
    services.record_assessment,
    key="assessment",
    prefix="assessment",
    done=gettext_lazy("Assessment recorded."),
)
set_observation = her_form(
    ObservationForm,
    services.set_observation_level,
    key="observation",
    prefix="observation",
    done=gettext_lazy("Observation level recorded."),
)
clear_for_segregation = her_form(
    SegregationClearanceForm,
    services.clear_for_segregation,
    key="segregation-clearance",
    prefix="clearance",
    done=gettext_lazy(
        "Recorded: segregation is safe for her at this observation level (Rule 16). It lapses "
        "when her level changes."
    ),
)
record_distress = her_form(
    DistressForm,
    services.record_distress_event,
    key="distress",
    prefix="distress",
    done=gettext_lazy("Recorded: a health check is due (Rule 13)."),
)

restrict_restraints = her_form(
    RestraintRestrictionForm,
    services.restrict_restraints,
    key="restraint-restriction",
    prefix="restraint",
    done=gettext_lazy("Recorded: custody staff see the restriction, never its reason."),
)
end_restraint_restriction = record_form(
    RestraintRestriction,
    "prisoner",
    EmptyForm,
    services.end_restraint_restriction,
    name="restraint-end",
    arg="restriction",
    done=gettext_lazy("The restriction has ended."),
)


urlpatterns = [
    path(
        "women/<uuid:uuid>/restraint-restrictions/",
        restrict_restraints,
        name="restrict-restraints",
    ),
    path(
        "restraint-restrictions/<uuid:uuid>/end/",
        end_restraint_restriction,
        name="end-restraint-restriction",
    ),
    path(
        "women/<uuid:uuid>/woman-clinician/",
        request_woman_clinician,
        name="request-woman-clinician",
    ),
    path(
        "women/<uuid:uuid>/woman-clinician/withdraw/",
        withdraw_woman_clinician,
        name="withdraw-woman-clinician",
    ),
    path("women/<uuid:uuid>/encounters/", record_encounter, name="record-encounter"),
    path(
        "women/<uuid:uuid>/mental-health/assessments/",
        record_assessment,
        name="record-assessment",
    ),
    path("women/<uuid:uuid>/mental-health/observation/", set_observation, name="set-observation"),
    path(
        "women/<uuid:uuid>/mental-health/segregation-clearance/",
        clear_for_segregation,
        name="clear-for-segregation",
    ),
    path("women/<uuid:uuid>/mental-health/distress/", record_distress, name="record-distress"),
]


def file_part(request, prisoner, failed):
    """Its part of the clinical file page (`health.sections`)."""
    can_record = request.user.has_perm(RECORD)
    data, ids = reading.care_part(prisoner)
    context = {"woman": prisoner, "can_record": can_record, **data}
    if can_record:
        context.update(
            woman_clinician_form=form_for(failed, "woman-clinician", EmptyForm),
            restraint_form=form_for(
                failed, "restraint-restriction", RestraintRestrictionForm, prefix="restraint"
            ),
            encounter_form=failed.get("encounter") or _encounter_form(prisoner),
            assessment_form=form_for(failed, "assessment", AssessmentForm, prefix="assessment"),
            observation_form=form_for(
                failed,
                "observation",
                ObservationForm,
                prefix="observation",
                initial={"level": context["observation_level"]},
            ),
            clearance_form=form_for(
                failed, "segregation-clearance", SegregationClearanceForm, prefix="clearance"
            ),
            distress_form=form_for(failed, "distress", DistressForm, prefix="distress"),
        )
    return context, ids
