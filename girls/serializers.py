from rest_framework import serializers

from bangkok.api_fields import StrictCharField

from .models import Event, GuardianNotice, How


class GuardianNoticeSerializer(serializers.ModelSerializer):
    prisoner = serializers.UUIDField(source="prisoner.uuid", read_only=True)

    class Meta:
        model = GuardianNotice
        fields = [
            "uuid",
            "prisoner",
            "event",
            "reached",
            "guardian",
            "relationship",
            "how",
            "told_at",
            "note",
            "recorded_at",
        ]
        read_only_fields = fields


class GuardianNoticeInput(serializers.Serializer):
    event = serializers.ChoiceField(choices=Event.choices)
    reached = serializers.BooleanField()
    guardian = StrictCharField(max_length=200)
    relationship = StrictCharField(max_length=100)
    how = serializers.ChoiceField(choices=How.choices)
    told_at = serializers.DateTimeField()
    note = StrictCharField(max_length=2000, required=False, allow_blank=True, default="")


class GirlSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    prison_number = serializers.CharField()
    given_names = serializers.CharField()
    family_name = serializers.CharField()
    date_of_birth = serializers.DateField()
    facility = serializers.CharField(source="facility.code")
    unit = serializers.CharField(source="unit.code", allow_null=True, default=None)
    came_at = serializers.DateTimeField(
        allow_null=True, help_text="Her admission, or her last transfer in since."
    )
    guardian_told = serializers.BooleanField(
        help_text="Her parent or guardian was told (reached) since she came (Rule 36)."
    )
    in_education = serializers.BooleanField(help_text="She has a place in education (Rule 37).")
