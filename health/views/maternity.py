"""The maternity part of the clinical file: pregnancy, labour and birth, care contacts and
breastfeeding (Rules 48, 51; the flags of Rules 22 and 24)."""

from .. import reading
from ..actions import NAMED
from ..permissions import RECORD
from ..services import maternity as services
from .common import form_for

STEPS = ("confirm", "rule-out", "end", "care-plan", "labour", "birth")


def file_part(request, prisoner, failed):
    """Its part of the clinical file page (`health.sections`)."""
    data, ids = reading.maternity_part(prisoner)
    can_record = request.user.has_perm(RECORD)
    current = data["current"]
    context = {"woman": prisoner, "can_record": can_record, **data}
    for pregnancy in data["pregnancies"]:
        contacts = list(pregnancy.contacts.all())
        pregnancy.contact_rows = [
            (
                contact,
                services.CONTACTS[contact.code].label,
                form_for(failed, NAMED["maternity-contact"], request, contact)
                if can_record and contact.done_at is None and contact.cancelled_at is None
                else None,
            )
            for contact in contacts
        ]
    if can_record:
        context.update(
            declare_form=form_for(failed, NAMED["pregnancy-declare"], request, prisoner),
            feeding_form=form_for(failed, NAMED["breastfeeding"], request, prisoner),
        )
        if current is not None:
            initial = {
                "confirm": {"edd": current.edd},
                "care-plan": {
                    "advice_programme": current.advice_programme,
                    "supplementary_food": current.supplementary_food,
                    "planned_birth_place": current.planned_birth_place,
                    "planned_birth_detail": current.planned_birth_detail,
                },
            }
            context["step_forms"] = {
                name.replace("-", "_"): form_for(
                    failed,
                    NAMED[f"pregnancy-{name}"],
                    request,
                    current,
                    initial=initial.get(name),
                )
                for name in STEPS
            }
    return context, ids
