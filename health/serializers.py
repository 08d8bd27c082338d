"""What the health API reads and writes (Rules 6-18, 48).

Input serializers check the shape of a request only; the services check the role and the
Rules, so a refusal under a Rule reaches the client as a 409 naming it. Strings and booleans
are taken as JSON writes them (no coercion). Output serializers show the clinical file to
those the access funnel lets read it: health staff of her facility, or an inspector while she
consents. A child living with her is shown by id, given names and age only.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from bangkok.api_fields import StrictBooleanField, StrictCharField, StrictIntegerField
from prisoners.models import ObservationLevel
from staff.models import User

from .models import (
    Answer,
    Birth,
    BirthPlace,
    BreastfeedingRecord,
    ChildCheck,
    ChildScreening,
    ClinicalConsent,
    Consent,
    Disclosure,
    DistressEvent,
    DistressKind,
    Encounter,
    EncounterKind,
    EncounterPresence,
    FeedingStatus,
    HivResult,
    HivTest,
    Item,
    LegalAction,
    MaternityContact,
    MentalHealthAssessment,
    ObservationDecision,
    PregnancyOutcome,
    PresenceReason,
    PreventiveScreening,
    RestraintLimit,
    RestraintLimitReason,
    RestraintRestriction,
    RiskLevel,
    ScreeningItem,
    ScreeningKind,
    ScreeningResult,
    SegregationClearance,
    WomanClinicianRequest,
)
from .models.maternity import Pregnancy

# Dates outside these years are typing mistakes; refusing them keeps date arithmetic sane.
EARLIEST, LATEST = 1900, 2200


def _sane_year(value):
    if value is not None and not EARLIEST <= value.year <= LATEST:
        raise serializers.ValidationError(_("That date is out of range."))
    return value


def optional_char(max_length=5000, **kwargs):
    return StrictCharField(
        max_length=max_length, required=False, allow_blank=True, default="", **kwargs
    )


def optional_bool(default=False, **kwargs):
    return StrictBooleanField(required=False, default=default, **kwargs)


NOW = _("Date and hour; now if not given.")


def when(help_text=NOW):
    return serializers.DateTimeField(
        required=False, default=None, validators=[_sane_year], help_text=help_text
    )


def day(help_text="", required=True):
    kwargs = {} if required else {"required": False, "default": None}
    return serializers.DateField(validators=[_sane_year], help_text=help_text, **kwargs)


@extend_schema_field(OpenApiTypes.STR)
class StaffName(serializers.Field):
    """A member of staff, by name (her username if she has none on record)."""

    def to_representation(self, value):
        return value.get_full_name() or value.username


def staff(source=None):
    return StaffName(source=source, read_only=True)


# Input: one serializer per operation


class StartScreeningInput(serializers.Serializer):
    language = StrictCharField(max_length=8, help_text=_("A language she understands, e.g. th."))
    interpreter_used = optional_bool()


class AnswerItemInput(serializers.Serializer):
    item = serializers.ChoiceField(choices=Item.choices)
    answer = serializers.ChoiceField(
        choices=Answer.choices, help_text=_("Declining is a complete answer (Rule 8).")
    )
    finding = optional_char()
    needs_follow_up = optional_bool()


class HivOfferInput(serializers.Serializer):
    consent = serializers.ChoiceField(choices=Consent.choices)
    language = StrictCharField(max_length=8)


class HivStepInput(serializers.Serializer):
    at = when()


class HivResultInput(serializers.Serializer):
    result = serializers.ChoiceField(choices=HivResult.choices)
    at = when()


class DisclosureInput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Disclosure.Kind.choices)
    informed_of_recourse = optional_bool(
        help_text=_("She was told of her right to seek recourse (Rule 7.1).")
    )
    support_offered = optional_bool(help_text=_("Psychological support was offered (Rule 7.2)."))
    support_accepted = StrictBooleanField(required=False, allow_null=True, default=None)
    legal_action = serializers.ChoiceField(
        choices=LegalAction.choices, required=False, default=LegalAction.UNDECIDED
    )


class LegalActionInput(serializers.Serializer):
    legal_action = serializers.ChoiceField(choices=LegalAction.choices)


class ReferralInput(serializers.Serializer):
    authority = StrictCharField(max_length=200)
    at = when()


class ChildScreeningInput(serializers.Serializer):
    by_child_specialist = optional_bool(default=True)
    no_specialist_reason = optional_char(max_length=300)
    findings = optional_char()
    needs_follow_up = optional_bool()


class ChildCheckInput(serializers.Serializer):
    notes = optional_char()


class ConsentInput(serializers.Serializer):
    days = StrictIntegerField(help_text=_("For how many days she lets inspectors read the file."))
    purpose = StrictCharField(max_length=200)


class DeclarePregnancyInput(serializers.Serializer):
    declared_on = day(_("The day she said so; today if not given."), required=False)


class ConfirmPregnancyInput(serializers.Serializer):
    edd = day(_("Expected date of delivery."))


class EndPregnancyInput(serializers.Serializer):
    outcome = serializers.ChoiceField(
        choices=PregnancyOutcome.choices,
        help_text=_("A birth is recorded as such, not here."),
    )
    ended_on = day(_("Today if not given."), required=False)


class CarePlanInput(serializers.Serializer):
    advice_programme = optional_char(help_text=_("Required by Rule 48.1."))
    supplementary_food = optional_char()
    planned_birth_place = serializers.ChoiceField(
        choices=BirthPlace.choices, required=False, allow_blank=True, default=""
    )
    planned_birth_detail = optional_char(max_length=200)


class LabourInput(serializers.Serializer):
    started_at = when()


class BirthInput(serializers.Serializer):
    place = serializers.ChoiceField(choices=BirthPlace.choices)
    born_at = when()
    place_detail = optional_char(max_length=200)
    baby_with_her = optional_bool()
    certificate_checked = optional_bool()


class ContactDoneInput(serializers.Serializer):
    at = when()
    notes = optional_char()


class BreastfeedingInput(serializers.Serializer):
    status = serializers.ChoiceField(choices=FeedingStatus.choices)
    support = optional_char()
    restricted = optional_bool()
    restriction_reason = optional_char(help_text=_("Required for any restriction (Rule 48.2)."))


class PreventiveInput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ScreeningKind.choices)
    done_on = day(_("The day it was offered, or of a test she reports."))
    declined = optional_bool()
    reported = optional_bool()
    result = serializers.ChoiceField(
        choices=ScreeningResult.choices, required=False, allow_blank=True, default=""
    )


class PreventiveResultInput(serializers.Serializer):
    result = serializers.ChoiceField(choices=ScreeningResult.choices)


class FollowUpInput(serializers.Serializer):
    outcome = optional_char(help_text=_("The follow-up closes only with its outcome (Rule 18)."))


class StaffOfHerFacility(serializers.SlugRelatedField):
    """A member of staff of her facility, by username."""

    def __init__(self, **kwargs):
        super().__init__(slug_field="username", queryset=User.objects.none(), **kwargs)

    def get_queryset(self):
        from facilities.scope import staff_of

        woman = self.context.get("woman")
        return staff_of(woman.facility) if woman is not None else User.objects.none()


class EncounterInput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=EncounterKind.choices)
    clinician = StaffOfHerFacility(help_text=_("Username of the health staff member."))
    at = when()
    urgent = optional_bool()
    notes = optional_char()
    woman_unavailable_reason = optional_char(max_length=300)
    woman_present = StaffOfHerFacility(required=False, allow_null=True, default=None)
    non_medical_present = serializers.ListField(
        child=StaffOfHerFacility(), required=False, default=list, max_length=20
    )
    non_medical_reason = serializers.ChoiceField(
        choices=PresenceReason.choices, required=False, allow_blank=True, default=""
    )


class AssessmentInput(serializers.Serializer):
    tool = StrictCharField(max_length=100)
    risk_level = serializers.ChoiceField(choices=RiskLevel.choices)
    care_plan = optional_char()
    observation_level = serializers.ChoiceField(
        choices=ObservationLevel.choices, required=False, allow_blank=True, default=""
    )
    at = when()


class ObservationInput(serializers.Serializer):
    level = serializers.ChoiceField(choices=ObservationLevel.choices)
    reason = optional_char(max_length=300)


class SegregationClearanceInput(serializers.Serializer):
    reason = StrictCharField(max_length=2000)


class RestraintRestrictionInput(serializers.Serializer):
    limit = serializers.ChoiceField(choices=RestraintLimit.choices)
    reason = serializers.ChoiceField(choices=RestraintLimitReason.choices)
    note = optional_char(max_length=300)


class DistressInput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=DistressKind.choices)
    occurred_at = when(_("It may be ahead, such as a court hearing; now if not given."))
    note = optional_char(max_length=300)


# Output: the records of the clinical file


class ScreeningItemSerializer(serializers.ModelSerializer):
    answered_by = staff()

    class Meta:
        model = ScreeningItem
        fields = ["item", "answer", "finding", "needs_follow_up", "answered_at", "answered_by"]


class ScreeningSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    admission = serializers.UUIDField(source="admission.uuid")
    started_at = serializers.DateTimeField()
    language = serializers.CharField()
    interpreter_used = serializers.BooleanField()
    completed_at = serializers.DateTimeField(allow_null=True)
    items = ScreeningItemSerializer(many=True, source="items.all")
    unanswered = serializers.SerializerMethodField()

    def get_unanswered(self, screening) -> list[str]:
        answered = {row.item for row in screening.items.all()}
        return [item for item in Item.values if item not in answered]


class HivTestSerializer(serializers.ModelSerializer):
    class Meta:
        model = HivTest
        fields = [
            "uuid",
            "version",
            "offered_at",
            "consent",
            "language",
            "pre_test_counselling_at",
            "sample_taken_at",
            "result",
            "result_at",
            "post_test_counselling_at",
        ]


class DisclosureSerializer(serializers.ModelSerializer):
    class Meta:
        model = Disclosure
        fields = [
            "uuid",
            "version",
            "kind",
            "disclosed_at",
            "informed_of_recourse_at",
            "support_offered_at",
            "support_accepted",
            "legal_action",
            "referral_authority",
            "referred_at",
        ]


class ChildScreeningSerializer(serializers.ModelSerializer):
    child = serializers.UUIDField(source="child.uuid")
    screened_by = staff()

    class Meta:
        model = ChildScreening
        fields = [
            "uuid",
            "child",
            "screened_at",
            "screened_by",
            "by_child_specialist",
            "no_specialist_reason",
            "findings",
            "needs_follow_up",
        ]


class ChildCheckSerializer(serializers.ModelSerializer):
    child = serializers.UUIDField(source="child.uuid")
    done_by = staff()

    class Meta:
        model = ChildCheck
        fields = [
            "uuid",
            "version",
            "child",
            "age_months",
            "due_on",
            "done_at",
            "done_by",
            "notes",
            "cancelled_at",
        ]


class ChildInCareSerializer(serializers.Serializer):
    """A child living with her: id, given names and age only (Rule 3.2)."""

    uuid = serializers.UUIDField()
    given_names = serializers.CharField()
    age = serializers.IntegerField()
    screenings = ChildScreeningSerializer(many=True, source="health_screenings.all")
    checks = ChildCheckSerializer(many=True, source="health_checks.all")


class ConsentSerializer(serializers.ModelSerializer):
    class Meta:
        model = ClinicalConsent
        fields = ["uuid", "version", "granted_at", "expires_at", "purpose", "withdrawn_at"]


class MaternityContactSerializer(serializers.ModelSerializer):
    class Meta:
        model = MaternityContact
        fields = ["uuid", "version", "stage", "code", "due_at", "done_at", "notes", "cancelled_at"]


class BirthSerializer(serializers.ModelSerializer):
    class Meta:
        model = Birth
        fields = [
            "uuid",
            "labour_started_at",
            "born_at",
            "place",
            "place_detail",
            "baby_with_her",
            "certificate_checked",
            "postpartum_ends_at",
        ]


class PregnancySerializer(serializers.ModelSerializer):
    contacts = MaternityContactSerializer(many=True, source="contacts.all")
    birth = serializers.SerializerMethodField()

    class Meta:
        model = Pregnancy
        fields = [
            "uuid",
            "version",
            "status",
            "declared_on",
            "confirmed_at",
            "edd",
            "ruled_out_at",
            "ended_on",
            "outcome",
            "advice_programme",
            "supplementary_food",
            "planned_birth_place",
            "planned_birth_detail",
            "contacts",
            "birth",
        ]

    @extend_schema_field(BirthSerializer(allow_null=True))
    def get_birth(self, pregnancy):
        try:
            return BirthSerializer(pregnancy.birth).data
        except Birth.DoesNotExist:
            return None


class BreastfeedingSerializer(serializers.ModelSerializer):
    class Meta:
        model = BreastfeedingRecord
        fields = ["uuid", "status", "support", "restricted", "restriction_reason", "recorded_at"]


class PreventiveSerializer(serializers.ModelSerializer):
    follow_up_open = serializers.BooleanField()

    class Meta:
        model = PreventiveScreening
        fields = [
            "uuid",
            "version",
            "kind",
            "done_on",
            "reported",
            "declined",
            "result",
            "next_due",
            "policy",
            "follow_up_open",
            "follow_up_outcome",
            "follow_up_at",
        ]


class DueSerializer(serializers.Serializer):
    programme = serializers.CharField()
    due_on = serializers.DateField()
    reason = serializers.CharField()


class WomanClinicianRequestSerializer(serializers.ModelSerializer):
    class Meta:
        model = WomanClinicianRequest
        fields = ["uuid", "requested_at", "withdrawn_at"]


class RestraintRestrictionSerializer(serializers.ModelSerializer):
    class Meta:
        model = RestraintRestriction
        fields = ["uuid", "version", "limit", "reason", "note", "recorded_at", "ended_at"]


class PresenceSerializer(serializers.ModelSerializer):
    person = staff()

    class Meta:
        model = EncounterPresence
        fields = ["person", "gender", "role"]


class EncounterSerializer(serializers.ModelSerializer):
    clinician = staff()
    woman_present = StaffName(read_only=True, allow_null=True)
    presences = PresenceSerializer(many=True, source="presences.all")

    class Meta:
        model = Encounter
        fields = [
            "uuid",
            "at",
            "kind",
            "clinician",
            "clinician_gender",
            "urgent",
            "notes",
            "woman_clinician_requested",
            "woman_unavailable_reason",
            "woman_present",
            "non_medical_reason",
            "man_present_warning",
            "presences",
        ]


class AssessmentSerializer(serializers.ModelSerializer):
    assessor = staff()

    class Meta:
        model = MentalHealthAssessment
        fields = ["uuid", "assessed_at", "assessor", "tool", "risk_level", "care_plan"]


class ObservationSerializer(serializers.ModelSerializer):
    class Meta:
        model = ObservationDecision
        fields = ["uuid", "level", "decided_at", "reason"]


class SegregationClearanceSerializer(serializers.ModelSerializer):
    class Meta:
        model = SegregationClearance
        fields = ["uuid", "level", "reason", "decided_at", "lapsed_at"]


class DistressSerializer(serializers.ModelSerializer):
    rechecked = serializers.SerializerMethodField()

    class Meta:
        model = DistressEvent
        fields = ["uuid", "kind", "occurred_at", "note", "rechecked"]

    def get_rechecked(self, event) -> bool:
        return event.rechecked_by_assessment_id is not None


class ClinicalFileSerializer(serializers.Serializer):
    """Her clinical file: every part, each record with its id."""

    woman = serializers.UUIDField()
    screenings = ScreeningSerializer(many=True, help_text=_("Entry screenings, latest first."))
    hiv_tests = HivTestSerializer(many=True)
    disclosures = DisclosureSerializer(many=True)
    children_in_her_care = ChildInCareSerializer(many=True)
    pregnancies = PregnancySerializer(many=True)
    breastfeeding = BreastfeedingSerializer(many=True)
    preventive_screenings = PreventiveSerializer(many=True)
    preventive_due = DueSerializer(many=True)
    preventive_policy = serializers.CharField()
    woman_clinician_request = WomanClinicianRequestSerializer(allow_null=True)
    restraint_restrictions = RestraintRestrictionSerializer(many=True)
    encounters = EncounterSerializer(many=True)
    mental_health_assessments = AssessmentSerializer(many=True)
    observation_level = serializers.ChoiceField(choices=ObservationLevel.choices)
    observation = ObservationSerializer(allow_null=True)
    distress_events = DistressSerializer(many=True)
    consents = ConsentSerializer(many=True)
