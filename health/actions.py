"""What health staff record in her clinical file (Rules 6-18, 48), each declared once for the
API and, where they record it on the file page, for the page (`bangkok.actions`). The file is
health staff's alone: every other role, and every woman outside the caller's facilities, meets
the 404 of a woman who doesn't exist (`access_clinical_file`, `write=True`); a refusal under a
Rule is a 409 naming it (on the page, beside its form on her file), with nothing written.

Every form of the file posts to its own address and comes back to her file: the page shows its
blank forms with `page_form` (`views.common.form_for`), and a refused one comes back in their
place (`back_to_file`).
"""

from django.contrib import messages
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from admissions.models import Admission
from bangkok.actions import Action, Area, Page
from facilities.scope import staff_of
from prisoners.models import Prisoner
from register.models import Child

from . import serializers as io
from .api import NOT_FOUND, TAG
from .forms.care import (
    AssessmentForm,
    DistressForm,
    EmptyForm,
    EncounterForm,
    ObservationForm,
    RestraintRestrictionForm,
    SegregationClearanceForm,
)
from .forms.maternity import (
    BirthForm,
    BreastfeedingForm,
    CarePlanForm,
    ConfirmForm,
    ContactForm,
    DeclareForm,
    EndForm,
    LabourForm,
    NothingForm,
)
from .forms.preventive import FollowUpOutcomeForm, PreventiveResultForm, PreventiveScreeningForm
from .forms.screening import (
    ChildCheckForm,
    ChildScreeningForm,
    ConsentForm,
    DisclosureForm,
    HivMomentForm,
    HivOfferForm,
    HivStepForm,
    LegalActionForm,
    ReferralForm,
    ScreeningForm,
    StartScreeningForm,
    answers,
)
from .models import (
    ChildCheck,
    ClinicalConsent,
    Disclosure,
    HivTest,
    MaternityContact,
    PreventiveScreening,
    RestraintRestriction,
    Screening,
)
from .models.maternity import Pregnancy
from .permissions import access_clinical_file
from .services import care, maternity, preventive
from .services import screening as screening_services
from .views.common import file_page, twin

AREA = Area(tag=TAG, access=access_clinical_file, not_found=NOT_FOUND, prefix="api-health")


def woman_of(target):
    """The woman a record of her file belongs to (through the relations its actions name)."""
    if isinstance(target, Prisoner):
        return target
    steps = next(a.woman for a in ACTIONS if a.model is type(target))
    for step in steps.split("__"):
        target = getattr(target, step)
    return target


def to_file(result, target) -> str:
    return reverse("health:file", kwargs={"uuid": woman_of(target).uuid})


def back_to_file(request, target, form):
    """Her file again, with the refused form in place of its blank twin (a button alone, with
    no field to show it beside, says its refusal at the top)."""
    if not form.visible_fields():
        for error in form.non_field_errors():
            messages.error(request, error)
    return file_page(request, woman_of(target), failed={twin(form): form})


def prefixed(name: str):
    """The form's fields are named `<name>-<the record's uuid>-...` (one per record on the
    page); a fixed `name` for a form about her."""
    return lambda request, target: {"prefix": f"{name}-{target.uuid}"}


def fixed(prefix: str):
    return lambda request, target: {"prefix": prefix}


def on_file(path: str, form, *, done="", name: str = "", prefix=None) -> Page:
    """A form of her file posting to `path`: back to her file, refused or not."""
    return Page(
        path,
        form,
        done=done,
        then=to_file,
        again=back_to_file,
        name=name,
        form_kwargs=prefix or (lambda request, target: {}),
    )


def pregnancy_step(step: str, form) -> Page:
    """A step of her pregnancy on the file: `pregnancies/<uuid>/<step>/`, `maternity-<step>`."""
    return on_file(
        f"pregnancies/<uuid:uuid>/{step}/", form, name=f"maternity-{step}", prefix=prefixed(step)
    )


def encounter_form(request, woman) -> dict:
    return {
        "staff": staff_of(woman.facility),
        "clinicians": care.clinicians_of(woman.facility),
        "prefix": "encounter",
    }


