"""Preventive health care on the clinical file page (Rules 17, 18)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import reading
from ..forms.preventive import FollowUpOutcomeForm, PreventiveResultForm, PreventiveScreeningForm
from ..models import PreventiveScreening
from ..permissions import RECORD, access_clinical_file
from ..services import preventive as services
from .common import form_for, her_form, record_form


@login_required
@require_POST
def check_due(request, uuid):
    woman = access_clinical_file(request.user, uuid, write=True)
    dues = services.schedule_preventive_care(by=request.user, prisoner=woman)
    messages.success(
        request,
        _("Checked: %(count)s screening programme(s) booked in her reminders.")
        % {"count": len(dues)},
    )
    return redirect("health:file", uuid=woman.uuid)


record_screening = her_form(
    PreventiveScreeningForm,
    services.record_preventive_screening,
    key="preventive",
    prefix="preventive",
)
record_result = record_form(
    PreventiveScreening,
    "prisoner",
    PreventiveResultForm,
    services.record_preventive_result,
    name="result",
    arg="screening",
)
record_follow_up = record_form(
    PreventiveScreening,
    "prisoner",
    FollowUpOutcomeForm,
    services.record_follow_up_outcome,
    name="follow-up",
    arg="screening",
)


urlpatterns = [
    path("women/<uuid:uuid>/preventive/check/", check_due, name="preventive-check"),
    path("women/<uuid:uuid>/preventive/", record_screening, name="preventive-record"),
    path("preventive/<uuid:uuid>/result/", record_result, name="preventive-result"),
    path("preventive/<uuid:uuid>/follow-up/", record_follow_up, name="preventive-follow-up"),
]


def file_part(request, prisoner, failed):
    """Its part of the clinical file page (`health.sections`)."""
    data, ids = reading.preventive_part(prisoner)
    can_record = request.user.has_perm(RECORD)
    context = {"woman": prisoner, **data, "can_record": can_record}
    if can_record:
        context["preventive_form"] = form_for(
            failed, "preventive", PreventiveScreeningForm, prefix="preventive"
        )
        for row in data["preventive_history"]:
            if not row.declined and not row.result:
                row.result_form = form_for(
                    failed,
                    f"result-{row.uuid}",
                    PreventiveResultForm,
                    row,
                    prefix=f"result-{row.uuid}",
                )
            if row.follow_up_open:
                row.follow_up_form = form_for(
                    failed,
                    f"follow-up-{row.uuid}",
                    FollowUpOutcomeForm,
                    row,
                    prefix=f"follow-up-{row.uuid}",
                )
    return context, ids
