from rest_framework import serializers

from admissions.models import CourtOutcome
from bangkok.api_fields import StrictCharField, StrictSlugRelatedField

from .models import (
    Attendance,
    CaretakingNotice,
    Hearing,
    HearingKind,
    HearingResult,
    LegalAdviser,
    SafetyScreen,
    SentTo,
)
from .permissions import reads_adviser_contact, reads_caretaking, reads_screen


def _viewer(serializer):
    request = serializer.context.get("request")
    return getattr(request, "user", None)


class CaretakingNoticeSerializer(serializers.ModelSerializer):
    hearing = serializers.UUIDField(source="hearing.uuid", read_only=True)
    summary = serializers.CharField(
        read_only=True,
        required=False,
        help_text="Only for a role that reads children's identities (Rule 3.2); else absent.",
    )

    class Meta:
        model = CaretakingNotice
        fields = ["uuid", "hearing", "sent_to", "recipient", "sent_at", "summary", "recorded_at"]
        read_only_fields = fields

    def to_representation(self, instance):
        data = super().to_representation(instance)
        viewer = _viewer(self)
        if viewer is None or not reads_caretaking(viewer):
            data.pop("summary", None)
        return data


class HearingSerializer(serializers.ModelSerializer):
    prisoner = serializers.UUIDField(source="prisoner.uuid", read_only=True)
    court_outcome = serializers.UUIDField(
        source="court_outcome.uuid", read_only=True, allow_null=True, default=None
    )
    notices = CaretakingNoticeSerializer(many=True, read_only=True)
    # Empty until what happened is recorded (the schema says so: "" is one of its values).
    result = serializers.ChoiceField(
        choices=HearingResult.choices, allow_blank=True, read_only=True
    )

    class Meta:
        model = Hearing
        fields = [
            "uuid",
            "prisoner",
            "at",
            "court",
            "kind",
            "attendance",
            "reference",
            "escort_arranged",
            "escort",
            "result",
            "result_note",
            "alternatives",
            "court_outcome",
            "result_at",
            "notices",
            "version",
        ]
        read_only_fields = fields


class HearingListSerializer(serializers.ModelSerializer):
    prisoner = serializers.UUIDField(source="prisoner.uuid", read_only=True)
    prison_number = serializers.CharField(source="prisoner.prison_number", read_only=True)
    noticed = serializers.BooleanField(
        read_only=True, help_text="Her caretaking information was sent (Rule 58)."
    )

    class Meta:
        model = Hearing
        fields = [
            "uuid",
            "prisoner",
            "prison_number",
            "at",
            "court",
            "kind",
            "attendance",
            "escort_arranged",
            "noticed",
        ]
        read_only_fields = fields


class HearingInput(serializers.Serializer):
    at = serializers.DateTimeField()
    court = StrictCharField(max_length=200)
    kind = serializers.ChoiceField(choices=HearingKind.choices)
    attendance = serializers.ChoiceField(choices=Attendance.choices)
    reference = StrictCharField(max_length=100, required=False, allow_blank=True, default="")
    escort_arranged = serializers.BooleanField(required=False, default=False)
    escort = StrictCharField(max_length=300, required=False, allow_blank=True, default="")


class EscortInput(serializers.Serializer):
    escort_arranged = serializers.BooleanField()
    escort = StrictCharField(max_length=300, required=False, allow_blank=True, default="")


class ResultInput(serializers.Serializer):
    result = serializers.ChoiceField(choices=HearingResult.choices)
    result_note = StrictCharField(max_length=2000, required=False, allow_blank=True, default="")
    alternatives = StrictCharField(max_length=4000, required=False, allow_blank=True, default="")
    court_outcome = StrictSlugRelatedField(
        slug_field="uuid",
        queryset=CourtOutcome.objects.all(),
        required=False,
        allow_null=True,
        default=None,
        help_text="The court's decision (admissions) when the hearing changed her legal status.",
    )


class CaretakingInput(serializers.Serializer):
    sent_to = serializers.ChoiceField(choices=SentTo.choices)
    recipient = StrictCharField(max_length=200)
    sent_at = serializers.DateTimeField()
    summary = StrictCharField(max_length=4000)


class AdviserSerializer(serializers.ModelSerializer):
    prisoner = serializers.UUIDField(source="prisoner.uuid", read_only=True)
    # "" when none was given: a plain string, not one the schema promises is an address.
    email = serializers.CharField(
        read_only=True,
        required=False,
        help_text="Only for reception, custody, social workers and the governor.",
    )

    class Meta:
        model = LegalAdviser
        fields = [
            "uuid",
            "prisoner",
            "name",
            "firm",
            "phone",
            "email",
            "address",
            "acting",
            "recorded_at",
            "version",
        ]
        read_only_fields = fields
        extra_kwargs = {
            field: {
                "help_text": "Only for reception, custody, social workers and the governor.",
                "required": False,
            }
            for field in ("phone", "email", "address")
        }

    def to_representation(self, instance):
        data = super().to_representation(instance)
        viewer = _viewer(self)
        if viewer is None or not reads_adviser_contact(viewer):
            for field in ("phone", "email", "address"):
                data.pop(field, None)
        return data


class AdviserInput(serializers.Serializer):
    name = StrictCharField(max_length=200)
    firm = StrictCharField(max_length=200, required=False, allow_blank=True, default="")
    phone = StrictCharField(max_length=50, required=False, allow_blank=True, default="")
    email = serializers.EmailField(required=False, allow_blank=True, default="")
    address = StrictCharField(max_length=300, required=False, allow_blank=True, default="")


class AdviserChange(serializers.Serializer):
    name = StrictCharField(max_length=200, required=False)
    firm = StrictCharField(max_length=200, required=False, allow_blank=True)
    phone = StrictCharField(max_length=50, required=False, allow_blank=True)
    email = serializers.EmailField(required=False, allow_blank=True)
    address = StrictCharField(max_length=300, required=False, allow_blank=True)
    acting = serializers.BooleanField(required=False)


class ScreenSerializer(serializers.ModelSerializer):
    prisoner = serializers.UUIDField(source="prisoner.uuid", read_only=True)

    class Meta:
        model = SafetyScreen
        fields = [
            "uuid",
            "prisoner",
            "screened_at",
            "risks_found",
            "risks",
            "measures",
            "recorded_at",
        ]
        read_only_fields = fields
        extra_kwargs = {
            field: {
                "help_text": "Only for social workers, safeguarding staff and the governor.",
                "required": False,
            }
            for field in ("risks_found", "risks", "measures")
        }

    def to_representation(self, instance):
        data = super().to_representation(instance)
        viewer = _viewer(self)
        if viewer is None or not reads_screen(viewer):
            for field in ("risks_found", "risks", "measures"):
                data.pop(field, None)
        return data


class ScreenInput(serializers.Serializer):
    screened_at = serializers.DateTimeField()
    risks_found = serializers.BooleanField()
    risks = StrictCharField(max_length=4000, required=False, allow_blank=True, default="")
    measures = StrictCharField(max_length=4000, required=False, allow_blank=True, default="")
