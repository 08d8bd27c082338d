"""Preventive health care on the clinical file page (Rules 17, 18)."""

from .. import reading
from ..actions import NAMED
from ..permissions import RECORD
from .common import form_for


def file_part(request, prisoner, failed):
    """Its part of the clinical file page (`health.sections`)."""
    data, ids = reading.preventive_part(prisoner)
    can_record = request.user.has_perm(RECORD)
    context = {"woman": prisoner, **data, "can_record": can_record}
    if can_record:
        context["preventive_form"] = form_for(failed, NAMED["preventive-record"], request, prisoner)
        for row in data["preventive_history"]:
            if not row.declined and not row.result:
                row.result_form = form_for(failed, NAMED["preventive-result"], request, row)
            if row.follow_up_open:
                row.follow_up_form = form_for(failed, NAMED["preventive-follow-up"], request, row)
    return context, ids
