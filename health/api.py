"""The health API (Rules 6-18, 48): her clinical file, and one operation per service verb.

The file is health staff's alone; an inspector reads it only while her consent is in force.
Every other role, and every woman outside the caller's facilities, meets the same 404 as a
woman who doesn't exist (`access_clinical_file`); every read is audited with the ids shown.
A write finds the woman (or the record, then its woman) through the same funnel with
`write=True`, validates the body's shape and calls the service, which checks the role and the
Rules: a refusal under a Rule is a 409 naming it, and nothing is written.

The operations are declared once, in `OPERATIONS`; each becomes a view class with its own
request serializer and documented answers.
"""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from admissions.models import Admission
from bangkok.actions import Area, Operation
from bangkok.schema import ERROR
from register.models import Child

from . import reading
from . import serializers as io
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

TAG = "health"
NOT_FOUND = OpenApiResponse(
    ERROR,
    description=(
        "No such record in your facilities, or your role may not record in her clinical file "
        "(the same answer either way)."
    ),
)


@extend_schema(
    tags=[TAG],
    summary="Her clinical file (Rules 6-18, 48; the read is audited)",
    description=(
        "Entry screenings item by item, HIV tests, disclosures, the children living with her "
        "(id, given names and age only) and their screenings, pregnancies with their care "
        "contacts and birth, breastfeeding, preventive screenings and what is due under the "
        "community policy, her request for a woman clinician, encounters with who was present, "
        "mental-health assessments, observation level, times of distress and her consents. "
        "Health staff of her facility; an inspector only while her consent is in force. "
        "Everyone else gets the 404 a woman who doesn't exist gets."
    ),
    responses={200: io.ClinicalFileSerializer, 404: NOT_FOUND},
)
class ClinicalFile(APIView):
    def get(self, request, uuid):
        woman = access_clinical_file(request.user, uuid)
        data, _disclosed = reading.clinical_file(request.user, woman)
        return Response(io.ClinicalFileSerializer(data).data)


# Writing: one operation per service verb


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

