"""Preventive health care on the clinical file page (Rules 17, 18)."""

from django.utils.translation import gettext_lazy

from reminders.kinds import answered_by, may_be_marked_done

from .. import reading
from ..actions import NAMED
from ..permissions import RECORD
from ..sections import FilePart, register
from ..services import preventive as services
from .common import form_for


def _part(request, prisoner, failed):
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


def register_parts() -> None:
    answered_by(gettext_lazy("its outcome"), services.FOLLOW_UP_KIND)
    may_be_marked_done("health.preventive")
    register(
        FilePart(key="preventive", template="health/_preventive.html", context=_part, order=30)
    )
