"""The maternity part of the clinical file: pregnancy, labour and birth, care contacts and
breastfeeding (Rules 48, 51; the flags of Rules 22 and 24)."""

from django.urls import path

from bangkok.forms import StyledForm

from .. import reading
from ..forms.maternity import (
    BirthForm,
    BreastfeedingForm,
    CarePlanForm,
    ConfirmForm,
    ContactForm,
    DeclareForm,
    EndForm,
    LabourForm,
)
from ..models import MaternityContact, Pregnancy
from ..permissions import RECORD
from ..services import maternity as services
from .common import form_for, her_form, record_form


class NothingForm(StyledForm):
    """A step with nothing to fill in (its refusal still shows beside its button)."""


STEPS = {
    "confirm": (ConfirmForm, services.confirm_pregnancy),
    "rule-out": (NothingForm, services.rule_out_pregnancy),
    "end": (EndForm, services.end_pregnancy),
    "care-plan": (CarePlanForm, services.set_care_plan),
    "labour": (LabourForm, services.record_labour),
    "birth": (BirthForm, services.record_birth),
}


declare = her_form(DeclareForm, services.declare_pregnancy, key="pregnancy", prefix="pregnancy")
contact_done = record_form(
    MaternityContact,
    "pregnancy__prisoner",
    ContactForm,
    services.record_contact,
    name="contact",
    arg="contact",
)
breastfeeding = her_form(
    BreastfeedingForm, services.record_breastfeeding, key="feeding", prefix="feeding"
)


urlpatterns = [
    path("women/<uuid:uuid>/pregnancy/", declare, name="maternity-declare"),
    *(
        path(
            f"pregnancies/<uuid:uuid>/{name}/",
            record_form(Pregnancy, "prisoner", form_class, verb, name=name, arg="pregnancy"),
            name=f"maternity-{name}",
        )
        for name, (form_class, verb) in STEPS.items()
    ),
    path("maternity-contacts/<uuid:uuid>/", contact_done, name="maternity-contact"),
    path("women/<uuid:uuid>/breastfeeding/", breastfeeding, name="maternity-breastfeeding"),
]


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
                form_for(
                    failed,
                    f"contact-{contact.uuid}",
                    ContactForm,
                    contact,
                    prefix=f"contact-{contact.uuid}",
                )
                if can_record and contact.done_at is None and contact.cancelled_at is None
                else None,
            )
            for contact in contacts
        ]
    if can_record:
        context.update(
            declare_form=form_for(failed, "pregnancy", DeclareForm, prefix="pregnancy"),
            feeding_form=form_for(failed, "feeding", BreastfeedingForm, prefix="feeding"),
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
                    f"{name}-{current.uuid}",
                    form_class,
                    current,
                    prefix=f"{name}-{current.uuid}",
                    initial=initial.get(name),
                )
                for name, (form_class, _verb) in STEPS.items()
            }
    return context, ids
