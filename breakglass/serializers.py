from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from bangkok.api_fields import StrictCharField

from .models import Access, Finding, Reason, Review


class BreakGlassReviewSerializer(serializers.ModelSerializer):
    access = serializers.UUIDField(source="access.uuid", read_only=True)
    reviewed_by = serializers.CharField(source="reviewed_by.get_full_name", read_only=True)

    class Meta:
        model = Review
        fields = ["uuid", "access", "finding", "note", "reviewed_by", "reviewed_at"]
        read_only_fields = fields


class BreakGlassAccessSerializer(serializers.ModelSerializer):
    """A break-glass read: whose file, who opened it, why, until when, and its review; never
    anything of the file."""

    prisoner = serializers.UUIDField(source="prisoner.uuid", read_only=True)
    facility = serializers.CharField(source="facility.code", read_only=True)
    opened_by = serializers.CharField(source="opened_by.get_full_name", read_only=True)
    review = serializers.SerializerMethodField()

    class Meta:
        model = Access
        fields = [
            "uuid",
            "prisoner",
            "facility",
            "reason",
            "detail",
            "opened_by",
            "opened_at",
            "until",
            "review",
        ]
        read_only_fields = fields

    @extend_schema_field(BreakGlassReviewSerializer(allow_null=True))
    def get_review(self, access):
        review = getattr(access, "review", None)
        return BreakGlassReviewSerializer(review).data if review is not None else None


class BreakGlassInput(serializers.Serializer):
    # Blank is let through: the service refuses it, naming Rule 8.
    reason = serializers.ChoiceField(choices=Reason.choices, required=False, allow_blank=True)
    detail = StrictCharField(max_length=2000, required=False, allow_blank=True)


class BreakGlassReviewInput(serializers.Serializer):
    finding = serializers.ChoiceField(choices=Finding.choices)
    note = StrictCharField(max_length=2000, required=False, allow_blank=True)


class EmergencyFindingSerializer(serializers.Serializer):
    item = serializers.CharField()
    finding = serializers.CharField()
    needs_follow_up = serializers.BooleanField()


class EmergencyPartSerializer(serializers.Serializer):
    """The emergency part of her clinical file, opened by break-glass (each read audited)."""

    access = BreakGlassAccessSerializer()
    findings = EmergencyFindingSerializer(many=True)
    pregnant = serializers.SerializerMethodField()
    expected_delivery = serializers.DateField(source="pregnancy.edd", allow_null=True, default=None)
    gestational_week = serializers.IntegerField(allow_null=True)
    postpartum_until = serializers.DateTimeField(
        source="birth.postpartum_ends_at", allow_null=True, default=None
    )
    observation_level = serializers.CharField(source="observation.level", default="none")
    risk_of_self_harm = serializers.CharField(
        source="assessment.risk_level", allow_null=True, default=None
    )
    care_plan = serializers.CharField(source="assessment.care_plan", default="")
    restraint_restrictions = serializers.SerializerMethodField()

    def get_pregnant(self, data) -> bool:
        return data["pregnancy"] is not None

    def get_restraint_restrictions(self, data) -> list[str]:
        return [restriction.limit for restriction in data["restraint_restrictions"]]
