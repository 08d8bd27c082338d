"""The screening part of the clinical file, and the file itself: entry screening, HIV tests,
disclosures, the children living with her and her consents (Rules 6-9)."""

from django.contrib.auth.decorators import login_required
from django.views.decorators.http import require_safe

from .. import reading
from ..actions import NAMED
from ..permissions import RECORD, access_clinical_file
from .common import file_page, form_for


@login_required
@require_safe
def clinical_file(request, uuid):
    return file_page(request, access_clinical_file(request.user, uuid))


def file_part(request, prisoner, failed):
    """Its part of the clinical file page (`health.sections`)."""
    data, ids = reading.screening_part(prisoner)
    can_record = request.user.has_perm(RECORD)
    context = {"woman": prisoner, "can_record": can_record, **data}
    screening = data["screening"]

    def shown(name, target, **kwargs):
        return form_for(failed, NAMED[name], request, target, **kwargs)

    if screening:
        context["screening_form"] = shown(
            "record-screening",
            screening,
            answered={item: row for item, _label, row in data["progress"] if row},
        )
    if can_record:
        context.update(
            start_form=shown("start-screening", data["admission"]),
            hiv_form=shown("hiv-offer", prisoner),
            disclosure_form=shown("disclosure", prisoner),
            consent_form=shown("consent", prisoner),
        )
        for test in data["hiv_tests"]:
            test.step_form = shown("hiv-result", test)
        for disclosure in data["disclosures"]:
            disclosure.legal_form = shown(
                "disclosure-legal-action",
                disclosure,
                initial={"legal_action": disclosure.legal_action},
            )
            disclosure.referral_form = shown("disclosure-referral", disclosure)
        for child in data["children_in_care"]:
            child.check_rows = [
                (
                    check,
                    shown("child-check", check)
                    if check.done_at is None and check.cancelled_at is None
                    else None,
                )
                for check in child.health_checks.all()
            ]
            child.screening_form = shown("child-screening", child)
    return context, ids
