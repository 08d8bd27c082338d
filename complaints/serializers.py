from rest_framework import serializers

from bangkok.api_fields import StrictBooleanField, StrictCharField, StrictSlugRelatedField
from staff.models import User

from .models import (
    Channel,
    Complaint,
    HeldAction,
    Kind,
    Measure,
    Perpetrator,
    ProtectionPlan,
    Subject,
    Timing,
)


class ProtectionPlanSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProtectionPlan
        fields = ["uuid", "measures", "moving_her_reason", "support_offered", "made_at"]


class ComplaintStatusSerializer(serializers.ModelSerializer):
    """What the governor sees: that it exists, and its status and deadlines."""

    prisoner = serializers.UUIDField(source="prisoner.uuid")

    class Meta:
        model = Complaint
        fields = [
            "uuid",
            "version",
            "prisoner",
            "received_at",
            "status",
            "acknowledge_by",
            "reply_by",
        ]


class ComplaintSerializer(serializers.ModelSerializer):
    """The whole complaint (T4): safeguarding staff and inspectors; the read is audited."""

    prisoner = serializers.UUIDField(source="prisoner.uuid")
    named_staff = serializers.SlugRelatedField(slug_field="username", many=True, read_only=True)
    assigned_to = serializers.SlugRelatedField(slug_field="username", read_only=True)
    protection_plan = serializers.SerializerMethodField()

    class Meta:
        model = Complaint
        fields = [
            "uuid",
            "version",
            "prisoner",
            "kind",
            "channel",
            "subject",
            "narrative",
            "lodged_by_her",
            "lodged_for_her_by",
            "received_at",
            "named_staff",
            "assigned_to",
            "status",
            "acknowledge_by",
            "acknowledged_at",
            "reply_by",
            "reply",
            "replied_at",
            "closed_at",
            "timing",
            "perpetrator",
            "sexual",
            "wishes_legal_action",
            "referred_at",
            "referred_to",
            "psychological_support_offered_at",
            "protection_plan",
        ]

    def get_protection_plan(self, complaint) -> ProtectionPlanSerializer(allow_null=True):
        plan = getattr(complaint, "protection_plan", None)
        return ProtectionPlanSerializer(plan).data if plan else None


class LodgedSerializer(serializers.ModelSerializer):
    """What the member of staff who lodged it gets back: that it is lodged, nothing more."""

    class Meta:
        model = Complaint
        fields = ["uuid", "version", "kind", "status", "received_at"]


class LodgeInput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Kind.choices)
    channel = serializers.ChoiceField(choices=Channel.choices)
    subject = serializers.ChoiceField(choices=Subject.choices)
    narrative = StrictCharField(max_length=10000)
    lodged_for_her_by = StrictCharField(required=False, allow_blank=True, max_length=200)
    named_staff = serializers.ListField(
        child=StrictSlugRelatedField(slug_field="username", queryset=User.objects.none()),
        required=False,
        default=list,
    )
    timing = serializers.ChoiceField(choices=Timing.choices, required=False, allow_blank=True)
    perpetrator = serializers.ChoiceField(
        choices=Perpetrator.choices, required=False, allow_blank=True
    )
    sexual = StrictBooleanField(required=False, default=False)
    wishes_legal_action = StrictBooleanField(required=False, default=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from facilities.scope import staff_of

        woman = self.context.get("woman")
        if woman is not None:
            self.fields["named_staff"].child.queryset = staff_of(woman.facility)

    def validate(self, data):
        data["lodged_by_her"] = not data.get("lodged_for_her_by")
        if data["kind"] == Kind.ABUSE_REPORT:
            missing = {
                name: ["A report of abuse says this."]
                for name in ("timing", "perpetrator")
                if not data.get(name)
            }
            if missing:
                raise serializers.ValidationError(missing)
        return data


class AssignInput(serializers.Serializer):
    to = StrictSlugRelatedField(slug_field="username", queryset=User.objects.all())


class PlanInput(serializers.Serializer):
    measures = serializers.ListField(
        child=serializers.ChoiceField(choices=Measure.choices), allow_empty=False
    )
    moving_her_reason = StrictCharField(
        required=False, allow_blank=True, default="", max_length=5000
    )
    support_offered = StrictBooleanField()


class ReferInput(serializers.Serializer):
    authority = StrictCharField(max_length=200)


class AnswerInput(serializers.Serializer):
    reply = StrictCharField(max_length=5000)


class HeldActionSerializer(serializers.ModelSerializer):
    prisoner = serializers.UUIDField(source="prisoner.uuid")
    summary = serializers.CharField(
        source="asked", read_only=True, help_text="What was asked, in the reader's language."
    )
    requested_by = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = HeldAction
        fields = [
            "uuid",
            "version",
            "prisoner",
            "kind",
            "summary",
            "status",
            "requested_by",
            "requested_at",
            "safeguarding_at",
            "safeguarding_finds_retaliation",
            "governor_at",
            "governor_finds_retaliation",
            "decided_at",
        ]


class HeldReviewInput(serializers.Serializer):
    retaliatory = StrictBooleanField()
    note = StrictCharField(required=False, allow_blank=True, default="", max_length=5000)
