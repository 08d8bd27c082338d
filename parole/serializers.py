"""What the parole API reads and writes (Rules 45, 59, 63, 64). Inputs check the shape of a
request; the services judge the Rules (409 naming the rule). The caretaking section of a
parole review, which may name her children, is shown only to roles that read children's
identities (Rule 3.2)."""

from rest_framework import serializers

from bangkok import late
from bangkok.api_fields import StrictBooleanField, StrictCharField

from . import services
from .models import (
    CustodyReview,
    EligibilityReview,
    HomeTransfer,
    LeaveKind,
    LeaveOutcome,
    LeaveReason,
    LeaveRequest,
    NonCustodialOutcome,
    NonCustodialReview,
    NotPursued,
    ParoleReview,
    ProtectiveCustody,
    Recommendation,
    RefusalGround,
    TransferInitiative,
)


def staff(source=None, *, until_done=False):
    """Who did it, by username; `until_done`: null until it is done (a decision, a return)."""
    return serializers.SlugRelatedField(
        source=source, slug_field="username", read_only=True, allow_null=until_done
    )


def text(max_length=3000, required=True, **kwargs):
    if not required:
        kwargs.update(required=False, allow_blank=True, default="")
    return StrictCharField(max_length=max_length, **kwargs)


class LeaveRequestSerializer(serializers.ModelSerializer):
    """`details` and `destination` are absent for a role that reads neither children's
    identities nor decides leave (Rule 3.2): they may name her children and where they live."""

    woman = serializers.UUIDField(source="prisoner.uuid", read_only=True)
    requested_by = staff()
    decided_by = staff(until_done=True)
    outcome_by = staff(until_done=True)

    class Meta:
        model = LeaveRequest
        fields = [
            "uuid",
            "woman",
            "kind",
            "reason",
            "details",
            "destination",
            "starts_at",
            "returns_by",
            "her_request",
            "requested_by",
            "requested_at",
            "status",
            "decided_by",
            "decided_at",
            "refusal_ground",
            "decision_reasons",
            "conditions",
            "set_aside_at",
            "outcome",
            "returned_at",
            "outcome_note",
            "return_late_reason",
            "outcome_by",
            "outcome_at",
            "version",
        ]
        # Absent for some readers, so never promised (see the class's note).
        extra_kwargs = {"details": {"required": False}, "destination": {"required": False}}

    def to_representation(self, instance):
        shown = super().to_representation(instance)
        viewer = self.context.get("viewer")
        if viewer is None or not services.reads_leave_details(viewer):
            shown.pop("details")
            shown.pop("destination")
        return shown


def leave_answer(request, result):
    return LeaveRequestSerializer(result, context={"viewer": request.user}).data


class LeaveRequestInput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=LeaveKind.choices)
    reason = serializers.ChoiceField(choices=LeaveReason.choices)
    details = text()
    destination = text(300)
    starts_at = serializers.DateTimeField()
    returns_by = serializers.DateTimeField()
    her_request = StrictBooleanField(
        required=False, default=True, help_text="false: staff asked for her."
    )


class LeaveDecisionInput(serializers.Serializer):
    grant = StrictBooleanField()
    reasons = text(required=False, help_text="Required to refuse (Rule 45).")
    refusal_ground = serializers.ChoiceField(
        choices=RefusalGround.choices,
        required=False,
        allow_blank=True,
        default="",
        help_text="Required to refuse. `discipline` is refused (409, Rule 23).",
    )
    conditions = text(required=False)


class LeaveReturnInput(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=LeaveOutcome.choices)
    returned_at = serializers.DateTimeField(required=False, default=None)
    note = text(required=False)
    late_reason = late.api_field()


class EligibilityReviewSerializer(serializers.ModelSerializer):
    reviewed_by = staff()

    class Meta:
        model = EligibilityReview
        fields = ["uuid", "eligible", "reasons", "next_review_on", "reviewed_by", "reviewed_at"]


class EligibilityInput(serializers.Serializer):
    eligible = StrictBooleanField()
    reasons = text()


class ParoleReviewSerializer(serializers.ModelSerializer):
    """`caretaking` is absent for a role that doesn't read children's identities; `complete`
    says whether both sections are written."""

    woman = serializers.UUIDField(source="prisoner.uuid", read_only=True)
    prepared_by = staff()
    submitted_by = staff(until_done=True)
    missing_sections = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = ParoleReview
        fields = [
            "uuid",
            "woman",
            "eligibility_date",
            "caretaking",
            "reintegration",
            "recommendation",
            "notes",
            "status",
            "missing_sections",
            "prepared_by",
            "prepared_at",
            "submitted_by",
            "submitted_at",
            "version",
        ]

    def to_representation(self, instance):
        shown = super().to_representation(instance)
        viewer = self.context.get("viewer")
        if viewer is None or not viewer.has_perm(services.READ_CARETAKING):
            shown.pop("caretaking")
        return shown


def parole_answer(request, result):
    return ParoleReviewSerializer(result, context={"viewer": request.user}).data


