from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.urls import path
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from admissions.permissions import access_admission
from register.models import Child

from .. import reading
from ..forms.care import EmptyForm
from ..forms.screening import (
    ChildCheckForm,
    ChildScreeningForm,
    ConsentForm,
    DisclosureForm,
    HivOfferForm,
    HivStepForm,
    LegalActionForm,
    ReferralForm,
    ScreeningForm,
    StartScreeningForm,
)
from ..models import ChildCheck, ClinicalConsent, Disclosure, HivTest, Screening
from ..permissions import RECORD, access_clinical_file
from ..services import screening as services
from .common import act, file_page, form_for, her_form, record_form, writable


@login_required
@require_safe
def clinical_file(request, uuid):
    return file_page(request, access_clinical_file(request.user, uuid))


@login_required
@require_POST
def start_screening(request, uuid):
    admission = access_admission(request.user, uuid, perm=RECORD)
    woman = access_clinical_file(request.user, admission.prisoner.uuid, write=True)
    return act(
        request,
        woman,
        StartScreeningForm(request.POST),
        lambda **data: services.start_screening(by=request.user, admission=admission, **data),
        key="start",
        record=admission,
    )


@login_required
@require_POST
def record_screening(request, uuid):
    screening, woman = writable(request, Screening, uuid, "prisoner")
    form = ScreeningForm(request.POST, prefix="screening")
    return act(
        request,
        woman,
        form,
        lambda **_data: services.record_screening_answers(
            by=request.user, screening=screening, answers=form.answers()
        ),
        record=screening,
        key="screening",
        done=gettext_lazy("Her answers are saved."),
    )


HIV_STEPS = {
    "pre": lambda by, test, at, result: services.record_pre_test_counselling(
        by=by, test=test, at=at
    ),
    "sample": lambda by, test, at, result: services.take_hiv_sample(by=by, test=test, at=at),
    "result": lambda by, test, at, result: services.record_hiv_result(
        by=by, test=test, at=at, result=result
    ),
    "post": lambda by, test, at, result: services.record_post_test_counselling(
        by=by, test=test, at=at
    ),
}


@login_required
@require_POST
def hiv_step(request, uuid, step):
    if step not in HIV_STEPS:
        raise Http404("No such step.")
    test, woman = writable(request, HivTest, uuid, "prisoner")
    return act(
        request,
        woman,
        HivStepForm(request.POST, prefix=f"hiv-{test.uuid}"),
        lambda at, result: HIV_STEPS[step](request.user, test, at, result),
        record=test,
        key=f"hiv-{test.uuid}",
    )


@login_required
@require_POST
def withdraw_consent(request, uuid):
    consent, woman = writable(request, ClinicalConsent, uuid, "prisoner")
    return act(
        request,
        woman,
        EmptyForm(request.POST),
        lambda: services.withdraw_clinical_consent(by=request.user, consent=consent),
        record=consent,
        key=f"withdraw-{consent.uuid}",
    )


def _with_her_screening(verb):
    """`verb` called with her current entry screening, if one has begun."""

    def call(*, by, prisoner, **data):
        return verb(by=by, prisoner=prisoner, screening=services.screening_of(prisoner)[1], **data)

    return call


offer_hiv = her_form(HivOfferForm, _with_her_screening(services.offer_hiv_test), key="hiv")
record_disclosure = her_form(
    DisclosureForm,
    _with_her_screening(services.record_disclosure),
    key="disclosure",
    done=gettext_lazy("Recorded. Safeguarding staff are asked to plan her protection."),
)
disclosure_legal_action = record_form(
    Disclosure,
    "prisoner",
    LegalActionForm,
    services.set_legal_action,
    name="legal",
    arg="disclosure",
)
disclosure_referral = record_form(
    Disclosure,
    "prisoner",
    ReferralForm,
    services.record_referral,
    name="referral",
    arg="disclosure",
)
screen_child = record_form(
    Child, "mother", ChildScreeningForm, services.screen_child, name="child", arg="child"
)
record_child_check = record_form(
    ChildCheck,
    "child__mother",
    ChildCheckForm,
    services.record_child_check,
    name="check",
    arg="check",
)
give_consent = her_form(ConsentForm, services.record_clinical_consent, key="consent")


urlpatterns = [
    path("women/<uuid:uuid>/", clinical_file, name="file"),
    path("admissions/<uuid:uuid>/screening/", start_screening, name="start-screening"),
    path("screenings/<uuid:uuid>/answers/", record_screening, name="record-screening"),
    path("women/<uuid:uuid>/hiv/", offer_hiv, name="offer-hiv"),
    path("hiv/<uuid:uuid>/<slug:step>/", hiv_step, name="hiv-step"),
    path("women/<uuid:uuid>/disclosures/", record_disclosure, name="record-disclosure"),
    path(
        "disclosures/<uuid:uuid>/legal-action/",
        disclosure_legal_action,
        name="disclosure-legal-action",
    ),
    path("disclosures/<uuid:uuid>/referral/", disclosure_referral, name="disclosure-referral"),
    path("children/<uuid:uuid>/screening/", screen_child, name="screen-child"),
    path("child-checks/<uuid:uuid>/", record_child_check, name="record-child-check"),
    path("women/<uuid:uuid>/consent/", give_consent, name="give-consent"),
    path("consents/<uuid:uuid>/withdraw/", withdraw_consent, name="withdraw-consent"),
]


def file_part(request, prisoner, failed):
    """Its part of the clinical file page (`health.sections`)."""
    data, ids = reading.screening_part(prisoner)
    can_record = request.user.has_perm(RECORD)
    context = {"woman": prisoner, "can_record": can_record, **data}
    screening = data["screening"]
    if screening:
        context["screening_form"] = form_for(
            failed,
            "screening",
            ScreeningForm,
            record=screening,
            prefix="screening",
            answered={item: row for item, _label, row in data["progress"] if row},
        )
    if can_record:
        context.update(
            start_form=form_for(failed, "start", StartScreeningForm, data["admission"]),
            hiv_form=form_for(failed, "hiv", HivOfferForm),
            disclosure_form=form_for(failed, "disclosure", DisclosureForm),
            consent_form=form_for(failed, "consent", ConsentForm),
        )
        for test in data["hiv_tests"]:
            test.step_form = form_for(
                failed, f"hiv-{test.uuid}", HivStepForm, test, prefix=f"hiv-{test.uuid}"
            )
        for disclosure in data["disclosures"]:
            disclosure.legal_form = form_for(
                failed,
                f"legal-{disclosure.uuid}",
                LegalActionForm,
                disclosure,
                prefix=f"legal-{disclosure.uuid}",
                initial={"legal_action": disclosure.legal_action},
            )
            disclosure.referral_form = form_for(
                failed,
                f"referral-{disclosure.uuid}",
                ReferralForm,
                disclosure,
                prefix=f"referral-{disclosure.uuid}",
            )
        for child in data["children_in_care"]:
            child.check_rows = [
                (
                    check,
                    form_for(
                        failed,
                        f"check-{check.uuid}",
                        ChildCheckForm,
                        check,
                        prefix=f"check-{check.uuid}",
                    )
                    if check.done_at is None and check.cancelled_at is None
                    else None,
                )
                for check in child.health_checks.all()
            ]
            child.screening_form = form_for(
                failed,
                f"child-{child.uuid}",
                ChildScreeningForm,
                child,
                prefix=f"child-{child.uuid}",
            )
    return context, ids