OPERATIONS = [
    # Entry screening (Rules 6, 8)
    Operation(
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
    ),
    Operation(
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
    # HIV testing (Rule 6(a))
    Operation(
        "hiv-offer",
        "prisoners/<uuid:uuid>/hiv-tests/",
        "Record that an HIV test was offered and her decision (Rule 6(a))",
        with_her_screening(S.offer_hiv_test),
        io.HivTestSerializer,
        io.HivOfferInput,
        created=True,
        description="Voluntary, never compulsory; declining counts against nothing.",
    ),
    Operation(
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
    ),
    Operation(
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
    ),
    Operation(
        "hiv-result",
        "hiv-tests/<uuid:uuid>/result/",
        "Record the result; post-test counselling is booked (Rule 6(a))",
        S.record_hiv_result,
        io.HivTestSerializer,
        io.HivResultInput,
        model=HivTest,
        arg="test",
        description="400 when no sample was taken.",
    ),
    Operation(
        "hiv-post",
        "hiv-tests/<uuid:uuid>/post/",
        "Record post-test counselling (Rule 6(a))",
        S.record_post_test_counselling,
        io.HivTestSerializer,
        io.HivStepInput,
        model=HivTest,
        arg="test",
        description="400 when there is no result yet.",
    ),
    # Disclosures of abuse (Rule 7)
    Operation(
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
    ),
    Operation(
        "disclosure-legal-action",
        "disclosures/<uuid:uuid>/legal-action/",
        "Record her decision about legal action (Rule 7.1)",
        S.set_legal_action,
        io.DisclosureSerializer,
        io.LegalActionInput,
        model=Disclosure,
        arg="disclosure",
        description="400 once the referral is made.",
    ),
    Operation(
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
    ),
    # Children living with her (Rule 9)
    Operation(
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
    ),
    Operation(
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
    ),
    # Her consent to inspection of the file
    Operation(
        "consent",
        "prisoners/<uuid:uuid>/clinical-consents/",
        "Record her consent to let inspectors read her clinical file",
        S.record_clinical_consent,
        io.ConsentSerializer,
        io.ConsentInput,
        created=True,
        description="For a stated purpose and number of days (CLINICAL_CONSENT_MAX_DAYS at most).",
    ),
    Operation(
        "consent-withdraw",
        "clinical-consents/<uuid:uuid>/withdraw/",
        "Record that she withdrew her consent",
        S.withdraw_clinical_consent,
        io.ConsentSerializer,
        model=ClinicalConsent,
        arg="consent",
        description="Withdrawing a withdrawn consent changes nothing.",
    ),
    # Pregnancy, birth and breastfeeding (Rules 48, 22, 24)
    Operation(
        "pregnancy-declare",
        "prisoners/<uuid:uuid>/pregnancies/",
        "Record that she says she is pregnant (Rules 22, 48)",
        M.declare_pregnancy,
        io.PregnancySerializer,
        io.DeclarePregnancyInput,
        created=True,
        description="Her word counts at once: no segregation. 400 if a pregnancy is open.",
    ),
    Operation(
        "pregnancy-confirm",
        "pregnancies/<uuid:uuid>/confirm/",
        "Confirm the pregnancy with the expected date of delivery (Rule 48)",
        M.confirm_pregnancy,
        io.PregnancySerializer,
        io.ConfirmPregnancyInput,
        model=Pregnancy,
        arg="pregnancy",
        description="Schedules (or moves) the antenatal contacts still to come (WHO 2016).",
    ),
    Operation(
        "pregnancy-rule-out",
        "pregnancies/<uuid:uuid>/rule-out/",
        "A clinician rules the pregnancy out",
        M.rule_out_pregnancy,
        io.PregnancySerializer,
        model=Pregnancy,
        arg="pregnancy",
    ),
    Operation(
        "pregnancy-end",
        "pregnancies/<uuid:uuid>/end/",
        "Record that the pregnancy ended other than by a birth",
        M.end_pregnancy,
        io.PregnancySerializer,
        io.EndPregnancyInput,
        model=Pregnancy,
        arg="pregnancy",
    ),
    Operation(
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
    ),
    Operation(
        "pregnancy-labour",
        "pregnancies/<uuid:uuid>/labour/",
        "Record that labour started: no restraints from now (Rule 24)",
        M.record_labour,
        io.PregnancySerializer,
        io.LabourInput,
        model=Pregnancy,
        arg="pregnancy",
        shown=pregnancy_of,
    ),
    Operation(
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
    ),
    Operation(
        "maternity-contact",
        "maternity-contacts/<uuid:uuid>/done/",
        "Record that an antenatal or postnatal contact took place",
        M.record_contact,
        io.MaternityContactSerializer,
        io.ContactDoneInput,
        model=MaternityContact,
        woman="pregnancy__prisoner",
        arg="contact",
    ),
    Operation(
        "breastfeeding",
        "prisoners/<uuid:uuid>/breastfeeding/",
        "Record her breastfeeding status and the support given (Rule 48.2)",
        M.record_breastfeeding,
        io.BreastfeedingSerializer,
        io.BreastfeedingInput,
        created=True,
        rules=("48.2",),
        description="A restriction without a specific health reason is refused (409).",
    ),
    # Preventive care (Rules 17, 18)
    Operation(
        "preventive-record",
        "prisoners/<uuid:uuid>/preventive-screenings/",
        "Record a preventive screening offered to her, or one she reports (Rule 18)",
        P.record_preventive_screening,
        io.PreventiveSerializer,
        io.PreventiveInput,
        created=True,
        rules=("8",),
        description="Declining is her right and keeps no result (409 with one).",
    ),
    Operation(
        "preventive-check",
        "prisoners/<uuid:uuid>/preventive-screenings/check/",
        "Check what is due under the community policy and book reminders (Rule 18)",
        P.schedule_preventive_care,
        io.DueSerializer,
        many=True,
    ),
    Operation(
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
    ),
    Operation(
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
    ),
    # Encounters and her choice of a woman clinician (Rules 10, 11)
    Operation(
        "woman-clinician",
        "prisoners/<uuid:uuid>/woman-clinician-request/",
        "Record her request for a woman physician or nurse (Rule 10.2)",
        C.request_woman_clinician,
        io.WomanClinicianRequestSerializer,
        created=True,
        description="400 if a request is already in force.",
    ),
    Operation(
        "woman-clinician-withdraw",
        "prisoners/<uuid:uuid>/woman-clinician-request/withdraw/",
        "Record that she withdrew her request for a woman clinician (Rule 10.2)",
        C.withdraw_woman_clinician_request,
        io.WomanClinicianRequestSerializer,
        description="400 if no request is in force.",
    ),
    # A clinical restriction on restraints (Rule 24; Mandela 47-49)
    Operation(
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
    ),
    Operation(
        "restraint-restriction-end",
        "restraint-restrictions/<uuid:uuid>/end/",
        "End a clinical restriction on restraining her",
        C.end_restraint_restriction,
        io.RestraintRestrictionSerializer,
        model=RestraintRestriction,
        arg="restriction",
        description="400 if it has ended already.",
    ),
    Operation(
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
    ),
    # Mental health (Rules 12, 13, 16)
    Operation(
        "assessment",
        "prisoners/<uuid:uuid>/mental-health-assessments/",
        "Record a mental-health and suicide/self-harm risk assessment (Rules 12, 16)",
        C.record_assessment,
        io.AssessmentSerializer,
        io.AssessmentInput,
        created=True,
        description="Closes the re-checks due after times of distress (Rule 13).",
    ),
    Operation(
        "observation",
        "prisoners/<uuid:uuid>/observation-level/",
        "Set or review her observation level (Rule 16)",
        C.set_observation_level,
        io.ObservationSerializer,
        io.ObservationInput,
        created=True,
        description="Custody staff see the level as her flag, never the reason.",
    ),
    Operation(
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
    ),
    Operation(
        "distress",
        "prisoners/<uuid:uuid>/distress-events/",
        "Record a time of particular distress: she is seen again (Rule 13)",
        C.record_distress_event,
        io.DistressSerializer,
        io.DistressInput,
        created=True,
    ),
]


AREA = Area(tag=TAG, access=access_clinical_file, not_found=NOT_FOUND, prefix="api-health")
