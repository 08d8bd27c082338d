"""The care part of the clinical file: her choice of a woman clinician and encounters (Rules
10-11), mental health, times of distress and observation (Rules 12, 13, 16)."""

from .. import reading
from ..actions import NAMED
from ..permissions import RECORD
from .common import form_for


def file_part(request, prisoner, failed):
    """Its part of the clinical file page (`health.sections`)."""
    can_record = request.user.has_perm(RECORD)
    data, ids = reading.care_part(prisoner)
    context = {"woman": prisoner, "can_record": can_record, **data}
    if can_record:

        def shown(name, **kwargs):
            return form_for(failed, NAMED[name], request, prisoner, **kwargs)

        context.update(
            woman_clinician_form=shown("woman-clinician"),
            restraint_form=shown("restraint-restriction"),
            encounter_form=shown("encounter"),
            assessment_form=shown("assessment"),
            observation_form=shown("observation", initial={"level": context["observation_level"]}),
            clearance_form=shown("segregation-clearance"),
            distress_form=shown("distress"),
        )
    return context, ids