class ParoleReviewInput(serializers.Serializer):
    eligibility_date = serializers.DateField()
    caretaking = text(5000, required=False)
    reintegration = text(5000, required=False)
    recommendation = serializers.ChoiceField(
        choices=Recommendation.choices, required=False, allow_blank=True, default=""
    )
    notes = text(5000, required=False)


class ParoleSubmitInput(serializers.Serializer):
    """Fields given replace the draft's; both sections must then be written (409, Rule 63)."""

    caretaking = StrictCharField(max_length=5000, required=False, allow_blank=True)
    reintegration = StrictCharField(max_length=5000, required=False, allow_blank=True)
    recommendation = serializers.ChoiceField(choices=Recommendation.choices, required=False)
    notes = StrictCharField(max_length=5000, required=False, allow_blank=True)


class NonCustodialReviewSerializer(serializers.ModelSerializer):
    woman = serializers.UUIDField(source="prisoner.uuid", read_only=True)
    reviewed_by = staff()

    class Meta:
        model = NonCustodialReview
        fields = [
            "uuid",
            "woman",
            "options",
            "outcome",
            "reasons",
            "care_of_children",
            "reviewed_by",
            "reviewed_at",
        ]


class NonCustodialInput(serializers.Serializer):
    options = text(5000)
    outcome = serializers.ChoiceField(choices=NonCustodialOutcome.choices)
    reasons = text(5000)
    care_of_children = text(5000, required=False)


class CustodyReviewSerializer(serializers.ModelSerializer):
    reviewed_by = staff()

    class Meta:
        model = CustodyReview
        fields = [
            "uuid",
            "reviewed_at",
            "reviewed_by",
            "authority_finding",
            "she_still_asks",
            "note",
        ]


class ProtectiveCustodySerializer(serializers.ModelSerializer):
    woman = serializers.UUIDField(source="prisoner.uuid", read_only=True)
    recorded_by = staff()
    ended_by = staff(until_done=True)
    reviews = CustodyReviewSerializer(many=True, read_only=True)

    class Meta:
        model = ProtectiveCustody
        fields = [
            "uuid",
            "woman",
            "at_her_request",
            "her_words",
            "she_signed",
            "supervising_authority",
            "authority_reference",
            "shelter_considered",
            "recorded_by",
            "started_at",
            "ended_at",
            "ended_by",
            "end_reason",
            "end_words",
            "reviews",
            "version",
        ]


class ProtectiveCustodyInput(serializers.Serializer):
    at_her_request = StrictBooleanField(
        help_text="She expressly asked for it; false is refused (409, Rule 59)."
    )
    her_words = text(required=False, help_text="Her request, in her words (Rule 59).")
    she_signed = StrictBooleanField(help_text="She signed it or made her mark.")
    supervising_authority = text(200, required=False)
    authority_reference = text(100, required=False)
    shelter_considered = text()


class CustodyWithdrawInput(serializers.Serializer):
    her_words = text(required=False, help_text="What she said; her word alone ends it.")


class CustodyReviewInput(serializers.Serializer):
    authority_finding = text()
    she_still_asks = StrictBooleanField()
    note = text(required=False)
    ends = StrictBooleanField(required=False, default=False)


class HomeTransferSerializer(serializers.ModelSerializer):
    """Her transfer home (Rule 53.1): how it was considered, her application or consent, the
    decision and her withdrawal."""

    woman = serializers.UUIDField(source="prisoner.uuid", read_only=True)
    recorded_by = staff()
    decided_by = staff(until_done=True)

    class Meta:
        model = HomeTransfer
        fields = [
            "uuid",
            "woman",
            "country",
            "status",
            "not_pursued",
            "agreement",
            "initiative",
            "her_words",
            "consent_on",
            "informed_by",
            "informed_language",
            "children_there",
            "note",
            "recorded_by",
            "recorded_at",
            "authority",
            "decided_on",
            "reasons",
            "decided_by",
            "withdrawn_at",
            "withdrawn_words",
            "version",
        ]
        read_only_fields = fields


class HomeTransferInput(serializers.Serializer):
    country = text(2, help_text="One of her nationalities (ISO 3166), not this country's.")
    pursued = StrictBooleanField(
        help_text="True: she applied or consents, under an agreement (else 409, Rule 53.1)."
    )
    not_pursued = serializers.ChoiceField(
        choices=NotPursued.choices, required=False, allow_blank=True, default=""
    )
    agreement = text(300, required=False)
    initiative = serializers.ChoiceField(
        choices=TransferInitiative.choices, required=False, allow_blank=True, default=""
    )
    her_words = text(required=False, help_text="Her application or consent, in her words.")
    consent_on = serializers.DateField(required=False, allow_null=True, default=None)
    informed_by = text(200, required=False)
    informed_language = text(12, required=False)
    children_there = StrictBooleanField(required=False, default=False)
    note = text(required=False)


class HomeTransferDecisionInput(serializers.Serializer):
    approved = StrictBooleanField()
    authority = text(200)
    decided_on = serializers.DateField()
    reasons = text()