def encounter_recorded(encounter):
    if encounter.man_present_warning:
        return messages.WARNING, _(
            "Recorded, with a warning: non-medical staff present at an examination "
            "should be women (Rule 11.2)."
        )
    return _("Encounter recorded.")


def booked(dues) -> str:
    return _("Checked: %(count)s screening programme(s) booked in her reminders.") % {
        "count": len(dues)
    }


def record_screening_answers(*, by, screening, **data):
    """Her answers on the one-screen entry screening (the page's form)."""
    return screening_services.record_screening_answers(
        by=by, screening=screening, answers=answers(data)
    )


def with_her_screening(verb):
    """`verb` with her latest entry screening, if one has begun (as on the page)."""

    def call(*, by, prisoner, **data):
        _admission, screening = screening_services.screening_of(prisoner)
        return verb(by=by, prisoner=prisoner, screening=screening, **data)

    return call


def pregnancy_of(birth):
    return Pregnancy.objects.select_related("birth").get(pk=birth.pregnancy_id)


S, M, P, C = screening_services, maternity, preventive, care
HIV_STEP = "Refused (409, Rule 6) when she declined the test"

ACTIONS = [
    # Entry screening (Rules 6, 8)
    Action(
        "start-screening",
        "admissions/<uuid:uuid>/health-screening/",
        "Begin the entry health screening of an admission (Rule 6)",
        S.start_screening,
        io.ScreeningSerializer,
        io.StartScreeningInput,
        model=Admission,
        arg="admission",
        created=True,
        description="In a language she understands. 400 if it has begun already.",
        page=on_file("admissions/<uuid:uuid>/screening/", StartScreeningForm),
    ),
    Action(
        "answer-item",
        "health-screenings/<uuid:uuid>/items/",
        "Record her answer to one screening item, or that she declined it (Rule 8)",
        S.answer_item,
        io.ScreeningItemSerializer,
        io.AnswerItemInput,
        model=Screening,
        arg="screening",
        created=True,
        description=(
            "Declining is a complete answer: it keeps no finding and never counts against "
            "her. A later answer replaces the earlier one."
        ),
    ),
    Action(
        "record-screening",
        "",
        "Record her answers on the whole entry screening at once (Rules 6, 8)",
        record_screening_answers,
        model=Screening,
        arg="screening",
        page=on_file(
            "screenings/<uuid:uuid>/answers/",
            ScreeningForm,
            prefix=fixed("screening"),
            done=_("Her answers are saved."),
        ),
    ),
    # HIV testing (Rule 6(a))
    Action(
        "hiv-offer",
        "prisoners/<uuid:uuid>/hiv-tests/",
        "Record that an HIV test was offered and her decision (Rule 6(a))",
        with_her_screening(S.offer_hiv_test),
        io.HivTestSerializer,
        io.HivOfferInput,
        created=True,
        description="Voluntary, never compulsory; declining counts against nothing.",
        page=on_file("women/<uuid:uuid>/hiv/", HivOfferForm, name="offer-hiv"),
    ),
    Action(
        "hiv-pre",
        "hiv-tests/<uuid:uuid>/pre/",
        "Record pre-test counselling (Rule 6(a))",
        S.record_pre_test_counselling,
        io.HivTestSerializer,
        io.HivStepInput,
        model=HivTest,
        arg="test",
        rules=("6",),
        description=f"{HIV_STEP}.",
        page=on_file("hiv/<uuid:uuid>/pre/", HivMomentForm, prefix=prefixed("hiv")),
    ),
    Action(
        "hiv-sample",
        "hiv-tests/<uuid:uuid>/sample/",
        "Record that the sample was taken (Rule 6(a))",
        S.take_hiv_sample,
        io.HivTestSerializer,
        io.HivStepInput,
        model=HivTest,
        arg="test",
        rules=("6",),
        description=f"{HIV_STEP}, or before pre-test counselling.",
        page=on_file("hiv/<uuid:uuid>/sample/", HivMomentForm, prefix=prefixed("hiv")),
    ),
    Action(
        "hiv-result",
        "hiv-tests/<uuid:uuid>/result/",
        "Record the result; post-test counselling is booked (Rule 6(a))",
        S.record_hiv_result,
        io.HivTestSerializer,
        io.HivResultInput,
        model=HivTest,
        arg="test",
        description="400 when no sample was taken.",
        page=on_file("hiv/<uuid:uuid>/result/", HivStepForm, prefix=prefixed("hiv")),
    ),
    Action(
        "hiv-post",
        "hiv-tests/<uuid:uuid>/post/",
        "Record post-test counselling (Rule 6(a))",
        S.record_post_test_counselling,
        io.HivTestSerializer,
        io.HivStepInput,
        model=HivTest,
        arg="test",
        description="400 when there is no result yet.",
        page=on_file("hiv/<uuid:uuid>/post/", HivMomentForm, prefix=prefixed("hiv")),
    ),
    # Disclosures of abuse (Rule 7)
    Action(
        "disclosure",
        "prisoners/<uuid:uuid>/disclosures/",
        "Record her disclosure of abuse before admission (Rule 7)",
        with_her_screening(S.record_disclosure),
        io.DisclosureSerializer,
        io.DisclosureInput,
        created=True,
        rules=("7.1", "7.2"),
        description=(
            "Refused unless she was told of her right to seek recourse (7.1) and offered "
            "psychological support (7.2). Opens a safeguarding record, without its content, "
            "that protects her against retaliation (7.3); if she wants legal action the "
            "referral is due at once."
        ),
        page=on_file(
            "women/<uuid:uuid>/disclosures/",
            DisclosureForm,
            name="record-disclosure",
            done=_("Recorded. Safeguarding staff are asked to plan her protection."),
        ),
    ),
    Action(
        "disclosure-legal-action",
        "disclosures/<uuid:uuid>/legal-action/",
        "Record her decision about legal action (Rule 7.1)",
        S.set_legal_action,
        io.DisclosureSerializer,
        io.LegalActionInput,
        model=Disclosure,
        arg="disclosure",
        description="400 once the referral is made.",
        page=on_file(
            "disclosures/<uuid:uuid>/legal-action/", LegalActionForm, prefix=prefixed("legal")
        ),
    ),
    Action(
        "disclosure-referral",
        "disclosures/<uuid:uuid>/referral/",
        "Record the referral to the competent authority (Rule 7.1)",
        S.record_referral,
        io.DisclosureSerializer,
        io.ReferralInput,
        model=Disclosure,
        arg="disclosure",
        rules=("7.1",),
        description="Refused (409) unless she wants legal action.",
        page=on_file(
            "disclosures/<uuid:uuid>/referral/", ReferralForm, prefix=prefixed("referral")
        ),
    ),
    # Children living with her (Rule 9)
    Action(
        "child-screening",
        "children/<uuid:uuid>/health-screenings/",
        "Screen a child living with her mother (Rule 9)",
        S.screen_child,
        io.ChildScreeningSerializer,
        io.ChildScreeningInput,
        model=Child,
        woman="mother",
        arg="child",
        created=True,
        rules=("9",),
        description=(
            "Preferably by a child health specialist; if not, say why (409 otherwise). 400 "
            "for a child who does not live with her."
        ),
        page=on_file(
            "children/<uuid:uuid>/screening/",
            ChildScreeningForm,
            name="screen-child",
            prefix=prefixed("child"),
        ),
    ),
    Action(
        "child-check",
        "child-checks/<uuid:uuid>/done/",
        "Record a child's development check as done (Rule 51)",
        S.record_child_check,
        io.ChildCheckSerializer,
        io.ChildCheckInput,
        model=ChildCheck,
        woman="child__mother",
        arg="check",
        description="400 when the check is done already or no longer due.",
        page=on_file(
            "child-checks/<uuid:uuid>/",
            ChildCheckForm,
            name="record-child-check",
            prefix=prefixed("check"),
        ),
    ),
    # Her consent to inspection of the file
    Action(
        "consent",
        "prisoners/<uuid:uuid>/clinical-consents/",
        "Record her consent to let inspectors read her clinical file",
        S.record_clinical_consent,
        io.ConsentSerializer,
        io.ConsentInput,
        created=True,
        description="For a stated purpose and number of days (CLINICAL_CONSENT_MAX_DAYS at most).",
        page=on_file("women/<uuid:uuid>/consent/", ConsentForm, name="give-consent"),
    ),
    Action(
        "consent-withdraw",
        "clinical-consents/<uuid:uuid>/withdraw/",
        "Record that she withdrew her consent",
        S.withdraw_clinical_consent,
        io.ConsentSerializer,
        model=ClinicalConsent,
        arg="consent",
        description="Withdrawing a withdrawn consent changes nothing.",
        page=on_file("consents/<uuid:uuid>/withdraw/", EmptyForm, name="withdraw-consent"),
    ),
    # Pregnancy, birth and breastfeeding (Rules 48, 22, 24)
    Action(
        "pregnancy-declare",
        "prisoners/<uuid:uuid>/pregnancies/",
        "Record that she says she is pregnant (Rules 22, 48)",
        M.declare_pregnancy,
        io.PregnancySerializer,
        io.DeclarePregnancyInput,
        created=True,
        description="Her word counts at once: no segregation. 400 if a pregnancy is open.",
        page=on_file(
            "women/<uuid:uuid>/pregnancy/",
            DeclareForm,
            name="maternity-declare",
            prefix=fixed("pregnancy"),
        ),
    ),
    Action(
        "pregnancy-confirm",
        "pregnancies/<uuid:uuid>/confirm/",
        "Confirm the pregnancy with the expected date of delivery (Rule 48)",
        M.confirm_pregnancy,
        io.PregnancySerializer,
        io.ConfirmPregnancyInput,
        model=Pregnancy,
        arg="pregnancy",
        description="Schedules (or moves) the antenatal contacts still to come (WHO 2016).",
        page=pregnancy_step("confirm", ConfirmForm),
    ),
    Action(
        "pregnancy-rule-out",
        "pregnancies/<uuid:uuid>/rule-out/",
        "A clinician rules the pregnancy out",
        M.rule_out_pregnancy,
        io.PregnancySerializer,
        model=Pregnancy,
        arg="pregnancy",
        page=pregnancy_step("rule-out", NothingForm),
    ),
    Action(
        "pregnancy-end",
        "pregnancies/<uuid:uuid>/end/",
        "Record that the pregnancy ended other than by a birth",
        M.end_pregnancy,
        io.PregnancySerializer,
        io.EndPregnancyInput,
        model=Pregnancy,
        arg="pregnancy",
        page=pregnancy_step("end", EndForm),
    ),
    Action(
        "pregnancy-care-plan",
        "pregnancies/<uuid:uuid>/care-plan/",
        "Her diet and health advice programme and planned place of birth (Rule 48.1)",
        M.set_care_plan,
        io.PregnancySerializer,
        io.CarePlanInput,
        model=Pregnancy,
        arg="pregnancy",
        rules=("48.1",),
        description="Refused (409) without the advice programme.",
        page=pregnancy_step("care-plan", CarePlanForm),
    ),
    Action(
        "pregnancy-labour",
        "pregnancies/<uuid:uuid>/labour/",
        "Record that labour started: no restraints from now (Rule 24)",
        M.record_labour,
        io.PregnancySerializer,
        io.LabourInput,
        model=Pregnancy,
        arg="pregnancy",
        shown=pregnancy_of,
        page=pregnancy_step("labour", LabourForm),
    ),
    Action(
        "pregnancy-birth",
        "pregnancies/<uuid:uuid>/birth/",
        "Record the birth: postnatal contacts are booked (Rules 24, 48.3)",
        M.record_birth,
        io.PregnancySerializer,
        io.BirthInput,
        model=Pregnancy,
        arg="pregnancy",
        shown=pregnancy_of,
        description="Whether or not the baby stays with her.",
        page=pregnancy_step("birth", BirthForm),
    ),
    Action(
        "maternity-contact",
        "maternity-contacts/<uuid:uuid>/done/",
        "Record that an antenatal or postnatal contact took place",
        M.record_contact,
        io.MaternityContactSerializer,
        io.ContactDoneInput,
        model=MaternityContact,
        woman="pregnancy__prisoner",
        arg="contact",
        page=on_file("maternity-contacts/<uuid:uuid>/", ContactForm, prefix=prefixed("contact")),
    ),
    Action(
        "breastfeeding",
        "prisoners/<uuid:uuid>/breastfeeding/",
        "Record her breastfeeding status and the support given (Rule 48.2)",
        M.record_breastfeeding,
        io.BreastfeedingSerializer,
        io.BreastfeedingInput,
        created=True,
        rules=("48.2",),
        description="A restriction without a specific health reason is refused (409).",
        page=on_file(
            "women/<uuid:uuid>/breastfeeding/",
            BreastfeedingForm,
            name="maternity-breastfeeding",
            prefix=fixed("feeding"),
        ),
    ),
    # Preventive care (Rules 17, 18)
    Action(
        "preventive-record",
        "prisoners/<uuid:uuid>/preventive-screenings/",
        "Record a preventive screening offered to her, or one she reports (Rule 18)",
        P.record_preventive_screening,
        io.PreventiveSerializer,
        io.PreventiveInput,
        created=True,
        rules=("8",),
        description="Declining is her right and keeps no result (409 with one).",
        page=on_file(
            "women/<uuid:uuid>/preventive/", PreventiveScreeningForm, prefix=fixed("preventive")
        ),
    ),
    Action(
        "preventive-check",
        "prisoners/<uuid:uuid>/preventive-screenings/check/",
        "Check what is due under the community policy and book reminders (Rule 18)",
        P.schedule_preventive_care,
        io.DueSerializer,
        many=True,
        page=on_file("women/<uuid:uuid>/preventive/check/", EmptyForm, done=booked),
    ),
    Action(
        "preventive-result",
        "preventive-screenings/<uuid:uuid>/result/",
        "Record the result of a preventive screening (Rule 18)",
        P.record_preventive_result,
        io.PreventiveSerializer,
        io.PreventiveResultInput,
        model=PreventiveScreening,
        arg="screening",
        rules=("8",),
        description="An abnormal result books its follow-up. 409 for a declined screening.",
        page=on_file(
            "preventive/<uuid:uuid>/result/", PreventiveResultForm, prefix=prefixed("result")
        ),
    ),
    Action(
        "preventive-follow-up",
        "preventive-screenings/<uuid:uuid>/follow-up/",
        "Record the outcome of the follow-up of an abnormal result (Rule 18)",
        P.record_follow_up_outcome,
        io.PreventiveSerializer,
        io.FollowUpInput,
        model=PreventiveScreening,
        arg="screening",
        rules=("18",),
        description="The follow-up closes only with its outcome (409 without one).",
        page=on_file(
            "preventive/<uuid:uuid>/follow-up/", FollowUpOutcomeForm, prefix=prefixed("follow-up")
        ),
    ),
    # Encounters and her choice of a woman clinician (Rules 10, 11)
    Action(
        "woman-clinician",
        "prisoners/<uuid:uuid>/woman-clinician-request/",
        "Record her request for a woman physician or nurse (Rule 10.2)",
        C.request_woman_clinician,
        io.WomanClinicianRequestSerializer,
        created=True,
        description="400 if a request is already in force.",
        page=on_file(
            "women/<uuid:uuid>/woman-clinician/",
            EmptyForm,
            name="request-woman-clinician",
            done=_("Recorded: a woman physician or nurse is to see her (Rule 10.2)."),
        ),
    ),
    Action(
        "woman-clinician-withdraw",
        "prisoners/<uuid:uuid>/woman-clinician-request/withdraw/",
        "Record that she withdrew her request for a woman clinician (Rule 10.2)",
        C.withdraw_woman_clinician_request,
        io.WomanClinicianRequestSerializer,
        description="400 if no request is in force.",
        page=on_file(
            "women/<uuid:uuid>/woman-clinician/withdraw/",
            EmptyForm,
            name="withdraw-woman-clinician",
        ),
    ),
    # A clinical restriction on restraints (Rule 24; Mandela 47-49)
    Action(
        "restraint-restriction",
        "prisoners/<uuid:uuid>/restraint-restrictions/",
        "Record a clinical restriction on restraining her (Rule 24)",
        C.restrict_restraints,
        io.RestraintRestrictionSerializer,
        io.RestraintRestrictionInput,
        created=True,
        rules=("24",),
        description=(
            "No restraints, or only by a method health staff approve, for an injury, a "
            "disability, a mental-health reason or a medical condition. Others see the flag "
            "only, where they deal with restraints; 400 if the same one is in force."
        ),
        page=on_file(
            "women/<uuid:uuid>/restraint-restrictions/",
            RestraintRestrictionForm,
            name="restrict-restraints",
            prefix=fixed("restraint"),
            done=_("Recorded: custody staff see the restriction, never its reason."),
        ),
    ),
    Action(
        "restraint-restriction-end",
        "restraint-restrictions/<uuid:uuid>/end/",
        "End a clinical restriction on restraining her",
        C.end_restraint_restriction,
        io.RestraintRestrictionSerializer,
        model=RestraintRestriction,
        arg="restriction",
        description="400 if it has ended already.",
        page=on_file(
            "restraint-restrictions/<uuid:uuid>/end/",
            EmptyForm,
            name="end-restraint-restriction",
            prefix=prefixed("restraint-end"),
            done=_("The restriction has ended."),
        ),
    ),
    Action(
        "encounter",
        "prisoners/<uuid:uuid>/encounters/",
        "Record a clinical encounter and who was present (Rules 10, 11)",
        C.record_encounter,
        io.EncounterSerializer,
        io.EncounterInput,
        created=True,
        rules=("10.2", "11.1"),
        description=(
            "Staff by username, of her facility. If she asked for a woman clinician, a man "
            "sees her only when urgent, or when no woman was available (say why) and a woman "
            "staff member was present (10.2). Non-medical staff are present only for one of "
            "the reasons of 11.1; a man among them is recorded with a warning (11.2)."
        ),
        page=Page(
            "women/<uuid:uuid>/encounters/",
            EncounterForm,
            done=encounter_recorded,
            then=to_file,
            again=back_to_file,
            name="record-encounter",
            form_kwargs=encounter_form,
        ),
    ),
    # Mental health (Rules 12, 13, 16)
    Action(
        "assessment",
        "prisoners/<uuid:uuid>/mental-health-assessments/",
        "Record a mental-health and suicide/self-harm risk assessment (Rules 12, 16)",
        C.record_assessment,
        io.AssessmentSerializer,
        io.AssessmentInput,
        created=True,
        description="Closes the re-checks due after times of distress (Rule 13).",
        page=on_file(
            "women/<uuid:uuid>/mental-health/assessments/",
            AssessmentForm,
            name="record-assessment",
            prefix=fixed("assessment"),
            done=_("Assessment recorded."),
        ),
    ),
    Action(
        "observation",
        "prisoners/<uuid:uuid>/observation-level/",
        "Set or review her observation level (Rule 16)",
        C.set_observation_level,
        io.ObservationSerializer,
        io.ObservationInput,
        created=True,
        description="Custody staff see the level as her flag, never the reason.",
        page=on_file(
            "women/<uuid:uuid>/mental-health/observation/",
            ObservationForm,
            name="set-observation",
            prefix=fixed("observation"),
            done=_("Observation level recorded."),
        ),
    ),
    Action(
        "segregation-clearance",
        "prisoners/<uuid:uuid>/segregation-clearance/",
        "Record that segregation is safe for her under observation (Rule 16)",
        C.clear_for_segregation,
        io.SegregationClearanceSerializer,
        io.SegregationClearanceInput,
        created=True,
        description=(
            "Under observation she is not segregated (her 'No segregation' flag) until a "
            "clinician records why it is safe for her; it lapses when her observation level "
            "changes. Custody staff see the flag, never this record."
        ),
        page=on_file(
            "women/<uuid:uuid>/mental-health/segregation-clearance/",
            SegregationClearanceForm,
            name="clear-for-segregation",
            prefix=fixed("clearance"),
            done=_(
                "Recorded: segregation is safe for her at this observation level (Rule 16). It "
                "lapses when her level changes."
            ),
        ),
    ),
    Action(
        "distress",
        "prisoners/<uuid:uuid>/distress-events/",
        "Record a time of particular distress: she is seen again (Rule 13)",
        C.record_distress_event,
        io.DistressSerializer,
        io.DistressInput,
        created=True,
        page=on_file(
            "women/<uuid:uuid>/mental-health/distress/",
            DistressForm,
            name="record-distress",
            prefix=fixed("distress"),
            done=_("Recorded: a health check is due (Rule 13)."),
        ),
    ),
]

NAMED = {action.name: action for action in ACTIONS}
